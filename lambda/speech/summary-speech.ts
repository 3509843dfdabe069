// Today's summary, spoken briefly and written to the home card: counts first, then what stopped, then what is left.
import type { DaySummary } from '../engine/types';
import type { LocaleStrings } from './locales/en-US';
import { text } from './ssml';
import { stepName } from './step-names';

function summaryLines(summary: DaySummary, s: LocaleStrings): string[] {
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

export function renderSummary(summary: DaySummary, s: LocaleStrings): string {
  return summaryLines(summary, s).map((line) => `<s>${text(line)}</s>`).join(' ');
}

export function summaryCard(summary: DaySummary, s: LocaleStrings): { title: string; text: string } {
  return { title: s.summaryCardTitle, text: summaryLines(summary, s).join('\n') };
}
