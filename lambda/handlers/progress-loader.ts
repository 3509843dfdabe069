// Loads what a turn starts from: from the session while it lasts, else one read of DynamoDB, else a fresh start.
import type { HandlerInput } from 'ask-sdk-core';
import * as z from 'zod';
import { initialState } from '../engine/state';
import { TherapistPlanSchema, type TherapistPlan } from '../engine/therapist-plan';
import type { RoutineState } from '../engine/types';
import { CorruptRecordError, PersistenceError } from '../errors';
import { errorFields, type Logger } from '../logger';
import { RoutineStateSchema } from '../store/progress-record';
import type { SkillStores } from './skill-deps';

export const SESSION_KEY = 'rom';
/** Request ids of a session's turns whose write was not confirmed; the oldest are forgotten past this. */
export const MAX_UNSAVED_REQUESTS = 40;

const SessionSchema = z.object({
  version: z.number().int().nonnegative(),
  state: RoutineStateSchema,
  plan: TherapistPlanSchema.nullable(),
  unsaved: z.array(z.string().min(1).max(200)).max(MAX_UNSAVED_REQUESTS).optional(),
});

export type Loaded = {
  state: RoutineState;
  plan: TherapistPlan | null;
  /** The version this turn read; 'any' when a corrupt record is being replaced. */
  expectedVersion: number | 'any';
  /** Stored progress could not be read and was reset: the caregiver is told. */
  reset: boolean;
  /** The request id of the last write, to recognise a request Alexa sends again. */
  lastRequestId: string | null;
  /**
   * This session's earlier turns whose write was not confirmed (it failed, or its answer was lost). The state
   * already holds what they did, so a stored record written by one of them is this state's own past.
   */
  unsaved: readonly string[];
};

export function sessionAttributesFor(loaded: Pick<Loaded, 'state' | 'plan'>, version: number, unsaved: readonly string[] = []): Record<string, unknown> {
  const pending = unsaved.slice(-MAX_UNSAVED_REQUESTS);
  return { [SESSION_KEY]: { version, state: loaded.state, plan: loaded.plan, ...(pending.length > 0 ? { unsaved: pending } : {}) } };
}

/** What an open session carries, if it is readable: the state, its version and its unconfirmed writes. */
export function sessionProgress(envelope: HandlerInput['requestEnvelope']): z.infer<typeof SessionSchema> | null {
  const session = envelope.session;
  if (session === undefined || session.new) return null;
  const parsed = SessionSchema.safeParse(session.attributes?.[SESSION_KEY]);
  return parsed.success ? parsed.data : null;
}

function fromSession(input: HandlerInput): Loaded | null {
  const carried = sessionProgress(input.requestEnvelope);
  return carried === null
    ? null
    : { state: carried.state, plan: carried.plan, expectedVersion: carried.version, reset: false, lastRequestId: null, unsaved: carried.unsaved ?? [] };
}

export async function loadTurn(input: HandlerInput, stores: SkillStores, userKey: string, today: string, logger: Logger): Promise<Loaded> {
  const inSession = fromSession(input);
  if (inSession !== null) return inSession;
  const requestId = input.requestEnvelope.request.requestId;
  try {
    const records = await stores.users.load(userKey);
    if (records.planProblem !== null) logger.warn('plan.unreadable', { requestId, userKey, error: errorFields(records.planProblem) });
    const { progress, plan } = records;
    if (progress instanceof CorruptRecordError) {
      logger.warn('progress.reset', { requestId, userKey, error: errorFields(progress) });
      return { state: initialState(today), plan, expectedVersion: 'any', reset: true, lastRequestId: null, unsaved: [] };
    }
    if (progress === null) return { state: initialState(today), plan, expectedVersion: 0, reset: false, lastRequestId: null, unsaved: [] };
    return { state: progress.state, plan, expectedVersion: progress.version, reset: false, lastRequestId: progress.lastRequestId, unsaved: [] };
  } catch (error) {
    if (!(error instanceof PersistenceError)) throw error;
    // The caregiver still gets an answer; the conditional write later refuses to overwrite what we could not read.
    logger.error('progress.load_failed', { requestId, userKey, error: errorFields(error) });
    return { state: initialState(today), plan: null, expectedVersion: 0, reset: false, lastRequestId: null, unsaved: [] };
  }
}
