// Turns a routine choice and the program into today's ordered steps.
import { exerciseById } from '../catalog/catalog';
import { GROUPS, SIDES, type Exercise, type Group, type Side } from '../catalog/schema';
import type { PlannedStep, Program, RoutineChoice, StepRef } from './types';

export function stepKey(step: StepRef): string {
  return `${step.exerciseId}/${step.side ?? 'both'}`;
}

/** Undoes stepKey: "hip-rotation/right" -> { exerciseId: "hip-rotation", side: "right" }. */
export function stepOfKey(key: string): StepRef {
  const [exerciseId = '', side = 'both'] = key.split('/');
  return { exerciseId, side: side === 'left' || side === 'right' ? side : null };
}

export function sameStep(a: StepRef | null, b: StepRef | null): boolean {
  return a !== null && b !== null && a.exerciseId === b.exerciseId && a.side === b.side;
}

const ROUTINE_GROUPS: Record<RoutineChoice, readonly Group[]> = {
  legs: ['legs', 'trunk'],
  arms: ['arms', 'neck'],
  everything: GROUPS,
};

function inRoutine(exercise: Exercise, routine: RoutineChoice): boolean {
  return ROUTINE_GROUPS[routine].includes(exercise.group);
}

function planned(exercise: Exercise, side: Side | null, program: Program): PlannedStep {
  return {
    exerciseId: exercise.id,
    side,
    wayId: program.ways[exercise.id] ?? exercise.ways[0]?.id ?? '',
    dose: program.doses[exercise.id] ?? exercise.dose,
  };
}

/**
 * Every exercise on one side, then the unsided ones, then every exercise on the other side,
 * so the caregiver walks round the bed once rather than for every exercise.
 */
export function buildSteps(routine: RoutineChoice, program: Program, skippedExerciseIds: readonly string[] = []): PlannedStep[] {
  const exercises = program.exerciseIds
    .map((id) => exerciseById(id))
    .filter((e) => inRoutine(e, routine) && !skippedExerciseIds.includes(e.id));
  const regionRank = (e: Exercise) => (e.region === 'legs' ? 0 : 1) ^ (program.legsFirst ? 0 : 1);
  const sided = exercises.filter((e) => e.sided).sort((a, b) => regionRank(a) - regionRank(b));
  const unsided = exercises.filter((e) => !e.sided);
  const secondSide: Side = program.firstSide === 'right' ? 'left' : 'right';
  const onSide = (side: Side) =>
    sided.filter((e) => (program.sides[e.id] ?? SIDES).includes(side)).map((e) => planned(e, side, program));
  return [...onSide(program.firstSide), ...unsided.map((e) => planned(e, null, program)), ...onSide(secondSide)];
}

export function routineIncludes(routine: RoutineChoice, exerciseId: string): boolean {
  return inRoutine(exerciseById(exerciseId), routine);
}
