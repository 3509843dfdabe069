// What a session starts from and what SKILL_DISABLED deletes, against dynalite (through the fault proxy where
// DynamoDB's partial answers are needed): reads fail closed, lasting settings outlive PROGRESS, a record of a
// newer schema is never overwritten, a deletion that leaves items behind fails.
import { DeleteItemCommand, GetItemCommand, PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { HandlerInput } from 'ask-sdk-core';
import { initialState } from '../../lambda/engine/state';
import type { RoutineState } from '../../lambda/engine/types';
import { PersistenceError, WriteConflictError } from '../../lambda/errors';
import { loadTurn, sessionAttributesFor } from '../../lambda/handlers/progress-loader';
import type { SkillStores } from '../../lambda/handlers/skill-deps';
import type { LogFields, Logger } from '../../lambda/logger';
import { createDynamoClient } from '../../lambda/store/client';
import { IncompleteDeleteError, NewerRecordError } from '../../lambda/store/errors';
import { DynamoHistoryStore } from '../../lambda/store/history-store';
import { DEFAULT_PLAN_OWNER, DynamoPlanStore, PLAN_RETENTION_DAYS, PLAN_UNKNOWN } from '../../lambda/store/plan-store';
import { DynamoProgressStore, settingsReadAfter } from '../../lambda/store/progress-store';
import { STORE_SCHEMA_VERSION } from '../../lambda/store/stored-state';
import { DynamoUserRecords } from '../../lambda/store/user-records';
import { startFaultProxy, type FaultAction, type FaultProxy } from '../../scripts/local/fault-proxy';
import { freshTable, testClient } from '../support/dynamo';

const DAY = '2026-12-01';
const nowMs = Date.parse(`${DAY}T15:00:00Z`);
const plan = { schemaVersion: 1 as const, reviewedOn: '2026-11-20', legsFirst: true, firstSide: 'right' as const, buildUp: true, exercises: [{ id: 'hip-knee-flexion', reps: 3 }] };
const defaultPlan = { ...plan, exercises: [{ id: 'neck-rotation' }, { id: 'hip-knee-flexion' }] };

const direct = testClient();
let proxy: FaultProxy;
let faulted: DynamoDBClient;
let fault: FaultAction = { kind: 'pass' };
let table: string;
let users: DynamoUserRecords;
let progress: DynamoProgressStore;
let plans: DynamoPlanStore;
let history: DynamoHistoryStore;

beforeAll(async () => {
  table = await freshTable(direct);
  proxy = await startFaultProxy({ target: process.env.DYNAMODB_ENDPOINT!, plan: () => fault });
  faulted = createDynamoClient({ region: 'us-east-1', dynamoEndpoint: proxy.endpoint });
  users = new DynamoUserRecords(faulted, table);
  progress = new DynamoProgressStore(faulted, table);
  plans = new DynamoPlanStore(faulted, table);
  history = new DynamoHistoryStore(faulted, table);
  await plans.save(DEFAULT_PLAN_OWNER, defaultPlan, nowMs);
});
afterEach(() => {
  fault = { kind: 'pass' };
});
afterAll(async () => {
  faulted.destroy();
  direct.destroy();
  await proxy.close();
});

const rawItem = async (pk: string, sk: string) => (await direct.send(new GetItemCommand({ TableName: table, Key: { pk: { S: pk }, sk: { S: sk } } }))).Item;

/** Every lasting setting changed: left out by voice, a dose, a level, pace and voice rate, zone, reminder, the plan followed. */
const lasting = {
  introduced: true,
  planFollowed: { reviewedOn: '2026-11-20' },
  timeZone: 'Europe/London',
  prefs: { paceFactor: 1.5, voiceRatePercent: 80 },
  levels: { 'hip-knee-flexion:reps': 4 },
  planOverrides: { excluded: ['neck-rotation'], doses: { 'hip-rotation': { kind: 'reps' as const, reps: 3 } } },
  reminder: { alertToken: 'token-1', hour: 10, minute: 0 },
  handsConfirmed: ['lumbar-rotation'],
};
/** A user with those settings, saved by a first turn that read no SETTINGS and a second that read the first's. */
const settled: RoutineState = { ...initialState(DAY), ...lasting };
async function settle(userKey: string): Promise<string> {
  await progress.save(userKey, { state: settled, expectedVersion: 0, settingsRead: null, requestId: 'r1', nowMs });
  const read = settingsReadAfter({ state: settled, settingsRead: null })!;
  await progress.save(userKey, { state: settled, expectedVersion: 1, settingsRead: read, requestId: 'r2', nowMs });
  return read;
}

describe('reading a user', () => {
  it('treats keys DynamoDB left unprocessed after every round as a failed read, not as a new user', async () => {
    await settle('returning');
    fault = { kind: 'unprocessed' };

    await expect(users.load('returning')).rejects.toBeInstanceOf(PersistenceError);
    await expect(users.loadPlan('returning')).rejects.toBeInstanceOf(PersistenceError);
    await expect(progress.load('returning')).rejects.toBeInstanceOf(PersistenceError);
  });

  it("reads a corrupt plan of the user's own as unknown, never as the deployment's default", async () => {
    await direct.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'bad-plan' }, sk: { S: 'PLAN' }, plan: { M: { exercises: { S: 'all of them' } } } } }));

    const records = await users.load('bad-plan');

    expect(records.plan).toBe(PLAN_UNKNOWN);
    expect(records.problems.map((p) => p.event)).toEqual(['plan.unreadable']);
    expect(await users.loadPlan('bad-plan')).toMatchObject({ plan: PLAN_UNKNOWN });
  });

  it("prefers the user's own plan to the default, and the default to none", async () => {
    await plans.save('own-plan', plan, nowMs);

    expect((await users.load('own-plan')).plan).toEqual(plan);
    expect((await users.load('no-plan')).plan).toEqual(defaultPlan);
  });

  it('keeps the lasting settings when PROGRESS has expired', async () => {
    await settle('away-for-a-month');
    await direct.send(new DeleteItemCommand({ TableName: table, Key: { pk: { S: 'away-for-a-month' }, sk: { S: 'PROGRESS' } } }));

    const records = await users.load('away-for-a-month');

    expect(records.progress).toBeNull();
    expect(records.settings).toEqual(lasting);
    // The turn starts a new day with them: left-out exercises stay out, "cancel the reminder" finds its token.
    const loaded = await loadTurn(handlerInput(), stores(), 'away-for-a-month', () => '2027-01-15', logger([]), { atMs: Number.POSITIVE_INFINITY });
    expect(loaded).toMatchObject({ expectedVersion: 0, reset: false, state: { ...lasting, today: { day: '2027-01-15', phase: 'choosing' } } });
  });

  it("leaves SETTINGS alone when a turn could not read it: that turn's settings ride in PROGRESS, joined on every read, until a turn that read SETTINGS moves them there", async () => {
    await progress.save('first-save', { state: { ...initialState(DAY), introduced: true }, expectedVersion: 0, settingsRead: null, requestId: 'r0', nowMs });
    await direct.send(new DeleteItemCommand({ TableName: table, Key: { pk: { S: 'first-save' }, sk: { S: 'PROGRESS' } } }));
    const before = await rawItem('first-save', 'SETTINGS');
    await progress.save('first-save', { state: settled, expectedVersion: 0, requestId: 'r1', nowMs });

    expect(await rawItem('first-save', 'SETTINGS')).toEqual(before);
    expect((await progress.load('first-save'))?.state).toEqual(settled);

    const read = (await progress.load('first-save'))!.settingsRead;
    await progress.save('first-save', { state: { ...settled, lastTurnAtMs: nowMs }, expectedVersion: 1, settingsRead: read, requestId: 'r2', nowMs });
    expect((await rawItem('first-save', 'PROGRESS'))?.newSettings).toBeUndefined();
    expect((await users.load('first-save')).settings).toMatchObject({ reminder: { alertToken: 'token-1' } });
  });

  it('writes SETTINGS, with its own condition and no read, when a lasting field changes, and only PROGRESS otherwise', async () => {
    const read = await settle('changing');
    proxy.resetCounts();

    await progress.save('changing', { state: { ...settled, lastTurnAtMs: nowMs }, expectedVersion: 2, settingsRead: read, requestId: 'r3', nowMs });
    expect(proxy.counts.forwarded).toEqual({ PutItem: 1 });

    proxy.resetCounts();
    await progress.save('changing', { state: { ...settled, reminder: null }, expectedVersion: 3, settingsRead: read, requestId: 'r4', nowMs });
    expect(proxy.counts.forwarded).toEqual({ PutItem: 2 });
    expect((await progress.load('changing'))?.state.reminder).toBeNull();
    expect((await users.load('changing')).settings).toMatchObject({ reminder: null });
  });

  it('still raises a write conflict when another writer moved PROGRESS on, whether or not settings changed', async () => {
    const read = await settle('two-devices');
    await progress.save('two-devices', { state: settled, expectedVersion: 2, settingsRead: read, requestId: 'other', nowMs });

    await expect(progress.save('two-devices', { state: settled, expectedVersion: 2, settingsRead: read, requestId: 'mine', nowMs })).rejects.toBeInstanceOf(WriteConflictError);
    await expect(progress.save('two-devices', { state: { ...settled, levels: {} }, expectedVersion: 2, settingsRead: read, requestId: 'mine', nowMs })).rejects.toBeInstanceOf(WriteConflictError);
  });

  it("never writes over another writer's change to SETTINGS: the save is a conflict, and the change stays", async () => {
    const read = await settle('two-changes');
    const theirs = { ...settled, prefs: { paceFactor: 2, voiceRatePercent: 70 } };
    await progress.save('two-changes', { state: theirs, expectedVersion: 2, settingsRead: read, requestId: 'other', nowMs });

    await expect(progress.save('two-changes', { state: { ...settled, levels: {} }, expectedVersion: 3, settingsRead: read, requestId: 'mine', nowMs })).rejects.toBeInstanceOf(WriteConflictError);
    expect((await users.load('two-changes')).settings).toMatchObject({ prefs: { paceFactor: 2 }, levels: { 'hip-knee-flexion:reps': 4 } });
  });

  it('writes the same SETTINGS again when a retried write finds its first try landed', async () => {
    const read = await settle('retried');
    const mine = { state: { ...settled, reminder: null }, expectedVersion: 2, settingsRead: read, requestId: 'r3', nowMs };
    await progress.save('retried', mine);

    // The same request once more, as a retry whose first answer was lost would send it: SETTINGS takes it, PROGRESS refuses it.
    await expect(progress.save('retried', mine)).rejects.toBeInstanceOf(WriteConflictError);
    expect((await users.load('retried')).settings).toMatchObject({ reminder: null });
  });
});

describe('a record of a newer schema', () => {
  const newer = STORE_SCHEMA_VERSION + 1;
  const putNewer = (userKey: string, sk: string) =>
    direct.send(new PutItemCommand({ TableName: table, Item: { pk: { S: userKey }, sk: { S: sk }, schemaVersion: { N: String(newer) }, version: { N: '5' }, shape: { S: 'unknown to this code' } } }));

  it('is reported as newer, not as corrupt', async () => {
    await putNewer('rolled-back', 'PROGRESS');

    const records = await users.load('rolled-back');

    expect(records.progress).toBeInstanceOf(NewerRecordError);
    expect(records.progress).toMatchObject({ schemaVersion: newer });
    await expect(progress.load('rolled-back')).rejects.toBeInstanceOf(NewerRecordError);
  });

  it('is never overwritten, whatever version a save expects', async () => {
    await putNewer('rolled-back-2', 'PROGRESS');
    await putNewer('rolled-back-2', 'SETTINGS');
    const before = [await rawItem('rolled-back-2', 'PROGRESS'), await rawItem('rolled-back-2', 'SETTINGS')];

    for (const expectedVersion of [0, 5, 'any'] as const) {
      await expect(progress.save('rolled-back-2', { state: settled, expectedVersion, requestId: 'r', nowMs })).rejects.toThrow();
    }

    expect([await rawItem('rolled-back-2', 'PROGRESS'), await rawItem('rolled-back-2', 'SETTINGS')]).toEqual(before);
  });

  it('makes the turn read-only: the loader says so, logs it, and the session carries it', async () => {
    await putNewer('rolled-back-3', 'SETTINGS');
    const logs: string[] = [];

    const loaded = await loadTurn(handlerInput(), stores(), 'rolled-back-3', () => DAY, logger(logs), { atMs: Number.POSITIVE_INFINITY });

    expect(loaded.readOnly).toBe(true);
    expect(logs).toContain('error progress.newer_schema');
    const next = await loadTurn(handlerInput(sessionAttributesFor(loaded, 0)), stores(), 'rolled-back-3', () => DAY, logger(logs), { atMs: Number.POSITIVE_INFINITY });
    expect(next.readOnly).toBe(true);
  });
});

describe('the plan when the first read fails', () => {
  it('is unknown for the session, and read again, on its own, at the next turn', async () => {
    await plans.save('unlucky', plan, nowMs);
    const logs: string[] = [];
    fault = { kind: 'error', error: 'InternalServerError' };

    const first = await loadTurn(handlerInput(), stores(), 'unlucky', () => DAY, logger(logs), { atMs: Number.POSITIVE_INFINITY });
    expect(first.plan).toBe(PLAN_UNKNOWN);
    expect(logs).toContain('error progress.load_failed');

    fault = { kind: 'pass' };
    proxy.resetCounts();
    const next = await loadTurn(handlerInput(sessionAttributesFor(first, 0)), stores(), 'unlucky', () => DAY, logger(logs), { atMs: Number.POSITIVE_INFINITY });
    expect(next.plan).toEqual(plan);
    expect(proxy.counts.forwarded).toEqual({ BatchGetItem: 1 });
  });
});

describe('deleting a user (SKILL_DISABLED)', () => {
  it('deletes every item, SETTINGS included', async () => {
    await settle('leaving');
    await plans.save('leaving', plan, nowMs);
    await history.putDay('leaving', { day: DAY, routine: 'legs', outcomes: {}, endedEarly: false, endReason: null, painReports: [], startedAtMs: null, endedAtMs: null });

    expect(await users.deleteAll('leaving')).toBe(4);

    for (const sk of ['PROGRESS', 'SETTINGS', 'PLAN', `DAY#${DAY}`]) expect(await rawItem('leaving', sk)).toBeUndefined();
  });

  it('fails with a named error when DynamoDB keeps handing deletes back, instead of dropping them', async () => {
    await settle('stuck');
    fault = { kind: 'unprocessed' };

    await expect(users.deleteAll('stuck')).rejects.toBeInstanceOf(IncompleteDeleteError);
    expect(proxy.counts.received.BatchWriteItem).toBeGreaterThan(1);
    fault = { kind: 'pass' };
    expect(await rawItem('stuck', 'SETTINGS')).toBeDefined();
  });
});

describe('the plan items', () => {
  it("expire PLAN_RETENTION_DAYS after a user's plan is imported; the default plan does not", async () => {
    await plans.save('with-ttl', plan, nowMs);

    expect(Number((await rawItem('with-ttl', 'PLAN'))?.ttlEpochSeconds?.N)).toBe(Math.floor(nowMs / 1000) + PLAN_RETENTION_DAYS * 86_400);
    expect((await rawItem(DEFAULT_PLAN_OWNER, 'PLAN'))?.ttlEpochSeconds).toBeUndefined();
  });
});

function stores(): SkillStores {
  return { progress, users, history };
}

function logger(lines: string[]): Logger {
  const log = (level: string) => (event: string, _fields?: LogFields) => lines.push(`${level} ${event}`);
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

/** Just what loadTurn reads of a request: its id and the session (new unless attributes are carried). */
function handlerInput(attributes?: Record<string, unknown>): HandlerInput {
  return {
    requestEnvelope: { request: { requestId: 'amzn1.echo-api.request.test' }, session: { new: attributes === undefined, attributes } },
  } as unknown as HandlerInput;
}
