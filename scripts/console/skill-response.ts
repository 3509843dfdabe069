// The skill's reply, checked with zod: the handler is another team's code and Alexa would reject a malformed one.
import type { ResponseEnvelope } from 'ask-sdk-model';
import { z } from 'zod';

const OutputSpeechSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('SSML'), ssml: z.string(), playBehavior: z.string().optional() }).loose(),
  z.object({ type: z.literal('PlainText'), text: z.string(), playBehavior: z.string().optional() }).loose(),
]);

const ResponseEnvelopeSchema = z
  .object({
    version: z.string(),
    sessionAttributes: z.record(z.string(), z.unknown()).optional(),
    response: z
      .object({
        outputSpeech: OutputSpeechSchema.optional(),
        reprompt: z.object({ outputSpeech: OutputSpeechSchema.optional() }).loose().optional(),
        card: z.object({ type: z.string(), title: z.string().optional() }).loose().optional(),
        directives: z.array(z.object({ type: z.string() }).loose()).optional(),
        shouldEndSession: z.boolean().optional(),
      })
      .loose(),
  })
  .loose();

export function parseSkillResponse(value: unknown): ResponseEnvelope {
  const parsed = ResponseEnvelopeSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new InvalidSkillResponseError(`The skill returned an invalid response: ${issues.join('; ')}`);
  }
  // Checked above for every field the console reads; the rest passes through untouched.
  return value as ResponseEnvelope;
}

export class InvalidSkillResponseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidSkillResponseError';
  }
}
