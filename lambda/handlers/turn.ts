// One turn, the same for every intent: load -> engine -> speech -> save -> response.
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { localDay } from '../engine/day';
import { defaultProgram } from '../engine/plan';
import { transition } from '../engine/transition';
import type { RoutineEvent, TransitionResult, TurnContext } from '../engine/types';
import { WriteConflictError } from '../errors';
import { errorFields } from '../logger';
import { render } from '../speech/render';
import { stringsFor } from '../speech/locale-strings';
import { userKeyOf } from '../user-key';
import { loadProgress, SESSION_PROGRESS_KEY, type LoadedProgress } from './progress-loader';
import type { SkillDeps } from './skill-deps';

function nowOf(input: HandlerInput, deps: SkillDeps): number {
  const parsed = Date.parse(input.requestEnvelope.request.timestamp);
  return Number.isFinite(parsed) ? parsed : deps.clock();
}

export async function runTurn(input: HandlerInput, event: RoutineEvent, deps: SkillDeps): Promise<Response> {
  const envelope = input.requestEnvelope;
  const nowMs = nowOf(input, deps);
  const locale = (envelope.request as { locale?: string }).locale ?? 'en-US';
  const timeZone = await deps.timeZoneFor(envelope);
  const userKey = userKeyOf(envelope.context.System.user.userId, deps.config.userKeySecret);
  const ctx: TurnContext = {
    nowMs,
    today: localDay(nowMs, timeZone),
    newSession: envelope.session?.new ?? true,
    recordHealthDetails: deps.config.healthLog === 'detailed',
    program: defaultProgram(),
  };
  const loaded = await loadProgress(input, deps.store, userKey, ctx.today, deps.logger);
  const { result, version } = await applyAndSave(input, event, ctx, loaded, userKey, deps);

  const rendered = render(result.acts, { locale, voiceRatePercent: result.state.prefs.voiceRatePercent });
  const notice = loaded.reset ? `<s>${stringsFor(locale).progressReset}</s> ` : '';
  const builder = input.responseBuilder.speak(notice + rendered.speech);
  if (rendered.reprompt !== null) builder.reprompt(rendered.reprompt);
  if (rendered.card !== null) builder.withSimpleCard(rendered.card.title, rendered.card.text);
  builder.withShouldEndSession(rendered.endSession);
  if (envelope.session !== undefined) {
    input.attributesManager.setSessionAttributes(rendered.endSession ? {} : { [SESSION_PROGRESS_KEY]: { version, state: result.state } });
  }
  return builder.getResponse();
}

/**
 * Saves the new state conditionally on the version read. If another device (or a retry) wrote first,
 * the event is applied once more to the fresh record, so newer progress is never overwritten.
 */
async function applyAndSave(
  input: HandlerInput,
  event: RoutineEvent,
  ctx: TurnContext,
  loaded: LoadedProgress,
  userKey: string,
  deps: SkillDeps,
): Promise<{ result: TransitionResult; version: number }> {
  const requestId = input.requestEnvelope.request.requestId;
  let result = transition(loaded.state, event, ctx);
  let expectedVersion = loaded.expectedVersion;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const version = await deps.store.save(userKey, { state: result.state, expectedVersion, requestId, nowMs: ctx.nowMs });
      return { result, version };
    } catch (error) {
      if (!(error instanceof WriteConflictError) || attempt > 0) {
        deps.logger.error('progress.save_failed', { requestId, userKey, error: errorFields(error) });
        break;
      }
      deps.logger.warn('progress.conflict', { requestId, userKey });
      try {
        const fresh = await deps.store.load(userKey);
        if (fresh === null) break;
        result = transition(fresh.state, event, ctx);
        expectedVersion = fresh.version;
      } catch (reloadError) {
        deps.logger.error('progress.reload_failed', { requestId, userKey, error: errorFields(reloadError) });
        break;
      }
    }
  }
  return { result, version: typeof expectedVersion === 'number' ? expectedVersion : 0 };
}
