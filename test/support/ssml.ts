// SSML checks for tests: well-formed XML, break times, and the words in it.
import { XMLValidator } from 'fast-xml-parser';

export function isWellFormed(ssml: string): boolean {
  return XMLValidator.validate(`<speak>${ssml}</speak>`) === true;
}

export function breakTimesMs(ssml: string): number[] {
  return [...ssml.matchAll(/<break time="(\d+)(ms|s)"\/>/g)].map((m) => Number(m[1]) * (m[2] === 's' ? 1000 : 1));
}

export function totalBreakMs(ssml: string): number {
  return breakTimesMs(ssml).reduce((sum, ms) => sum + ms, 0);
}

const ENTITIES: Record<string, string> = { '&apos;': "'", '&quot;': '"', '&lt;': '<', '&gt;': '>', '&amp;': '&' };

export function plainText(ssml: string): string {
  return ssml
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(apos|quot|lt|gt|amp);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words that would urge the caregiver to force a movement. */
export const URGING = /push harder|harder|stronger|a (little|bit) further|as far as (you|it) can|force it\b|keep pushing/i;
