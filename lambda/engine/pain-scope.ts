// After pain: which of today's remaining steps "skip" would leave out. Worked out from the step that hurt and the body
// part named, said in the same turn, and held only as the steps (never the part) until the caregiver answers.
import { BODY_PARTS, WHOLE_LIMB_PARTS } from '../catalog/body-parts';
import { exerciseById } from '../catalog/catalog';
import { todaysSteps } from './moves';
import { sameStep, stepKey } from './plan';
import type { PlannedStep, RoutineState, SkipScope, StepRef, TurnContext } from './types';

function scopeFor(step: StepRef, bodyPart: string | null): SkipScope | null {
  const region = exerciseById(step.exerciseId).region;
  const limb = bodyPart === null ? undefined : WHOLE_LIMB_PARTS[bodyPart];
  if (limb !== undefined && step.side !== null) return { kind: 'limb', region: limb, side: step.side };
  const part = BODY_PARTS.find((p) => p.id === bodyPart);
  if (part !== undefined && part.movedBy.length > 0) return { kind: 'part', part: part.id, side: step.side };
  if (step.side !== null && (region === 'legs' || region === 'arms')) return { kind: 'limb', region, side: step.side };
  return { kind: 'group', group: exerciseById(step.exerciseId).group };
}

function inScope(candidate: StepRef, scope: SkipScope): boolean {
  const exercise = exerciseById(candidate.exerciseId);
  switch (scope.kind) {
    case 'limb':
      return exercise.region === scope.region && candidate.side === scope.side;
    case 'group':
      return exercise.group === scope.group;
    case 'part': {
      const moved = BODY_PARTS.find((p) => p.id === scope.part)?.movedBy ?? [];
      // On the side that hurt; an exercise without sides (knees side to side) moves both.
      return moved.includes(candidate.exerciseId) && (scope.side === null || candidate.side === null || candidate.side === scope.side);
    }
  }
}

/** The offer after pain on `step`: what it covers and the steps still to do today that it would leave out. */
export function skipAfterPainOffer(state: RoutineState, step: StepRef, bodyPart: string | null, ctx: TurnContext): { scope: SkipScope; steps: StepRef[] } | null {
  const scope = scopeFor(step, bodyPart);
  if (scope === null) return null;
  const steps = todaysSteps(state, ctx).filter(
    (s: PlannedStep) => !sameStep(s, step) && state.today.outcomes[stepKey(s)] === undefined && inScope(s, scope),
  );
  return steps.length === 0 ? null : { scope, steps: steps.map((s) => ({ exerciseId: s.exerciseId, side: s.side })) };
}
