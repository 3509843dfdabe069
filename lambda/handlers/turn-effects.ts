// Effects the engine asks for (the Reminders API), carried out once per turn, and replaying turns on a conflict.
import { getLocale, type HandlerInput } from 'ask-sdk-core';
import type { RoutineEvent, TransitionResult, TurnInput } from '../engine/types';
import { stringsFor } from '../speech/locale-strings';
import { errorFields } from '../logger';
import { newReportCode, reportHash } from '../report-code';
import { userKeyOf } from '../user-key';
import { userIdOf } from './request-user';
import type { Loaded } from './progress-loader';
import type { SkillDeps } from './skill-deps';

/** The follow-up of an effect that was not carried out: the caregiver hears that it did not happen. */
export function effectSkipped(result: TransitionResult): RoutineEvent | null {
  const [effect] = result.effects;
  if (effect?.type === 'CreateReportCode') return { type: 'ReportCodeIssued', code: null, address: null };
  return effect !== undefined ? { type: 'ReminderFailed', reason: 'error', hour: 0, minute: 0, askForPermission: false } : null;
}

/** A new code for the report page (issue 15): drawn from the CSPRNG, stored only as its keyed hash. */
async function createReportCode(input: HandlerInput, turnInput: TurnInput, deps: SkillDeps): Promise<RoutineEvent> {
  const report = deps.report;
  if (report === undefined) return { type: 'ReportCodeIssued', code: null, address: null };
  const secret = deps.config.userKeySecret;
  try {
    const userKey = userKeyOf(userIdOf(input.requestEnvelope), secret);
    const code = await report.codes.issue(userKey, turnInput.nowMs, newReportCode, (c) => reportHash(secret, 'code', c));
    return { type: 'ReportCodeIssued', code, address: report.address };
  } catch (error) {
    deps.logger.error('report.code_failed', { requestId: input.requestEnvelope.request.requestId, error: errorFields(error) });
    return { type: 'ReportCodeIssued', code: null, address: null };
  }
}

/** Carries out the effect an act asks for and says how it went, as the engine's next event. */
export async function runEffects(input: HandlerInput, result: TransitionResult, turnInput: TurnInput, loaded: Loaded, deps: SkillDeps): Promise<RoutineEvent | null> {
  // The engine asks for at most one effect a turn.
  const [effect] = result.effects;
  if (effect === undefined) return null;
  const envelope = input.requestEnvelope;
  if (effect.type === 'CreateReportCode') return createReportCode(input, turnInput, deps);
  if (effect.type === 'DeleteReminder') {
    const removed = await deps.reminders.remove(envelope, effect.alertToken);
    return removed.ok ? { type: 'ReminderDeleted' } : { type: 'ReminderFailed', reason: 'error', hour: 0, minute: 0, askForPermission: false };
  }
  const failed = (reason: 'permission' | 'error' | 'noZone'): RoutineEvent =>
    ({ type: 'ReminderFailed', reason, hour: effect.hour, minute: effect.minute, askForPermission: effect.askForPermission });
  // Only the device's own zone (this session's answer, or the one cached with the user): a guess rings at the wrong hour.
  const timeZone = turnInput.timeZone ?? result.state.timeZone ?? loaded.state.timeZone;
  if (timeZone === null) return failed('noZone');
  // The reminder it replaces goes first, so a failure never leaves two ringing with only one known.
  if (effect.replacing !== null && !(await deps.reminders.remove(envelope, effect.replacing)).ok) return failed('error');
  const locale = getLocale(envelope);
  const created = await deps.reminders.createDaily(envelope, {
    hour: effect.hour,
    minute: effect.minute,
    timeZone,
    locale,
    text: stringsFor(locale).reminderLabel,
    nowMs: turnInput.nowMs,
  });
  return created.ok ? { type: 'ReminderCreated', alertToken: created.alertToken, hour: effect.hour, minute: effect.minute } : failed(created.reason);
}
