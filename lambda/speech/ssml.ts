// Tiny SSML builders. They escape text and never add <speak>: ask-sdk's speak() wraps the whole string.
import { escapeXmlCharacters } from 'ask-sdk-core';

/** Alexa caps one <break> at 10 s; longer silences are chained breaks. */
export const MAX_BREAK_MS = 10_000;

export function text(value: string): string {
  return escapeXmlCharacters(value);
}

export function pause(ms: number): string {
  const parts: string[] = [];
  let left = Math.max(0, Math.round(ms));
  while (left > 0) {
    const chunk = Math.min(MAX_BREAK_MS, left);
    parts.push(`<break time="${chunk}ms"/>`);
    left -= chunk;
  }
  return parts.join('');
}

export function withVoiceRate(ssml: string, ratePercent: number): string {
  return ratePercent === 100 ? ssml : `<prosody rate="${Math.round(ratePercent)}%">${ssml}</prosody>`;
}

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Counts are spoken as words so the voice says "seven", never "7th" or a digit string. */
export function numberWord(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 20) return ONES[n] ?? String(n);
  const tens = TENS[Math.floor(n / 10)] ?? '';
  return n % 10 === 0 ? tens : `${tens} ${ONES[n % 10] ?? ''}`;
}
