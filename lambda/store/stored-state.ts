// The one place that says how the routine state is stored: its zod schema, which fields last beyond the day
// (the SETTINGS item) and how records of older schema versions are migrated. The engine's RoutineState is the
// in-memory shape; a field added to it is added here (the schema, and SETTINGS_FIELDS when it lasts).
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { HANDOUT_MAX_HOLD_SECONDS, HANDOUT_MAX_REPS, SIDES } from '../catalog/schema';
import { MAX_ALERT_TOKEN_LENGTH, MAX_PAIN_REPORTS_PER_DAY, MAX_TIME_ZONE_LENGTH, initialState } from '../engine/state';
import { ROUTINES, STEP_OUTCOMES, type DayRecord, type RoutineState } from '../engine/types';

/**
 * 4: the state as a plain DynamoDB map (PROGRESS) and the lasting fields in their own item (SETTINGS).
 * 3 and earlier: the compact text of the retired state codec; see migrateProgress.
 */
export const STORE_SCHEMA_VERSION = 4;

const text = (max: number, min = 0) => z.string().check(z.minLength(min), z.maxLength(max));
const whole = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const epochMs = z.int().check(z.minimum(0));
const exerciseId = text(64, 1);
const exerciseIds = z.array(exerciseId).check(z.maxLength(32));
const StepRefSchema = z.object({ exerciseId, side: z.nullable(z.enum(SIDES)) });
const hour = whole(0, 23);
const minute = whole(0, 59);
const stepKey = text(80, 1);

const PlanChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('leaveOut'), exerciseIds, group: z.nullable(text(16)) }),
  z.object({ kind: z.literal('putBack'), exerciseIds, group: z.nullable(text(16)) }),
  z.object({ kind: z.literal('setReps'), exerciseId, reps: whole(1, HANDOUT_MAX_REPS) }),
  z.object({ kind: z.literal('useHold'), exerciseId }),
]);

const DoseSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reps'), reps: whole(1, HANDOUT_MAX_REPS) }),
  z.object({ kind: z.literal('hold'), holdSeconds: whole(1, HANDOUT_MAX_HOLD_SECONDS), asTolerated: z.boolean() }),
]);

const anytime = [
  z.object({ kind: z.literal('chooseRoutine') }),
  z.object({ kind: z.literal('planChange'), change: PlanChangeSchema }),
  z.object({ kind: z.literal('leaveOutUntilReview'), exerciseId }),
  z.object({ kind: z.literal('confirmReminder'), hour, minute }),
  z.object({ kind: z.literal('reminderPermission'), hour, minute }),
  z.object({ kind: z.literal('checkedAfterEmergency') }),
  z.object({ kind: z.literal('checkedAfterWarningSign') }),
] as const;
const continueOrRestart = z.object({ kind: z.literal('continueOrRestart'), routine: z.nullable(z.enum(ROUTINES)) });
const endEarly = z.object({ kind: z.literal('endEarly'), otherSide: StepRefSchema });
const stepRefs = z.array(StepRefSchema).check(z.maxLength(32));
const question = <T extends readonly [z.ZodMiniObject, ...z.ZodMiniObject[]]>(...options: T) => z.nullable(z.discriminatedUnion('kind', [...options]));
const delivered = z.object({ atMs: epochMs, endsAtMs: epochMs, amount: whole(0, HANDOUT_MAX_HOLD_SECONDS) });

export const OutcomesSchema = z.record(stepKey, z.object({ outcome: z.enum(STEP_OUTCOMES), amount: whole(0, Math.max(HANDOUT_MAX_REPS, HANDOUT_MAX_HOLD_SECONDS)) }));
export const PainReportsSchema = z
  .array(z.object({ stepKey: z.nullable(stepKey), bodyPart: z.nullable(text(40)), severity: z.nullable(whole(0, 10)), atMs: epochMs }))
  .check(z.maxLength(MAX_PAIN_REPORTS_PER_DAY));

/** One closed day as history keeps it (DAY# items), and as the progress record holds it until it is filed. */
export const DayRecordSchema = z.object({
  day: z.iso.date(),
  routine: z.nullable(z.enum(ROUTINES)),
  outcomes: OutcomesSchema,
  endedEarly: z.boolean(),
  endReason: z.nullable(z.literal('fatigue')),
  painReports: PainReportsSchema,
  startedAtMs: z.nullable(z.number()),
  endedAtMs: z.nullable(z.number()),
}) satisfies z.ZodMiniType<DayRecord>;

const DayBaseShape = {
  day,
  routine: z.nullable(z.enum(ROUTINES)),
  skippedExerciseIds: exerciseIds,
  doneBefore: z._default(z.array(stepKey).check(z.maxLength(64)), []),
  outcomes: OutcomesSchema,
  painReports: PainReportsSchema,
  startedAtMs: z.nullable(epochMs),
  endedEarly: z.boolean(),
  afterEmergency: z._default(z.boolean(), false),
  afterWarningSign: z._default(z.boolean(), false),
  endReason: z.nullable(z.literal('fatigue')),
  extraSets: z._default(z.array(stepKey).check(z.maxLength(64)), []),
  leftAfterPain: z._default(z.array(stepKey).check(z.maxLength(64)), []),
};

/**
 * The day: each phase with exactly what it holds and the questions it can wait on (engine/types.ts Position), each
 * with the fields every day has. One union of whole objects rather than an intersection of the union with those
 * fields: an intersection parses the input once per side and then merges the two results. Reading the state a
 * session carries (every turn) took 26, 54 and 101 us for a new, a finished and the busiest day with it, 12, 37 and
 * 80 us without.
 */
const DayProgressSchema = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('choosing'), current: z.null(), delivered: z.null(), question: question(...anytime), ...DayBaseShape }),
  z.object({
    phase: z.literal('settingUp'),
    current: StepRefSchema,
    delivered: z.null(),
    lastOfSession: z.boolean(),
    question: question(...anytime, continueOrRestart, endEarly, z.object({ kind: z.literal('confirmHands'), exerciseIds })),
    ...DayBaseShape,
  }),
  z.object({
    phase: z.literal('setDelivered'),
    current: StepRefSchema,
    delivered,
    lastOfSession: z.boolean(),
    question: question(
      ...anytime,
      continueOrRestart,
      endEarly,
      z.object({ kind: z.literal('wasSetFinished') }),
      z.object({ kind: z.literal('anotherSet'), dose: DoseSchema }),
    ),
    ...DayBaseShape,
  }),
  z.object({
    phase: z.literal('stoppedForPain'),
    current: StepRefSchema,
    delivered: z.null(),
    question: question(...anytime, continueOrRestart, z.object({ kind: z.literal('skipAfterPain'), steps: stepRefs })),
    ...DayBaseShape,
  }),
  z.object({
    phase: z.literal('finished'),
    current: z.null(),
    delivered: z.null(),
    question: question(
      ...anytime,
      z.object({ kind: z.literal('wantSummary') }),
      z.object({ kind: z.literal('secondRound'), routine: z.enum(ROUTINES) }),
      z.object({ kind: z.literal('offerRest'), routine: z.enum(ROUTINES) }),
    ),
    ...DayBaseShape,
  }),
]);

const SettingsShape = {
  prefs: z.object({ paceFactor: z.number().check(z.minimum(1), z.maximum(2)), voiceRatePercent: whole(50, 100) }),
  introduced: z.boolean(),
  levels: z.record(text(80), whole(1, HANDOUT_MAX_HOLD_SECONDS)),
  planOverrides: z.object({ excluded: exerciseIds, doses: z.record(exerciseId, DoseSchema) }),
  // Absent from records written before it: null, "not known yet" (initialState), so they read.
  planFollowed: z.nullable(z.object({ reviewedOn: z.nullable(day) })),
  timeZone: z.nullable(text(MAX_TIME_ZONE_LENGTH, 1)),
  reminder: z.nullable(z.object({ alertToken: text(MAX_ALERT_TOKEN_LENGTH, 1), hour, minute })),
  // A yes lasts: the question is asked once (a no is a plan override, planOverrides.excluded).
  handsConfirmed: exerciseIds,
};

const DayShape = {
  today: DayProgressSchema,
  previousDay: z.nullable(z.object({ day, routine: z.enum(ROUTINES), done: whole(0, 64), planned: whole(0, 64), endedEarly: z._default(z.boolean(), false) })),
  interruptHintGiven: z.boolean(),
  lastTurnAtMs: z.nullable(epochMs),
  // Changes daily, so it rides with the day rather than costing a SETTINGS write every day.
  timeZoneCheckedOn: z.nullable(day),
  unfiledDay: z.nullable(DayRecordSchema),
  // With the progress, not the settings: after a month away (PROGRESS expired) the full set-ups are said again.
  setUpsHeard: z._default(z.array(exerciseId).check(z.maxLength(32)), []),
  // A week of stops: it outlives no absence that PROGRESS's 30 days would end, so it stays with the day.
  recentStops: z.record(exerciseId, z.array(day).check(z.maxLength(14))),
  lastStoppedEarly: z.nullable(z.object({ day, step: StepRefSchema })),
};

/** The whole state: what the session carries. */
export const RoutineStateSchema = z.object({ ...SettingsShape, ...DayShape }) satisfies z.ZodMiniType<RoutineState>;

/** Fails to compile when the engine's state and its stored schema drift apart in either direction. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const stateMatchesSchema: Same<z.infer<typeof RoutineStateSchema>, RoutineState> = true;
void stateMatchesSchema;

/** The fields that last beyond the day and beyond PROGRESS's 30 days: the SETTINGS item. */
export const SETTINGS_FIELDS = Object.keys(SettingsShape) as Array<keyof typeof SettingsShape>;
export type Settings = Pick<RoutineState, keyof typeof SettingsShape>;
const SettingsSchema = z.object(SettingsShape) satisfies z.ZodMiniType<Settings>;
/** The rest: the PROGRESS item's state. */
export type DayState = Omit<RoutineState, keyof typeof SettingsShape>;
const DayStateSchema = z.object(DayShape) satisfies z.ZodMiniType<DayState>;

export function splitState(state: RoutineState): { day: DayState; settings: Settings } {
  const settings: Record<string, unknown> = {};
  const day: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(state)) ((SETTINGS_FIELDS as string[]).includes(field) ? settings : day)[field] = value;
  return { day: day as DayState, settings: settings as Settings };
}

export const settingsOf = (state: RoutineState): Settings => splitState(state).settings;

/** A state whose lasting fields are the stored settings (none: a new user's). */
export function withSettings(state: RoutineState, settings: Settings | null): RoutineState {
  return settings === null ? state : { ...state, ...settings };
}

export const NEW_USER_SETTINGS: Settings = settingsOf(initialState('2000-01-01'));

/** Identifies the content of a set of settings, whatever the order of its keys: PROGRESS records which SETTINGS it goes with. */
export function settingsDigest(settings: Settings): string {
  return createHash('sha256').update(canonical(settings)).digest('base64url').slice(0, 16);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record).sort().map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Fields a record of the current version may lack (added to the state later) take the value a new user
 * starts with; fields the schema does not know are dropped. `today` is never made up.
 */
const { today: _today, ...FIELD_DEFAULTS } = initialState('2000-01-01');
void _today;

export type Reading<T> = { ok: true; value: T } | { ok: false; cause: unknown };

function parseWith<T>(schema: z.ZodMiniType<T>, raw: unknown): Reading<T> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, cause: new TypeError('not a map') };
  const parsed = schema.safeParse({ ...FIELD_DEFAULTS, ...raw });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, cause: parsed.error };
}

/** The state in a stored or carried map, or why it cannot be read. */
export const readState = (raw: unknown): Reading<RoutineState> => parseWith(RoutineStateSchema, raw);
export const readSettings = (raw: unknown): Reading<Settings> => parseWith(SettingsSchema, raw);
export const readDayState = (raw: unknown): Reading<DayState> => parseWith(DayStateSchema, raw);

/** What a stored item's schema version means for this code. */
export type Migration =
  | { kind: 'current' }
  /** An older record this code does not carry forward: the user starts afresh, for the reason given. */
  | { kind: 'reset'; reason: string }
  /** Written by newer code (a rollback, or two versions live during a deploy): read-only, never overwritten. */
  | { kind: 'newer'; version: number };

/**
 * The step for older versions. Version 3 (the compact text) and earlier were never held by a deployment with
 * real users, so they are reset with a logged reason rather than decoded: keeping the 400-line codec alive for
 * records nobody has would cost more than it saves. A later version adds its step here, e.g.
 * `case 4: return { kind: 'upgrade', state: fromV4(raw) }`.
 */
export function migrate(version: unknown): Migration {
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) return { kind: 'reset', reason: 'no schema version' };
  if (version > STORE_SCHEMA_VERSION) return { kind: 'newer', version };
  if (version < STORE_SCHEMA_VERSION) return { kind: 'reset', reason: `schema version ${version} (the compact text) is no longer read` };
  return { kind: 'current' };
}
