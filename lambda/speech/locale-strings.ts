// The strings for a request's locale: every English market shares the sentences, and the words that
// differ between markets (therapist or physio) come from the one markets table the model uses too.
import { LOCALES, MARKETS, type Locale } from '../markets';
import { EN_US, type LocaleStrings } from './locales/en-US';

const BY_LOCALE = new Map<string, LocaleStrings>(
  LOCALES.map((locale: Locale) => [
    locale,
    // The number as people there say it aloud ("nine one one", "triple zero"), so Alexa cannot read "911" as a year.
    { ...EN_US, therapist: MARKETS[locale].therapist, emergencyNumber: MARKETS[locale].emergencyNumberWords[0] ?? EN_US.emergencyNumber },
  ]),
);

export function stringsFor(locale: string): LocaleStrings {
  return BY_LOCALE.get(locale) ?? EN_US;
}
