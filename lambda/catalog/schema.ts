// The shape of one exercise of the handout, validated with zod when the catalog is loaded.
import * as z from 'zod';

export const REGIONS = ['legs', 'arms', 'neckAndTrunk'] as const;
/** Groups a caregiver names ("the neck ones"); the leg routine holds legs and trunk, the arm routine arms and neck. */
export const GROUPS = ['legs', 'trunk', 'arms', 'neck'] as const;
const GROUP_REGION = { legs: 'legs', arms: 'arms', trunk: 'neckAndTrunk', neck: 'neckAndTrunk' } as const;
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

const spoken = z
  .string()
  .min(2)
  .max(240)
  .regex(/^[A-Za-z0-9 ,.'\-;:]+$/, 'spoken text uses letters, digits and plain punctuation only');

const PaceSchema = z.object({
  outSeconds: z.number().min(2).max(10),
  pauseSeconds: z.number().min(0).max(5),
  backSeconds: z.number().min(2).max(10),
});

const DoseSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reps'), reps: z.number().int().min(1).max(HANDOUT_MAX_REPS) }),
  z.object({
    kind: z.literal('hold'),
    holdSeconds: z.number().int().min(5).max(HANDOUT_MAX_HOLD_SECONDS),
    asTolerated: z.boolean(),
  }),
]);

const WaySchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** Spoken only when an exercise has more than one way, e.g. "hands on the thigh and below the knee". */
  label: spoken,
  /** Where the caregiver's two hands go. */
  hands: spoken,
  /** The movement as 2-4 short spoken steps. */
  steps: z.array(spoken).min(2).max(4),
  /** Words spoken while counting a repetition: "<out> ... <back>, one". */
  movement: z.object({ out: spoken, back: spoken }),
});

const StageSchema = z.object({
  /** Spoken before this part of the set, e.g. "First with the knee bent." */
  intro: spoken,
});

export const ExerciseSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    /** A stable two-letter code that keeps stored records small; never reuse one for another exercise. */
    code: z.string().regex(/^[a-z]{2}$/),
    name: spoken,
    synonyms: z.array(z.string().regex(/^[a-z][a-z' -]*[a-z]$/)).min(1),
    region: z.enum(REGIONS),
    group: z.enum(GROUPS),
    sided: z.boolean(),
    /** The limb named with the side ("right leg"); absent for exercises that are not sided. */
    limb: z.enum(LIMBS).optional(),
    position: spoken,
    /** True where the handout gives no hand placement and the therapist should confirm ours. */
    handsNeedConfirmation: z.boolean(),
    ways: z.array(WaySchema).min(1).max(2),
    stages: z.array(StageSchema).min(1).max(2),
    jointSize: z.enum(['large', 'small']),
    pace: PaceSchema,
    dose: DoseSchema,
    safetyCue: spoken,
  })
  .superRefine((exercise, ctx) => {
    const floor = PACE_FLOOR[exercise.jointSize];
    for (const key of ['outSeconds', 'pauseSeconds', 'backSeconds'] as const) {
      if (exercise.pace[key] < floor[key]) {
        ctx.addIssue({ code: 'custom', path: ['pace', key], message: `below the ${exercise.jointSize}-joint floor of ${floor[key]} s` });
      }
    }
    if (GROUP_REGION[exercise.group] !== exercise.region) {
      ctx.addIssue({ code: 'custom', path: ['group'], message: `group ${exercise.group} is not in region ${exercise.region}` });
    }
    if (exercise.sided !== (exercise.limb !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['limb'], message: 'a sided exercise names its limb, an unsided one does not' });
    }
    // Angles from the handout are only a guide: resistance always decides.
    exercise.ways.forEach((way, wayIndex) =>
      way.steps.forEach((step, stepIndex) => {
        if (/degree/i.test(step) && !/resistance/i.test(step)) {
          ctx.addIssue({ code: 'custom', path: ['ways', wayIndex, 'steps', stepIndex], message: 'an angle must be subordinate to the point of resistance' });
        }
      }),
    );
  });

export const CatalogSchema = z
  .array(ExerciseSchema)
  .min(1)
  .superRefine((exercises, ctx) => {
    const seen = new Map<string, string>();
    const codes = new Set<string>();
    for (const exercise of exercises) {
      if (codes.has(exercise.code)) ctx.addIssue({ code: 'custom', message: `storage code "${exercise.code}" is used twice` });
      codes.add(exercise.code);
      for (const phrase of [exercise.id, exercise.name.toLowerCase(), ...exercise.synonyms]) {
        const owner = seen.get(phrase);
        if (owner !== undefined && owner !== exercise.id) {
          ctx.addIssue({ code: 'custom', message: `"${phrase}" names both ${owner} and ${exercise.id}` });
        }
        seen.set(phrase, exercise.id);
      }
    }
  });

export type Region = (typeof REGIONS)[number];
export type Side = (typeof SIDES)[number];
export type Limb = (typeof LIMBS)[number];
export type Group = (typeof GROUPS)[number];
export type Exercise = z.infer<typeof ExerciseSchema>;
export type ExerciseWay = z.infer<typeof WaySchema>;
export type Dose = z.infer<typeof DoseSchema>;
export type Pace = z.infer<typeof PaceSchema>;
