// The interaction-model JSON as Alexa reads it, as a zod schema (also used to check generated files).
// Names follow the interaction-model schema: custom intent names letters and underscores, built-in ones
// "AMAZON.<Name>"; slot names letters, underscores (and digits after the first letter); custom slot type
// names letters and underscores (reference §3.4).
import { z } from 'zod';

const IntentNameSchema = z.string().regex(/^(?:AMAZON\.[A-Za-z]+|[A-Za-z_]+)$/, 'intent names are letters and underscores, or AMAZON.<Name>');
const SlotNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'slot names start with a letter: letters, digits and underscores');
const SlotTypeNameSchema = z.string().regex(/^(?:AMAZON\.[A-Za-z_]+|[A-Za-z_]+)$/, 'slot type names are letters and underscores, or AMAZON.<TYPE>');

const SlotTypeValueSchema = z.object({
  id: z.string().min(1).optional(),
  name: z.object({ value: z.string().min(1), synonyms: z.array(z.string().min(1)).optional() }),
});

export const InteractionModelSchema = z.object({
  interactionModel: z.object({
    languageModel: z.object({
      invocationName: z.string().min(2),
      modelConfiguration: z.object({ fallbackIntentSensitivity: z.object({ level: z.enum(['LOW', 'MEDIUM', 'HIGH']) }) }).optional(),
      intents: z
        .array(
          z.object({
            name: IntentNameSchema,
            slots: z.array(z.object({ name: SlotNameSchema, type: SlotTypeNameSchema, samples: z.array(z.string()).optional() })).optional(),
            samples: z.array(z.string()).optional(),
          }),
        )
        .min(1),
      types: z
        .array(z.object({ name: z.string().regex(/^[A-Za-z_]+$/, 'custom slot type names are letters and underscores'), values: z.array(SlotTypeValueSchema).min(1) }))
        .optional(),
    }),
  }),
});

export type InteractionModel = z.infer<typeof InteractionModelSchema>;
export type ModelIntent = InteractionModel['interactionModel']['languageModel']['intents'][number];
export type ModelSlotType = NonNullable<InteractionModel['interactionModel']['languageModel']['types']>[number];
