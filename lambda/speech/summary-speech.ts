// Summaries, spoken briefly and written to the home card: counts first, then what stopped, then what is left.
import { daysBetween } from '../engine/day';
import type { Dose } from '../catalog/schema';
import type { Act, DaySummary, StepRef, WeekSummary } from '../engine/types';
import type { LocaleStrings } from './locales/en-US';
import { spokenDate, weekdayOf } from './calendar-words';
import { capitalize, stepName } from './step-names';

type SummaryAct = Extract<Act, { type: 'Summary' }>;
/** Fatigue ending the routine this often in a week prompts the handout's advice. */
export const FATIGUE_DAYS_FOR_ADVICE = 2;
const LISTED_STEPS = 3;

export function spokenWhen(day: string, today: string, s: LocaleStrings): string {
  const ago = daysBetween(day, today);
  if (ago === 0) return s.whenToday;
  if (ago === 1) return s.whenYesterday;
  return s.whenOn(ago < 7 ? weekdayOf(day) : spokenDate(day));
}

function todayLines(summary: DaySummary, s: LocaleStrings): string[] {
  if (summary.routine === null) return [s.summaryNothing];
  const lines = [s.summaryCounts(summary.completed, summary.planned, summary.routine)];
  const lists = [
    ['stoppedEarly', summary.stoppedEarly],
    ['cutShort', summary.cutShort],
    ['skipped', summary.skipped],
  ] as const;
  for (const [label, steps] of lists) {
    if (steps.length > 0) lines.push(s.summaryList(s.summaryLabels[label], steps.map(stepName)));
  }
  if (summary.remaining.length > 0) lines.push(s.summaryRemaining(summary.remaining.length));
  return lines;
}

/** The week's stops before today, as one line, if there were any. */
function earlierStopsLines(week: WeekSummary, today: string, s: LocaleStrings): string[] {
  const earlier = week.stoppedEarly.filter((stop) => stop.day !== today);
  return earlier.length === 0 ? [] : [s.weekStops(earlier.map((stop) => `${stepName(stop.step)}, ${spokenWhen(stop.day, today, s)}`))];
}

/** Pain details (present only with HEALTH_LOG=detailed), as one line. */
function painLines(act: SummaryAct, s: LocaleStrings): string[] {
  if (act.pain.length === 0) return [];
  const details = act.pain.map((p) => s.painDetail(p.step === null ? '' : stepName(p.step), p.bodyPart, p.severity).replace(/^, /, ''));
  return [s.summaryList(s.painDetailsLabel, details)];
}

/**
 * The handout's point on fatigue, when it is due: on days tiredness ended (known only with health details opted in),
 * else on days that ended early, which the default mode keeps without a reason, so it is worded without one.
 */
function fatigueLines(week: WeekSummary | null, s: LocaleStrings): string[] {
  if (week === null) return [];
  if (week.fatigueDays >= FATIGUE_DAYS_FOR_ADVICE) return [s.fatigueAdvice(week.fatigueDays, s.therapist)];
  return week.endedEarlyDays >= FATIGUE_DAYS_FOR_ADVICE ? [s.endedEarlyAdvice(week.endedEarlyDays, s.therapist)] : [];
}

export function summaryLines(act: SummaryAct, today: string, s: LocaleStrings): string[] {
  const week = act.week === null ? [] : [s.weekDays(act.week.daysExercised), ...earlierStopsLines(act.week, today, s)];
  return [...week, ...todayLines(act.summary, s), ...painLines(act, s), ...fatigueLines(act.week, s)];
}

const doseText = (dose: Dose, amount: number | null, s: LocaleStrings): string =>
  dose.kind === 'reps' ? s.cardDose(amount ?? dose.reps, null) : s.cardDose(null, amount ?? dose.holdSeconds);

/**
 * The card a caregiver shows the therapist: every step of today's plan in routine order with what was done against the
 * plan's dose and how it ended, the days exercised this week, and when the plan was reviewed. Plain text for a phone.
 * Health details (pain reports, tiredness) appear only as the spoken summary carries them: with HEALTH_LOG=detailed.
 */
export function summaryCard(act: SummaryAct, today: string, s: LocaleStrings): { title: string; text: string } {
  const { summary } = act;
  const lines: string[] = [];
  if (summary.routine === null) lines.push(s.summaryNothing);
  else {
    lines.push(s.cardHeading(spokenDate(today), s.cardRoutine[summary.routine] ?? ''));
    for (const row of summary.rows) {
      const done = row.outcome === 'completed' || (row.outcome === 'stoppedEarly' && row.amount > 0) ? doseText(row.dose, row.amount, s) : null;
      lines.push(s.cardRow(capitalize(stepName(row.step)), s.cardOutcome[row.outcome] ?? row.outcome, done, doseText(row.dose, null, s)));
    }
  }
  lines.push(...painLines(act, s));
  if (act.week !== null) lines.push(s.cardDays(act.week.daysExercised), ...earlierStopsLines(act.week, today, s), ...fatigueLines(act.week, s));
  lines.push(act.reviewedOn === null ? s.cardNoPlan(s.therapist) : s.cardReviewed(spokenDate(act.reviewedOn), s.therapist));
  return { title: act.week === null ? s.summaryCardTitle : s.weekCardTitle, text: lines.join('\n') };
}

export function whatsLeft(remaining: readonly StepRef[], s: LocaleStrings): string {
  if (remaining.length === 0) return s.whatsLeftNone;
  const listed = remaining.slice(0, LISTED_STEPS).map(stepName);
  return s.whatsLeft(remaining.length, listed, remaining.length - listed.length);
}
