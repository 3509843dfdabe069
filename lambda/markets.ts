// The English-speaking markets the skill is published in, and the words that differ between them.
// One table for both sides: the speech layer reads `therapist` and `emergencyNumber` from here, and the
// interaction-model source (interactionModels/) builds each locale's sample utterances from the same entries,
// so "physio" is what Alexa both says and understands in en-GB. Imports nothing but zod.
import * as z from 'zod/mini';

export const LOCALES = ['en-US', 'en-GB', 'en-CA', 'en-AU', 'en-IN'] as const;
export type Locale = (typeof LOCALES)[number];
export const LocaleSchema = z.enum(LOCALES);

export type Market = {
  /** The clinician who set the routine, as the market names them in speech: "let the physio know". */
  readonly therapist: string;
  /** Every word a caregiver in this market may use for that clinician (the model accepts all of them). */
  readonly therapistWords: readonly string[];
  /** The local emergency number, as written (speech says "call 999 on a phone"). */
  readonly emergencyNumber: string;
  /** How callers say the emergency numbers aloud, spelled out for sample utterances ("nine nine nine"). */
  readonly emergencyNumberWords: readonly string[];
  /** Adjectives for worn out, said after "she's", "he's", "she looks", "she's getting": "tired", "knackered". */
  readonly tiredWords: readonly string[];
  /** What a grown-up child calls the parent they care for, in sample utterances: "mom", "mum". */
  readonly mother: string;
  readonly father: string;
};

export const MARKETS = {
  'en-US': {
    therapist: 'therapist',
    therapistWords: ['therapist', 'physical therapist'],
    emergencyNumber: '911',
    emergencyNumberWords: ['nine one one'],
    tiredWords: ['tired', 'exhausted', 'worn out', 'wiped out', 'beat', 'pooped'],
    mother: 'mom',
    father: 'dad',
  },
  'en-GB': {
    therapist: 'physio',
    therapistWords: ['physio', 'physiotherapist'],
    emergencyNumber: '999',
    emergencyNumberWords: ['nine nine nine', 'one one two'],
    tiredWords: ['tired', 'exhausted', 'worn out', 'knackered', 'whacked', 'shattered', 'done in'],
    mother: 'mum',
    father: 'dad',
  },
  'en-CA': {
    therapist: 'physiotherapist',
    therapistWords: ['physiotherapist', 'physio', 'therapist'],
    emergencyNumber: '911',
    emergencyNumberWords: ['nine one one'],
    tiredWords: ['tired', 'exhausted', 'worn out', 'wiped out', 'beat'],
    mother: 'mom',
    father: 'dad',
  },
  'en-AU': {
    therapist: 'physio',
    therapistWords: ['physio', 'physiotherapist'],
    emergencyNumber: '000',
    emergencyNumberWords: ['triple zero', 'zero zero zero', 'one one two'],
    tiredWords: ['tired', 'exhausted', 'worn out', 'knackered', 'stuffed', 'done in'],
    mother: 'mum',
    father: 'dad',
  },
  'en-IN': {
    therapist: 'physio',
    therapistWords: ['physio', 'physiotherapist'],
    emergencyNumber: '112',
    emergencyNumberWords: ['one one two', 'one zero eight'],
    tiredWords: ['tired', 'exhausted', 'very tired', 'weak', 'very weak'],
    mother: 'mummy',
    father: 'papa',
  },
} as const satisfies Record<Locale, Market>;

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** The market of a request's locale; another English locale (or none) gets en-US. */
export function marketFor(locale: string | undefined): Market {
  return locale !== undefined && isLocale(locale) ? MARKETS[locale] : MARKETS['en-US'];
}
