// The rules every exercise of the handout follows, and the catalog's types. The zod schema that enforces the
// rules is exercise-schema.ts; it runs at test and build time only, so nothing here may import it as a value.
export const REGIONS = ['legs', 'arms', 'neckAndTrunk'] as const;
/** Groups a caregiver names ("the neck ones"); the leg routine holds legs and trunk, the arm routine arms and neck. */
export const GROUPS = ['legs', 'trunk', 'arms', 'neck'] as const;
export const SIDES = ['right', 'left'] as const;
export const LIMBS = ['leg', 'foot', 'arm', 'hand'] as const;

/**
 * The handout asks for slow, steady movement ("watching the patient's face"); these floors are our product rule for
 * "slowly", seconds per beat. Spasticity rises with speed, so the heavy long arcs (a whole leg, an arm overhead) get
 * 4 s each way and 2 s at the end, and the neck, where speed matters most, is slowest. A sweep's beat covers half its
 * range (one side to the middle), so a sweep at these floors moves no faster than an arc.
 */
export const PACE_CLASSES = ['small', 'large', 'heavy', 'neck'] as const;
export const PACE_FLOOR = {
  small: { outSeconds: 2, pauseSeconds: 1, backSeconds: 2 },
  large: { outSeconds: 3, pauseSeconds: 1, backSeconds: 3 },
  heavy: { outSeconds: 4, pauseSeconds: 2, backSeconds: 4 },
  neck: { outSeconds: 5, pauseSeconds: 2, backSeconds: 5 },
} as const;

/** Review of 2026-12: 3 s to ease into a straight-leg raise or chest stretch is too short; also the time to change a stage's position. */
export const HOLD_MOVE_IN_SECONDS = 5;

/**
 * The handout's general points a set-up may add after the exercise's own cue, tagged per exercise: "one joint at a
 * time" is wrong for two-handed movements, "painful or swollen joint" for the neck.
 */
export const GENERAL_CUES = ['resistance', 'supported', 'oneJoint', 'swollen'] as const;

/** Handout: "do each exercise 10 times or ... hold for 30 seconds". Nothing may exceed it. */
export const HANDOUT_MAX_REPS = 10;
export const HANDOUT_MAX_HOLD_SECONDS = 30;

export type Region = (typeof REGIONS)[number];
export type Side = (typeof SIDES)[number];
export type Limb = (typeof LIMBS)[number];
export type Group = (typeof GROUPS)[number];
export type PaceClass = (typeof PACE_CLASSES)[number];
export type GeneralCue = (typeof GENERAL_CUES)[number];
export type { Dose, Exercise, ExerciseWay, Movement, Pace } from './exercise-schema';
