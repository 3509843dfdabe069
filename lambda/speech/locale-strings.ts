// Picks the strings for a request's locale; every English market falls back to US English for now.
import { EN_US, type LocaleStrings } from './locales/en-US';

const LOCALES: Record<string, LocaleStrings> = { 'en-US': EN_US };

export function stringsFor(locale: string): LocaleStrings {
  return LOCALES[locale] ?? EN_US;
}
