// The rules every exercise of the handout follows, and the catalog's types. The zod schema that enforces the
// rules is exercise-schema.ts; it runs at test and build time only, so nothing here may import it as a value.
export const REGIONS = ['legs', 'arms', 'neckAndTrunk'] as const;
/** Groups a caregiver names ("the neck ones"); the leg routine holds legs and trunk, the arm routine arms and neck. */
export const GROUPS = ['legs', 'trunk', 'arms', 'neck'] as const;
export const SIDES = ['right', 'left'] as const;
export const LIMBS = ['leg', 'foot', 'arm', 'hand'] as const;

/** The handout asks for slow, steady movement; these floors are our product rule for "slowly": 3 s each way with a 1 s pause for large joints, 2 s for fingers and toes. */
export const PACE_FLOOR = {
  large: { outSeconds: 3, pauseSeconds: 1, backSeconds: 3 },
  small: { outSeconds: 2, pauseSeconds: 1, backSeconds: 2 },
} as const;

/** Handout: "do each exercise 10 times or ... hold for 30 seconds". Nothing may exceed it. */
export const HANDOUT_MAX_REPS = 10;
export const HANDOUT_MAX_HOLD_SECONDS = 30;

export type Region = (typeof REGIONS)[number];
export type Side = (typeof SIDES)[number];
export type Limb = (typeof LIMBS)[number];
export type Group = (typeof GROUPS)[number];
export type { Dose, Exercise, ExerciseWay, Pace } from './exercise-schema';
