// Assembles a locale's interaction model: the shared English samples with that market's words, the market's
// own phrasing, the slots lambda/intents.ts declares, and the slot types built from the catalog.
import { INTENTS, INTENT_SLOTS, type IntentName } from '../lambda/intents';
import { LOCALES, MARKETS, type Locale } from '../lambda/markets';
import type { InteractionModel } from './model-types';
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

export function buildModel(locale: Locale): InteractionModel {
  const samples = samplesFor(locale);
  const intents = Object.values(INTENTS).map((name) => {
    const slots = INTENT_SLOTS[name];
    return { name, ...(slots ? { slots: slots.map((s) => ({ name: s.name, type: s.type })) } : {}), samples: samples[name] };
  });
  return {
    interactionModel: {
      languageModel: {
        invocationName: INVOCATION_NAME,
        modelConfiguration: { fallbackIntentSensitivity: { level: 'LOW' } },
        intents,
        types: [routineSlotType(), exerciseSlotType(), sideSlotType(), bodyPartSlotType(), regionSlotType(), periodSlotType()],
      },
    },
  };
}
