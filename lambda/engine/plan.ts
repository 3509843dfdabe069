// Turns a routine choice and the program into today's ordered steps.
import { CATALOG, exerciseById } from '../catalog/catalog';
import { SIDES, type Dose, type Exercise, type Side } from '../catalog/schema';
import type { PlannedStep, Program, RoutineChoice, StepRef } from './types';

/** Handout: begin with a few repetitions and build up. A new user starts here. */
export const STARTING_DOSE = { reps: 3, holdSeconds: 10 } as const;

export function startingDose(dose: Dose): Dose {
  return dose.kind === 'reps'
    ? { kind: 'reps', reps: Math.min(STARTING_DOSE.reps, dose.reps) }
    : { ...dose, holdSeconds: Math.min(STARTING_DOSE.holdSeconds, dose.holdSeconds) };
}

/** Every exercise, both sides, the first way, starting low; what a user without a plan gets. */
export function defaultProgram(): Program {
  return {
    firstSide: 'right',
    legsFirst: true,
    exerciseIds: CATALOG.map((e) => e.id),
    sides: Object.fromEntries(CATALOG.filter((e) => e.sided).map((e) => [e.id, SIDES])),
    doses: Object.fromEntries(CATALOG.map((e) => [e.id, startingDose(e.dose)])),
    ways: Object.fromEntries(CATALOG.map((e) => [e.id, e.ways[0]?.id ?? ''])),
  };
}

export function stepKey(step: StepRef): string {
  return `${step.exerciseId}/${step.side ?? 'both'}`;
}

export function sameStep(a: StepRef | null, b: StepRef | null): boolean {
  return a !== null && b !== null && a.exerciseId === b.exerciseId && a.side === b.side;
}

function inRoutine(exercise: Exercise, routine: RoutineChoice): boolean {
  if (routine === 'everything') return true;
  if (routine === 'legs') return exercise.region === 'legs' || exercise.id === 'lumbar-rotation';
  return exercise.region === 'arms' || (exercise.region === 'neckAndTrunk' && exercise.id !== 'lumbar-rotation');
}

function planned(exercise: Exercise, side: Side | null, program: Program): PlannedStep {
  return {
    exerciseId: exercise.id,
    side,
    wayId: program.ways[exercise.id] ?? exercise.ways[0]?.id ?? '',
    dose: program.doses[exercise.id] ?? startingDose(exercise.dose),
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
