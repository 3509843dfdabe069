// One turn, the same for every intent: load -> engine -> speech -> save -> response.
import { getLocale, type HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { REMINDERS_PERMISSION } from '../alexa/reminders-api';
import { chooseTimeZone } from '../alexa/time-zone';
import { localDay } from '../engine/day';
import type { RoutineEvent, TurnInput } from '../engine/types';
import { stringsFor } from '../speech/locale-strings';
import { render } from '../speech/render';
import { text } from '../speech/ssml';
import { STORAGE_RETRY, storageDeadline, turnDeadlines, type StorageDeadline } from '../store/retry';
import { userKeyOf } from '../user-key';
import { loadTurn, sessionAttributesFor } from './progress-loader';
import { userIdOf } from './request-user';
import { applyAndSave } from './save-turn';
import type { SkillDeps } from './skill-deps';

/** What an intent may need to build its event: today's date and, for weekly summaries, the history. */
export type TurnIO = { today: string; userKey: string; deps: SkillDeps; requestId: string; deadline: StorageDeadline };

export type EventSource = RoutineEvent | ((io: TurnIO) => Promise<RoutineEvent>);

function nowOf(input: HandlerInput, deps: SkillDeps): number {
  const { timestamp } = input.requestEnvelope.request;
  const parsed = typeof timestamp === 'string' ? Date.parse(timestamp) : Number.NaN;
  // Outside 1970..9999 is no real request, and would fail the stored record's schema (epoch ms, YYYY-MM-DD days).
  return Number.isFinite(parsed) && parsed >= 0 && parsed < LAST_PLAUSIBLE_MS ? parsed : deps.clock();
}

/** Answers that must not wait on storage: the caregiver is told to stop, or to call for help, at once. */
const SAFETY_EVENTS: ReadonlySet<RoutineEvent['type']> = new Set(['PainReported', 'EmergencyReported']);

const LAST_PLAUSIBLE_MS = Date.parse('9999-12-30T00:00:00Z');

/** One turn, its storage work inside one deadline (lambda/store/retry.ts) so the answer goes out well under 8 s. */
export async function runTurn(input: HandlerInput, source: EventSource, deps: SkillDeps): Promise<Response> {
  const { turn: deadline, load: loadDeadline } = turnDeadlines();
  const envelope = input.requestEnvelope;
  const nowMs = nowOf(input, deps);
  // Typed as always there, but Alexa leaves it out of some requests.
  const locale = (getLocale(envelope) as string | undefined) ?? 'en-US';
  const newSession = envelope.session?.new ?? true;
  const userKey = userKeyOf(userIdOf(envelope), deps.config.userKeySecret);
  // With LOG_LEVEL=info, one line a session says whose it is: how an operator finds a household's key for
  // `plan:import --user` (open the skill, then look for this line at that time). The key is the keyed hash, never the userId.
  if (newSession) deps.logger.info('session.started', { requestId: envelope.request.requestId, userKey });
  // The Settings API is asked when a session starts, alongside the read, and never waited on for long; once it has
  // answered on a local day, the zone kept with the user serves the rest of that day without waiting for it.
  const deviceZone = newSession ? deps.deviceTimeZone(envelope).catch(() => null) : Promise.resolve(null);
  const provisionalDay = () => localDay(nowMs, chooseTimeZone(null, null, locale));
  const loaded = await loadTurn(input, deps.stores, userKey, provisionalDay, deps.logger, loadDeadline);
  const { timeZone: cached, timeZoneCheckedOn } = loaded.state;
  const device = cached !== null && timeZoneCheckedOn === localDay(nowMs, cached) ? null : await deviceZone;
  // Counted once a session: its turns all go by the same guess.
  if (newSession && device === null && cached === null) deps.metrics.count('GuessedTimeZone');
  const turnInput: TurnInput = {
    nowMs,
    today: localDay(nowMs, chooseTimeZone(device, loaded.state.timeZone, locale)),
    newSession,
    recordHealthDetails: deps.config.healthLog === 'detailed',
    // Until the engine takes 'unknown' (TurnInput.plan), an unknown plan is the handout's, as before.
    plan: loaded.plan,
    timeZone: device,
  };
  const io: TurnIO = { today: turnInput.today, userKey, deps, requestId: envelope.request.requestId, deadline };
  const event = typeof source === 'function' ? await source(io) : source;
  const saveDeadline = SAFETY_EVENTS.has(event.type) ? storageDeadline(STORAGE_RETRY.safetySaveBudgetMs, deadline) : deadline;
  const { result, version, settingsRead, unsaved, landed } = await applyAndSave(input, event, turnInput, loaded, userKey, deps, saveDeadline);

  const rendered = render(result, { locale, voiceRatePercent: result.state.prefs.voiceRatePercent, progressSaved: landed });
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
    input.attributesManager.setSessionAttributes(rendered.endSession ? {} : sessionAttributesFor({ ...loaded, state: result.state, settingsRead }, version, unsaved));
  }
  return builder.getResponse();
}
