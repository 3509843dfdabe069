// What the therapist's report shows, computed from the items of the user's partition (one Query) and the plan.
// Pure: no I/O, no clock (now is passed in). Stored items are parsed with the store's own schemas; an item that
// fails its schema is left out, never shown half-read.
import { exerciseById } from '../catalog/catalog';
import type { Dose, Side } from '../catalog/schema';
import { addDays, daysBetween, isValidTimeZone, localDay } from '../engine/day';
import { doseAmount } from '../engine/pace';
import { routineIncludes, stepKey } from '../engine/plan';
import { programFor } from '../engine/program';
import { PLAN_REVIEW_DAYS, type TherapistPlan } from '../engine/therapist-plan';
import type { DayRecord, OutcomeRecord, RoutineChoice } from '../engine/types';
import { dayRecordOf, parseDayItem } from '../store/history-store';
import { parsePlanItem } from '../store/plan-store';
import { parseProgressItem, parseSettingsItem } from '../store/progress-store';
import { NEW_USER_SETTINGS, type Settings } from '../store/stored-state';
import { TABLE_KEYS } from '../store/table';

export const DEFAULT_WEEKS = 4;
export const MAX_WEEKS = 12;

export type DayStatus = 'exercised' | 'endedEarly' | 'missed' | 'before';
export type CalendarDay = { day: string; status: DayStatus; completed: number; today: boolean };

export type ExerciseRow = {
  exerciseId: string;
  name: string;
  side: Side | null;
  /** The limb for the side ("left arm"), null when not sided. */
  sideLabel: string | null;
  /** Days whose routine included this step and on which anything was done. */
  sessions: number;
  completed: number;
  cutShort: number;
  stoppedEarly: number;
  skipped: number;
  lastStoppedEarly: string | null;
  /** Today's dose while building up, the dose after voice changes, and the therapist's. */
  dose: Dose;
  targetDose: Dose;
  planDose: Dose;
  leftOutByVoice: boolean;
};

export type PainRow = { bodyPart: string; reports: number; severities: number[]; lastDay: string };

export type ReportModel = {
  today: string;
  fromDay: string;
  weeks: number;
  timeZone: string;
  calendar: CalendarDay[];
  daysExercised: number;
  daysEndedEarly: number;
  daysMissed: number;
  /** Days before the first day of use in the period (not counted as missed). */
  daysBefore: number;
  rows: ExerciseRow[];
  plan: {
    source: 'therapist' | 'handout';
    reviewedOn: string | null;
    reviewDue: string | null;
    reviewOverdue: boolean;
    buildUp: boolean;
    excludedByVoice: string[];
    dosesByVoice: Array<{ exerciseId: string; dose: Dose; planDose: Dose | null }>;
  };
  /** Only with HEALTH_LOG=detailed; null otherwise. */
  health: { pain: PainRow[]; unplaced: number; fatigueDays: string[] } | null;
  /** True when nothing of the user was found (never used, or deleted). */
  empty: boolean;
};

type Item = Record<string, unknown>;

/** The period's first day: weeks*7 days ending today. */
export const periodStart = (today: string, weeks: number): string => addDays(today, -(weeks * 7 - 1));

/** The user's local "today": the device's zone as cached in SETTINGS, else UTC. */
export function reportToday(items: readonly Item[], nowMs: number): { today: string; timeZone: string } {
  const settings = settingsOf(items);
  const zone = settings.timeZone !== null && isValidTimeZone(settings.timeZone) ? settings.timeZone : 'UTC';
  return { today: localDay(nowMs, zone), timeZone: zone };
}

function findItem(items: readonly Item[], sort: string): Item | undefined {
  return items.find((item) => item[TABLE_KEYS.sort] === sort);
}

function settingsOf(items: readonly Item[]): Settings {
  const item = findItem(items, 'SETTINGS');
  if (item === undefined) return NEW_USER_SETTINGS;
  try {
    return parseSettingsItem(item);
  } catch {
    return NEW_USER_SETTINGS;
  }
}

function planOf(own: Item | undefined, fallback: Item | undefined): TherapistPlan | null {
  const item = own ?? fallback;
  if (item === undefined) return null;
  try {
    return parsePlanItem(item);
  } catch {
    return null;
  }
}

/** Today's day as far as it has gone (PROGRESS), when it is today and was started. */
function todayRecord(items: readonly Item[], today: string, healthDetails: boolean): DayRecord | null {
  const item = findItem(items, 'PROGRESS');
  if (item === undefined) return null;
  try {
    const progress = parseProgressItem(item);
    const day = progress.day.today;
    if (day.day !== today || Object.keys(day.outcomes).length === 0) return null;
    return dayRecordOf(day, progress.updatedAtMs, healthDetails);
  } catch {
    return null;
  }
}

const countOutcome = (record: DayRecord, outcome: OutcomeRecord['outcome']) => Object.values(record.outcomes).filter((o) => o.outcome === outcome).length;

export function buildReport(input: {
  items: readonly Item[];
  defaultPlan: Item | undefined;
  nowMs: number;
  weeks: number;
  healthDetails: boolean;
}): ReportModel {
  const { items, nowMs, healthDetails } = input;
  const weeks = Math.min(MAX_WEEKS, Math.max(1, Math.floor(input.weeks)));
  const { today, timeZone } = reportToday(items, nowMs);
  const fromDay = periodStart(today, weeks);
  const settings = settingsOf(items);
  const ownPlan = findItem(items, 'PLAN');
  const plan = planOf(ownPlan, input.defaultPlan);
  const program = programFor(plan, settings);

  const byDay = new Map<string, DayRecord>();
  for (const item of items) {
    const sort = item[TABLE_KEYS.sort];
    if (typeof sort !== 'string' || !sort.startsWith('DAY#')) continue;
    const record = parseDayItem(item);
    if (record !== null && record.day >= fromDay && record.day <= today) byDay.set(record.day, record);
  }
  const current = todayRecord(items, today, healthDetails);
  if (current !== null) byDay.set(today, current);
  const records = [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));

  const firstUse = records[0]?.day ?? null;
  const calendar: CalendarDay[] = [];
  for (let day = fromDay; day <= today; day = addDays(day, 1)) {
    const record = byDay.get(day);
    const completed = record === undefined ? 0 : countOutcome(record, 'completed');
    const status: DayStatus =
      firstUse === null || day < firstUse ? 'before' : record === undefined || completed === 0 ? 'missed' : record.endedEarly ? 'endedEarly' : 'exercised';
    calendar.push({ day, status, completed, today: day === today });
  }
  // Today is not missed until it is over.
  const last = calendar[calendar.length - 1];
  const todayOpen = last !== undefined && last.status === 'missed';

  const rows: ExerciseRow[] = [];
  for (const exerciseId of program.planExerciseIds) {
    const exercise = exerciseById(exerciseId);
    const leftOut = !program.exerciseIds.includes(exerciseId);
    const planEntrySides = plan?.exercises.find((e) => e.id === exerciseId)?.sides;
    const sides: Array<Side | null> = exercise.sided ? [...(program.sides[exerciseId] ?? planEntrySides ?? ['right', 'left'])] : [null];
    for (const side of sides) {
      const key = stepKey({ exerciseId, side });
      let sessions = 0;
      let completed = 0;
      let cutShort = 0;
      let stoppedEarly = 0;
      let skipped = 0;
      let lastStop: string | null = null;
      for (const record of records) {
        const outcome = record.outcomes[key];
        const included = record.routine !== null && routineIncludes(record.routine as RoutineChoice, exerciseId) && Object.keys(record.outcomes).length > 0;
        if (!included && outcome === undefined) continue;
        sessions += 1;
        if (outcome?.outcome === 'completed') completed += 1;
        if (outcome?.outcome === 'cutShort') cutShort += 1;
        if (outcome?.outcome === 'skipped') skipped += 1;
        if (outcome?.outcome === 'stoppedEarly') {
          stoppedEarly += 1;
          lastStop = record.day;
        }
      }
      const fallbackDose = exercise.dose;
      rows.push({
        exerciseId,
        name: exercise.name,
        side,
        sideLabel: side === null || exercise.limb === undefined ? null : `${side} ${exercise.limb}`,
        sessions,
        completed,
        cutShort,
        stoppedEarly,
        skipped,
        lastStoppedEarly: lastStop,
        dose: program.doses[exerciseId] ?? program.planDoses[exerciseId] ?? fallbackDose,
        targetDose: program.targetDoses[exerciseId] ?? program.planDoses[exerciseId] ?? fallbackDose,
        planDose: program.planDoses[exerciseId] ?? planDoseOf(plan, exerciseId) ?? fallbackDose,
        leftOutByVoice: leftOut,
      });
    }
  }

  const reviewedOn = plan?.reviewedOn ?? null;
  const reviewDue = reviewedOn === null ? null : addDays(reviewedOn, PLAN_REVIEW_DAYS);
  let health: ReportModel['health'] = null;
  if (healthDetails) {
    const pain = new Map<string, PainRow>();
    let unplaced = 0;
    for (const record of records) {
      for (const report of record.painReports) {
        if (report.bodyPart === null) {
          unplaced += 1;
          continue;
        }
        const row = pain.get(report.bodyPart) ?? { bodyPart: report.bodyPart, reports: 0, severities: [], lastDay: record.day };
        row.reports += 1;
        if (report.severity !== null) row.severities.push(report.severity);
        row.lastDay = record.day;
        pain.set(report.bodyPart, row);
      }
    }
    health = {
      pain: [...pain.values()].sort((a, b) => b.reports - a.reports || a.bodyPart.localeCompare(b.bodyPart)),
      unplaced,
      fatigueDays: records.filter((r) => r.endReason === 'fatigue').map((r) => r.day),
    };
  }

  const counted = calendar.filter((d) => !(d.today && todayOpen));
  return {
    today,
    fromDay,
    weeks,
    timeZone,
    calendar,
    daysExercised: calendar.filter((d) => d.status === 'exercised' || d.status === 'endedEarly').length,
    daysEndedEarly: calendar.filter((d) => d.status === 'endedEarly').length,
    daysMissed: counted.filter((d) => d.status === 'missed').length,
    daysBefore: calendar.filter((d) => d.status === 'before').length,
    rows,
    plan: {
      source: plan === null ? 'handout' : 'therapist',
      reviewedOn,
      reviewDue,
      reviewOverdue: reviewedOn !== null && daysBetween(reviewedOn, today) > PLAN_REVIEW_DAYS,
      buildUp: program.buildUp,
      excludedByVoice: [...settings.planOverrides.excluded],
      dosesByVoice: Object.entries(settings.planOverrides.doses).map(([exerciseId, dose]) => ({ exerciseId, dose, planDose: program.planDoses[exerciseId] ?? null })),
    },
    health,
    empty: items.every((item) => item[TABLE_KEYS.sort] === 'REPORT#CODE'),
  };
}

function planDoseOf(plan: TherapistPlan | null, exerciseId: string): Dose | null {
  const entry = plan?.exercises.find((e) => e.id === exerciseId);
  if (entry === undefined) return null;
  if (entry.reps !== undefined) return { kind: 'reps', reps: entry.reps };
  if (entry.holdSeconds !== undefined) return { kind: 'hold', holdSeconds: entry.holdSeconds, asTolerated: false };
  return null;
}

/** "6 reps", "20 s hold". */
export function doseText(dose: Dose): string {
  return dose.kind === 'reps' ? `${dose.reps} rep${dose.reps === 1 ? '' : 's'}` : `${dose.holdSeconds} s hold`;
}

export const doseValue = doseAmount;
