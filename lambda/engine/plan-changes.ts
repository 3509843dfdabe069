// Plan changes by voice: they narrow the therapist's plan or restore it, always confirmed, never raised.
import { exerciseById } from '../catalog/catalog';
import type { Dose } from '../catalog/schema';
import { dropForToday } from './navigation';
import type { Move } from './moves';
import { ask } from './position';
import { STARTING_DOSE } from './program';
import type { PlanChange, Program, RoutineState, TurnContext } from './types';

type Refusal = Extract<import('./types').Act, { type: 'PlanChangeRefused' }>['reason'];

function refuse(state: RoutineState, change: PlanChange, reason: Refusal): Move {
  return { state, acts: [{ type: 'PlanChangeRefused', change, reason }] };
}

/** Drops ids that would change nothing; null when the change is refused, with the reason. */
function validate(state: RoutineState, change: PlanChange, ctx: TurnContext): PlanChange | Refusal {
  const { program } = ctx;
  switch (change.kind) {
    case 'leaveOut': {
      const ids = change.exerciseIds.filter((id) => program.exerciseIds.includes(id));
      return ids.length > 0 ? { ...change, exerciseIds: ids } : 'nothingToChange';
    }
    case 'putBack': {
      if (change.exerciseIds.some((id) => !program.planExerciseIds.includes(id))) return 'notInPlan';
      const overrides = state.planOverrides;
      const ids = change.exerciseIds.filter((id) => overrides.excluded.includes(id) || overrides.doses[id] !== undefined);
      return ids.length > 0 ? { ...change, exerciseIds: ids } : 'nothingToChange';
    }
    case 'setReps': {
      if (!program.exerciseIds.includes(change.exerciseId)) return 'notInPlan';
      const ceiling = ceilingOf(program, change.exerciseId, 'reps');
      return change.reps > ceiling ? 'aboveDose' : change.reps < 1 ? 'nothingToChange' : change;
    }
    case 'useHold':
      if (!program.exerciseIds.includes(change.exerciseId)) return 'notInPlan';
      // A movement that goes two ways has no one end to hold at: only the stretches are held.
      if (!exerciseById(change.exerciseId).holdAllowed) return 'holdNotAllowed';
      return program.targetDoses[change.exerciseId]?.kind === 'hold' ? 'nothingToChange' : change;
  }
}

/**
 * The most a voice change may ask for: the therapist's own dose of that kind. A kind the plan did not set (a hold
 * for a repetitions exercise, or the reverse) starts at the handout's starting dose, never its maximum.
 */
function ceilingOf(program: Program, exerciseId: string, kind: Dose['kind']): number {
  const planned = program.planDoses[exerciseId];
  if (planned?.kind === kind) return planned.kind === 'reps' ? planned.reps : planned.holdSeconds;
  return kind === 'reps' ? STARTING_DOSE.reps : STARTING_DOSE.holdSeconds;
}

export function proposePlanChange(state: RoutineState, change: PlanChange, ctx: TurnContext): Move {
  const checked = validate(state, change, ctx);
  if (typeof checked === 'string') return refuse(state, change, checked);
  return { state: ask(state, { kind: 'planChange', change: checked }), acts: [] };
}

function overridesAfter(state: RoutineState, change: PlanChange, program: Program): RoutineState['planOverrides'] {
  const { excluded, doses } = state.planOverrides;
  switch (change.kind) {
    case 'leaveOut':
      return { excluded: [...new Set([...excluded, ...change.exerciseIds])], doses };
    case 'putBack':
      return {
        excluded: excluded.filter((id) => !change.exerciseIds.includes(id)),
        doses: Object.fromEntries(Object.entries(doses).filter(([id]) => !change.exerciseIds.includes(id))),
      };
    case 'setReps':
      return { excluded, doses: { ...doses, [change.exerciseId]: { kind: 'reps', reps: change.reps } } };
    case 'useHold': {
      const { dose } = exerciseById(change.exerciseId);
      const asTolerated = dose.kind === 'hold' && dose.asTolerated;
      const holdSeconds = ceilingOf(program, change.exerciseId, 'hold');
      return { excluded, doses: { ...doses, [change.exerciseId]: { kind: 'hold', holdSeconds, asTolerated } } };
    }
  }
}

export function applyPlanChange(state: RoutineState, change: PlanChange, ctx: TurnContext): Move {
  const changed: RoutineState = { ...state, planOverrides: overridesAfter(state, change, ctx.program) };
  const acts = [{ type: 'PlanChanged' as const, change }];
  const current = state.today.current;
  // Leaving out the exercise in progress moves the routine on, as a skip would.
  if (change.kind === 'leaveOut' && current !== null && change.exerciseIds.includes(current.exerciseId) && state.today.routine !== null) {
    const moved = dropForToday(changed, change.exerciseIds, ctx);
    return { state: moved.state, acts: [...acts, ...moved.acts] };
  }
  return { state: changed, acts };
}

export function describePlan(state: RoutineState, ctx: TurnContext): Move {
  return { state, acts: [{ type: 'PlanDescribed', program: ctx.program, excluded: state.planOverrides.excluded }] };
}
