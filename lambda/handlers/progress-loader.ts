// Loads what a turn starts from: from the session while it lasts, else one read of DynamoDB, else a fresh start.
import type { HandlerInput } from 'ask-sdk-core';
import * as z from 'zod/mini';
import { initialState } from '../engine/state';
import type { RoutineState } from '../engine/types';
import { CorruptRecordError, PersistenceError } from '../errors';
import { errorFields, type Logger } from '../logger';
import { NewerRecordError } from '../store/errors';
import { PLAN_UNKNOWN, readPlan, type PlanReading } from '../store/plan-store';
import { MAX_REQUEST_ID_LENGTH, type SettingsRead } from '../store/progress-store';
import type { StorageDeadline } from '../store/retry';
import { readState, withSettings } from '../store/stored-state';
import type { SkillStores } from './skill-deps';

export const SESSION_KEY = 'rom';
/** Request ids of a session's turns whose write was not confirmed; the oldest are forgotten past this. */
export const MAX_UNSAVED_REQUESTS = 40;

// The session carries the state and the plan as the same plain maps as the stored records, read with the same
// schemas; it is no more trusted than the table.
const SessionSchema = z.object({
  v: z.int().check(z.minimum(0)),
  s: z.unknown(),
  p: z.unknown(),
  u: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(MAX_REQUEST_ID_LENGTH))).check(z.maxLength(MAX_UNSAVED_REQUESTS))),
  /** The stored record is of a newer schema: nothing is written this session. */
  ro: z.optional(z.literal(true)),
  /** The SETTINGS the session read (SettingsRead); absent when it could not read them. */
  sd: z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(64)))),
});

/** What an open session carries: the state, its version, the plan and this session's unconfirmed writes. */
export type SessionProgress = {
  version: number;
  state: RoutineState;
  plan: PlanReading;
  unsaved: readonly string[];
  readOnly: boolean;
  settingsRead: SettingsRead | undefined;
};

export type Loaded = {
  state: RoutineState;
  /** The therapist's plan; null: none (the handout's); 'unknown': it could not be read, and is read again next turn. */
  plan: PlanReading;
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
  /** A stored record is of a newer schema than this code (a rollback): the turn answers but saves nothing. */
  readOnly: boolean;
  /** The SETTINGS this session read, so a save knows whether the lasting fields changed; undefined: it could not read them. */
  settingsRead: SettingsRead | undefined;
};

export function sessionAttributesFor(
  loaded: Pick<Loaded, 'state' | 'plan'> & Partial<Pick<Loaded, 'readOnly' | 'settingsRead'>>,
  version: number,
  unsaved: readonly string[] = [],
): Record<string, unknown> {
  const pending = unsaved.slice(-MAX_UNSAVED_REQUESTS);
  return {
    [SESSION_KEY]: {
      v: version,
      s: loaded.state,
      p: loaded.plan,
      ...(pending.length > 0 ? { u: pending } : {}),
      ...(loaded.readOnly === true ? { ro: true } : {}),
      ...(loaded.settingsRead !== undefined ? { sd: loaded.settingsRead } : {}),
    },
  };
}

/** The progress in a set of session attributes, if it is readable. */
export function progressInAttributes(attributes: Record<string, unknown> | undefined): SessionProgress | null {
  const parsed = SessionSchema.safeParse(attributes?.[SESSION_KEY]);
  if (!parsed.success) return null;
  const state = readState(parsed.data.s);
  const carried = parsed.data.p;
  const plan = carried === null || carried === PLAN_UNKNOWN ? { ok: true as const, plan: carried } : readPlan(carried);
  if (!state.ok || !plan.ok) return null;
  return { version: parsed.data.v, state: state.value, plan: plan.plan, unsaved: parsed.data.u ?? [], readOnly: parsed.data.ro === true, settingsRead: parsed.data.sd };
}

/** What an open session carries, if it is readable. */
export function sessionProgress(envelope: HandlerInput['requestEnvelope']): SessionProgress | null {
  const session = envelope.session;
  if (session === undefined || session.new) return null;
  return progressInAttributes(session.attributes);
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
  const requestId = input.requestEnvelope.request.requestId;
  const carried = sessionProgress(input.requestEnvelope);
  if (carried !== null) {
    const fromSession = { ...carried, expectedVersion: carried.version, reset: false, lastRequestId: null };
    if (carried.plan !== PLAN_UNKNOWN) return fromSession;
    return { ...fromSession, plan: await planAgain(stores, userKey, logger, requestId, deadline) };
  }
  try {
    const records = await stores.users.load(userKey, deadline);
    for (const problem of records.problems) logger.error(problem.event, { requestId, userKey, error: errorFields(problem.error) });
    const { progress, settings, plan } = records;
    const fresh = { plan, reset: false, lastRequestId: null, unsaved: [], readOnly: false, settingsRead: records.settingsRead ?? null };
    if (progress instanceof NewerRecordError || settings instanceof NewerRecordError) {
      // Written by newer code: answered from a fresh state, and left exactly as it is.
      logger.error('progress.newer_schema', { requestId, userKey, error: errorFields(progress instanceof NewerRecordError ? progress : settings) });
      return { ...fresh, state: initialState(startDay()), expectedVersion: 0, readOnly: true };
    }
    const lasting = settings instanceof CorruptRecordError ? null : settings;
    if (settings instanceof CorruptRecordError) logger.warn('settings.reset', { requestId, userKey, error: errorFields(settings) });
    if (progress instanceof CorruptRecordError) {
      logger.warn('progress.reset', { requestId, userKey, error: errorFields(progress) });
      return { ...fresh, state: withSettings(initialState(startDay()), lasting), expectedVersion: 'any', reset: true };
    }
    // No PROGRESS (a new user, or one away for more than its 30 days): a new day with the lasting settings.
    if (progress === null) return { ...fresh, state: withSettings(initialState(startDay()), lasting), expectedVersion: 0 };
    return { ...fresh, state: progress.state, expectedVersion: progress.version, lastRequestId: progress.lastRequestId };
  } catch (error) {
    if (!(error instanceof PersistenceError)) throw error;
    // The caregiver still gets an answer; the conditional write later refuses to overwrite what we could not read,
    // and the plan is read again next turn.
    logger.error('progress.load_failed', { requestId, userKey, error: errorFields(error) });
    return { state: initialState(startDay()), plan: PLAN_UNKNOWN, expectedVersion: 0, reset: false, lastRequestId: null, unsaved: [], readOnly: false, settingsRead: undefined };
  }
}

async function planAgain(stores: SkillStores, userKey: string, logger: Logger, requestId: string, deadline: StorageDeadline): Promise<PlanReading> {
  try {
    const { plan, problems } = await stores.users.loadPlan(userKey, deadline);
    for (const problem of problems) logger.error(problem.event, { requestId, userKey, error: errorFields(problem.error) });
    return plan;
  } catch (error) {
    if (!(error instanceof PersistenceError)) throw error;
    logger.error('plan.load_failed', { requestId, userKey, error: errorFields(error) });
    return PLAN_UNKNOWN;
  }
}
