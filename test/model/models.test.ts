// The generated interaction models: committed and fresh, one per market, with each market's words.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CATALOG } from '../../lambda/catalog/catalog';
import { GROUPS } from '../../lambda/catalog/schema';
import { INTENTS, INTENT_SLOTS, SLOT_TYPES } from '../../lambda/intents';
import { LOCALES, MARKETS, marketFor, type Locale } from '../../lambda/markets';
import { buildModel, samplesFor } from '../../interactionModels/build-model';
import { MODEL_DIR, modelJson } from '../../scripts/build-models';

const committed = (locale: Locale): string => readFileSync(path.join(MODEL_DIR, `${locale}.json`), 'utf8');
const samplesOf = (locale: Locale, intent: string): string[] => samplesFor(locale)[intent as keyof ReturnType<typeof samplesFor>] ?? [];
const allSamples = (locale: Locale): string[] => Object.values(samplesFor(locale)).flat();
const typeOf = (locale: Locale, name: string) => buildModel(locale).interactionModel.languageModel.types?.find((t) => t.name === name);

describe('the generated models', () => {
  it.each(LOCALES)('%s is committed and not stale (run npm run models)', (locale) => {
    expect(committed(locale)).toBe(modelJson(locale));
  });

  it.each(LOCALES)('%s declares every intent of lambda/intents.ts with its slots (HEALTH_LOG=detailed: all of them)', (locale) => {
    const intents = buildModel(locale, { healthLog: 'detailed' }).interactionModel.languageModel.intents;
    expect(intents.map((i) => i.name)).toEqual(Object.values(INTENTS));
    for (const intent of intents) expect(intent.slots ?? []).toEqual(INTENT_SLOTS[intent.name as keyof typeof INTENT_SLOTS] ?? []);
  });

  it('writes at least eight samples for every custom intent, in every locale', () => {
    for (const locale of LOCALES) {
      for (const name of Object.values(INTENTS).filter((n) => !n.startsWith('AMAZON.'))) {
        expect([locale, name, samplesOf(locale, name).length >= 8]).toEqual([locale, name, true]);
      }
    }
  });

  it('takes REGION ids exactly from the catalog groups, and PERIOD ids today and week', () => {
    for (const locale of LOCALES) {
      expect(typeOf(locale, SLOT_TYPES.region)?.values.map((v) => v.id)).toEqual([...GROUPS]);
      expect(typeOf(locale, SLOT_TYPES.period)?.values.map((v) => v.id)).toEqual(['today', 'week']);
    }
    const region = typeOf('en-US', SLOT_TYPES.region)?.values ?? [];
    const phrasesOf = (id: string) => region.filter((v) => v.id === id).flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])]);
    expect(phrasesOf('neck')).toEqual(expect.arrayContaining(['neck ones', 'neck exercises', 'neck stretches']));
    expect(phrasesOf('trunk')).toEqual(expect.arrayContaining(['back', 'lower back', 'trunk']));
    expect(phrasesOf('legs')).toEqual(expect.arrayContaining(['leg ones', 'leg exercises']));
    expect(phrasesOf('arms')).toEqual(expect.arrayContaining(['arm ones', 'arm exercises']));
  });

  it('names every exercise and synonym of the catalog in EXERCISE', () => {
    const values = typeOf('en-GB', SLOT_TYPES.exercise)?.values ?? [];
    for (const exercise of CATALOG) {
      const value = values.find((v) => v.id === exercise.id);
      expect([value?.name.value, ...(value?.name.synonyms ?? [])]).toEqual(expect.arrayContaining([exercise.name.toLowerCase(), ...exercise.synonyms]));
    }
  });

  it('keeps chest pain an emergency: chest is not a body part a pain report carries', () => {
    const parts = (typeOf('en-US', SLOT_TYPES.bodyPart)?.values ?? []).flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])]);
    expect(parts).not.toContain('chest');
    expect(samplesOf('en-US', INTENTS.emergency)).toEqual(expect.arrayContaining(['her chest hurts', 'chest pain']));
  });

  it('moved "what\'s left" out of the summary, and plain "stop" is only the built-in', () => {
    expect(samplesOf('en-US', INTENTS.summary)).not.toEqual(expect.arrayContaining(["what's left"]));
    expect(samplesOf('en-US', INTENTS.whatsLeft)).toEqual(expect.arrayContaining(["what's left", 'how much is left']));
    for (const locale of LOCALES) expect(allSamples(locale)).not.toContain('stop');
  });

  describe("each market's words", () => {
    it('says physio in en-GB, en-AU and en-IN, therapist in en-US, in the samples as in speech', () => {
      expect(MARKETS['en-US'].therapist).toBe('therapist');
      for (const locale of ['en-GB', 'en-AU', 'en-IN'] as const) {
        expect(MARKETS[locale].therapist).toBe('physio');
        expect(allSamples(locale).some((s) => s.includes('physio'))).toBe(true);
        expect(allSamples(locale).filter((s) => /\btherapist\b/.test(s))).toEqual([]);
      }
      expect(allSamples('en-US').some((s) => s.includes('physio'))).toBe(false);
      expect(marketFor('en-NZ')).toBe(MARKETS['en-US']);
      expect(marketFor('en-GB')).toBe(MARKETS['en-GB']);
    });

    it('calls the local emergency number', () => {
      expect(samplesOf('en-US', INTENTS.emergency)).toContain('call nine one one');
      expect(samplesOf('en-GB', INTENTS.emergency)).toEqual(expect.arrayContaining(['call nine nine nine', 'ring nine nine nine']));
      expect(samplesOf('en-AU', INTENTS.emergency)).toContain('call triple zero');
      expect(samplesOf('en-IN', INTENTS.emergency)).toContain('call one one two');
      expect(samplesOf('en-GB', INTENTS.emergency)).not.toContain('call nine one one');
    });

    it('hears British tiredness, and Indian English phrasing only in en-IN', () => {
      expect(samplesOf('en-GB', INTENTS.tired)).toEqual(expect.arrayContaining(["she's knackered", "he's whacked"]));
      expect(samplesOf('en-US', INTENTS.tired)).not.toContain("she's knackered");
      expect(samplesOf('en-IN', INTENTS.reportPain)).toEqual(expect.arrayContaining(['she is paining', 'it is paining']));
      expect(samplesOf('en-IN', INTENTS.repeatThat)).toEqual(expect.arrayContaining(['kindly repeat']));
      expect(samplesOf('en-IN', INTENTS.doItAgain)).toEqual(expect.arrayContaining(['do it one more time']));
      expect(samplesOf('en-IN', INTENTS.whatsNext)).toContain('what is next');
      expect(samplesOf('en-US', INTENTS.reportPain)).not.toContain('she is paining');
    });
  });

  it('lambda/markets.ts imports nothing but zod, so the speech layer can read it anywhere', () => {
    const source = readFileSync(path.join(__dirname, '..', '..', 'lambda', 'markets.ts'), 'utf8');
    const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports.every((module) => module === 'zod' || module === 'zod/mini')).toBe(true);
  });
});
