// The time zone that decides "today". The device's own zone comes later from the Settings API;
// until then, each market's usual zone stands in, and UTC for anything else.
import type { RequestEnvelope } from 'ask-sdk-model';

const LOCALE_ZONES: Record<string, string> = {
  'en-US': 'America/New_York',
  'en-CA': 'America/Toronto',
  'en-GB': 'Europe/London',
  'en-AU': 'Australia/Sydney',
  'en-IN': 'Asia/Kolkata',
};

export function localeTimeZone(locale: string | undefined): string {
  return (locale !== undefined ? LOCALE_ZONES[locale] : undefined) ?? 'UTC';
}

export type TimeZoneResolver = (envelope: RequestEnvelope) => Promise<string>;

export const timeZoneFromLocale: TimeZoneResolver = async (envelope) =>
  localeTimeZone((envelope.request as { locale?: string }).locale);
