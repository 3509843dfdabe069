// AMAZON.TIME as the resolver fills it: spoken times to the value Alexa sends.
import { createResolver } from '../../scripts/console/resolver';
import { parseSpokenTime } from '../../scripts/console/spoken-time';
import { committedModel } from '../support/model';

const words = (text: string): string[] => text.split(' ');

describe('parseSpokenTime', () => {
  it.each([
    ['seven', '07:00'],
    ['seven am', '07:00'],
    ['seven a m', '07:00'],
    ['seven p m', '19:00'],
    ['seven thirty', '07:30'],
    ['seven oh five', '07:05'],
    ['seven fifteen pm', '19:15'],
    ["eight o'clock", '08:00'],
    ["eight o'clock in the evening", '20:00'],
    ['half past six', '06:30'],
    ['half past six in the evening', '18:30'],
    ['quarter past nine', '09:15'],
    ['quarter to eight', '07:45'],
    ['ten to seven', '06:50'],
    ['twenty minutes past four', '04:20'],
    ['twelve am', '00:00'],
    ['twelve pm', '12:00'],
    ['noon', '12:00'],
    ['midnight', '00:00'],
    ['nineteen hundred', '19:00'],
    ['9 pm', '21:00'],
    ['7 30', '07:30'],
    ['in the morning', 'MO'],
    ['evening', 'EV'],
  ])('reads "%s" as %s', (text, value) => {
    expect(parseSpokenTime(words(text))).toBe(value);
  });

  it.each(['', 'the exercises', 'seven eight', 'thirteen pm', 'seven sixty', 'half past', 'twenty five'])('reads "%s" as no time', (text) => {
    expect(parseSpokenTime(text === '' ? [] : words(text))).toBeUndefined();
  });
});

describe('AMAZON.TIME in the exact stage', () => {
  it('fills the slot with the time, not the words', () => {
    const result = createResolver(committedModel('en-US'), { classifier: false }).resolve('remind me at seven thirty p m');
    expect(result).toMatchObject({ intent: { name: 'SetReminderIntent' }, via: 'sample' });
    expect(result.intent.slots?.time?.value).toBe('19:30');
  });
});
