// The routine state machine: transition(state, event, ctx) -> { state, acts }. Pure: no I/O, no clock.
import { clampPaceFactor, PACE_FACTOR } from './pace';
import { routineIncludes, sameStep, stepKey } from './plan';
import {
  advance,
  currentIndex,
  currentPlanned,
  deliverSet,
  record,
  ref,
  setUpAt,
  settleAs,
  settleDelivered,
  settleIfInterrupted,
  startRoutine,
  stepAfter,
  todaysSteps,
  type Move,
} from './moves';
import { promptFor } from './prompts';
import { MAX_PAIN_REPORTS_PER_DAY, RESUME_DIRECTLY_WITHIN_MS, rollOver, VOICE_RATE } from './state';
import { summarizeDay } from './summary';
import type { Side } from '../catalog/schema';
import type { Act, PendingQuestion, RoutineEvent, RoutineState, TransitionResult, TurnContext } from './types';

const ACTIVE_PHASES = new Set(['settingUp', 'setDelivered', 'stoppedForPain']);

/**
 * Applies one caregiver event. Illegal events leave the routine where it was and say what can be said.
 * @example
 * const { state, acts } = transition(initialState('2026-12-01'), { type: 'StartRoutineRequested', routine: 'legs' }, ctx);
 * // acts: RoutineStarted, SetUp(hip-knee-flexion, right), Prompt(sayReady)
 */
export function transition(state: RoutineState, event: RoutineEvent, ctx: TurnContext): TransitionResult {
  const rolled = state.today.day === ctx.today ? null : state.today;
  let current = rolled === null ? state : rollOver(state, ctx.today, ctx.program);
  if (ctx.newSession) current = { ...current, interruptHintGiven: false };
  const asked = current.pending;
  const move = handle({ ...current, pending: null }, event, ctx, asked);
  const acts: Act[] = [...move.acts];
  if (move.close === undefined) {
    acts.push(promptFor(move.state, ctx));
  } else {
    acts.push({ type: 'Close', reason: move.close });
  }
  return { state: { ...move.state, lastTurnAtMs: ctx.nowMs }, acts, closedDay: rolled !== null && rolled.routine !== null ? rolled : null };
}

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
    case 'SkipRequested':
      return skip(state, ctx);
    case 'GoToRequested':
      return goTo(state, event.exerciseId, event.side, ctx);
    case 'PauseRequested':
      return { state: { ...settleIfInterrupted(state, ctx), paused: true }, acts: [{ type: 'Paused' }], close: 'paused' };
    case 'ResumeRequested':
      return resume(state, ctx);
    case 'StartOverRequested':
      return startOver(state, ctx, asked);
    case 'PainReported':
      return pain(state, event.bodyPart, event.severity, ctx);
    case 'EmergencyReported':
      return { state: stopEarly(state, ctx), acts: [{ type: 'Emergency' }], close: 'emergency' };
    case 'PaceChangeRequested':
      return changePace(state, event.direction);
    case 'VoiceRateChangeRequested':
      return changeVoiceRate(state, event.direction);
    case 'YesSaid':
      return answer(state, true, ctx, asked);
    case 'NoSaid':
      return answer(state, false, ctx, asked);
    case 'SummaryRequested': {
      const acts: Act[] = [{ type: 'Summary', summary: summarizeDay(state.today, ctx.program) }];
      return ctx.newSession ? { state, acts, close: 'goodbye' } : { state: { ...state, pending: asked }, acts };
    }
    case 'HelpRequested':
      return { state: { ...state, pending: asked }, acts: [{ type: 'Help', phase: state.today.phase }] };
    case 'StopRequested':
      return { state: settleIfInterrupted(state, ctx), acts: [{ type: 'Goodbye' }], close: 'goodbye' };
    case 'FallbackHeard':
      return { state: { ...state, pending: asked }, acts: [{ type: 'NotUnderstood', phase: state.today.phase }] };
    default:
      return assertNever(event);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled event ${JSON.stringify(value)}`);
}

function launch(state: RoutineState, ctx: TurnContext): Move {
  const { today } = state;
  if (today.routine === null) {
    const greeting: Act = !state.introduced
      ? { type: 'Intro' }
      : state.previousDay !== null && state.previousDay.done < state.previousDay.planned
        ? { type: 'NewDay', previous: state.previousDay }
        : { type: 'Welcome' };
    return { state: { ...state, introduced: true, paused: false }, acts: [greeting] };
  }
  if (today.phase === 'finished') {
    return {
      state: { ...state, pending: { kind: 'wantSummary' } },
      acts: [{ type: 'AlreadyDoneToday', summary: summarizeDay(today, ctx.program) }],
    };
  }
  const recent = state.lastTurnAtMs !== null && ctx.nowMs - state.lastTurnAtMs <= RESUME_DIRECTLY_WITHIN_MS;
  if (recent || today.current === null) return resume(state, ctx);
  return {
    state: { ...state, pending: { kind: 'continueOrRestart', routine: null } },
    acts: [{ type: 'WelcomeBack', step: today.current }],
  };
}

/** Goes back to the step in progress: the set-up again, or asks whether an unconfirmed set was finished. */
function resume(state: RoutineState, ctx: TurnContext): Move {
  const resumed = { ...state, paused: false };
  const { phase } = resumed.today;
  if (phase === 'setDelivered') return { state: { ...resumed, pending: { kind: 'wasSetFinished' } }, acts: [] };
  if (phase === 'stoppedForPain' || phase === 'choosing') return { state: resumed, acts: [] };
  if (phase === 'finished') return launch(resumed, ctx);
  const steps = todaysSteps(resumed, ctx);
  const index = currentIndex(resumed, steps);
  return index >= 0 ? setUpAt(resumed, steps, index) : advance(resumed, ctx);
}

function requestRoutine(state: RoutineState, routine: RoutineState['today']['routine'], ctx: TurnContext, asked: PendingQuestion | null): Move {
  if (routine === null) return { state: { ...state, pending: { kind: 'chooseRoutine' } }, acts: [] };
  const answering = asked?.kind === 'chooseRoutine' || asked?.kind === 'continueOrRestart' || asked?.kind === 'secondRound';
  const { today } = state;
  if (answering || today.routine === null) return startRoutine(state, routine, ctx);
  if (today.phase === 'finished') return { state: { ...state, pending: { kind: 'secondRound', routine } }, acts: [] };
  return { state: { ...state, pending: { kind: 'continueOrRestart', routine } }, acts: [] };
}

function notAvailable(state: RoutineState, reason: Extract<Act, { type: 'NotAvailableNow' }>['reason']): Move {
  return { state, acts: [{ type: 'NotAvailableNow', reason }] };
}

function whenIdle(state: RoutineState): Move | null {
  if (state.today.phase === 'choosing') return notAvailable(state, 'noRoutine');
  if (state.today.phase === 'finished') return notAvailable(state, 'routineDone');
  return null;
}

function ready(state: RoutineState, ctx: TurnContext): Move {
  const idle = whenIdle(state);
  if (idle !== null) return idle;
  if (state.today.phase === 'setDelivered') return notAvailable(state, 'setAlreadyDone');
  if (state.today.phase === 'stoppedForPain') return repeat(state, ctx);
  const step = currentPlanned(state, ctx);
  return step === null ? advance(state, ctx) : deliverSet(state, step, ctx);
}

function next(state: RoutineState, ctx: TurnContext): Move {
  if (state.today.phase === 'settingUp') return ready(state, ctx);
  return whenIdle(state) ?? advance(settleDelivered(state, ctx), ctx);
}

function previous(state: RoutineState, ctx: TurnContext): Move {
  const idle = whenIdle(state);
  if (idle !== null) return idle;
  const settled = settleDelivered(state, ctx);
  const steps = todaysSteps(settled, ctx);
  const index = currentIndex(settled, steps);
  if (index <= 0) {
    const again = setUpAt(settled, steps, Math.max(index, 0));
    return { state: again.state, acts: [{ type: 'NotAvailableNow', reason: 'atFirstStep' }, ...again.acts] };
  }
  return setUpAt(settled, steps, index - 1);
}

function repeat(state: RoutineState, ctx: TurnContext): Move {
  const idle = whenIdle(state);
  if (idle !== null) return idle;
  if (state.today.phase === 'stoppedForPain') return { state: { ...state, pending: { kind: 'repeatAfterPain' } }, acts: [] };
  const settled = settleDelivered(state, ctx);
  const step = currentPlanned(settled, ctx);
  if (step === null) return advance(settled, ctx);
  if (state.today.phase === 'setDelivered') return deliverSet(settled, step, ctx);
  const steps = todaysSteps(settled, ctx);
  return setUpAt(settled, steps, currentIndex(settled, steps));
}

function skip(state: RoutineState, ctx: TurnContext): Move {
  const idle = whenIdle(state);
  if (idle !== null) return idle;
  const settled = settleDelivered(state, ctx);
  const current = settled.today.current;
  if (current === null) return advance(settled, ctx);
  const allSteps = todaysSteps(settled, ctx);
  let marked = settled;
  for (const step of allSteps.filter((s) => s.exerciseId === current.exerciseId)) {
    if (settled.today.outcomes[stepKey(step)] === undefined) marked = record(marked, step, 'skipped', 0);
  }
  // The step after the current one, found before the exercise leaves the list.
  const following = allSteps.slice(currentIndex(settled, allSteps) + 1).find((s) => s.exerciseId !== current.exerciseId);
  const skipped: RoutineState = {
    ...marked,
    today: { ...marked.today, skippedExerciseIds: [...marked.today.skippedExerciseIds, current.exerciseId] },
  };
  const remaining = todaysSteps(skipped, ctx);
  const target = following === undefined ? -1 : remaining.findIndex((s) => sameStep(s, following));
  const moved = target < 0 ? advance({ ...skipped, today: { ...skipped.today, current: remaining.at(-1) ?? null } }, ctx) : setUpAt(skipped, remaining, target);
  return { state: moved.state, acts: [{ type: 'Skipped', exerciseId: current.exerciseId }, ...moved.acts] };
}

function goTo(state: RoutineState, exerciseId: string, side: Side | null, ctx: TurnContext): Move {
  const routine = state.today.routine;
  if (routine === null) {
    // Naming an exercise before choosing a routine starts the routine that holds it, at that exercise.
    const started = startRoutine(state, routineIncludes('legs', exerciseId) ? 'legs' : 'arms', ctx);
    return jumpTo(started.state, exerciseId, side, ctx, started.acts.slice(0, 1));
  }
  if (!routineIncludes(routine, exerciseId)) return { state, acts: [{ type: 'NotInRoutine', exerciseId, routine }] };
  return jumpTo(settleDelivered(state, ctx), exerciseId, side, ctx, []);
}

function jumpTo(state: RoutineState, exerciseId: string, side: Side | null, ctx: TurnContext, before: Act[]): Move {
  const unskipped: RoutineState = {
    ...state,
    today: { ...state.today, skippedExerciseIds: state.today.skippedExerciseIds.filter((id) => id !== exerciseId) },
  };
  const steps = todaysSteps(unskipped, ctx);
  const candidates = steps.map((s, i) => ({ s, i })).filter(({ s }) => s.exerciseId === exerciseId && (side === null || s.side === side));
  const target = candidates.find(({ s }) => unskipped.today.outcomes[stepKey(s)] === undefined) ?? candidates[0];
  if (target === undefined) return { state, acts: [...before, { type: 'NotInRoutine', exerciseId, routine: state.today.routine ?? 'everything' }] };
  const move = setUpAt(unskipped, steps, target.i);
  return { state: move.state, acts: [...before, ...move.acts] };
}

function startOver(state: RoutineState, ctx: TurnContext, asked: PendingQuestion | null): Move {
  const routine = asked?.kind === 'continueOrRestart' && asked.routine !== null ? asked.routine : state.today.routine;
  if (routine === null) return { state: { ...state, pending: { kind: 'chooseRoutine' } }, acts: [] };
  if (state.today.phase === 'finished' && asked?.kind !== 'secondRound') {
    return { state: { ...state, pending: { kind: 'secondRound', routine } }, acts: [] };
  }
  return startRoutine(state, routine, ctx);
}

/** Marks the active step stopped early; nothing more is recorded unless health details are opted in. */
function stopEarly(state: RoutineState, ctx: TurnContext): RoutineState {
  if (!ACTIVE_PHASES.has(state.today.phase) || state.today.current === null) return state;
  const amount = state.today.delivered?.amount ?? 0;
  const stopped = record(state, state.today.current, 'stoppedEarly', ctx.nowMs < (state.today.delivered?.endsAtMs ?? 0) ? 0 : amount);
  return { ...stopped, paused: false, today: { ...stopped.today, phase: 'stoppedForPain', delivered: null } };
}

function pain(state: RoutineState, bodyPart: string | null, severity: number | null, ctx: TurnContext): Move {
  const active = ACTIVE_PHASES.has(state.today.phase) ? state.today.current : null;
  let stopped = stopEarly(state, ctx);
  if (ctx.recordHealthDetails) {
    const report = { stepKey: active === null ? null : stepKey(active), bodyPart, severity, atMs: ctx.nowMs };
    const reports = [...stopped.today.painReports, report].slice(-MAX_PAIN_REPORTS_PER_DAY);
    stopped = { ...stopped, today: { ...stopped.today, painReports: reports } };
  }
  const after = active === null ? null : stepAfter(stopped, ctx);
  return { state: stopped, acts: [{ type: 'PainStop', step: active === null ? null : ref(active), next: after === null ? null : ref(after) }] };
}

function changePace(state: RoutineState, direction: 'slower' | 'faster'): Move {
  const delta = direction === 'slower' ? PACE_FACTOR.step : -PACE_FACTOR.step;
  const paceFactor = clampPaceFactor(state.prefs.paceFactor + delta);
  const limit = paceFactor === PACE_FACTOR.max ? 'slowest' : paceFactor === PACE_FACTOR.min ? 'fastest' : null;
  return { state: { ...state, prefs: { ...state.prefs, paceFactor } }, acts: [{ type: 'PaceChanged', direction, paceFactor, limit }] };
}

function changeVoiceRate(state: RoutineState, direction: 'slower' | 'normal'): Move {
  const voiceRatePercent =
    direction === 'normal' ? VOICE_RATE.normal : Math.max(VOICE_RATE.min, state.prefs.voiceRatePercent - VOICE_RATE.step);
  const limit = voiceRatePercent === VOICE_RATE.min ? 'slowest' : null;
  return { state: { ...state, prefs: { ...state.prefs, voiceRatePercent } }, acts: [{ type: 'VoiceRateChanged', voiceRatePercent, limit }] };
}

function answer(state: RoutineState, yes: boolean, ctx: TurnContext, asked: PendingQuestion | null): Move {
  switch (asked?.kind) {
    case 'continueOrRestart':
      return yes ? resume(state, ctx) : { state: { ...state, pending: { kind: 'chooseRoutine' } }, acts: [] };
    case 'wasSetFinished': {
      if (yes) return advance(settleAs(state, 'completed'), ctx);
      const steps = todaysSteps(state, ctx);
      return setUpAt(settleAs(state, 'cutShort'), steps, currentIndex(state, steps));
    }
    case 'repeatAfterPain': {
      if (!yes) return { state, acts: [] };
      const steps = todaysSteps(state, ctx);
      return setUpAt(state, steps, currentIndex(state, steps));
    }
    case 'wantSummary':
      return yes
        ? { state, acts: [{ type: 'Summary', summary: summarizeDay(state.today, ctx.program) }], close: 'goodbye' }
        : { state, acts: [{ type: 'Goodbye' }], close: 'goodbye' };
    case 'secondRound':
      return yes ? startRoutine(state, asked.routine, ctx) : { state, acts: [{ type: 'Goodbye' }], close: 'goodbye' };
    case 'chooseRoutine':
      return { state: { ...state, pending: asked }, acts: [] };
    case undefined:
      return { state, acts: [{ type: 'NotAvailableNow', reason: 'noQuestion' }] };
    default:
      return assertNever(asked);
  }
}
