// The routine state machine: transition(state, event, input) -> { state, acts }. Pure: no I/O, no clock.
import { answer, launch, resume } from './answers';
import { assertNever } from './assert-never';
import { endEarly } from './ending';
import { informational } from './informational';
import { settleIfInterrupted, type Move } from './moves';
import { anotherSet, goTo, next, previous, ready, repeat, requestRoutine, skip, skipGroup, startOver } from './navigation';
import { changePace, changeVoiceRate } from './preferences';
import { followPlan, withNotice } from './new-plan';
import { describePlan, proposePlanChange } from './plan-changes';
import { programFor } from './program';
import { promptFor } from './prompts';
import { reminder } from './reminders';
import { askCheck, checkDue, emergency, pain, skipAfterPain, warningSign } from './safety';
import { askedAgain, lastOfSessionForgotten, unasked } from './position';
import { rollOver } from './state';
import { PLAN_UNKNOWN } from './therapist-plan';
import type { ContentAct, Effect, PendingQuestion, RoutineEvent, RoutineState, TransitionResult, TurnContext, TurnInput } from './types';

const isEffect = (act: ContentAct | Effect): act is Effect => act.type === 'CreateReminder' || act.type === 'DeleteReminder' || act.type === 'CreateReportCode';

/**
 * Applies one caregiver event. Illegal events leave the routine where it was and say what can be said.
 * @example
 * const { state, acts } = transition(initialState('2026-12-01'), { type: 'StartRoutineRequested', routine: 'legs' }, input);
 * // acts: RoutineStarted, SetUp(hip-knee-flexion, right), Prompt(sayReady)
 */
export function transition(state: RoutineState, event: RoutineEvent, input: TurnInput): TransitionResult {
  // A day closes only when a later one begins, and only between sessions: a zone that moves the date back keeps
  // the day it started on, and a session open across midnight stays on the day it began.
  // A state no turn has touched yet, or whose day was counted in a guessed zone until the device's zone first
  // answered, takes the turn's day: the guess is corrected, nothing is closed.
  const untouched = state.lastTurnAtMs === null || (state.timeZone === null && input.timeZone !== null && input.today < state.today.day);
  const planKnown = input.plan !== PLAN_UNKNOWN;
  const plan = input.plan === PLAN_UNKNOWN ? null : input.plan;
  // Closing a day moves build-up on by the plan's doses, so it waits until the plan is known.
  const laterDay = !untouched && planKnown && input.newSession && input.today > state.today.day;
  const day = laterDay || untouched ? input.today : state.today.day;
  const rolled = laterDay ? rollOver(state, day, programFor(plan, state)) : null;
  let current = rolled !== null ? rolled.state : untouched && state.today.day !== day ? { ...state, today: { ...state.today, day } } : state;
  if (input.timeZone !== null) current = { ...current, timeZone: input.timeZone, timeZoneCheckedOn: day };
  // "Finish the other side first" and the interrupt hint belong to the session they were said in.
  if (input.newSession) current = lastOfSessionForgotten({ ...current, interruptHintGiven: false });
  // A newer plan from the therapist replaces the caregiver's voice changes, and the turn says so (after any greeting).
  const followed = planKnown ? followPlan(current, plan) : { state: current, acts: [] };
  current = followed.state;
  const closed = rolled === null ? null : rolled.closed;
  const ctx: TurnContext = { ...input, today: day, program: programFor(plan, current), justClosed: closed, planKnown };
  const asked = current.today.question;
  // After an emergency or a warning sign today, only a yes or no to "have they been checked?" or "has it passed?"
  // moves anything: "next" at the question asks it again rather than going on. Once it is asked, read-only questions
  // ("how did we do this week?") are answered and it stands.
  const check = checkDue(current.today);
  const answersCheck = asked?.kind === check && (ANSWERS.has(event.type) || READ_ONLY.has(event.type));
  const move = !planKnown && !WITHOUT_PLAN.has(event.type)
    ? planUnavailable(current)
    : check !== null && !WITHOUT_PLAN.has(event.type) && !answersCheck
      ? askCheck(current, check)
      : handle(unasked(current), event, ctx, asked);
  return {
    state: { ...move.state, lastTurnAtMs: ctx.nowMs },
    say: withNotice(followed.acts, move.acts.filter((act): act is ContentAct => !isEffect(act))),
    then: move.close === undefined ? promptFor(move.state, ctx) : { type: 'Close', reason: move.close },
    effects: move.acts.filter(isEffect),
    closedDay: closed !== null && closed.routine !== null ? closed : null,
  };
}

/**
 * What may run while the plan cannot be read: safety, stopping, pacing and the reminder. Everything else would start,
 * move or describe a routine the therapist may not have prescribed (a one-exercise plan is not the handout's 28 steps).
 */
const WITHOUT_PLAN: ReadonlySet<RoutineEvent['type']> = new Set<RoutineEvent['type']>([
  'PainReported',
  'EmergencyReported',
  'WarningSignReported',
  'StopRequested',
  'PauseRequested',
  'EndEarlyRequested',
  'HelpRequested',
  'FallbackHeard',
  'PaceChangeRequested',
  'VoiceRateChangeRequested',
  'LastStoppedEarlyRequested',
  'ReminderRequested',
  'ReminderCancelRequested',
  'ReminderCreated',
  'ReminderDeleted',
  'ReminderFailed',
  'ReminderPermissionAnswered',
  'ReportCodeRequested',
  'ReportCodeIssued',
  'ReplayedRequest',
]);

const ANSWERS: ReadonlySet<RoutineEvent['type']> = new Set<RoutineEvent['type']>(['YesSaid', 'NoSaid']);
/** Answered without moving the routine, and the question asked stands. */
const READ_ONLY: ReadonlySet<RoutineEvent['type']> = new Set<RoutineEvent['type']>(['SummaryRequested', 'WhatsLeftRequested', 'WhatsNextRequested', 'PlanRequested']);

/** The routine stays where it was, its question still open, and the next turn reads the plan again. */
const planUnavailable = (state: RoutineState): Move => ({ state, acts: [{ type: 'PlanUnavailable' }] });

/** Questions survive events that only inform (help, summaries): the prompt asks them again. */
const keep = (move: Move, asked: PendingQuestion | null): Move => ({ ...move, state: askedAgain(move.state, asked) });

function handle(state: RoutineState, event: RoutineEvent, ctx: TurnContext, asked: PendingQuestion | null): Move {
  switch (event.type) {
    case 'Launched':
      return launch(state, ctx);
    case 'StartRoutineRequested':
      return requestRoutine(state, event.routine, ctx, asked);
    case 'ReadyRequested':
      return ready(state, ctx);
    case 'NextRequested':
      return next(state, ctx);
    case 'PreviousRequested':
      return previous(state, ctx);
    case 'RepeatRequested':
      return repeat(state, ctx);
    case 'AnotherSetRequested':
      return anotherSet(state, ctx);
    case 'SkipRequested':
      return asked?.kind === 'skipAfterPain' ? skipAfterPain(state, asked.steps, ctx) : skip(state, ctx);
    case 'SkipGroupRequested':
      return skipGroup(state, event.group, event.exerciseIds, ctx);
    case 'GoToRequested':
      return goTo(state, event.exerciseId, event.side, ctx);
    case 'PauseRequested':
      return { state: settleIfInterrupted(state, ctx), acts: [{ type: 'Paused' }], close: 'paused' };
    case 'ResumeRequested':
      return resume(state, ctx);
    case 'StartOverRequested':
      return startOver(state, ctx, asked);
    case 'PainReported':
      return pain(state, event.bodyPart, event.severity, ctx, event.strongWords === true);
    case 'EmergencyReported':
      return emergency(state, ctx);
    case 'WarningSignReported':
      return warningSign(state, ctx);
    case 'EndEarlyRequested':
      return endEarly(state, event.reason, ctx);
    case 'PaceChangeRequested':
      return keep(changePace(state, event.direction), asked);
    case 'VoiceRateChangeRequested':
      return keep(changeVoiceRate(state, event.direction), asked);
    case 'YesSaid':
      return answer(state, true, ctx, asked);
    case 'NoSaid':
      return answer(state, false, ctx, asked);
    case 'StopRequested':
      return asked?.kind === 'endEarly'
        ? endEarly(state, null, ctx, true)
        : { state: settleIfInterrupted(state, ctx), acts: [{ type: 'Goodbye' }], close: 'goodbye' };
    case 'ReminderRequested':
    case 'ReminderCancelRequested':
    case 'ReminderCreated':
    case 'ReminderDeleted':
    case 'ReminderFailed':
    case 'ReminderPermissionAnswered':
      return reminder(state, event, asked);
    case 'PlanChangeRequested':
      return proposePlanChange(state, event.change, ctx);
    case 'CurrentExerciseChangeRequested': {
      const exerciseId = state.today.current?.exerciseId;
      if (exerciseId === undefined) return { state, acts: [{ type: 'NotAvailableNow', reason: 'noRoutine' }] };
      return proposePlanChange(state, { ...event.change, exerciseId }, ctx);
    }
    case 'PlanRequested':
      return keep(describePlan(state, ctx), asked);
    case 'ReportCodeRequested':
      return keep({ state, acts: [{ type: 'CreateReportCode' }] }, asked);
    case 'ReportCodeIssued': {
      // Asked as a one-shot, the code is all there is to say.
      const move = keep({ state, acts: [{ type: 'ReportCode', code: event.code, address: event.address }] }, asked);
      return ctx.newSession ? { ...move, close: 'goodbye' } : move;
    }
    case 'ReplayedRequest':
      return keep({ state, acts: [] }, asked);
    case 'SummaryRequested':
    case 'WhatsLeftRequested':
    case 'LastStoppedEarlyRequested':
    case 'WhatsNextRequested':
    case 'HelpRequested':
    case 'FallbackHeard': {
      const move = keep(informational(state, event, ctx), asked);
      // Asked as a one-shot, an answer that needs no reply ends the session.
      const oneShot = ctx.newSession && event.type !== 'HelpRequested' && event.type !== 'FallbackHeard';
      return oneShot ? { ...move, close: 'goodbye' } : move;
    }
    default:
      return assertNever(event);
  }
}
