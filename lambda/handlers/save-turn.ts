// Saving a turn: one conditional write, with the conflicts two devices or a retried request can cause.
import type { HandlerInput } from 'ask-sdk-core';
import { keepOutcomes, mergeTurns, reconcile } from '../engine/merge';
import { transition } from '../engine/transition';
import type { DayRecord, RoutineEvent, TransitionResult, TurnInput } from '../engine/types';
import { WriteConflictError } from '../errors';
import { errorFields } from '../logger';
import { dayRecordOf } from '../store/history-store';
import { settingsReadAfter, storableRequestId, withSettingsDigest, type SettingsRead } from '../store/progress-store';
import { STORAGE_RETRY, storageDeadline, type StorageDeadline } from '../store/retry';
import { userKeyOf } from '../user-key';
import { sessionProgress, type Loaded } from './progress-loader';
import { userIdOf } from './request-user';
import type { SkillDeps } from './skill-deps';
import { effectSkipped, runEffects } from './turn-effects';

/**
 * What a turn saved: the answer, the version and the SETTINGS the session now carries, this session's unconfirmed
 * writes, and whether the stored record now holds this turn (false when its write failed for good).
 */
export type Saved = { result: TransitionResult; version: number; settingsRead: SettingsRead | undefined; unsaved: readonly string[]; landed: boolean };

/** Conflicts handled within one turn before the answer goes out with the write left to the next turn. */
const MAX_SAVE_ROUNDS = 3;

/**
 * Saves the new state conditionally on the version read. When the write conflicts, the stored record is read
 * again and it decides what happens:
 * - it carries this request's id: our own write landed (its answer was lost, or Alexa sent the request twice
 *   at once), so nothing is applied again;
 * - it carries the id of one of this session's unconfirmed turns: it is this state's own past (a write that
 *   failed but landed), so this state is written over it;
 * - anything else is another device or session: the event is applied once more to the stored record, or, when
 *   the routine moved on there, the caregiver is taken to where it now is (see reconcile).
 * A write that fails for good leaves the answer standing: the state rides in the session and the next turn's
 * write catches up. A day that closed this turn goes to history as its own item.
 */
export async function applyAndSave(
  input: HandlerInput,
  event: RoutineEvent,
  turnInput: TurnInput,
  loaded: Loaded,
  userKey: string,
  deps: SkillDeps,
  deadline: StorageDeadline,
): Promise<Saved> {
  const requestId = input.requestEnvelope.request.requestId;
  const { progress } = deps.stores;
  // A request whose write already landed (its answer was lost, so Alexa sent it again) is not applied twice.
  if (loaded.lastRequestId === requestId) {
    return { result: transition(loaded.state, { type: 'ReplayedRequest' }, turnInput), version: numericVersion(loaded.expectedVersion), settingsRead: loaded.settingsRead, unsaved: [], landed: true };
  }
  let result = transition(loaded.state, event, turnInput);
  // A stored record of a newer schema (a rollback) is left as it is: no effect, no write, nothing to catch up.
  if (loaded.readOnly) return { result, version: numericVersion(loaded.expectedVersion), settingsRead: loaded.settingsRead, unsaved: [], landed: false };
  // Effects (the Reminders API) run once: an in-session request Alexa sends again is recognised before them.
  let effectChecked = true;
  if (result.effects.length > 0 && !turnInput.newSession) {
    try {
      const stored = await progress.load(userKey, deadline);
      if (stored !== null && stored.lastRequestId === requestId) {
        return { result: transition(stored.state, { type: 'ReplayedRequest' }, turnInput), version: stored.version, settingsRead: stored.settingsRead, unsaved: [], landed: true };
      }
    } catch (error) {
      // Unchecked, the effect could run a second time (a second reminder): it is skipped and the caregiver asked to retry.
      deps.logger.warn('effect.replay_check_failed', { requestId, userKey, error: errorFields(error) });
      effectChecked = false;
    }
  }
  // A replay after a write conflict reuses the effects' follow-up events.
  const events = [event];
  const followUp = effectChecked ? await runEffects(input, result, turnInput, loaded, deps) : effectSkipped(result);
  if (followUp !== null) {
    events.push(followUp);
    result = mergeTurns(result, transition(result.state, followUp, turnInput));
  }
  result = await fileHistory(result, loaded, turnInput, userKey, deps, requestId, deadline);
  const ours = result;
  let expectedVersion = loaded.expectedVersion;
  let settingsRead = loaded.settingsRead;
  // After a reconcile the state builds on the other writer's record, not on this session's unconfirmed writes.
  let unsaved = loaded.unsaved;
  let saved: number | null = null;
  for (let round = 0; round < MAX_SAVE_ROUNDS && saved === null; round += 1) {
    const request = withSettingsDigest({ state: result.state, expectedVersion, settingsRead, requestId, nowMs: turnInput.nowMs, deadline });
    try {
      saved = await progress.save(userKey, request);
      settingsRead = settingsReadAfter(request);
    } catch (error) {
      if (!(error instanceof WriteConflictError)) {
        deps.logger.error('progress.save_failed', { requestId, userKey, error: errorFields(error) });
        deps.metrics.count('ProgressSaveFailed');
        break;
      }
      deps.logger.warn('progress.conflict', { requestId, userKey });
      deps.metrics.count('WriteConflict');
      let fresh: Awaited<ReturnType<typeof progress.load>>;
      try {
        fresh = await progress.load(userKey, deadline);
      } catch (reloadError) {
        deps.logger.error('progress.reload_failed', { requestId, userKey, error: errorFields(reloadError) });
        break;
      }
      // Gone since (the user disabled the skill): nothing is written back.
      if (fresh === null) break;
      if (fresh.lastRequestId === requestId) {
        // Our own write is stored: answer as it did, from the stored state, without applying it again.
        const same = fresh.version === numericVersion(expectedVersion) + 1;
        return {
          result: same ? { ...result, state: fresh.state } : transition(fresh.state, { type: 'ReplayedRequest' }, turnInput),
          version: fresh.version,
          settingsRead: fresh.settingsRead,
          unsaved: [],
          landed: true,
        };
      }
      expectedVersion = fresh.version;
      settingsRead = fresh.settingsRead;
      if (fresh.lastRequestId !== null && unsaved.includes(fresh.lastRequestId)) {
        deps.logger.info('progress.caught_up', { requestId, userKey });
        continue;
      }
      result = reconcile(fresh.state, loaded.state, ours, events, turnInput);
      unsaved = [];
    }
  }
  if (saved !== null) return { result, version: saved, settingsRead, unsaved: [], landed: true };
  const id = storableRequestId(requestId);
  return { result, version: numericVersion(expectedVersion), settingsRead, unsaved: id === null ? unsaved : [...unsaved, id], landed: false };
}

/**
 * Files in history the day this turn closed, and a day an earlier turn could not file. A day whose write fails
 * rides in the progress record (state.unfiledDay) and is filed by a later turn, so a failed write at a day's close
 * loses nothing. History is keyed by day, so filing a day again (a retried request) changes nothing.
 */
async function fileHistory(
  result: TransitionResult,
  loaded: Loaded,
  turnInput: TurnInput,
  userKey: string,
  deps: SkillDeps,
  requestId: string,
  deadline: StorageDeadline,
): Promise<TransitionResult> {
  const closed = result.closedDay === null ? null : dayRecordOf(result.closedDay, loaded.state.lastTurnAtMs, turnInput.recordHealthDetails);
  const toFile = [result.state.unfiledDay, closed].filter((day): day is DayRecord => day !== null);
  if (toFile.length === 0) return result;
  let unfiledDay: DayRecord | null = null;
  for (const day of toFile) {
    try {
      await deps.stores.history.putDay(userKey, day, deadline);
    } catch (error) {
      deps.logger.error('history.save_failed', { requestId, userKey, error: errorFields(error), detail: unfiledDay === null ? undefined : 'an older unfiled day was dropped' });
      unfiledDay = day;
    }
  }
  return { ...result, state: { ...result.state, unfiledDay } };
}

/**
 * For the SessionEndedRequest handler: when the session ends (the microphone timed out) right after a turn
 * whose write failed for good, the state it carries is written now, so what the caregiver heard is not lost.
 * Nothing happens when every write of the session was confirmed. Another writer's newer record is kept,
 * with the steps this session completed added to it.
 */
export async function saveEndedSession(envelope: HandlerInput['requestEnvelope'], deps: SkillDeps): Promise<'nothing' | 'saved' | 'failed'> {
  const carried = sessionProgress(envelope);
  if (carried === null || carried.unsaved.length === 0) return 'nothing';
  const unsaved = carried.unsaved;
  const requestId = envelope.request.requestId;
  const userKey = userKeyOf(userIdOf(envelope), deps.config.userKeySecret);
  const { progress } = deps.stores;
  const deadline = storageDeadline(STORAGE_RETRY.turnBudgetMs);
  let state = carried.state;
  let expectedVersion = carried.version;
  let settingsRead = carried.settingsRead;
  for (let round = 0; round < MAX_SAVE_ROUNDS; round += 1) {
    try {
      await progress.save(userKey, { state, expectedVersion, settingsRead, requestId, nowMs: state.lastTurnAtMs ?? deps.clock(), deadline });
      deps.logger.info('progress.caught_up_at_session_end', { requestId, userKey });
      return 'saved';
    } catch (error) {
      if (!(error instanceof WriteConflictError)) break;
      deps.metrics.count('WriteConflict');
      const fresh = await progress.load(userKey, deadline).catch(() => null);
      if (fresh === null) break;
      if (fresh.lastRequestId === null || !unsaved.includes(fresh.lastRequestId)) {
        state = keepOutcomes({ state: fresh.state, say: [], then: { type: 'Close', reason: 'goodbye' }, effects: [], closedDay: null }, carried.state).state;
      }
      expectedVersion = fresh.version;
      settingsRead = fresh.settingsRead;
    }
  }
  deps.logger.error('progress.session_end_save_failed', { requestId, userKey });
  deps.metrics.count('ProgressSaveFailed');
  return 'failed';
}

const numericVersion = (version: number | 'any') => (typeof version === 'number' ? version : 0);
