// A local date (YYYY-MM-DD) in words, by arithmetic: toLocaleDateString with options builds a new formatter on every
// call (76 us against 3 us, the largest first-party cost of a warm summary turn in the bench).
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

function parts(day: string): { year: number; month: number; date: number } {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  return { year, month, date };
}

/** "Thursday" for "2026-12-03". */
export function weekdayOf(day: string): string {
  const { year, month, date } = parts(day);
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, date)).getUTCDay()] ?? '';
}

/** "December 3, 2026" for "2026-12-03", as en-US says it. */
export function spokenDate(day: string): string {
  const { year, month, date } = parts(day);
  return `${MONTHS[month - 1] ?? ''} ${date}, ${year}`;
}
