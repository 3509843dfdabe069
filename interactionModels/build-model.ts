// Assembles a locale's interaction model: the shared English samples with that market's words, the market's
// own phrasing, the slots lambda/intents.ts declares, and the slot types built from the catalog.
import { INTENTS, INTENT_SLOTS, SLOTS, type IntentName } from '../lambda/intents';
import { LOCALES, MARKETS, type Locale } from '../lambda/markets';
import type { InteractionModel, ModelIntent } from './model-types';
import { sharedSamples } from './samples-en';
import { MARKET_SAMPLES } from './samples-markets';
import { bodyPartSlotType, exerciseSlotType, periodSlotType, regionSlotType, routineSlotType, sideSlotType } from './slot-types';

export const INVOCATION_NAME = 'range of motion coach';
export { LOCALES };

/** Every sample of an intent in one locale, shared ones first, without repeats. */
export function samplesFor(locale: Locale): Record<IntentName, string[]> {
  const shared = sharedSamples(MARKETS[locale]);
  const result = {} as Record<IntentName, string[]>;
  for (const name of Object.values(INTENTS)) {
    const extra = MARKET_SAMPLES[locale].flatMap((table) => table[name] ?? []);
    result[name] = [...new Set([...shared[name], ...extra])];
  }
  return result;
}

export type BuildOptions = {
  /** What the deployment keeps (lambda/config.ts HEALTH_LOG); 'off', the published profile, by default. */
  healthLog?: HealthLog;
  /** A stage's own invocation name (scripts/stages.ts); INVOCATION_NAME by default. */
  invocationName?: string;
};

export function buildModel(locale: Locale, options: BuildOptions = {}): InteractionModel {
  const samples = samplesFor(locale);
  const intents = forHealthLog(
    options.healthLog ?? 'off',
    Object.values(INTENTS).map((name) => {
      const slots = INTENT_SLOTS[name];
      return { name, ...(slots ? { slots: slots.map((s) => ({ name: s.name, type: s.type })) } : {}), samples: samples[name] };
    }),
  );
  return {
    interactionModel: {
      languageModel: {
        invocationName: options.invocationName ?? INVOCATION_NAME,
        modelConfiguration: { fallbackIntentSensitivity: { level: 'LOW' } },
        intents,
        types: [routineSlotType(), exerciseSlotType(), sideSlotType(), bodyPartSlotType(), regionSlotType(), periodSlotType()],
      },
    },
  };
}

// --- What a model may hear, by HEALTH_LOG (issue 14) ---
// A published skill keeps no health record (README, "Health details are off by default"), so its models
// take in nothing it may not keep: no 0-10 pain score reaches the Lambda (no severity slot) and no question
// about when it last hurt is answered. A pain report with a number in it must still stop the exercise, so
// each sample that carried {severity} stays as literal carrier phrases ("pain is a seven"): Alexa routes
// them to ReportPainIntent and the number goes nowhere. "Stopped early" questions stay. The samples live
// in samples-en.ts; this step only reshapes the health-only ones for the published profile, and a
// HEALTH_LOG=detailed deployment (a family's own, unpublished) gets every sample as written.

export type HealthLog = 'off' | 'detailed';

/** The slots only a HEALTH_LOG=detailed model declares, by intent. */
export const DETAILED_ONLY_SLOTS: Readonly<Partial<Record<IntentName, readonly string[]>>> = {
  [INTENTS.reportPain]: [SLOTS.severity],
};

/** The numbers a dropped slot's samples are spelled out with, so scored pain phrasing still routes to pain. */
const SCORE_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'] as const;

/** The sample with the dropped slot spelled out as each number ("a {severity}" becomes "an eight" for eight). */
function spelledOut(sample: string, slot: string): string[] {
  return SCORE_WORDS.map((word) =>
    sample.replace(new RegExp(`\\b(a|an) \\{${slot}\\}`, 'g'), `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`).replace(`{${slot}}`, word),
  );
}

/** Samples asking about past pain, which only a HEALTH_LOG=detailed model may hear. */
const PAIN_HISTORY = /\b(hurt|hurts|pain|painful|sore)\b/;
const PAIN_HISTORY_INTENTS: readonly string[] = [INTENTS.lastStoppedEarly];

/** A question about when it last hurt: only a HEALTH_LOG=detailed model answers it. */
export const isPainHistoryQuestion = (intent: string, utterance: string): boolean => PAIN_HISTORY_INTENTS.includes(intent) && PAIN_HISTORY.test(utterance);

export function forHealthLog(healthLog: HealthLog, intents: ModelIntent[]): ModelIntent[] {
  if (healthLog === 'detailed') return intents;
  return intents.map((intent) => {
    const dropped = DETAILED_ONLY_SLOTS[intent.name as IntentName] ?? [];
    const kept = (intent.samples ?? []).filter((sample) => !isPainHistoryQuestion(intent.name, sample));
    const samples = [...new Set(kept.flatMap((sample) => dropped.reduce((all, slot) => all.flatMap((s) => (s.includes(`{${slot}}`) ? spelledOut(s, slot) : [s])), [sample])))];
    if (intent.slots === undefined) return { ...intent, samples };
    const slots = intent.slots.filter((slot) => !dropped.includes(slot.name));
    return { name: intent.name, ...(slots.length > 0 ? { slots } : {}), samples };
  });
}
