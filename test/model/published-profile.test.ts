// The published models (HEALTH_LOG off, committed under skill-package/ and the stages' copies) take in no
// health record: no pain score reaches the Lambda and no question about when it last hurt is answered, while
// every pain report and emergency of the caregiver corpus still lands where it did. The HEALTH_LOG=detailed
// variant keeps the samples as written.
import { INTENTS, SLOTS } from '../../lambda/intents';
import { LOCALES } from '../../lambda/markets';
import { buildModel } from '../../interactionModels/build-model';
import { checkModel } from '../../interactionModels/check-model';
import { expectedIntents } from '../../scripts/build-models';
import { STAGE_PACKAGES } from '../../scripts/stages';
import { CORPUS } from '../corpus/corpus';
import { evaluate, missTable } from '../corpus/evaluate';
import { committedModel } from '../support/model';

type AnyModel = ReturnType<typeof buildModel> | ReturnType<typeof committedModel>;
const intentOf = (model: AnyModel, name: string) =>
  model.interactionModel.languageModel.intents.find((intent) => intent.name === name);
const PAIN_WORDS = /\b(hurt|hurts|pain|painful|sore)\b/;

describe('the published interaction models (HEALTH_LOG off)', () => {
  const published = [
    ...LOCALES.map((locale) => [`committed ${locale}`, committedModel(locale)] as const),
    ...STAGE_PACKAGES.flatMap((stage) =>
      LOCALES.map((locale) => [`${stage.profile} ${locale}`, buildModel(locale, { healthLog: stage.healthLog, invocationName: stage.invocationName })] as const),
    ),
  ];

  it.each(published)('%s: has no severity slot and no sample that would fill one', (_, model) => {
    for (const intent of model.interactionModel.languageModel.intents) {
      expect([intent.name, (intent.slots ?? []).map((slot) => slot.name)]).not.toEqual([intent.name, expect.arrayContaining([SLOTS.severity])]);
      expect((intent.samples ?? []).filter((sample) => sample.includes(`{${SLOTS.severity}}`))).toEqual([]);
    }
  });

  it.each(published)('%s: never asks when it last hurt (no pain-phrased LastStoppedEarly sample)', (_, model) => {
    const lastStop = intentOf(model, INTENTS.lastStoppedEarly);
    expect(lastStop?.samples?.length).toBeGreaterThanOrEqual(8); // "when did we last stop early" stays
    expect((lastStop?.samples ?? []).filter((sample) => PAIN_WORDS.test(sample))).toEqual([]);
  });

  it.each(published)('%s: still hears a pain report that has a number in it, without keeping the number', (_, model) => {
    const pain = intentOf(model, INTENTS.reportPain)?.samples ?? [];
    expect(pain).toEqual(expect.arrayContaining(['pain level seven', "it's an eight out of ten"]));
    expect(checkModel(model, { expectedIntents: expectedIntents('off') })).toEqual([]);
  });

  it('resolves every pain report and emergency of the corpus as before, with no score and no pain history', () => {
    const outcomes = evaluate(CORPUS, 'off');
    const safety = outcomes.filter((o) => o.entry.intent === INTENTS.reportPain || o.entry.intent === INTENTS.emergency);
    expect(safety.length).toBeGreaterThanOrEqual(60);
    expect(missTable(safety.filter((o) => o.intent !== o.entry.intent))).toEqual([]);
    expect(outcomes.filter((o) => SLOTS.severity in o.slots)).toEqual([]);
    const painHistory = outcomes.filter((o) => o.entry.intent === INTENTS.lastStoppedEarly && PAIN_WORDS.test(o.entry.utterance));
    expect(painHistory.length).toBeGreaterThanOrEqual(3);
    expect(missTable(painHistory.filter((o) => o.intent === INTENTS.lastStoppedEarly))).toEqual([]);
  });
});

describe('the HEALTH_LOG=detailed variant', () => {
  it.each(LOCALES)('%s keeps the severity slot and the pain-history questions as written', (locale) => {
    const model = buildModel(locale, { healthLog: 'detailed' });
    expect(intentOf(model, INTENTS.reportPain)?.slots?.map((slot) => slot.name)).toContain(SLOTS.severity);
    expect(intentOf(model, INTENTS.reportPain)?.samples?.some((sample) => sample.includes(`{${SLOTS.severity}}`))).toBe(true);
    expect(intentOf(model, INTENTS.lastStoppedEarly)?.samples).toContain('when did it last hurt');
    expect(checkModel(model, { expectedIntents: expectedIntents('detailed') })).toEqual([]);
  });
});
