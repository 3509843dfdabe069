// Today's program: the therapist's plan, narrowed by the caregiver's voice changes, at the build-up level.
import { exerciseById } from '../catalog/catalog';
import { SIDES, type Dose } from '../catalog/schema';
import { doseAmount, withAmount } from './pace';
import { stepKey } from './plan';
import { handoutPlan, planDose } from './therapist-plan';
import type { TherapistPlan } from './therapist-plan';
import type { DayProgress, Program, RoutineState } from './types';

/** Handout: begin with a few repetitions and build up. A new user starts here. */
export const STARTING_DOSE = { reps: 3, holdSeconds: 10 } as const;

export function startingDose(dose: Dose): Dose {
  return dose.kind === 'reps'
    ? { kind: 'reps', reps: Math.min(STARTING_DOSE.reps, dose.reps) }
    : { ...dose, holdSeconds: Math.min(STARTING_DOSE.holdSeconds, dose.holdSeconds) };
}

/** Each good day adds this much, up to the plan's dose. */
export const BUILD_UP_STEP = { reps: 1, holdSeconds: 5 } as const;

export function levelKey(exerciseId: string, dose: Dose): string {
  return `${exerciseId}:${dose.kind}`;
}

function builtUp(exerciseId: string, target: Dose, levels: RoutineState['levels']): Dose {
  const level = levels[levelKey(exerciseId, target)] ?? doseAmount(startingDose(target));
  return withAmount(target, Math.min(level, doseAmount(target)));
}

/** The handout's plan for a new user: every exercise, both sides, the first way, starting low. */
export function defaultProgram(): Program {
  return programFor(null, { levels: {}, planOverrides: { excluded: [], doses: {} } });
}

/** A dose changed by voice; a hold stored before holds were kept to the stretches is ignored. */
function voiceDose(exerciseId: string, doses: RoutineState['planOverrides']['doses']): Dose | undefined {
  const dose = doses[exerciseId];
  return dose?.kind === 'hold' && !exerciseById(exerciseId).holdAllowed ? undefined : dose;
}

export function programFor(plan: TherapistPlan | null, state: Pick<RoutineState, 'levels' | 'planOverrides'>): Program {
  const source = plan ?? handoutPlan();
  const entries = source.exercises.filter((e) => !state.planOverrides.excluded.includes(e.id));
  const planDoses = Object.fromEntries(entries.map((e) => [e.id, planDose(e)]));
  const targetDoses = Object.fromEntries(entries.map((e) => [e.id, voiceDose(e.id, state.planOverrides.doses) ?? planDoses[e.id]!]));
  return {
    firstSide: source.firstSide,
    legsFirst: source.legsFirst,
    exerciseIds: entries.map((e) => e.id),
    sides: Object.fromEntries(entries.filter((e) => exerciseById(e.id).sided).map((e) => [e.id, e.sides ?? SIDES])),
    targetDoses,
    planDoses,
    doses: Object.fromEntries(
      entries.map((e) => [e.id, source.buildUp ? builtUp(e.id, targetDoses[e.id]!, state.levels) : targetDoses[e.id]!]),
    ),
    ways: Object.fromEntries(entries.map((e) => [e.id, e.way ?? exerciseById(e.id).ways[0]!.id])),
    paceFactors: Object.fromEntries(entries.filter((e) => e.paceFactor !== undefined).map((e) => [e.id, e.paceFactor!])),
    buildUp: source.buildUp,
    planExerciseIds: source.exercises.map((e) => e.id),
    reviewedOn: plan === null ? null : plan.reviewedOn,
  };
}

/**
 * After a day closes, each exercise completed on every side the program gives it (none cut short, stopped early,
 * skipped or not reached, and the session not ended early) moves one step toward its dose; anything else holds.
 * An exercise that ended before its end in the last week (recentStops) holds too: build-up never follows a stop.
 */
export function buildUpLevels(levels: RoutineState['levels'], day: DayProgress, program: Program, recentStops: RoutineState['recentStops'] = {}): RoutineState['levels'] {
  if (!program.buildUp || day.endedEarly) return levels;
  const next = { ...levels };
  for (const exerciseId of program.exerciseIds) {
    if ((recentStops[exerciseId]?.length ?? 0) > 0) continue;
    const sides = program.sides[exerciseId] ?? [null];
    if (!sides.every((side) => day.outcomes[stepKey({ exerciseId, side })]?.outcome === 'completed')) continue;
    const today = program.doses[exerciseId];
    const target = program.targetDoses[exerciseId];
    if (today === undefined || target === undefined) continue;
    const step = today.kind === 'reps' ? BUILD_UP_STEP.reps : BUILD_UP_STEP.holdSeconds;
    next[levelKey(exerciseId, today)] = Math.min(doseAmount(target), doseAmount(today) + step);
  }
  return next;
}
