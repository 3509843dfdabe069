// Assembles a locale's interaction model from the samples and the catalog-derived slot types.
import { INTENTS } from '../lambda/intents';
import type { InteractionModel } from './model-types';
import { INTENT_SLOTS, SAMPLES_EN } from './samples-en';
import { bodyPartSlotType, exerciseSlotType, routineSlotType, sideSlotType } from './slot-types';

export const INVOCATION_NAME = 'range of motion coach';
export const LOCALES = ['en-US'] as const;

export function buildModel(_locale: (typeof LOCALES)[number]): InteractionModel {
  const intents = Object.values(INTENTS).map((name) => {
    const slots = INTENT_SLOTS[name];
    const samples = SAMPLES_EN[name] ?? [];
    return { name, ...(slots ? { slots: slots.map((s) => ({ ...s })) } : {}), samples: [...samples] };
  });
  return {
    interactionModel: {
      languageModel: {
        invocationName: INVOCATION_NAME,
        modelConfiguration: { fallbackIntentSensitivity: { level: 'LOW' } },
        intents,
        types: [routineSlotType(), exerciseSlotType(), sideSlotType(), bodyPartSlotType()],
      },
    },
  };
}
