// The therapist's plan: which exercises, sides, way, dose and pace, validated with zod at every boundary.
import * as z from 'zod/mini';
import '../zod-locale';
import { CATALOG, exerciseById } from '../catalog/catalog';
import { HANDOUT_MAX_HOLD_SECONDS, HANDOUT_MAX_REPS, SIDES, type Dose } from '../catalog/schema';
import { PACE_FACTOR } from './pace';

export const PLAN_SCHEMA_VERSION = 1;
/** A plan not reviewed for this long prompts a suggestion to ask the therapist to look at it again. */
export const PLAN_REVIEW_DAYS = 90;

const ExerciseIdSchema = z.string().check(
  z.refine((id) => CATALOG.some((e) => e.id === id), {
    message: `unknown exercise; use one of: ${CATALOG.map((e) => e.id).join(', ')}`,
  }),
);

const PlanExerciseSchema = z
  .strictObject({
    id: ExerciseIdSchema,
    /** Only for exercises done on each side, e.g. ["left"] for the left arm only. */
    sides: z.optional(z.array(z.enum(SIDES)).check(z.minLength(1), z.maxLength(2))),
    /** Which way to do it, where the handout gives two (hip rotation). */
    way: z.optional(z.string()),
    reps: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(HANDOUT_MAX_REPS))),
    holdSeconds: z.optional(z.number().check(z.int(), z.minimum(5), z.maximum(HANDOUT_MAX_HOLD_SECONDS))),
    /** 1 is the catalog pace, 2 twice as slow; the caregiver's "slower" can slow it further, never faster. */
    paceFactor: z.optional(z.number().check(z.minimum(PACE_FACTOR.min), z.maximum(PACE_FACTOR.max))),
  })
  .check(
    z.superRefine((entry, ctx) => {
      const exercise = CATALOG.find((e) => e.id === entry.id);
      if (exercise === undefined) return;
      if (entry.reps !== undefined && entry.holdSeconds !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['holdSeconds'], message: 'give reps or holdSeconds, not both' });
      }
      if (entry.sides !== undefined && !exercise.sided) {
        ctx.addIssue({ code: 'custom', path: ['sides'], message: `${entry.id} is not done per side` });
      }
      if (entry.way !== undefined && !exercise.ways.some((w) => w.id === entry.way)) {
        ctx.addIssue({ code: 'custom', path: ['way'], message: `use one of: ${exercise.ways.map((w) => w.id).join(', ')}` });
      }
    }),
  );

export const TherapistPlanSchema = z
  .strictObject({
    schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
    /** The date the therapist last reviewed this plan, YYYY-MM-DD. */
    reviewedOn: z.iso.date(),
    legsFirst: z._default(z.boolean(), true),
    firstSide: z._default(z.enum(SIDES), 'right'),
    /** Start low and build up toward each dose (the handout's advice); off means the dose from day one. */
    buildUp: z._default(z.boolean(), true),
    exercises: z.array(PlanExerciseSchema).check(z.minLength(1)),
  })
  .check(
    z.superRefine((plan, ctx) => {
      const seen = new Set<string>();
      plan.exercises.forEach((entry, index) => {
        if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', path: ['exercises', index, 'id'], message: `${entry.id} is listed twice` });
        seen.add(entry.id);
      });
    }),
  );

export type TherapistPlan = z.infer<typeof TherapistPlanSchema>;
export type PlanExercise = TherapistPlan['exercises'][number];

/**
 * The dose the plan sets for an exercise: its reps or hold, else the handout's dose from the catalog. A hold on a
 * movement that goes two ways is refused at import (holdsNotAllowed); one in a plan stored before that rule is ignored.
 */
export function planDose(entry: PlanExercise): Dose {
  const { dose: catalogDose, holdAllowed } = exerciseById(entry.id);
  if (entry.reps !== undefined) return { kind: 'reps', reps: entry.reps };
  if (entry.holdSeconds !== undefined && holdAllowed) {
    return { kind: 'hold', holdSeconds: entry.holdSeconds, asTolerated: catalogDose.kind === 'hold' && catalogDose.asTolerated };
  }
  return catalogDose;
}

/** Every exercise at the handout's dose: the plan of a user (and a deployment) without a plan file. */
/** The plan could not be read this turn (storage failed, or the stored plan is damaged): not the same as no plan. */
export const PLAN_UNKNOWN = 'unknown' as const;
/** What a turn knows of the therapist's plan: the plan, none (the handout's routine), or unknown for now. */
export type PlanReading = TherapistPlan | null | typeof PLAN_UNKNOWN;

export function handoutPlan(): TherapistPlan {
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    reviewedOn: '1970-01-01',
    legsFirst: true,
    firstSide: 'right',
    buildUp: true,
    exercises: CATALOG.map((e) => ({ id: e.id })),
  };
}

/**
 * A plan file's holds on movements that go two ways (a sweep such as neck turns has no one end to hold at), as
 * problems in planProblems' form. Checked at import rather than in the schema, so a plan stored before the rule
 * still reads (planDose ignores such a hold).
 */
export function holdsNotAllowed(plan: TherapistPlan): string[] {
  const holdable = CATALOG.filter((e) => e.holdAllowed).map((e) => e.id).join(', ');
  return plan.exercises.flatMap((entry, index) =>
    entry.holdSeconds !== undefined && !exerciseById(entry.id).holdAllowed
      ? [`exercises.${index}.holdSeconds: ${entry.id} moves two ways, so it is done as reps, not a hold; holds are for ${holdable}`]
      : [],
  );
}

/** Field-level messages for an invalid plan, e.g. "exercises.2.reps: Too big: expected number to be <=10". */
export function planProblems(error: z.core.$ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.map(String).join('.') || '(plan)'}: ${issue.message}`);
}
