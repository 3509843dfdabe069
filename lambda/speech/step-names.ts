// How a step is named aloud: the exercise, and the patient's side with its limb ("hip rotation, their right leg"): the
// caregiver faces the patient, so "right leg" alone could be either.
import { exerciseById } from '../catalog/catalog';
import type { StepRef } from '../engine/types';

export function exerciseName(exerciseId: string): string {
  return exerciseById(exerciseId).name;
}

export function sideName(step: StepRef): string | null {
  const { limb } = exerciseById(step.exerciseId);
  return step.side === null || limb === undefined ? null : `${step.side} ${limb}`;
}

export function stepName(step: StepRef): string {
  const side = sideName(step);
  return side === null ? exerciseName(step.exerciseId) : `${exerciseName(step.exerciseId)}, their ${side}`;
}

export function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
