// One turn, the same for every intent: load -> engine -> speech -> save -> response.
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { REMINDERS_PERMISSION } from '../alexa/reminders-api';
import { chooseTimeZone } from '../alexa/time-zone';
import { localDay } from '../engine/day';
import { transition } from '../engine/transition';
import type { Act, RoutineEvent, RoutineState, TransitionResult, TurnInput } from '../engine/types';
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
  if (rendered.permission === 'card') builder.withAskForPermissionsConsentCard([REMINDERS_PERMISSION]);
  if (rendered.permission === 'askByVoice') {
    builder.addDirective({
      type: 'Connections.SendRequest',
      name: 'AskFor',
      payload: { '@type': 'AskForPermissionsConsentRequest', '@version': '1', permissionScope: REMINDERS_PERMISSION },
      token: '',
    });
  }
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
  // A request whose write already landed (its answer was lost, so Alexa sent it again) is not applied twice.
  if (loaded.lastRequestId === requestId) {
    return { result: transition(loaded.state, { type: 'ReplayedRequest' }, turnInput), version: numericVersion(loaded.expectedVersion) };
  }
  // Effects (the Reminders API) run once; a replay after a write conflict reuses their follow-up events.
  const events = [event];
  let result = transition(loaded.state, event, turnInput);
  const followUp = await runEffects(input, result, turnInput, loaded, deps);
  if (followUp !== null) {
    events.push(followUp);
    result = mergeTurns(result, transition(result.state, followUp, turnInput));
  }
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
        if (fresh.lastRequestId === requestId) {
          // Our own earlier attempt was stored; its answer was lost. Answer from it without applying again.
          return { result: transition(fresh.state, { type: 'ReplayedRequest' }, turnInput), version: fresh.version };
        }
        result = replay(fresh.state, events, turnInput);
        expectedVersion = fresh.version;
      } catch (reloadError) {
        deps.logger.error('progress.reload_failed', { requestId, userKey, error: errorFields(reloadError) });
        break;
      }
    }
  }
  if (result.closedDay !== null) {
    // History is keyed by day, so writing it again on a retried request changes nothing.
    const record = dayRecordOf(result.closedDay, loaded.state.lastTurnAtMs, turnInput.recordHealthDetails);
    await deps.stores.history.putDay(userKey, record).catch((error: unknown) => {
      deps.logger.error('history.save_failed', { requestId, userKey, error: errorFields(error) });
    });
  }
  return { result, version: saved ?? numericVersion(expectedVersion) };
}

const numericVersion = (version: number | 'any') => (typeof version === 'number' ? version : 0);

/** The first turn's content, then the follow-up's (whose prompt or close ends the response). */
function mergeTurns(first: TransitionResult, second: TransitionResult): TransitionResult {
  const content = first.acts.filter((a) => a.type !== 'Prompt' && a.type !== 'Close' && !isEffect(a));
  return { state: second.state, acts: [...content, ...second.acts], closedDay: first.closedDay ?? second.closedDay };
}

function replay(state: RoutineState, events: readonly RoutineEvent[], turnInput: TurnInput): TransitionResult {
  const [first, ...rest] = events;
  let result = transition(state, first!, turnInput);
  for (const event of rest) result = mergeTurns(result, transition(result.state, event, turnInput));
  return result;
}

const isEffect = (act: Act): act is Extract<Act, { type: 'CreateReminder' | 'DeleteReminder' }> =>
  act.type === 'CreateReminder' || act.type === 'DeleteReminder';

/** Carries out the effect an act asks for and says how it went, as the engine's next event. */
async function runEffects(input: HandlerInput, result: TransitionResult, turnInput: TurnInput, loaded: Loaded, deps: SkillDeps): Promise<RoutineEvent | null> {
  const effect = result.acts.find(isEffect);
  if (effect === undefined) return null;
  const envelope = input.requestEnvelope;
  if (effect.type === 'DeleteReminder') {
    const removed = await deps.reminders.remove(envelope, effect.alertToken);
    return removed.ok ? { type: 'ReminderDeleted' } : { type: 'ReminderFailed', reason: 'error', hour: 0, minute: 0, askForPermission: false };
  }
  const locale = (envelope.request as { locale?: string }).locale ?? 'en-US';
  const created = await deps.reminders.createDaily(envelope, {
    hour: effect.hour,
    minute: effect.minute,
    timeZone: chooseTimeZone(turnInput.timeZone, result.state.timeZone ?? loaded.state.timeZone, locale),
    locale,
    text: stringsFor(locale).reminderLabel,
    nowMs: turnInput.nowMs,
  });
  return created.ok
    ? { type: 'ReminderCreated', alertToken: created.alertToken, hour: effect.hour, minute: effect.minute }
    : { type: 'ReminderFailed', reason: created.reason, hour: effect.hour, minute: effect.minute, askForPermission: effect.askForPermission };
}
