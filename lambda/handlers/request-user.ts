// The Alexa account a request belongs to: progress is keyed by it (never by the recognised voice).
import type { RequestEnvelope } from 'ask-sdk-model';
import { RomSkillError } from '../errors';

/** The Alexa account the progress belongs to; a request without one is refused (the error handler answers). */
export function userIdOf(envelope: RequestEnvelope): string {
  const userId: unknown = envelope.context?.System?.user?.userId ?? envelope.session?.user?.userId;
  if (typeof userId !== 'string' || userId === '') throw new RomSkillError('The request carries no user id');
  return userId;
}
