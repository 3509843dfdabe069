// The generated Alexa interaction model (skill-package/interactionModels/custom/en-US.json), validated with zod.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const SlotSchema = z.object({ name: z.string().min(1), type: z.string().min(1) });

const IntentSchema = z.object({
  name: z.string().min(1),
  slots: z.array(SlotSchema).optional(),
  samples: z.array(z.string()).optional(),
});

const TypeValueSchema = z.object({
  id: z.string().optional(),
  name: z.object({ value: z.string().min(1), synonyms: z.array(z.string()).optional() }),
});

const SlotTypeSchema = z.object({ name: z.string().min(1), values: z.array(TypeValueSchema) });

export const InteractionModelSchema = z.object({
  interactionModel: z.object({
    languageModel: z.object({
      invocationName: z.string().min(2),
      modelConfiguration: z.object({ fallbackIntentSensitivity: z.object({ level: z.enum(['LOW', 'MEDIUM', 'HIGH']) }).optional() }).optional(),
      intents: z.array(IntentSchema).min(1),
      types: z.array(SlotTypeSchema).optional(),
    }),
  }),
});

export type InteractionModel = z.infer<typeof InteractionModelSchema>;
export type ModelIntent = z.infer<typeof IntentSchema>;
export type ModelSlotType = z.infer<typeof SlotTypeSchema>;

export const DEFAULT_MODEL_PATH = 'skill-package/interactionModels/custom/en-US.json';

export function parseInteractionModel(json: unknown): InteractionModel {
  const parsed = InteractionModelSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid interaction model: ${issues}`);
  }
  return parsed.data;
}

export async function loadInteractionModel(filePath: string): Promise<InteractionModel> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    const hint = (error as { code?: unknown }).code === 'ENOENT' ? ' (run `npm run models` to generate it)' : '';
    throw new Error(`Cannot read the interaction model at ${filePath}${hint}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`The interaction model at ${filePath} is not JSON`, { cause: error });
  }
  return parseInteractionModel(json);
}
