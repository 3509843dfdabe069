// The stored progress record: one per user, schema-versioned, parsed with zod on every read.
import * as z from 'zod';
import { HANDOUT_MAX_HOLD_SECONDS, HANDOUT_MAX_REPS, SIDES } from '../catalog/schema';
import { MAX_PAIN_REPORTS_PER_DAY } from '../engine/state';
import { PHASES, ROUTINES, STEP_OUTCOMES, type RoutineState } from '../engine/types';
import { decodeIds, decodeLevels, decodeOutcomes, decodePainReports, encodeIds, encodeLevels, encodeOutcomes, encodePainReports } from './codec';

export const PROGRESS_SCHEMA_VERSION = 2;

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
  z.object({ kind: z.literal('planChange'), change: z.lazy(() => PlanChangeSchema) }),
  z.object({ kind: z.literal('leaveOutUntilReview'), exerciseId: z.string().max(64) }),
  z.object({ kind: z.literal('endEarly'), otherSide: StepRefSchema }),
  z.object({ kind: z.literal('confirmReminder'), hour: z.number().int().min(0).max(23), minute: z.number().int().min(0).max(59) }),
  z.object({ kind: z.literal('reminderPermission'), hour: z.number().int().min(0).max(23), minute: z.number().int().min(0).max(59) }),
]);

const ids = z.array(z.string().max(64)).max(32);
const PlanChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('leaveOut'), exerciseIds: ids, group: z.string().max(16).nullable() }),
  z.object({ kind: z.literal('putBack'), exerciseIds: ids, group: z.string().max(16).nullable() }),
  z.object({ kind: z.literal('setReps'), exerciseId: z.string().max(64), reps: z.number().int().min(1).max(HANDOUT_MAX_REPS) }),
  z.object({ kind: z.literal('useHold'), exerciseId: z.string().max(64) }),
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
    .max(MAX_PAIN_REPORTS_PER_DAY),
  startedAtMs: epochMs.nullable(),
  endedEarly: z.boolean(),
  endReason: z.literal('fatigue').nullable(),
});

const DoseSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reps'), reps: z.number().int().min(1).max(HANDOUT_MAX_REPS) }),
  z.object({ kind: z.literal('hold'), holdSeconds: z.number().int().min(1).max(HANDOUT_MAX_HOLD_SECONDS), asTolerated: z.boolean() }),
]);

export const RoutineStateSchema = z.object({
  today: DayProgressSchema,
  previousDay: z.object({ day, routine: z.enum(ROUTINES), done: z.number().int().min(0), planned: z.number().int().min(0) }).nullable(),
  prefs: z.object({ paceFactor: z.number().min(1).max(2), voiceRatePercent: z.number().int().min(50).max(100) }),
  pending: PendingSchema.nullable(),
  paused: z.boolean(),
  introduced: z.boolean(),
  interruptHintGiven: z.boolean(),
  lastTurnAtMs: epochMs.nullable(),
  levels: z.record(z.string().max(80), z.number().int().min(1).max(HANDOUT_MAX_HOLD_SECONDS)),
  recentStops: z.record(z.string().max(64), z.array(day).max(14)),
  planOverrides: z.object({ excluded: z.array(z.string().max(64)).max(32), doses: z.record(z.string().max(64), DoseSchema) }),
  lastStoppedEarly: z.object({ day, step: StepRefSchema }).nullable(),
  timeZone: z.string().max(64).nullable(),
  reminder: z.object({ alertToken: z.string().max(512), hour: z.number().int().min(0).max(23), minute: z.number().int().min(0).max(59) }).nullable(),
  endAfter: StepRefSchema.nullable(),
}) satisfies z.ZodType<RoutineState>;

/** Fails to compile when the engine's state and its stored schema drift apart in either direction. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const stateMatchesSchema: Same<z.infer<typeof RoutineStateSchema>, RoutineState> = true;
void stateMatchesSchema;

export const ProgressRecordSchema = z.object({
  schemaVersion: z.literal(PROGRESS_SCHEMA_VERSION),
  /** Incremented by every write; writes are conditional on it so newer progress is never overwritten. */
  version: z.number().int().nonnegative(),
  updatedAtMs: epochMs,
  lastRequestId: z.string().max(200).nullable(),
  state: RoutineStateSchema,
});

export type ProgressRecord = z.infer<typeof ProgressRecordSchema>;

/** The state as written: the parts that grow with the routine in compact strings (see codec.ts). */
export function toStoredState(state: RoutineState): Record<string, unknown> {
  return {
    ...state,
    levels: encodeLevels(state.levels),
    today: {
      ...state.today,
      outcomes: encodeOutcomes(state.today.outcomes),
      skippedExerciseIds: encodeIds(state.today.skippedExerciseIds),
      painReports: encodePainReports(state.today.painReports),
    },
  };
}

/** Undoes toStoredState; the result is still unknown until RoutineStateSchema parses it. */
export function fromStoredState(stored: unknown): unknown {
  if (typeof stored !== 'object' || stored === null) return stored;
  const record = stored as Record<string, unknown>;
  const today = record.today as Record<string, unknown> | undefined;
  if (typeof today !== 'object' || today === null) return stored;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    ...record,
    levels: decodeLevels(text(record.levels)),
    today: {
      ...today,
      outcomes: decodeOutcomes(text(today.outcomes)),
      skippedExerciseIds: decodeIds(text(today.skippedExerciseIds)),
      painReports: decodePainReports(text(today.painReports)),
    },
  };
}
