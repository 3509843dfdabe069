// Launching, resuming, and the answers to the skill's yes-or-no questions.
import { assertNever } from './assert-never';
import { daysBetween } from './day';
import { endEarly } from './ending';
import { advance, currentIndex, restOfDay, setUpAt, settleAs, startRoutine, todaysSteps, type Move } from './moves';
import { deliverAnotherSet, jumpTo } from './navigation';
import { applyPlanChange } from './plan-changes';
import { answerReminder } from './reminders';
import { RESUME_DIRECTLY_WITHIN_MS } from './state';
import { ask, askAboutStep, askWhetherSetFinished, at, finished, offerSkipAfterPain, withDay } from './position';
import { summarizeDay } from './summary';
import { summaryAct } from './informational';
import { SAFETY_CHECKS } from './safety';
import { PLAN_REVIEW_DAYS } from './therapist-plan';
import type { ContentAct, PendingQuestion, RoutineState, TurnContext } from './types';

function greetingFor(state: RoutineState, ctx: TurnContext): ContentAct {
  // Without the therapist's plan the routine is the handout's general one: never called "prescribed".
  if (!state.introduced) return { type: 'Intro', withPlan: ctx.program.reviewedOn !== null };
  const previous = state.previousDay;
  return previous !== null && previous.done < previous.planned && !previous.endedEarly ? { type: 'NewDay', previous } : { type: 'Welcome' };
}

function reviewReminder(ctx: TurnContext): ContentAct[] {
  const reviewedOn = ctx.program.reviewedOn;
  return reviewedOn !== null && daysBetween(reviewedOn, ctx.today) > PLAN_REVIEW_DAYS ? [{ type: 'ReviewSuggested', reviewedOn }] : [];
}

export function launch(state: RoutineState, ctx: TurnContext): Move {
  const { today } = state;
  if (today.routine === null) {
    return { state: { ...state, introduced: true }, acts: [greetingFor(state, ctx), ...reviewReminder(ctx)] };
  }
  if (today.phase === 'finished') {
    // A part of the day done (the legs this morning): the rest is offered; only a whole day done offers the summary.
    const rest = restOfDay(state, ctx);
    return {
      state: at(state, finished(rest === null ? { kind: 'wantSummary' } : { kind: 'offerRest', routine: rest })),
      acts: [{ type: 'AlreadyDoneToday', summary: summarizeDay(today, ctx.program), rest }],
    };
  }
  const recent = state.lastTurnAtMs !== null && ctx.nowMs - state.lastTurnAtMs <= RESUME_DIRECTLY_WITHIN_MS;
  // After "that's enough for today", coming back asks first rather than carrying straight on.
  const asking = askAboutStep(state, { kind: 'continueOrRestart', routine: null });
  if ((recent && !today.endedEarly) || today.current === null || asking === null) return resume(state, ctx);
  return { state: asking, acts: [{ type: 'WelcomeBack', step: today.current }, ...reviewReminder(ctx)] };
}

/** Goes back to the step in progress: the set-up again, or asks whether an unconfirmed set was finished. */
export function resume(state: RoutineState, ctx: TurnContext): Move {
  // Carrying on after "that's enough for today" makes it an ordinary day again; ending early again says so again.
  const resumed = withDay(state, { endedEarly: state.today.phase === 'finished' && state.today.endedEarly });
  const { phase } = resumed.today;
  const asking = askWhetherSetFinished(resumed);
  if (asking !== null) return { state: asking, acts: [] };
  if (phase === 'stoppedForPain' || phase === 'choosing') return { state: resumed, acts: [] };
  if (phase === 'finished') return launch(resumed, ctx);
  const steps = todaysSteps(resumed, ctx);
  const index = currentIndex(resumed, steps);
  return index >= 0 ? setUpAt(resumed, steps, index, ctx) : advance(resumed, ctx);
}

export function answer(state: RoutineState, yes: boolean, ctx: TurnContext, asked: PendingQuestion | null): Move {
  switch (asked?.kind) {
    case 'continueOrRestart':
      return yes ? resume(state, ctx) : { state: ask(state, { kind: 'chooseRoutine' }), acts: [] };
    case 'wasSetFinished': {
      if (yes) return advance(settleAs(state, 'completed'), ctx);
      const steps = todaysSteps(state, ctx);
      return setUpAt(settleAs(state, 'cutShort'), steps, currentIndex(state, steps), ctx);
    }
    case 'wantSummary':
      return yes ? { state, acts: [summaryAct(state, ctx, null)], close: 'goodbye' } : { state, acts: [{ type: 'Goodbye' }], close: 'goodbye' };
    case 'offerRest':
      return yes ? startRoutine(state, asked.routine, ctx) : { state, acts: [{ type: 'RestLater' }], close: 'goodbye' };
    case 'secondRound':
      return yes ? startRoutine(state, asked.routine, ctx) : { state, acts: [{ type: 'Goodbye' }], close: 'goodbye' };
    case 'chooseRoutine':
      return { state: ask(state, asked), acts: [] };
    case 'planChange':
      return yes ? applyPlanChange(state, asked.change, ctx) : { state, acts: [{ type: 'PlanChangeRefused', change: asked.change, reason: 'declined' }] };
    case 'leaveOutUntilReview':
      return yes
        ? applyPlanChange(state, { kind: 'leaveOut', exerciseIds: [asked.exerciseId], group: null }, ctx)
        : { state, acts: [] };
    case 'endEarly':
      return yes ? jumpTo(state, asked.otherSide.exerciseId, asked.otherSide.side, ctx, [], true) : endEarly(state, null, ctx, true);
    case 'confirmReminder':
    case 'reminderPermission':
      return answerReminder(state, yes, asked);
    case 'checkedAfterEmergency':
    case 'checkedAfterWarningSign': {
      // Only a clear yes carries on; anything else is a day to rest, and the next launch today asks again.
      const check = SAFETY_CHECKS[asked.kind];
      return yes ? launch(withDay(state, { [check.flag]: false }), ctx) : { state, acts: [{ type: check.declined }], close: 'goodbye' };
    }
    case 'anotherSet':
      return yes ? deliverAnotherSet(state, asked.dose, ctx) : { state, acts: [] };
    case 'skipAfterPain':
      // The offer is a command ("say skip"), not a yes-or-no question: a yes or no keeps it open.
      return { state: offerSkipAfterPain(state, asked) ?? state, acts: [] };
    case 'confirmHands': {
      if (!yes) return applyPlanChange(state, { kind: 'leaveOut', exerciseIds: asked.exerciseIds, group: null }, ctx);
      const confirmed = { ...state, handsConfirmed: [...new Set([...state.handsConfirmed, ...asked.exerciseIds])] };
      const steps = todaysSteps(confirmed, ctx);
      return setUpAt(confirmed, steps, currentIndex(confirmed, steps), ctx, { full: true });
    }
    case undefined:
      return { state, acts: [{ type: 'NotAvailableNow', reason: 'noQuestion' }] };
    default:
      return assertNever(asked);
  }
}
