// The interaction-model JSON as Alexa reads it, as a zod schema (also used to check generated files).
import { z } from 'zod';

const SlotTypeValueSchema = z.object({
  id: z.string().optional(),
  name: z.object({ value: z.string().min(1), synonyms: z.array(z.string().min(1)).optional() }),
});

export const InteractionModelSchema = z.object({
  interactionModel: z.object({
    languageModel: z.object({
      invocationName: z.string().min(2),
      modelConfiguration: z.object({ fallbackIntentSensitivity: z.object({ level: z.enum(['LOW', 'MEDIUM', 'HIGH']) }) }).optional(),
      intents: z.array(
        z.object({
          name: z.string().min(1),
          slots: z.array(z.object({ name: z.string().min(1), type: z.string().min(1), samples: z.array(z.string()).optional() })).optional(),
          samples: z.array(z.string()).optional(),
        }),
      ),
      types: z.array(z.object({ name: z.string().regex(/^[A-Z_]+$/), values: z.array(SlotTypeValueSchema).min(1) })).optional(),
    }),
  }),
});

export type InteractionModel = z.infer<typeof InteractionModelSchema>;
export type ModelIntent = InteractionModel['interactionModel']['languageModel']['intents'][number];
export type ModelSlotType = NonNullable<InteractionModel['interactionModel']['languageModel']['types']>[number];
