// AMAZON.NUMBER: digits or English number words ("twenty five", "a hundred and ten", "minus three") to digits.
const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { thousand: 1_000, million: 1_000_000 };

/** The number the words say, or undefined when they are not (only) a number. */
export function parseSpokenNumber(words: readonly string[]): number | undefined {
  if (words.length === 0) return undefined;
  let rest = words;
  let sign = 1;
  if (rest[0] === 'minus' || rest[0] === 'negative') {
    sign = -1;
    rest = rest.slice(1);
  }
  if (rest.length === 1 && /^\d+$/.test(rest[0] ?? '')) return sign * Number(rest[0]);
  const value = parseNumberWords(rest);
  return value === undefined ? undefined : sign * value;
}

function parseNumberWords(words: readonly string[]): number | undefined {
  if (words.length === 0) return undefined;
  let total = 0;
  let group = 0;
  // What the previous word was, to reject runs Alexa would not read as one number ("two three", "twenty thirty").
  let previous: 'start' | 'unit' | 'teen' | 'tens' | 'hundred' | 'scale' | 'and' | 'a' = 'start';
  for (const word of words) {
    const unit = UNITS[word];
    const tens = TENS[word];
    const scale = SCALES[word];
    if (unit !== undefined) {
      if (previous === 'unit' || previous === 'teen' || previous === 'a') return undefined;
      if (previous === 'tens' && unit >= 10) return undefined;
      group += unit;
      previous = unit >= 10 ? 'teen' : 'unit';
    } else if (tens !== undefined) {
      if (previous === 'unit' || previous === 'teen' || previous === 'tens' || previous === 'a') return undefined;
      group += tens;
      previous = 'tens';
    } else if (word === 'hundred') {
      if (previous === 'hundred' || previous === 'tens' || previous === 'and' || group >= 100) return undefined;
      group = (group === 0 ? 1 : group) * 100;
      previous = 'hundred';
    } else if (scale !== undefined) {
      if (previous === 'scale' || previous === 'and') return undefined;
      total += (group === 0 ? 1 : group) * scale;
      group = 0;
      previous = 'scale';
    } else if (word === 'and') {
      if (previous !== 'hundred' && previous !== 'scale') return undefined;
      previous = 'and';
    } else if (word === 'a') {
      if (previous !== 'start' && previous !== 'and') return undefined;
      previous = 'a';
    } else {
      return undefined;
    }
  }
  if (previous === 'and' || previous === 'a') return undefined;
  return total + group;
}
