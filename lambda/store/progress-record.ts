// The stored progress record: one per user, schema-versioned; its state is parsed with zod on every read, from
// DynamoDB and from the session alike (the text is state-codec.ts's).
import * as z from 'zod/mini';
import { HANDOUT_MAX_HOLD_SECONDS, HANDOUT_MAX_REPS, SIDES } from '../catalog/schema';
import { BODY_PART_IDS } from '../catalog/body-parts';
import { MAX_ALERT_TOKEN_LENGTH, MAX_PAIN_REPORTS_PER_DAY, MAX_TIME_ZONE_LENGTH } from '../engine/state';
import { ROUTINES, STEP_OUTCOMES, type RoutineState } from '../engine/types';
import { decodeState, stateLastEncodedAs } from './state-codec';

/** 3: the compact text of state-codec.ts. A record of an older version reads as corrupt and is replaced. */
export const PROGRESS_SCHEMA_VERSION = 3;


const text = (max: number, min = 0) => z.string().check(z.minLength(min), z.maxLength(max));
const whole = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const epochMs = z.int().check(z.minimum(0));
const exerciseId = text(64, 1);
const exerciseIds = z.array(exerciseId).check(z.maxLength(32));
const StepRefSchema = z.object({ exerciseId, side: z.nullable(z.enum(SIDES)) });
const hour = whole(0, 23);
const minute = whole(0, 59);

const PlanChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('leaveOut'), exerciseIds, group: z.nullable(text(16)) }),
  z.object({ kind: z.literal('putBack'), exerciseIds, group: z.nullable(text(16)) }),
  z.object({ kind: z.literal('setReps'), exerciseId, reps: whole(1, HANDOUT_MAX_REPS) }),
  z.object({ kind: z.literal('useHold'), exerciseId }),
]);

const anytime = [
  z.object({ kind: z.literal('chooseRoutine') }),
  z.object({ kind: z.literal('planChange'), change: PlanChangeSchema }),
  z.object({ kind: z.literal('leaveOutUntilReview'), exerciseId }),
  z.object({ kind: z.literal('confirmReminder'), hour, minute }),
  z.object({ kind: z.literal('reminderPermission'), hour, minute }),
] as const;
const continueOrRestart = z.object({ kind: z.literal('continueOrRestart'), routine: z.nullable(z.enum(ROUTINES)) });
const endEarly = z.object({ kind: z.literal('endEarly'), otherSide: StepRefSchema });
const question = <T extends readonly [z.ZodMiniObject, ...z.ZodMiniObject[]]>(...options: T) => z.nullable(z.discriminatedUnion('kind', [...options]));
const delivered = z.object({ atMs: epochMs, endsAtMs: epochMs, amount: whole(0, HANDOUT_MAX_HOLD_SECONDS) });

/** Each phase with exactly what it holds and the questions it can wait on (engine/types.ts Position). */
const PositionSchema = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('choosing'), current: z.null(), delivered: z.null(), question: question(...anytime) }),
  z.object({ phase: z.literal('settingUp'), current: StepRefSchema, delivered: z.null(), lastOfSession: z.boolean(), question: question(...anytime, continueOrRestart, endEarly) }),
  z.object({
    phase: z.literal('setDelivered'),
    current: StepRefSchema,
    delivered,
    lastOfSession: z.boolean(),
    question: question(...anytime, continueOrRestart, endEarly, z.object({ kind: z.literal('wasSetFinished') })),
  }),
  z.object({ phase: z.literal('stoppedForPain'), current: StepRefSchema, delivered: z.null(), question: question(...anytime, continueOrRestart, z.object({ kind: z.literal('repeatAfterPain') })) }),
  z.object({
    phase: z.literal('finished'),
    current: z.null(),
    delivered: z.null(),
    question: question(...anytime, z.object({ kind: z.literal('wantSummary') }), z.object({ kind: z.literal('secondRound'), routine: z.enum(ROUTINES) })),
  }),
]);

const stepKeySchema = text(80, 1);

const DayBaseSchema = z.object({
  day,
  routine: z.nullable(z.enum(ROUTINES)),
  skippedExerciseIds: exerciseIds,
  outcomes: z.record(stepKeySchema, z.object({ outcome: z.enum(STEP_OUTCOMES), amount: whole(0, Math.max(HANDOUT_MAX_REPS, HANDOUT_MAX_HOLD_SECONDS)) })),
  painReports: z
    .array(
      z.object({
        stepKey: z.nullable(stepKeySchema),
        // An id of the catalog's body parts only: the stored text separates its fields with '|' and ';'.
        bodyPart: z.nullable(z.enum(BODY_PART_IDS as [string, ...string[]])),
        severity: z.nullable(whole(0, 10)),
        atMs: epochMs,
      }),
    )
    .check(z.maxLength(MAX_PAIN_REPORTS_PER_DAY)),
  startedAtMs: z.nullable(epochMs),
  endedEarly: z.boolean(),
  endReason: z.nullable(z.literal('fatigue')),
});

const DayProgressSchema = z.intersection(PositionSchema, DayBaseSchema);

const DoseSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reps'), reps: whole(1, HANDOUT_MAX_REPS) }),
  z.object({ kind: z.literal('hold'), holdSeconds: whole(1, HANDOUT_MAX_HOLD_SECONDS), asTolerated: z.boolean() }),
]);

export const RoutineStateSchema = z.object({
  today: DayProgressSchema,
  previousDay: z.nullable(z.object({ day, routine: z.enum(ROUTINES), done: whole(0, 64), planned: whole(0, 64) })),
  prefs: z.object({ paceFactor: z.number().check(z.minimum(1), z.maximum(2)), voiceRatePercent: whole(50, 100) }),
  introduced: z.boolean(),
  interruptHintGiven: z.boolean(),
  lastTurnAtMs: z.nullable(epochMs),
  levels: z.record(text(80), whole(1, HANDOUT_MAX_HOLD_SECONDS)),
  recentStops: z.record(exerciseId, z.array(day).check(z.maxLength(14))),
  planOverrides: z.object({ excluded: exerciseIds, doses: z.record(exerciseId, DoseSchema) }),
  lastStoppedEarly: z.nullable(z.object({ day, step: StepRefSchema })),
  timeZone: z.nullable(text(MAX_TIME_ZONE_LENGTH, 1)),
  reminder: z.nullable(z.object({ alertToken: text(MAX_ALERT_TOKEN_LENGTH, 1), hour, minute })),
}) satisfies z.ZodMiniType<RoutineState>;

/** Fails to compile when the engine's state and its stored schema drift apart in either direction. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const stateMatchesSchema: Same<z.infer<typeof RoutineStateSchema>, RoutineState> = true;
void stateMatchesSchema;

export type ProgressRecord = {
  /** Incremented by every write; writes are conditional on it so newer progress is never overwritten. */
  version: number;
  updatedAtMs: number;
  lastRequestId: string | null;
  state: RoutineState;
};

export type StateReading = { ok: true; state: RoutineState } | { ok: false; reason: 'json' | 'schema'; cause: unknown };

/** The state in a stored or carried text, or why it cannot be read. */
export function readState(stored: string): StateReading {
  const known = stateLastEncodedAs(stored);
  if (known !== undefined) return { ok: true, state: known };
  let raw: unknown;
  try {
    raw = decodeState(stored);
  } catch (error) {
    return { ok: false, reason: 'json', cause: error };
  }
  const parsed = RoutineStateSchema.safeParse(raw);
  return parsed.success ? { ok: true, state: parsed.data } : { ok: false, reason: 'schema', cause: parsed.error };
}
