// The stored items stay under the 4 KB budget on the busiest reachable day, measured on the items as DynamoDB
// holds them (read back raw from dynalite) with DynamoDB's own size rules.
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { initialState } from '../../lambda/engine/state';
import type { RoutineState } from '../../lambda/engine/types';
import { dynamoItemBytes } from '../../lambda/store/item-size';
import { DynamoProgressStore } from '../../lambda/store/progress-store';
import { ALEXA_REQUEST_ID, BUSY_DAY, busiestDay, everythingDone } from '../support/busy-states';
import { freshTable, testClient } from '../support/dynamo';

/** The budget of one stored item (issue 10): the state as plain maps, legible in the console. */
const ITEM_BUDGET_BYTES = 4096;
const USER_KEY = 'x'.repeat(32);
const nowMs = Date.parse(`${BUSY_DAY}T18:00:00Z`);

const client = testClient();
let table: string;
let store: DynamoProgressStore;
beforeAll(async () => {
  table = await freshTable(client);
  store = new DynamoProgressStore(client, table);
});
afterAll(() => client.destroy());

const raw = async (userKey: string, sk: string) => (await client.send(new GetItemCommand({ TableName: table, Key: { pk: { S: userKey }, sk: { S: sk } } }))).Item;

/**
 * The items as they stand after the day's first turn (a fresh day with the lasting settings, saved by a turn whose
 * read failed: the write carries them in PROGRESS, the largest PROGRESS can be) and after a later turn, which read
 * SETTINGS, reached the given state (the settings moved to SETTINGS).
 */
async function storedSizes(name: string, state: RoutineState): Promise<{ firstProgress: number; progress: number; settings: number }> {
  const userKey = `${USER_KEY}-${name}`;
  const freshDay = { ...state, today: initialState(state.today.day).today };
  await store.save(userKey, { state: freshDay, expectedVersion: 0, requestId: ALEXA_REQUEST_ID, nowMs });
  const firstProgress = dynamoItemBytes(await raw(userKey, 'PROGRESS'));
  await store.save(userKey, { state, expectedVersion: 1, settingsRead: null, requestId: ALEXA_REQUEST_ID, nowMs });
  return { firstProgress, progress: dynamoItemBytes(await raw(userKey, 'PROGRESS')), settings: dynamoItemBytes(await raw(userKey, 'SETTINGS')) };
}

describe('the stored items', () => {
  it.each([
    ['new', 'a new user', initialState(BUSY_DAY)],
    ['done', 'the whole routine done at full dose', everythingDone],
    ['busiest', 'the busiest day (every field in use, detailed health log)', busiestDay],
  ])('stay under 4 KB for %s', async (name, _label, state) => {
    const sizes = await storedSizes(name, state);
    expect(sizes.progress).toBeGreaterThan(0);
    expect(sizes.firstProgress).toBeLessThan(ITEM_BUDGET_BYTES);
    expect(sizes.progress).toBeLessThan(ITEM_BUDGET_BYTES);
    expect(sizes.settings).toBeLessThan(ITEM_BUDGET_BYTES);
    if (process.env.PRINT_SIZES) console.log(name, sizes);
  });

  it('read back the busiest day as it was', async () => {
    await store.save('busiest-again', { state: busiestDay, expectedVersion: 0, requestId: ALEXA_REQUEST_ID, nowMs });
    const back = await store.load('busiest-again');

    expect(back).toMatchObject({ version: 1, updatedAtMs: nowMs, lastRequestId: ALEXA_REQUEST_ID });
    expect(back?.state).toEqual(busiestDay);
  });
});
