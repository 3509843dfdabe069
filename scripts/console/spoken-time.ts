// AMAZON.TIME: spoken times to the value Alexa sends: "seven a m" -> "07:00", "half past six in the evening"
// -> "18:30", "noon" -> "12:00", "in the morning" -> "MO". Without am or pm the hour is sent as said.
import { parseSpokenNumber } from './spoken-number';

const PERIODS: Readonly<Record<string, 'MO' | 'AF' | 'EV' | 'NI'>> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI' };

type Meridiem = 'am' | 'pm' | undefined;

/** The AMAZON.TIME value the words say, or undefined when they are not (only) a time. */
export function parseSpokenTime(words: readonly string[]): string | undefined {
  if (words.length === 0) return undefined;
  const joined = words.join(' ');
  if (joined === 'noon' || joined === 'midday' || joined === 'twelve noon') return '12:00';
  if (joined === 'midnight') return '00:00';
  const period = PERIODS[joined.replace(/^(?:in the|at|this) /, '')];
  if (period !== undefined && words.length <= 3) return period;

  const { rest, meridiem } = stripMeridiem(words);
  if (rest.length === 0) return undefined;
  const relative = parseRelative(rest);
  if (relative !== undefined) return format(relative.hour, relative.minute, meridiem);
  const clock = parseClock(rest);
  return clock === undefined ? undefined : format(clock.hour, clock.minute, meridiem);
}

function stripMeridiem(words: readonly string[]): { rest: readonly string[]; meridiem: Meridiem } {
  const text = words.join(' ');
  const suffixes: Array<[string, Meridiem]> = [
    [' a m', 'am'], [' am', 'am'], [' p m', 'pm'], [' pm', 'pm'], [' in the morning', 'am'], [' in the afternoon', 'pm'],
    [' in the evening', 'pm'], [' at night', 'pm'], [' tonight', 'pm'], [" o'clock", undefined], [' oclock', undefined],
  ];
  for (const [suffix, meridiem] of suffixes) {
    if (text.endsWith(suffix)) {
      const inner = stripMeridiem(text.slice(0, -suffix.length).split(' ').filter((w) => w !== ''));
      return { rest: inner.rest, meridiem: meridiem ?? inner.meridiem };
    }
  }
  return { rest: words, meridiem: undefined };
}

/** "half past seven", "quarter to eight", "ten past six", "twenty minutes to nine". */
function parseRelative(words: readonly string[]): { hour: number; minute: number } | undefined {
  const index = words.findIndex((w) => w === 'past' || w === 'after' || w === 'to');
  if (index <= 0) return undefined;
  const hour = hourOf(words.slice(index + 1));
  if (hour === undefined) return undefined;
  let amount = words.slice(0, index).filter((w) => w !== 'minutes' && w !== 'minute');
  if (amount[0] === 'a') amount = amount.slice(1);
  const minutes = amount.join(' ') === 'half' ? 30 : amount.join(' ') === 'quarter' ? 15 : parseSpokenNumber(amount);
  if (minutes === undefined || minutes < 1 || minutes > 59) return undefined;
  if (words[index] === 'to') return { hour: (hour + 11) % 12 || 12, minute: 60 - minutes };
  return { hour, minute: minutes };
}

/** "seven", "seven thirty", "seven oh five", "nineteen hundred", "7 30". */
function parseClock(words: readonly string[]): { hour: number; minute: number } | undefined {
  for (let split = 1; split <= Math.min(2, words.length); split += 1) {
    const hour = hourOf(words.slice(0, split), 23);
    if (hour === undefined) continue;
    const tail = words.slice(split);
    if (tail.length === 0) return { hour, minute: 0 };
    if (tail.length === 1 && tail[0] === 'hundred') return { hour, minute: 0 };
    const minuteWords = tail[0] === 'oh' || tail[0] === 'o' ? tail.slice(1) : tail;
    if (minuteWords.length === 0) continue;
    const minute = parseSpokenNumber(minuteWords);
    if (minute === undefined || minute < 0 || minute > 59) continue;
    if ((tail[0] === 'oh' || tail[0] === 'o') && minute > 9) continue;
    if (tail[0] !== 'oh' && tail[0] !== 'o' && minute < 10 && !/^\d+$/.test(tail[0] ?? '')) continue;
    return { hour, minute };
  }
  return undefined;
}

function hourOf(words: readonly string[], max = 12): number | undefined {
  const hour = parseSpokenNumber(words);
  return hour !== undefined && hour >= 0 && hour <= max && Number.isInteger(hour) ? hour : undefined;
}

function format(hour: number, minute: number, meridiem: Meridiem): string | undefined {
  let h = hour;
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    if (meridiem === 'am') h = hour === 12 ? 0 : hour;
    else h = hour === 12 ? 12 : hour + 12;
  }
  return `${String(h).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
