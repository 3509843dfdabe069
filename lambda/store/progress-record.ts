// The stored progress record: one per user, schema-versioned, parsed with zod on every read.
import { z } from 'zod';
import { HANDOUT_MAX_HOLD_SECONDS, HANDOUT_MAX_REPS, SIDES } from '../catalog/schema';
import { PHASES, ROUTINES, STEP_OUTCOMES, type RoutineState } from '../engine/types';

export const PROGRESS_SCHEMA_VERSION = 1;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const epochMs = z.number().int().nonnegative();
const StepRefSchema = z.object({ exerciseId: z.string().min(1).max(64), side: z.enum(SIDES).nullable() });

const PendingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('chooseRoutine') }),
  z.object({ kind: z.literal('continueOrRestart'), routine: z.enum(ROUTINES).nullable() }),
  z.object({ kind: z.literal('wasSetFinished') }),
  z.object({ kind: z.literal('repeatAfterPain') }),
  z.object({ kind: z.literal('wantSummary') }),
  z.object({ kind: z.literal('secondRound'), routine: z.enum(ROUTINES) }),
]);

const DayProgressSchema = z.object({
  day,
  routine: z.enum(ROUTINES).nullable(),
  phase: z.enum(PHASES),
  current: StepRefSchema.nullable(),
  delivered: z.object({ atMs: epochMs, endsAtMs: epochMs, amount: z.number().int().min(0).max(HANDOUT_MAX_HOLD_SECONDS) }).nullable(),
  skippedExerciseIds: z.array(z.string().max(64)).max(32),
  outcomes: z.record(z.string().max(80), z.object({ outcome: z.enum(STEP_OUTCOMES), amount: z.number().int().min(0).max(Math.max(HANDOUT_MAX_REPS, HANDOUT_MAX_HOLD_SECONDS)) })),
  painReports: z
    .array(
      z.object({
        stepKey: z.string().max(80).nullable(),
        bodyPart: z.string().max(40).nullable(),
        severity: z.number().int().min(0).max(10).nullable(),
        atMs: epochMs,
      }),
    )
    .max(20),
  startedAtMs: epochMs.nullable(),
  endedEarly: z.boolean(),
});

export const RoutineStateSchema = z.object({
  today: DayProgressSchema,
  previousDay: z.object({ day, routine: z.enum(ROUTINES), done: z.number().int().min(0), planned: z.number().int().min(0) }).nullable(),
  prefs: z.object({ paceFactor: z.number().min(1).max(2), voiceRatePercent: z.number().int().min(50).max(100) }),
  pending: PendingSchema.nullable(),
  paused: z.boolean(),
  introduced: z.boolean(),
  interruptHintGiven: z.boolean(),
  lastTurnAtMs: epochMs.nullable(),
}) satisfies z.ZodType<RoutineState>;

export const ProgressRecordSchema = z.object({
  schemaVersion: z.literal(PROGRESS_SCHEMA_VERSION),
  /** Incremented by every write; writes are conditional on it so newer progress is never overwritten. */
  version: z.number().int().nonnegative(),
  updatedAtMs: epochMs,
  lastRequestId: z.string().max(200).nullable(),
  state: RoutineStateSchema,
});

export type ProgressRecord = z.infer<typeof ProgressRecordSchema>;
