import { spokenDate, weekdayOf } from '../../lambda/speech/calendar-words';

describe('a date in words, by arithmetic', () => {
  it('agrees with Intl for every day of two years, leap day included', () => {
    for (let t = Date.UTC(2027, 0, 1), end = Date.UTC(2029, 0, 1); t < end; t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      const date = new Date(`${day}T12:00:00Z`);
      expect(weekdayOf(day)).toBe(date.toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' }));
      expect(spokenDate(day)).toBe(date.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' }));
    }
    expect(spokenDate('2028-02-29')).toBe('February 29, 2028');
  });
});
