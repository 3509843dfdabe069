// Every progress write must cost one write unit (1 KB), on the busiest day as on the first.
import { initialState } from '../../lambda/engine/state';
import { CorruptRecordError } from '../../lambda/errors';
import type { RoutineState } from '../../lambda/engine/types';
import { dynamoItemBytes, writeUnits } from '../../lambda/store/item-size';
import { readState, RoutineStateSchema } from '../../lambda/store/progress-record';
import { parseProgressItem, progressItem } from '../../lambda/store/progress-store';
import { RECENT_STOPS_KEPT } from '../../lambda/engine/state';
import { decodeState, encodeState } from '../../lambda/store/state-codec';
import { ALEXA_REQUEST_ID, BUSY_DAY, busiestDay, everythingDone } from '../support/busy-states';

const USER_KEY = 'x'.repeat(32);
const nowMs = Date.parse(`${BUSY_DAY}T18:00:00Z`);
/** Decodes and validates afresh: readState would hand back the state this process encoded last. */
const decodeAfresh = (text: string) => RoutineStateSchema.safeParse(decodeState(text));
const itemOf = (state: RoutineState) => progressItem(USER_KEY, { state, expectedVersion: 123_456, requestId: ALEXA_REQUEST_ID, nowMs }, 123_457, encodeState(state));

describe('the stored progress item', () => {
  it.each([
    ['a new user', initialState(BUSY_DAY)],
    ['the whole routine done at full dose', everythingDone],
    ['the busiest day (every field in use, detailed health log)', busiestDay],
  ])('stays in one write unit for %s', (_name, state) => {
    const bytes = dynamoItemBytes(itemOf(state));
    expect(bytes).toBeLessThan(1024);
    expect(writeUnits(bytes)).toBe(1);
  });

  it('reads back the busiest day as it was', () => {
    const item = itemOf(busiestDay);
    encodeState(everythingDone); // another state encoded since: the item is decoded, not remembered
    const back = parseProgressItem(item);

    expect(back).toMatchObject({ version: 123_457, updatedAtMs: nowMs, lastRequestId: ALEXA_REQUEST_ID });
    expect(back.state).not.toBe(busiestDay);
    expect(back.state).toEqual(busiestDay);
  });

  it('keeps only the latest stops of an exercise, as the engine does', () => {
    const week = ['2026-12-04', '2026-12-06', '2026-12-09', '2026-12-10'];
    const state = { ...everythingDone, recentStops: { 'hip-rotation': week } };
    const back = decodeAfresh(encodeState(state));
    expect(back.success && back.data.recentStops).toEqual({ 'hip-rotation': week.slice(-RECENT_STOPS_KEPT) });
  });

  it('reads back a new user and an ordinary day unchanged', () => {
    for (const state of [initialState(BUSY_DAY), everythingDone]) {
      expect(decodeAfresh(encodeState(state))).toEqual({ success: true, data: state });
    }
  });

  it('knows the text it encoded last without decoding it, and only that exact text', () => {
    const text = encodeState(everythingDone);
    const reading = readState(text);
    expect(reading.ok && reading.state).toBe(everythingDone);

    const other = readState(text.replace('"p":"f"', '"p":"c"'));
    expect(other.ok && other.state.today.phase).toBe('choosing');
  });

  it('keeps a request id that is not Alexa\'s as it is', () => {
    const item = progressItem(USER_KEY, { state: everythingDone, expectedVersion: 0, requestId: 'r1', nowMs }, 1, encodeState(everythingDone));
    expect(parseProgressItem(item).lastRequestId).toBe('r1');
  });
});

describe('reading a damaged state', () => {
  it.each([
    ['not JSON', '{"d":'],
    ['a list', '[1,2]'],
    ['an unknown phase', JSON.stringify({ d: BUSY_DAY, p: 'z' })],
    ['a step of no exercise', JSON.stringify({ d: BUSY_DAY, p: 'u', c: 'zzr' })],
    ['outcomes that are not text', JSON.stringify({ d: BUSY_DAY, p: 'c', o: 42 })],
    ['a bad time', JSON.stringify({ d: BUSY_DAY, p: 'c', lt: 'not time!' })],
    ['a day that is no date', JSON.stringify({ d: 'tomorrow', p: 'c' })],
  ])('refuses %s', (_name, text) => {
    expect(readState(text).ok).toBe(false);
  });
});

describe('how the state is kept in the item', () => {
  it('keeps an ordinary day legible and deflates a busy one', () => {
    expect(Object.keys(itemOf(everythingDone))).toContain('s');
    expect(Object.keys(itemOf(busiestDay))).toContain('z');
  });

  it('reports a deflated state that does not inflate as corrupt', () => {
    const item = { ...itemOf(busiestDay), z: { B: new Uint8Array([1, 2, 3, 4]) } };
    expect(() => parseProgressItem(item)).toThrow(CorruptRecordError);
  });
});
