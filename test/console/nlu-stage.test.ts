// The NLU stand-in's classifier stage (nlp.js), on the small fixture model: what it learns from the model, what
// it leaves to the exact stage, where it gives up, and that the cache gives the same answers as training.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cachedClassifier } from '../../scripts/console/nlu-cache';
import { createClassifier, featureTokens, trainingUtterances } from '../../scripts/console/nlu-stage';
import { createResolver } from '../../scripts/console/resolver';
import { fixtureModel } from './fixture-model';

const model = fixtureModel();
const trained = createClassifier(model);
const resolver = createResolver(model, { trained });
const idOf = (utterance: string, slot: string) =>
  resolver.resolve(utterance).intent.slots?.[slot]?.resolutions?.resolutionsPerAuthority?.[0]?.values[0]?.value.id;

describe('the NLU stand-in', () => {
  it('learns every custom sample with its slots filled, the phrases of declared built-ins, never a built-in\'s added samples', () => {
    const examples = trainingUtterances(model);
    expect(examples).toContainEqual({ utterance: 'skip this one', intent: 'SkipIntent' });
    expect(examples.some((e) => e.intent === 'GoToExerciseIntent' && /ankle pumps|hip and knee bend|shoulder raise|finger curls/.test(e.utterance))).toBe(true);
    expect(examples.some((e) => /\{/.test(e.utterance))).toBe(false);
    expect(examples).toContainEqual({ utterance: 'next', intent: 'AMAZON.NextIntent' });
    expect(examples.some((e) => e.utterance === 'next exercise')).toBe(false);
    expect(examples.some((e) => e.intent === 'None')).toBe(true);
  });

  it('sees slot phrases as their types and leaves out who is talked about', () => {
    expect(featureTokens('she says her knee hurts', { byPhrase: new Map([['knee', new Set(['BODY_PART'])]]), longest: 1 })).toEqual(['say', '@BODY_PART', 'hurt']);
  });

  it('takes "one" after a slot phrase for which one, not a count ("the butterfly one"), and "one" elsewhere for a number', () => {
    const index = { byPhrase: new Map([['butterfli', new Set(['EXERCISE'])]]), longest: 1 };
    expect(featureTokens('do the butterfly one', index)).toEqual(['do', 'the', '@EXERCISE', 'one']);
    expect(featureTokens('do one butterfly', index)).toEqual(['do', '@NUMBER', '@EXERCISE']);
  });

  it('prefers an exact sample, then generalises a carrier phrase to other words', () => {
    expect(resolver.resolve('skip this one')).toMatchObject({ intent: { name: 'SkipIntent' }, via: 'sample' });
    const general = resolver.resolve('um could we maybe skip this one please');
    expect(general).toMatchObject({ intent: { name: 'SkipIntent' }, via: 'classifier' });
    expect(general.score).toBeGreaterThan(0);
  });

  it('fills slots from values and synonyms where the classifier placed the intent, with entity resolution', () => {
    const result = resolver.resolve('please could we go over to the ankle pumps now on the left side');
    expect(result.intent.name).toBe('GoToExerciseIntent');
    expect(idOf('please could we go over to the ankle pumps now on the left side', 'exercise')).toBe(idOf('go to ankle pumps', 'exercise'));
    expect(result.intent.slots?.side?.resolutions?.resolutionsPerAuthority?.[0]?.status.code).toBe('ER_SUCCESS_MATCH');
  });

  it('sends what it does not know to AMAZON.FallbackIntent, more of it at a higher sensitivity', () => {
    for (const said of ['what is the weather in paris', 'add bananas to my shopping list', '', '   ', '!!!', '12345']) {
      expect([said, resolver.resolve(said).intent.name]).toEqual([said, 'AMAZON.FallbackIntent']);
    }
    const said = 'um the count slower maybe';
    const low = createResolver(model, { trained, sensitivity: 'LOW' }).resolve(said);
    const high = createResolver(model, { trained, sensitivity: 'HIGH' }).resolve(said);
    if (low.via === 'classifier' && (low.score ?? 0) < 0.6) expect(high.intent.name).toBe('AMAZON.FallbackIntent');
  });

  it('answers the same from the cache as from training, and trains again when the model changes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nlu-cache-'));
    try {
      const first = cachedClassifier(model, dir);
      expect(readdirSync(dir)).toHaveLength(1);
      const again = cachedClassifier(model, dir);
      for (const said of ['skip this one please', 'her knee hurts a lot', 'what time is it']) expect(again.classify(said)).toEqual(first.classify(said));
      const changed = structuredClone(model);
      changed.interactionModel.languageModel.intents[0]?.samples?.push('kick off the {routine} session');
      cachedClassifier(changed, dir);
      expect(readdirSync(dir)).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
