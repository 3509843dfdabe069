// Plan changes by voice: they narrow the therapist's plan or restore it, always confirmed, never raised.
import { exerciseById } from '../catalog/catalog';
import { HANDOUT_MAX_HOLD_SECONDS, HANDOUT_MAX_REPS } from '../catalog/schema';
import { dropForToday } from './navigation';
import type { Move } from './moves';
import type { PlanChange, RoutineState, TurnContext } from './types';

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
      const target = program.targetDoses[change.exerciseId];
      const ceiling = target?.kind === 'reps' ? target.reps : HANDOUT_MAX_REPS;
      return change.reps > ceiling ? 'aboveDose' : change.reps < 1 ? 'nothingToChange' : change;
    }
    case 'useHold':
      if (!program.exerciseIds.includes(change.exerciseId)) return 'notInPlan';
      return program.targetDoses[change.exerciseId]?.kind === 'hold' ? 'nothingToChange' : change;
  }
}

export function proposePlanChange(state: RoutineState, change: PlanChange, ctx: TurnContext): Move {
  const checked = validate(state, change, ctx);
  if (typeof checked === 'string') return refuse(state, change, checked);
  return { state: { ...state, pending: { kind: 'planChange', change: checked } }, acts: [] };
}

function overridesAfter(state: RoutineState, change: PlanChange): RoutineState['planOverrides'] {
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
      return { excluded, doses: { ...doses, [change.exerciseId]: { kind: 'hold', holdSeconds: HANDOUT_MAX_HOLD_SECONDS, asTolerated } } };
    }
  }
}

export function applyPlanChange(state: RoutineState, change: PlanChange, ctx: TurnContext): Move {
  const changed: RoutineState = { ...state, planOverrides: overridesAfter(state, change) };
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
