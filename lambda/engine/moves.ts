// The building blocks of a turn: set up a step, deliver its set, settle it, advance, start, finish.
import { exerciseById } from '../catalog/catalog';
import { doseAmount, effectivePace } from './pace';
import { setTimeline, timelineMs } from './set-timeline';
import { buildSteps, sameStep, stepKey } from './plan';
import { askAboutHandsAtSetUp, at, choosing, finished, isLastOfSession, setDelivered, settingUp, stoppedForPain, withDay } from './position';
import { endedBeforeItsEnd, recentStopsAsOf } from './stops';
import { summarizeDay } from './summary';
import type { ContentAct, CloseReason, Effect, OutcomeRecord, PlannedStep, RoutineChoice, RoutineState, StepOutcome, StepRef, TurnContext } from './types';

/** What one event did: the new state, what to say and the effects to carry out, and whether the session closes. */
export type Move = { state: RoutineState; acts: Array<ContentAct | Effect>; close?: CloseReason };

export function todaysSteps(state: RoutineState, ctx: TurnContext): PlannedStep[] {
  const { routine, doneBefore } = state.today;
  if (routine === null) return [];
  const steps = buildSteps(routine, ctx.program, state.today.skippedExerciseIds);
  // Left out after pain stays out all day, a second round or "start over" included.
  const leftOut = [...doneBefore, ...state.today.leftAfterPain];
  return leftOut.length === 0 ? steps : steps.filter((s) => !leftOut.includes(stepKey(s)));
}

/** Steps of a routine with nothing recorded today: once a day is per exercise, not per routine. */
export function stepsLeft(state: RoutineState, routine: RoutineChoice, ctx: TurnContext): PlannedStep[] {
  return buildSteps(routine, ctx.program).filter((s) => state.today.outcomes[stepKey(s)] === undefined);
}

/** What of today's plan is still to do: one half, both (everything), or nothing. */
export function restOfDay(state: RoutineState, ctx: TurnContext): RoutineChoice | null {
  const legs = stepsLeft(state, 'legs', ctx).length > 0;
  const arms = stepsLeft(state, 'arms', ctx).length > 0;
  return legs && arms ? 'everything' : legs ? 'legs' : arms ? 'arms' : null;
}

export function currentIndex(state: RoutineState, steps: readonly PlannedStep[]): number {
  return steps.findIndex((s) => sameStep(s, state.today.current));
}

export function stepAfter(state: RoutineState, ctx: TurnContext): PlannedStep | null {
  const steps = todaysSteps(state, ctx);
  const index = currentIndex(state, steps);
  if (index >= 0) return steps[index + 1] ?? null;
  return firstUnfinished(state, steps);
}

export function currentPlanned(state: RoutineState, ctx: TurnContext): PlannedStep | null {
  const steps = todaysSteps(state, ctx);
  return steps[currentIndex(state, steps)] ?? null;
}

function firstUnfinished(state: RoutineState, steps: readonly PlannedStep[]): PlannedStep | null {
  return steps.find((s) => state.today.outcomes[stepKey(s)] === undefined) ?? null;
}

export function ref(step: StepRef): StepRef {
  return { exerciseId: step.exerciseId, side: step.side };
}

/**
 * Which of two outcomes of one step on one day the day keeps: a stop stays a stop (a retry never erases it from the
 * summary or lets build-up raise the dose), and a step done once stays done when a second round is cut short.
 */
const OUTCOME_RANK: Record<StepOutcome, number> = { stoppedEarly: 3, completed: 2, cutShort: 1, skipped: 0 };

export function record(state: RoutineState, step: StepRef, outcome: StepOutcome, amount: number): RoutineState {
  const key = stepKey(step);
  const before = state.today.outcomes[key];
  const entry: OutcomeRecord =
    before === undefined || OUTCOME_RANK[outcome] > OUTCOME_RANK[before.outcome]
      ? { outcome, amount }
      : OUTCOME_RANK[outcome] === OUTCOME_RANK[before.outcome]
        ? { outcome, amount: Math.max(amount, before.amount) }
        : before;
  const recorded = withDay(state, { outcomes: { ...state.today.outcomes, [key]: entry } });
  // A step newly ended before its end is remembered for "when did we last stop early" and the week's count.
  if (entry === before || !endedBeforeItsEnd(entry.outcome) || (before !== undefined && endedBeforeItsEnd(before.outcome))) return recorded;
  const day = state.today.day;
  const days = [...(state.recentStops[step.exerciseId] ?? []), day];
  return { ...recorded, lastStoppedEarly: { day, step: ref(step) }, recentStops: recentStopsAsOf({ ...state.recentStops, [step.exerciseId]: days }, day) };
}

/** Records as skipped each of these steps that has no outcome yet today; a step done or stopped keeps its own. */
export function recordSkipped(state: RoutineState, steps: readonly StepRef[]): RoutineState {
  return steps.reduce((marked, step) => (marked.today.outcomes[stepKey(step)] === undefined ? record(marked, step, 'skipped', 0) : marked), state);
}

/** A set just heard, and the step after it (null: it was the last). */
export function setFinished(state: RoutineState, step: PlannedStep, ctx: TurnContext): ContentAct {
  const after = stepAfter(state, ctx);
  return { type: 'SetFinished', step, next: after === null ? null : ref(after) };
}

/** Records the delivered set of the current step with the given outcome. */
export function settleAs(state: RoutineState, outcome: 'completed' | 'cutShort'): RoutineState {
  const { today } = state;
  if (today.phase !== 'setDelivered') return state;
  const settled = record(state, today.current, outcome, outcome === 'completed' ? today.delivered.amount : 0);
  return at(settled, settingUp(today.current, today.lastOfSession));
}

/** A step command confirms a delivered set; one that arrives before the movements end interrupted it. */
export function settleDelivered(state: RoutineState, ctx: TurnContext): RoutineState {
  const endsAtMs = state.today.delivered?.endsAtMs ?? 0;
  return settleAs(state, ctx.nowMs < endsAtMs ? 'cutShort' : 'completed');
}

/** Stop and pause settle only an interrupted set; a set heard to the end stays unconfirmed for the relaunch. */
export function settleIfInterrupted(state: RoutineState, ctx: TurnContext): RoutineState {
  const { today } = state;
  if (today.phase !== 'setDelivered' || ctx.nowMs >= today.delivered.endsAtMs) return state;
  return settleDelivered(state, ctx);
}

function lastSideBefore(steps: readonly PlannedStep[], index: number): string | null {
  for (let i = index - 1; i >= 0; i -= 1) {
    const side = steps[i]?.side;
    if (side) return side;
  }
  return null;
}

/**
 * Sets up the step at index; lastOfSession marks the step after which the session ends. A step stopped for pain
 * today is not done again today: the routine stands at it, still stopped, and "next" moves past it.
 */
export function setUpAt(
  state: RoutineState,
  steps: readonly PlannedStep[],
  index: number,
  ctx: TurnContext,
  options: { lastOfSession?: boolean; full?: boolean } = {},
): Move {
  const step = steps[index];
  if (step === undefined) return finish(state);
  if (state.today.outcomes[stepKey(step)]?.outcome === 'stoppedEarly') {
    return { state: at(state, stoppedForPain(ref(step))), acts: [{ type: 'NotAgainToday', exerciseId: step.exerciseId }] };
  }
  const unconfirmed = handsToConfirm(state, step.exerciseId, ctx);
  if (unconfirmed !== null) return askAboutHands(at(state, settingUp(ref(step), options.lastOfSession ?? false)), unconfirmed);
  const previousSide = lastSideBefore(steps, index);
  const heard = state.setUpsHeard.includes(step.exerciseId);
  const brief = heard && options.full !== true;
  const next = at(heard ? state : { ...state, setUpsHeard: [...state.setUpsHeard, step.exerciseId] }, settingUp(ref(step), options.lastOfSession ?? false));
  const sideChanged = step.side !== null && previousSide !== null && previousSide !== step.side;
  const before = steps[index - 1];
  // Early in a session (no set yet) the position is always said; after that only when it changes.
  const mentionPosition =
    before === undefined || sideChanged || !state.interruptHintGiven ||
    exerciseById(before.exerciseId).position !== exerciseById(step.exerciseId).position;
  // "Same again on their left leg" only when the other side was worked today, not skipped or never reached.
  const secondSide =
    step.side !== null &&
    steps.slice(0, index).some((s) => s.exerciseId === step.exerciseId && s.side !== step.side && (state.today.outcomes[stepKey(s)]?.outcome ?? 'skipped') !== 'skipped');
  // interruptHintGiven is cleared with each new session and set by its first set.
  const firstOfSession = !state.interruptHintGiven;
  return {
    state: next,
    acts: [{ type: 'SetUp', step, sideChanged, mentionPosition, brief, secondSide, firstOfSession, stepNumber: index + 1, stepCount: steps.length }],
  };
}

/**
 * Without the therapist's plan, an exercise whose hands-on way is our own (catalog handsNeedConfirmation) waits until
 * the caregiver says the therapist has shown them. The neck's two exercises are asked about together.
 */
export function handsToConfirm(state: RoutineState, exerciseId: string, ctx: TurnContext): string[] | null {
  const exercise = exerciseById(exerciseId);
  if (ctx.program.reviewedOn !== null || !exercise.handsNeedConfirmation || state.handsConfirmed.includes(exerciseId)) return null;
  if (exercise.group !== 'neck') return [exerciseId];
  return ctx.program.exerciseIds.filter((id) => exerciseById(id).group === 'neck' && !state.handsConfirmed.includes(id));
}

function askAboutHands(state: RoutineState, exerciseIds: string[]): Move {
  return { state: askAboutHandsAtSetUp(state, { kind: 'confirmHands', exerciseIds }) ?? state, acts: [{ type: 'HandsCheck', exerciseIds }] };
}

function paceOf(state: RoutineState, step: PlannedStep, ctx: TurnContext) {
  const paceFactor = Math.max(state.prefs.paceFactor, ctx.program.paceFactors[step.exerciseId] ?? 1);
  return { paceFactor, pace: effectivePace(exerciseById(step.exerciseId).pace, paceFactor) };
}

/** Per step, beyond its counted set: hearing the set-up and getting the limb into position. */
export const SET_UP_ALLOWANCE_MS = 45_000;

/** About how long the steps take, to the nearest five minutes (at least five): said when a routine starts. */
export function routineMinutes(state: RoutineState, steps: readonly PlannedStep[], ctx: TurnContext): number {
  const ms = steps.reduce((sum, step) => sum + SET_UP_ALLOWANCE_MS + timelineMs(setTimeline(step, paceOf(state, step, ctx).pace, false), state.prefs.voiceRatePercent), 0);
  return Math.max(5, Math.round(ms / 60_000 / 5) * 5);
}

export function deliverSet(state: RoutineState, step: PlannedStep, ctx: TurnContext): Move {
  // "Ready" or "next" past the question about a hands-on exercise asks it again; no set without a yes.
  const unconfirmed = handsToConfirm(state, step.exerciseId, ctx);
  if (unconfirmed !== null && state.today.phase === 'settingUp') return askAboutHands(state, unconfirmed);
  const { paceFactor, pace } = paceOf(state, step, ctx);
  const interruptHint = !state.interruptHintGiven;
  // A step command before the whole set has been said, words and pauses, cut it short.
  const endsAtMs = ctx.nowMs + timelineMs(setTimeline(step, pace, interruptHint), state.prefs.voiceRatePercent);
  const delivered = { atMs: ctx.nowMs, endsAtMs, amount: doseAmount(step.dose) };
  const next = at({ ...state, interruptHintGiven: true }, setDelivered(ref(step), delivered, isLastOfSession(state.today)));
  return { state: next, acts: [{ type: 'Set', step, paceFactor, interruptHint }, setFinished(next, step, ctx)] };
}

export function finish(state: RoutineState): Move {
  return { state: at(state, finished({ kind: 'wantSummary' })), acts: [] };
}

/** Moves to the step after the current one, or finishes the routine after the last. */
export function advance(state: RoutineState, ctx: TurnContext): Move {
  const steps = todaysSteps(state, ctx);
  const index = currentIndex(state, steps);
  const target = index >= 0 ? index + 1 : steps.findIndex((s) => state.today.outcomes[stepKey(s)] === undefined);
  if (target < 0 || target >= steps.length) return finishWithSummary(state, ctx);
  return setUpAt(state, steps, target, ctx);
}

/** The end of a routine: a summary, and the rest of today's plan offered when there is one. */
export function finishWithSummary(state: RoutineState, ctx: TurnContext): Move {
  const rest = restOfDay(state, ctx);
  const done = rest === null ? finish(state) : { state: at(state, finished({ kind: 'offerRest', routine: rest })), acts: [] };
  return { ...done, acts: [{ type: 'RoutineFinished', summary: summarizeDay(done.state.today, ctx.program), rest }] };
}

/**
 * Starts a routine from its first step. What was already done today stays in the day (see record) and, unless the
 * caregiver asked to go through it again (a second round, or start over), is left out: only what is left is done.
 */
export function startRoutine(state: RoutineState, routine: RoutineChoice, ctx: TurnContext, again = false): Move {
  const doneBefore = again ? [] : Object.entries(state.today.outcomes).filter(([, o]) => o.outcome === 'completed' || o.outcome === 'stoppedEarly').map(([key]) => key);
  const started = at(
    withDay({ ...state, introduced: true }, { routine, doneBefore, skippedExerciseIds: [], endedEarly: false, startedAtMs: state.today.startedAtMs ?? ctx.nowMs }),
    choosing(),
  );
  const steps = todaysSteps(started, ctx);
  if (steps.length === 0) return { state, acts: [{ type: 'NothingPlanned', routine }] };
  const onlyWhatIsLeft = steps.length < buildSteps(routine, ctx.program).length && doneBefore.length > 0;
  const setUp = setUpAt(started, steps, 0, ctx);
  const minutes = routineMinutes(started, steps, ctx);
  return { state: setUp.state, acts: [{ type: 'RoutineStarted', routine, stepCount: steps.length, minutes, onlyWhatIsLeft }, ...setUp.acts] };
}
