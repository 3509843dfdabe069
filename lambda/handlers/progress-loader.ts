// Loads the user's progress: from the session while it lasts, else from DynamoDB, else a fresh start.
import type { HandlerInput } from 'ask-sdk-core';
import { z } from 'zod';
import { initialState } from '../engine/state';
import type { RoutineState } from '../engine/types';
import { CorruptRecordError, PersistenceError } from '../errors';
import { errorFields, type Logger } from '../logger';
import { RoutineStateSchema } from '../store/progress-record';
import type { ProgressStore } from '../store/progress-store';

export const SESSION_PROGRESS_KEY = 'progress';

const SessionProgressSchema = z.object({ version: z.number().int().nonnegative(), state: RoutineStateSchema });

export type LoadedProgress = {
  state: RoutineState;
  /** The version this turn read; 'any' when a corrupt record is being replaced. */
  expectedVersion: number | 'any';
  /** Stored progress could not be read and was reset: the caregiver is told. */
  reset: boolean;
};

export function sessionProgress(input: HandlerInput): { version: number; state: RoutineState } | null {
  const session = input.requestEnvelope.session;
  if (session === undefined || session.new) return null;
  const parsed = SessionProgressSchema.safeParse(session.attributes?.[SESSION_PROGRESS_KEY]);
  return parsed.success ? parsed.data : null;
}

export async function loadProgress(
  input: HandlerInput,
  store: ProgressStore,
  userKey: string,
  today: string,
  logger: Logger,
): Promise<LoadedProgress> {
  const fromSession = sessionProgress(input);
  if (fromSession !== null) return { state: fromSession.state, expectedVersion: fromSession.version, reset: false };
  const requestId = input.requestEnvelope.request.requestId;
  try {
    const record = await store.load(userKey);
    if (record === null) return { state: initialState(today), expectedVersion: 0, reset: false };
    return { state: record.state, expectedVersion: record.version, reset: false };
  } catch (error) {
    if (error instanceof CorruptRecordError) {
      logger.warn('progress.reset', { requestId, userKey, error: errorFields(error) });
      return { state: initialState(today), expectedVersion: 'any', reset: true };
    }
    if (error instanceof PersistenceError) {
      // The caregiver still gets an answer; the conditional write later refuses to overwrite what we could not read.
      logger.error('progress.load_failed', { requestId, userKey, error: errorFields(error) });
      return { state: initialState(today), expectedVersion: 0, reset: false };
    }
    throw error;
  }
}
