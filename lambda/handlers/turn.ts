// One turn, the same for every intent: load -> engine -> speech -> save -> response.
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { chooseTimeZone } from '../alexa/time-zone';
import { localDay } from '../engine/day';
import { transition } from '../engine/transition';
import type { RoutineEvent, TransitionResult, TurnInput } from '../engine/types';
import { WriteConflictError } from '../errors';
import { errorFields } from '../logger';
import { stringsFor } from '../speech/locale-strings';
import { render } from '../speech/render';
import { text } from '../speech/ssml';
import { dayRecordOf } from '../store/history-store';
import { userKeyOf } from '../user-key';
import { loadTurn, sessionAttributesFor, type Loaded } from './progress-loader';
import type { SkillDeps } from './skill-deps';

/** What an intent may need to build its event: today's date and, for weekly summaries, the history. */
export type TurnIO = { today: string; userKey: string; deps: SkillDeps; requestId: string };

export type EventSource = RoutineEvent | ((io: TurnIO) => Promise<RoutineEvent>);

function nowOf(input: HandlerInput, deps: SkillDeps): number {
  const parsed = Date.parse(input.requestEnvelope.request.timestamp);
  return Number.isFinite(parsed) ? parsed : deps.clock();
}

export async function runTurn(input: HandlerInput, source: EventSource, deps: SkillDeps): Promise<Response> {
  const envelope = input.requestEnvelope;
  const nowMs = nowOf(input, deps);
  const locale = (envelope.request as { locale?: string }).locale ?? 'en-US';
  const newSession = envelope.session?.new ?? true;
  const userKey = userKeyOf(envelope.context.System.user.userId, deps.config.userKeySecret);
  // The Settings API is asked once a session, alongside the read, and never waited on for long.
  const deviceZone = newSession ? deps.deviceTimeZone(envelope) : Promise.resolve(null);
  const provisionalDay = localDay(nowMs, chooseTimeZone(null, null, locale));
  const loaded = await loadTurn(input, deps.stores, userKey, provisionalDay, deps.logger);
  const device = await deviceZone;
  const turnInput: TurnInput = {
    nowMs,
    today: localDay(nowMs, chooseTimeZone(device, loaded.state.timeZone, locale)),
    newSession,
    recordHealthDetails: deps.config.healthLog === 'detailed',
    plan: loaded.plan,
    timeZone: device,
  };
  const io: TurnIO = { today: turnInput.today, userKey, deps, requestId: envelope.request.requestId };
  const event = typeof source === 'function' ? await source(io) : source;
  const { result, version } = await applyAndSave(input, event, turnInput, loaded, userKey, deps);

  const rendered = render(result.acts, { locale, voiceRatePercent: result.state.prefs.voiceRatePercent });
  const notice = loaded.reset ? `<s>${text(stringsFor(locale).progressReset)}</s> ` : '';
  const builder = input.responseBuilder.speak(notice + rendered.speech);
  if (rendered.reprompt !== null) builder.reprompt(rendered.reprompt);
  if (rendered.card !== null) builder.withSimpleCard(rendered.card.title, rendered.card.text);
  builder.withShouldEndSession(rendered.endSession);
  if (envelope.session !== undefined) {
    input.attributesManager.setSessionAttributes(rendered.endSession ? {} : sessionAttributesFor({ state: result.state, plan: loaded.plan }, version));
  }
  return builder.getResponse();
}

/**
 * Saves the new state conditionally on the version read. If another device (or a retry) wrote first,
 * the event is applied once more to the fresh record, so newer progress is never overwritten.
 * A day that closed this turn goes to history as its own item.
 */
async function applyAndSave(
  input: HandlerInput,
  event: RoutineEvent,
  turnInput: TurnInput,
  loaded: Loaded,
  userKey: string,
  deps: SkillDeps,
): Promise<{ result: TransitionResult; version: number }> {
  const requestId = input.requestEnvelope.request.requestId;
  const { progress } = deps.stores;
  let result = transition(loaded.state, event, turnInput);
  let expectedVersion = loaded.expectedVersion;
  let saved: number | null = null;
  for (let attempt = 0; attempt < 2 && saved === null; attempt += 1) {
    try {
      saved = await progress.save(userKey, { state: result.state, expectedVersion, requestId, nowMs: turnInput.nowMs });
    } catch (error) {
      if (!(error instanceof WriteConflictError) || attempt > 0) {
        deps.logger.error('progress.save_failed', { requestId, userKey, error: errorFields(error) });
        break;
      }
      deps.logger.warn('progress.conflict', { requestId, userKey });
      try {
        const fresh = await progress.load(userKey);
        if (fresh === null) break;
        result = transition(fresh.state, event, turnInput);
        expectedVersion = fresh.version;
      } catch (reloadError) {
        deps.logger.error('progress.reload_failed', { requestId, userKey, error: errorFields(reloadError) });
        break;
      }
    }
  }
  if (result.closedDay !== null) {
    const record = dayRecordOf(result.closedDay, loaded.state.lastTurnAtMs, turnInput.recordHealthDetails);
    await deps.stores.history.putDay(userKey, record).catch((error: unknown) => {
      deps.logger.error('history.save_failed', { requestId, userKey, error: errorFields(error) });
    });
  }
  return { result, version: saved ?? (typeof expectedVersion === 'number' ? expectedVersion : 0) };
}
