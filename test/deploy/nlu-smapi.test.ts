// After the first deploy: the conflict check (profile-nlu over the model's samples) and the NLU evaluation seeded
// from the caregiver corpus, with SMAPI replaced by a recorder; and the corpus as annotations for the published model.
import { INTENTS, SLOTS } from '../../lambda/intents';
import { annotationsFor } from '../../scripts/nlu-export';
import { findConflicts, literalSamples, startEvaluation, type Smapi } from '../../scripts/nlu-smapi';
import { parseInteractionModel } from '../../scripts/console/interaction-model';
import { buildModel } from '../../interactionModels/build-model';
import { CORPUS } from '../corpus/corpus';
import { committedModel } from '../support/model';

const SKILL_ID = 'amzn1.ask.skill.11111111-2222-3333-4444-555555555555';

function recorder(answer: (args: string[]) => unknown): Smapi & { calls: string[][] } {
  const calls: string[][] = [];
  return Object.assign((args: string[]) => {
    calls.push(args);
    return answer(args);
  }, { calls });
}

describe('the conflict check (ask smapi profile-nlu)', () => {
  it('profiles the samples that name no slot, and reports those Alexa resolves to another intent', () => {
    const samples = literalSamples(committedModel('en-US'));
    expect(samples.length).toBeGreaterThan(300);
    expect(samples.every((s) => !s.utterance.includes('{'))).toBe(true);

    const smapi = recorder((args) => {
      const utterance = args[args.indexOf('-u') + 1];
      return utterance === "we're done with this one"
        ? { selectedIntent: { name: 'EndEarlyIntent' }, consideredIntents: [{ name: 'AMAZON.NextIntent' }] }
        : { selectedIntent: { name: samples.find((s) => s.utterance === utterance)?.intent } };
    });
    const few = [
      { intent: 'AMAZON.NextIntent', utterance: "we're done with this one" },
      { intent: INTENTS.reportPain, utterance: 'that hurts' },
    ];
    expect(findConflicts(smapi, SKILL_ID, 'en-US', few)).toEqual([
      { utterance: "we're done with this one", intent: 'AMAZON.NextIntent', resolvedTo: 'EndEarlyIntent', considered: ['AMAZON.NextIntent'] },
    ]);
    expect(smapi.calls[0]).toEqual(['profile-nlu', '-s', SKILL_ID, '-l', 'en-US', '-g', 'development', '-u', "we're done with this one"]);
  });
});

describe('the NLU evaluation', () => {
  it('creates an annotation set, fills it from the exported corpus file, and evaluates the development stage', () => {
    const smapi = recorder((args) => (args[0] === 'create-nlu-annotation-set' ? { id: 'ann-1' } : args[0] === 'create-nlu-evaluations' ? { id: 'eval-1' } : null));
    expect(startEvaluation(smapi, SKILL_ID, 'en-GB', 'dist/nlu/en-GB.json')).toEqual({ annotationId: 'ann-1', evaluationId: 'eval-1' });
    expect(smapi.calls.map((c) => c[0])).toEqual(['create-nlu-annotation-set', 'update-annotations-for-nlu-annotation-sets', 'create-nlu-evaluations']);
    expect(smapi.calls[1]).toEqual(expect.arrayContaining(['--annotation-id', 'ann-1', '--content-type', 'application/json', 'file:dist/nlu/en-GB.json']));
    expect(smapi.calls[2]).toEqual(expect.arrayContaining(['--source-annotation-id', 'ann-1', '-g', 'development', '-l', 'en-GB']));
  });

  it('expects of the published model no severity and no answer to when it last hurt; the detailed model keeps both', () => {
    const entries = CORPUS.filter((e) => e.locale === 'en-US');
    const published = annotationsFor(committedModel('en-US'), entries);
    expect(published.filter((a) => JSON.stringify(a).includes(`"${SLOTS.severity}"`))).toEqual([]);
    expect(published.filter((a) => a.expected[0]?.intent.name === INTENTS.lastStoppedEarly && /hurt|pain/.test(a.inputs.utterance))).toEqual([]);
    expect(published.length).toBeLessThan(entries.length);

    const detailed = annotationsFor(parseInteractionModel(buildModel('en-US', { healthLog: 'detailed' })), entries);
    expect(detailed).toHaveLength(entries.length);
    expect(detailed.some((a) => a.expected[0]?.intent.slots?.[SLOTS.severity] !== undefined)).toBe(true);
  });
});
