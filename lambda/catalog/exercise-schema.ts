// The zod schema of one exercise and of the whole catalog. The catalog is source code, not input, so this runs
// in tests and before `npm run build` bundles (parse-catalog.ts), never at cold start: no bundled module
// imports it as a value.
import * as z from 'zod/mini';
import { GENERAL_CUES, GROUPS, HANDOUT_MAX_HOLD_SECONDS, HANDOUT_MAX_REPS, LIMBS, PACE_CLASSES, PACE_FLOOR, REGIONS } from './schema';

const GROUP_REGION = { legs: 'legs', arms: 'arms', trunk: 'neckAndTrunk', neck: 'neckAndTrunk' } as const;

const spoken = z
  .string()
  .check(z.minLength(2), z.maxLength(240), z.regex(/^[A-Za-z0-9 ,.'\-;:]+$/, 'spoken text uses letters, digits and plain punctuation only'));

const PaceSchema = z.object({
  outSeconds: z.number().check(z.minimum(2), z.maximum(10)),
  pauseSeconds: z.number().check(z.minimum(0), z.maximum(5)),
  backSeconds: z.number().check(z.minimum(2), z.maximum(10)),
});

const DoseSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reps'), reps: z.number().check(z.int(), z.minimum(1), z.maximum(HANDOUT_MAX_REPS)) }),
  z.object({
    kind: z.literal('hold'),
    holdSeconds: z.number().check(z.int(), z.minimum(5), z.maximum(HANDOUT_MAX_HOLD_SECONDS)),
    asTolerated: z.boolean(),
  }),
]);

/** Short words spoken while counting, so each is at most four words. */
const beat = spoken.check(z.refine((words) => words.trim().split(/\s+/).length <= 4, 'a beat is at most four words'));

/**
 * How one repetition moves. An arc goes out from the start and back to it ("bend ... and lower, one"). A sweep goes
 * from one end of the range to the other through a middle it starts from, so it is said in four beats, each
 * covering half the range: "<one> ... <middle> ... <other> ... <middle>, one". Said as two beats, the return would
 * cross the whole range in the time the first beat crossed half, doubling the speed.
 */
const MovementSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('arc'), out: beat, back: beat }),
  z.object({ kind: z.literal('sweep'), one: beat, middle: beat, other: beat }),
]);

const WaySchema = z.object({
  id: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/)),
  /** Spoken only when an exercise has more than one way, e.g. "hands on the thigh and below the knee". */
  label: spoken,
  /** Where the caregiver's two hands go. */
  hands: spoken,
  /** The movement as 2-4 short spoken steps. */
  steps: z.array(spoken).check(z.minLength(2), z.maxLength(4)),
  movement: MovementSchema,
  /** Said after the last count, when it is needed ("Now lower the leg to the bed."), not in the set-up before. */
  closing: z.optional(spoken),
});

const StageSchema = z.object({
  /** Spoken before this part of the set, e.g. "First with the knee bent." */
  intro: spoken,
  /** What sets the stage apart, for the dose line of a staged exercise: "first with the knee bent, then straight". */
  label: z.optional(spoken),
});

export const ExerciseSchema = z
  .object({
    id: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/)),
    /** A stable two-letter code that keeps stored records small; never reuse one for another exercise. */
    code: z.string().check(z.regex(/^[a-z]{2}$/)),
    name: spoken,
    synonyms: z.array(z.string().check(z.regex(/^[a-z][a-z' -]*[a-z]$/))).check(z.minLength(1)),
    region: z.enum(REGIONS),
    group: z.enum(GROUPS),
    sided: z.boolean(),
    /** The limb named with the side ("right leg"); absent for exercises that are not sided. */
    limb: z.optional(z.enum(LIMBS)),
    position: spoken,
    /** True where the handout gives no hand placement and the therapist should confirm ours. */
    handsNeedConfirmation: z.boolean(),
    ways: z.array(WaySchema).check(z.minLength(1), z.maxLength(2)),
    stages: z.array(StageSchema).check(z.minLength(1), z.maxLength(2)),
    paceClass: z.enum(PACE_CLASSES),
    pace: PaceSchema,
    dose: DoseSchema,
    /** A stretch that may be held at its end (the handout's "or hold for 30 seconds"); never a sweep, whose hold would name no direction. */
    holdAllowed: z.boolean(),
    safetyCue: spoken,
    /** Which of the handout's general cues fit this exercise (schema.ts GENERAL_CUES). */
    generalCues: z.array(z.enum(GENERAL_CUES)).check(z.minLength(1)),
  })
  .check(
    z.superRefine((exercise, ctx) => {
      const floor = PACE_FLOOR[exercise.paceClass];
      for (const key of ['outSeconds', 'pauseSeconds', 'backSeconds'] as const) {
        if (exercise.pace[key] < floor[key]) {
          ctx.addIssue({ code: 'custom', path: ['pace', key], message: `below the ${exercise.paceClass} floor of ${floor[key]} s` });
        }
      }
      if (exercise.group === 'neck' && exercise.paceClass !== 'neck') {
        ctx.addIssue({ code: 'custom', path: ['paceClass'], message: 'the neck moves at the neck pace, the slowest' });
      }
      if (exercise.dose.kind === 'hold' && !exercise.holdAllowed) {
        ctx.addIssue({ code: 'custom', path: ['holdAllowed'], message: 'an exercise done as a hold must allow holds' });
      }
      exercise.ways.forEach((way, wayIndex) => {
        if (exercise.holdAllowed && way.movement.kind === 'sweep') {
          ctx.addIssue({ code: 'custom', path: ['ways', wayIndex, 'movement'], message: 'a sweep moves two ways, so it cannot be held' });
        }
      });
      if (exercise.stages.length > 1) {
        exercise.stages.forEach((stage, index) => {
          if (stage.label === undefined) ctx.addIssue({ code: 'custom', path: ['stages', index, 'label'], message: 'each of several stages needs a label for the dose line' });
        });
      }
      if (new Set(exercise.generalCues).size !== exercise.generalCues.length) {
        ctx.addIssue({ code: 'custom', path: ['generalCues'], message: 'a general cue is listed twice' });
      }
      if (GROUP_REGION[exercise.group] !== exercise.region) {
        ctx.addIssue({ code: 'custom', path: ['group'], message: `group ${exercise.group} is not in region ${exercise.region}` });
      }
      if (exercise.sided !== (exercise.limb !== undefined)) {
        ctx.addIssue({ code: 'custom', path: ['limb'], message: 'a sided exercise names its limb, an unsided one does not' });
      }
      // A caregiver cannot see degrees, and "about 90" invites pushing to reach it: angles are body references
      // ("until the thigh points to the ceiling"), and resistance always decides.
      exercise.ways.forEach((way, wayIndex) =>
        way.steps.forEach((step, stepIndex) => {
          if (/degree/i.test(step)) {
            ctx.addIssue({ code: 'custom', path: ['ways', wayIndex, 'steps', stepIndex], message: 'give the angle as a body reference, not in degrees' });
          }
        }),
      );
    }),
  );

export const CatalogSchema = z.array(ExerciseSchema).check(
  z.minLength(1),
  z.superRefine((exercises, ctx) => {
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
  }),
);

export type Exercise = z.infer<typeof ExerciseSchema>;
export type ExerciseInput = z.input<typeof ExerciseSchema>;
export type ExerciseWay = z.infer<typeof WaySchema>;
export type Dose = z.infer<typeof DoseSchema>;
export type Pace = z.infer<typeof PaceSchema>;
export type Movement = z.infer<typeof MovementSchema>;

/**
 * exercises.ts is written in its parsed form, because the skill uses it without parsing. A schema change that
 * defaults or transforms (so input and output differ) must fail to compile here rather than be lost at run time.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const dataIsParsedForm: Same<ExerciseInput, Exercise> = true;
void dataIsParsedForm;
