// Loads what a turn starts from: from the session while it lasts, else one read of DynamoDB, else a fresh start.
import type { HandlerInput } from 'ask-sdk-core';
import * as z from 'zod/mini';
import { initialState } from '../engine/state';
import type { TherapistPlan } from '../engine/therapist-plan';
import type { RoutineState } from '../engine/types';
import { CorruptRecordError, PersistenceError } from '../errors';
import { errorFields, type Logger } from '../logger';
import { planFromText, planToText } from '../store/plan-store';
import { readState } from '../store/progress-record';
import { MAX_REQUEST_ID_LENGTH } from '../store/progress-store';
import type { StorageDeadline } from '../store/retry';
import { encodeState } from '../store/state-codec';
import type { SkillStores } from './skill-deps';

export const SESSION_KEY = 'rom';
/** Request ids of a session's turns whose write was not confirmed; the oldest are forgotten past this. */
export const MAX_UNSAVED_REQUESTS = 40;

/** Far above any real state (a few hundred characters) or plan (under 1 KB), so a forged session cannot make the turn slow. */
const MAX_SESSION_STATE_LENGTH = 4096;
const MAX_SESSION_PLAN_LENGTH = 16_384;

// The session carries the state as the same compact text as the stored record: fewer bytes for Alexa to send
// back, and one decoder for both.
const SessionSchema = z.object({
  v: z.int().check(z.minimum(0)),
  s: z.string().check(z.maxLength(MAX_SESSION_STATE_LENGTH)),
  /** The plan as JSON text: compared, not parsed, when it is the one this container read last. */
  p: z.nullable(z.string().check(z.maxLength(MAX_SESSION_PLAN_LENGTH))),
  u: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(MAX_REQUEST_ID_LENGTH))).check(z.maxLength(MAX_UNSAVED_REQUESTS))),
});

/** What an open session carries: the state, its version, the plan and this session's unconfirmed writes. */
export type SessionProgress = { version: number; state: RoutineState; plan: TherapistPlan | null; unsaved: readonly string[] };

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
  return { [SESSION_KEY]: { v: version, s: encodeState(loaded.state), p: loaded.plan === null ? null : planToText(loaded.plan), ...(pending.length > 0 ? { u: pending } : {}) } };
}

/** The progress in a set of session attributes, if it is readable. */
export function progressInAttributes(attributes: Record<string, unknown> | undefined): SessionProgress | null {
  const parsed = SessionSchema.safeParse(attributes?.[SESSION_KEY]);
  if (!parsed.success) return null;
  const reading = readState(parsed.data.s);
  const plan = parsed.data.p === null ? null : planFromText(parsed.data.p);
  if (!reading.ok || (plan !== null && !plan.ok)) return null;
  return { version: parsed.data.v, state: reading.state, plan: plan === null ? null : plan.plan, unsaved: parsed.data.u ?? [] };
}

/** What an open session carries, if it is readable. */
export function sessionProgress(envelope: HandlerInput['requestEnvelope']): SessionProgress | null {
  const session = envelope.session;
  if (session === undefined || session.new) return null;
  return progressInAttributes(session.attributes);
}

function fromSession(input: HandlerInput): Loaded | null {
  const carried = sessionProgress(input.requestEnvelope);
  return carried === null
    ? null
    : { state: carried.state, plan: carried.plan, expectedVersion: carried.version, reset: false, lastRequestId: null, unsaved: carried.unsaved };
}

/** `startDay` gives the local day a fresh state starts on; it is asked only when there is no readable stored state. */
export async function loadTurn(
  input: HandlerInput,
  stores: SkillStores,
  userKey: string,
  startDay: () => string,
  logger: Logger,
  deadline: StorageDeadline,
): Promise<Loaded> {
  const inSession = fromSession(input);
  if (inSession !== null) return inSession;
  const requestId = input.requestEnvelope.request.requestId;
  try {
    const records = await stores.users.load(userKey, deadline);
    if (records.planProblem !== null) logger.warn('plan.unreadable', { requestId, userKey, error: errorFields(records.planProblem) });
    const { progress, plan } = records;
    if (progress instanceof CorruptRecordError) {
      logger.warn('progress.reset', { requestId, userKey, error: errorFields(progress) });
      return { state: initialState(startDay()), plan, expectedVersion: 'any', reset: true, lastRequestId: null, unsaved: [] };
    }
    if (progress === null) return { state: initialState(startDay()), plan, expectedVersion: 0, reset: false, lastRequestId: null, unsaved: [] };
    return { state: progress.state, plan, expectedVersion: progress.version, reset: false, lastRequestId: progress.lastRequestId, unsaved: [] };
  } catch (error) {
    if (!(error instanceof PersistenceError)) throw error;
    // The caregiver still gets an answer; the conditional write later refuses to overwrite what we could not read.
    logger.error('progress.load_failed', { requestId, userKey, error: errorFields(error) });
    return { state: initialState(startDay()), plan: null, expectedVersion: 0, reset: false, lastRequestId: null, unsaved: [] };
  }
}
