import { parseSpokenNumber } from '../../scripts/console/spoken-number';

const words = (text: string): string[] => text.split(' ');

describe('parseSpokenNumber', () => {
  it.each([
    ['6', 6],
    ['six', 6],
    ['zero', 0],
    ['fifteen', 15],
    ['twenty five', 25],
    ['ninety', 90],
    ['four hundred', 400],
    ['a hundred', 100],
    ['one hundred and five', 105],
    ['two thousand and twenty four', 2024],
    ['minus three', -3],
    ['negative 4', -4],
  ])('reads "%s" as %d', (text, value) => {
    expect(parseSpokenNumber(words(text))).toBe(value);
  });

  it.each([['six seven'], ['twenty thirty'], ['fifteen five'], ['hundred and'], ['a'], ['six apples'], ['minus']])(
    'rejects "%s"',
    (text) => {
      expect(parseSpokenNumber(words(text))).toBeUndefined();
    },
  );
});
