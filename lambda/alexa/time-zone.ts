// The time zone that decides "today": the device's zone from the Settings API, else the one cached with
// the user, else the market's usual zone, else UTC.
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

export function chooseTimeZone(device: string | null, cached: string | null, locale: string | undefined): string {
  return device ?? cached ?? localeTimeZone(locale);
}
