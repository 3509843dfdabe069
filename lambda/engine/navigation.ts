// Moving through the routine: start, ready, next, previous, repeat, skip, go to an exercise, start over.
import type { Dose, Side } from '../catalog/schema';
import { endNow } from './ending';
import {
  advance,
  currentIndex,
  currentPlanned,
  deliverSet,
  finishWithSummary,
  stepsLeft,
  recordSkipped,
  ref,
  setFinished,
  setUpAt,
  settleDelivered,
  startRoutine,
  todaysSteps,
  type Move,
} from './moves';
import { routineIncludes, sameStep, stepKey, stepOfKey } from './plan';
import { doseAmount, withAmount } from './pace';
import { ask, askAboutStep, askAnotherSet, at, finished, isLastOfSession, setDelivered, withDay } from './position';
import type { ContentAct, PendingQuestion, RoutineChoice, RoutineState, TurnContext } from './types';

export function requestRoutine(state: RoutineState, routine: RoutineChoice | null, ctx: TurnContext, asked: PendingQuestion | null): Move {
  if (routine === null) {
    // "Start" before a routine is chosen offers the one done last time, like "ready".
    if (state.today.phase === 'choosing' && state.previousDay !== null && asked?.kind !== 'chooseRoutine') return offerLastRoutine(state, state.previousDay.routine);
    return { state: ask(state, { kind: 'chooseRoutine' }), acts: [] };
  }
  const { today } = state;
  // Once a day, per exercise: a routine with nothing left today is done again only after the second-round question.
  if (asked?.kind === 'secondRound' && asked.routine === routine) return startRoutine(state, routine, ctx, true);
  if (stepsLeft(state, routine, ctx).length === 0 && Object.keys(today.outcomes).length > 0) {
    return { state: at(state, finished({ kind: 'secondRound', routine })), acts: [] };
  }
  const answering = asked?.kind === 'chooseRoutine' || asked?.kind === 'continueOrRestart' || asked?.kind === 'offerRest';
  if (answering || today.routine === null || today.phase === 'finished') return startRoutine(state, routine, ctx);
  const asking = askAboutStep(state, { kind: 'continueOrRestart', routine });
  return asking === null ? startRoutine(state, routine, ctx) : { state: asking, acts: [] };
}

function notAvailable(state: RoutineState, reason: Extract<ContentAct, { type: 'NotAvailableNow' }>['reason']): Move {
  return { state, acts: [{ type: 'NotAvailableNow', reason }] };
}

export function whenIdle(state: RoutineState): Move | null {
  if (state.today.phase === 'choosing') return notAvailable(state, 'noRoutine');
  if (state.today.phase === 'finished') return notAvailable(state, 'routineDone');
  return null;
}

export function ready(state: RoutineState, ctx: TurnContext): Move {
  // Before a routine is chosen, "ready" offers the one done last time.
  if (state.today.phase === 'choosing' && state.previousDay !== null) return offerLastRoutine(state, state.previousDay.routine);
  const idle = whenIdle(state);
  if (idle !== null) return idle;
  // After a set, "ready" means ready for the next one.
  if (state.today.phase === 'setDelivered') return next(state, ctx);
  if (state.today.phase === 'stoppedForPain') return repeat(state, ctx);
  const step = currentPlanned(state, ctx);
  return step === null ? advance(state, ctx) : deliverSet(state, step, ctx);
}

/** "Ready" or "next" before any routine today: the one done last time is offered, the choice left open. */
function offerLastRoutine(state: RoutineState, routine: RoutineChoice): Move {
  return { state: ask(state, { kind: 'chooseRoutine' }), acts: [{ type: 'LastRoutineOffered', routine }] };
}

export function next(state: RoutineState, ctx: TurnContext): Move {
  if (state.today.phase === 'settingUp') return ready(state, ctx);
  if (state.today.phase === 'choosing' && state.previousDay !== null) return offerLastRoutine(state, state.previousDay.routine);
  const idle = whenIdle(state);
  if (idle !== null) return idle;
  const settled = settleDelivered(state, ctx);
  // "Finish the other side first" ends the session once that side is done.
  if (isLastOfSession(state.today)) return endNow(settled, null, ctx);
  return advance(settled, ctx);
}

export function previous(state: RoutineState, ctx: TurnContext): Move {
  const idle = whenIdle(state);
  if (idle !== null) return idle;
  const settled = settleDelivered(state, ctx);
  const steps = todaysSteps(settled, ctx);
  const index = currentIndex(settled, steps);
  if (index <= 0) {
    const again = setUpAt(settled, steps, Math.max(index, 0), ctx);
    return { state: again.state, acts: [{ type: 'NotAvailableNow', reason: 'atFirstStep' }, ...again.acts] };
  }
  return setUpAt(settled, steps, index - 1, ctx);
}

export function repeat(state: RoutineState, ctx: TurnContext): Move {
  const idle = whenIdle(state);
  if (idle !== null) return idle;
  const { today } = state;
  if (today.phase === 'stoppedForPain') return { state, acts: [{ type: 'NotAgainToday', exerciseId: today.current.exerciseId }] };
  // "Say that again" after a set: what was just said about it, and what comes next; another set is "do it again".
  if (today.phase === 'setDelivered') {
    const step = currentPlanned(state, ctx);
    if (step !== null) return { state, acts: [setFinished(state, step, ctx)] };
  }
  const settled = settleDelivered(state, ctx);
  const step = currentPlanned(settled, ctx);
  if (step === null) return advance(settled, ctx);
  // "Say that again" at a set-up: the whole set-up, however often it was heard before.
  const steps = todaysSteps(settled, ctx);
  return setUpAt(settled, steps, currentIndex(settled, steps), ctx, { full: true });
}

/** Handout: avoid fatigue, and the therapist sets the dose. One more set of a step a day, and never past the plan's dose. */
export const EXTRA_SETS_PER_STEP = 1;
/** Less than a short hold is not a set. */
const MIN_EXTRA_HOLD_SECONDS = 5;

/** "Do it again" after a set: asks first, and offers only what keeps the day within the plan's dose. */
export function anotherSet(state: RoutineState, ctx: TurnContext): Move {
  const idle = whenIdle(state);
  if (idle !== null) return idle;
  const { today } = state;
  if (today.phase === 'stoppedForPain') return { state, acts: [{ type: 'NotAgainToday', exerciseId: today.current.exerciseId }] };
  // At a set-up nothing has been done yet: "again" can only mean the instructions.
  if (today.phase !== 'setDelivered') return repeat(state, ctx);
  const step = currentPlanned(state, ctx);
  if (step === null) return repeat(state, ctx);
  const key = stepKey(step);
  if (today.extraSets.filter((k) => k === key).length >= EXTRA_SETS_PER_STEP) {
    return { state, acts: [{ type: 'AnotherSetRefused', step: ref(step), reason: 'once' }] };
  }
  const heard = ctx.nowMs >= today.delivered.endsAtMs ? today.delivered.amount : 0;
  const done = Math.max(heard, today.outcomes[key]?.amount ?? 0);
  const ceiling = ctx.program.targetDoses[step.exerciseId] ?? step.dose;
  const amount = Math.min(doseAmount(step.dose), doseAmount(ceiling) - done);
  // Less than a short hold or one repetition is not a set.
  if (amount < (step.dose.kind === 'hold' ? MIN_EXTRA_HOLD_SECONDS : 1)) return { state, acts: [{ type: 'AnotherSetRefused', step: ref(step), reason: 'fullDose' }] };
  const asking = askAnotherSet(state, { kind: 'anotherSet', dose: withAmount(step.dose, amount) });
  return asking === null ? { state, acts: [] } : { state: asking, acts: [] };
}

/** Yes to "another set?": the set just heard is counted, and the extra one, of the agreed size, is delivered. */
export function deliverAnotherSet(state: RoutineState, dose: Dose, ctx: TurnContext): Move {
  const step = currentPlanned(state, ctx);
  if (step === null || state.today.phase !== 'setDelivered') return { state, acts: [] };
  const settled = settleDelivered(state, ctx);
  const key = stepKey(step);
  const before = settled.today.outcomes[key]?.amount ?? 0;
  const marked = withDay(settled, { extraSets: [...settled.today.extraSets, key] });
  const move = deliverSet(marked, { ...step, dose }, ctx);
  // The day records what was done in all: the set before and this one.
  const { today } = move.state;
  const withTotal = today.phase === 'setDelivered' ? at(move.state, setDelivered(today.current, { ...today.delivered, amount: before + doseAmount(dose) }, today.lastOfSession)) : move.state;
  return { ...move, state: withTotal };
}

/**
 * Takes exercises out of today's routine, recording each side not yet done as skipped, and moves on
 * to the first step after the current one that is still in the routine.
 */
export function dropForToday(state: RoutineState, exerciseIds: readonly string[], ctx: TurnContext): Move {
  const current = state.today.current;
  const dropsCurrent = current !== null && exerciseIds.includes(current.exerciseId);
  // Dropping other exercises leaves the step in progress exactly where it was.
  const settled = dropsCurrent ? settleDelivered(state, ctx) : state;
  const allSteps = todaysSteps(settled, ctx);
  const marked = recordSkipped(settled, allSteps.filter((s) => exerciseIds.includes(s.exerciseId)));
  const index = currentIndex(settled, allSteps);
  const following = allSteps.slice(index + 1).find((s) => !exerciseIds.includes(s.exerciseId));
  const dropped = withDay(marked, { skippedExerciseIds: [...new Set([...marked.today.skippedExerciseIds, ...exerciseIds])] });
  if (!dropsCurrent && current !== null) return { state: dropped, acts: [] };
  const remaining = todaysSteps(dropped, ctx);
  const target = following === undefined ? -1 : remaining.findIndex((s) => sameStep(s, following));
  if (target >= 0) return setUpAt(dropped, remaining, target, ctx);
  // Nothing after it is left: the routine is done.
  return finishWithSummary(dropped, ctx);
}

export function skip(state: RoutineState, ctx: TurnContext): Move {
  const idle = whenIdle(state);
  if (idle !== null) return idle;
  const current = state.today.current;
  if (current === null) return advance(state, ctx);
  const moved = dropForToday(state, [current.exerciseId], ctx);
  return { state: moved.state, acts: [{ type: 'Skipped', exerciseId: current.exerciseId }, ...moved.acts] };
}

export function skipGroup(state: RoutineState, group: string, exerciseIds: readonly string[], ctx: TurnContext): Move {
  const idle = whenIdle(state);
  if (idle !== null) return idle;
  const moved = dropForToday(state, exerciseIds, ctx);
  return { state: moved.state, acts: [{ type: 'SkippedGroup', group }, ...moved.acts] };
}

export function goTo(state: RoutineState, exerciseId: string, side: Side | null, ctx: TurnContext): Move {
  const routine = state.today.routine;
  if (routine === null) {
    // Naming an exercise before choosing a routine starts the routine that holds it, at that exercise.
    const started = startRoutine(state, routineIncludes('legs', exerciseId) ? 'legs' : 'arms', ctx);
    if (started.state.today.routine === null) return started;
    return jumpTo(started.state, exerciseId, side, ctx, started.acts.filter((act): act is ContentAct => act.type === 'RoutineStarted'));
  }
  if (!routineIncludes(routine, exerciseId)) return { state, acts: [{ type: 'NotInRoutine', exerciseId, routine }] };
  return jumpTo(settleDelivered(state, ctx), exerciseId, side, ctx, []);
}

export function jumpTo(state: RoutineState, exerciseId: string, side: Side | null, ctx: TurnContext, before: ContentAct[], lastOfSession = false): Move {
  const unskipped = withDay(state, { skippedExerciseIds: state.today.skippedExerciseIds.filter((id) => id !== exerciseId) });
  const steps = todaysSteps(unskipped, ctx);
  const candidates = steps
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.exerciseId === exerciseId && (side === null || s.side === side));
  const target = candidates.find(({ s }) => unskipped.today.outcomes[stepKey(s)] === undefined) ?? candidates[0];
  // Left out after pain stays out today, even by name.
  if (target === undefined && state.today.leftAfterPain.some((key) => stepOfKey(key).exerciseId === exerciseId)) {
    return { state, acts: [...before, { type: 'NotAgainToday', exerciseId }] };
  }
  if (target === undefined) {
    return { state, acts: [...before, { type: 'NotInRoutine', exerciseId, routine: state.today.routine ?? 'everything' }] };
  }
  const move = setUpAt(unskipped, steps, target.i, ctx, { lastOfSession });
  return { state: move.state, acts: [...before, ...move.acts] };
}

export function startOver(state: RoutineState, ctx: TurnContext, asked: PendingQuestion | null): Move {
  const routine = asked?.kind === 'continueOrRestart' && asked.routine !== null ? asked.routine : state.today.routine;
  if (routine === null) return { state: ask(state, { kind: 'chooseRoutine' }), acts: [] };
  if (state.today.phase === 'finished' && asked?.kind !== 'secondRound') return { state: at(state, finished({ kind: 'secondRound', routine })), acts: [] };
  // Starting over goes through the whole routine again, what was done today included.
  return startRoutine(state, routine, ctx, true);
}
