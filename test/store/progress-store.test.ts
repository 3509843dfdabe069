import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { initialState } from '../../lambda/engine/state';
import { CorruptRecordError, PersistenceError, WriteConflictError } from '../../lambda/errors';
import { dynamoItemBytes } from '../../lambda/store/item-size';
import { DynamoProgressStore } from '../../lambda/store/progress-store';
import { ensureTable } from '../../lambda/store/table';
import { createDynamoClient } from '../../lambda/store/client';
import { freshTable, testClient } from '../support/dynamo';

const client = testClient();
let store: DynamoProgressStore;
let table: string;
const now = Date.parse('2026-12-01T15:00:00Z');

beforeAll(async () => {
  table = await freshTable(client);
  store = new DynamoProgressStore(client, table);
});

afterAll(() => client.destroy());

describe('DynamoProgressStore', () => {
  it('reads nothing for a new user', async () => {
    expect(await store.load('user-new')).toBeNull();
  });

  it('saves and loads a state, incrementing the version', async () => {
    const state = { ...initialState('2026-12-01'), introduced: true };

    const first = await store.save('user-a', { state, expectedVersion: 0, requestId: 'r1', nowMs: now });
    const second = await store.save('user-a', { state, expectedVersion: first, requestId: 'r2', nowMs: now });
    const loaded = await store.load('user-a');

    expect([first, second]).toEqual([1, 2]);
    expect(loaded).toMatchObject({ version: 2, lastRequestId: 'r2', state: { introduced: true } });
  });

  it('refuses to overwrite newer progress', async () => {
    const state = initialState('2026-12-01');
    await store.save('user-b', { state, expectedVersion: 0, requestId: 'r1', nowMs: now });

    await expect(store.save('user-b', { state, expectedVersion: 0, requestId: 'r2', nowMs: now })).rejects.toBeInstanceOf(WriteConflictError);
    expect((await store.load('user-b'))?.lastRequestId).toBe('r1');
  });

  it('keeps users apart', async () => {
    await store.save('user-c', { state: { ...initialState('2026-12-01'), introduced: true }, expectedVersion: 0, requestId: 'r', nowMs: now });

    expect(await store.load('user-d')).toBeNull();
  });

  it('reports a record that fails its schema as corrupt, and replaces it when asked', async () => {
    await client.send(new PutItemCommand({
      TableName: table,
      Item: { pk: { S: 'user-e' }, sk: { S: 'PROGRESS' }, schemaVersion: { N: '1' }, version: { N: '3' }, updatedAtMs: { N: '1' }, state: { S: '{"today":42}' } },
    }));

    await expect(store.load('user-e')).rejects.toBeInstanceOf(CorruptRecordError);
    await store.save('user-e', { state: initialState('2026-12-01'), expectedVersion: 'any', requestId: 'r', nowMs: now });
    expect((await store.load('user-e'))?.version).toBe(1);
  });

  it('writes a TTL and stays well under one write unit', async () => {
    await store.save('user-f', { state: initialState('2026-12-01'), expectedVersion: 0, requestId: 'r', nowMs: now });

    const { Item } = await client.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'user-f' }, sk: { S: 'PROGRESS' } } }));

    expect(Number(Item?.ttlEpochSeconds?.N)).toBeGreaterThan(now / 1000);
    expect(dynamoItemBytes(Item)).toBeLessThan(1024);
  });

  it('deletes a user', async () => {
    await store.save('user-g', { state: initialState('2026-12-01'), expectedVersion: 0, requestId: 'r', nowMs: now });

    await store.remove('user-g');

    expect(await store.load('user-g')).toBeNull();
  });

  it('wraps an unreachable server in a PersistenceError', async () => {
    const dead = createDynamoClient({ region: 'us-east-1', dynamoEndpoint: 'http://127.0.0.1:9' });

    await expect(new DynamoProgressStore(dead, table).load('user-a')).rejects.toBeInstanceOf(PersistenceError);
    dead.destroy();
  });
});

describe('ensureTable', () => {
  it('does nothing when the table exists', async () => {
    expect(await ensureTable(client, table)).toBe(false);
  });
});
