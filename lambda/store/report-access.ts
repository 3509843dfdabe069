// The therapist's report's items: codes, page sessions and the counters of wrong codes, and the one Query a page
// reads. Index-free by design (no GSI): a code or a session token is looked up by its keyed hash, which is the
// partition key of a small item of its own pointing at the user's key. The user's own partition holds the marker
// REPORT#CODE (the hash of the user's current code), which decides whether a code or a session still counts:
//
//   pk <userKey>               sk REPORT#CODE    codeHash, codeExpiresAtMs        written by the skill; TTL 40 min
//   pk REPORTCODE#<codeHash>   sk REPORTCODE     userKey, expiresAtMs             written by the skill, deleted on use; TTL 10 min
//   pk REPORTSESSION#<hash>    sk REPORTSESSION  userKey, codeHash, expiresAtMs   written by the page; TTL 30 min
//   pk REPORTLIMIT#<client>    sk REPORTLIMIT    fails, windowStartMs, lockedUntilMs   wrong codes; TTL 30 min
//
// - single use: the page consumes a code by a conditional DeleteItem of its REPORTCODE item; only one request wins;
// - a new code replaces the previous: the skill overwrites the marker (and deletes the old code's item), and a
//   code or session whose hash is not the marker's counts for nothing;
// - SKILL_DISABLED: deleteAll (user-records.ts) deletes the marker with the rest of the user's partition, which
//   ends every code and session of the user at once; their pointer items hold no more than the hashed user key
//   and expire within 30 minutes;
// - the page's role writes only the REPORTCODE#, REPORTSESSION# and REPORTLIMIT# partitions (IAM LeadingKeys in
//   the stack), never a user's own items.
import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { PersistenceError } from '../errors';
import { REPORT_SESSION_TTL_MS } from '../report-code';
import { documentClient } from './client';
import { planKey, DEFAULT_PLAN_OWNER } from './plan-store';
import { withRetry } from './retry';
import { TABLE_KEYS } from './table';

export const REPORT_MARKER_SORT = 'REPORT#CODE';
const CODE_PREFIX = 'REPORTCODE#';
const SESSION_PREFIX = 'REPORTSESSION#';
const LIMIT_PREFIX = 'REPORTLIMIT#';
/** The partitions the page may write (the stack's LeadingKeys condition lists the same). */
export const REPORT_WRITE_PREFIXES = [CODE_PREFIX, SESSION_PREFIX, LIMIT_PREFIX] as const;

/** Wrong codes: this many from one client, or in total, within the window lock out further tries for LOCK_MS. */
export const WRONG_CODE_LIMITS = { perClient: 5, total: 20, windowMs: 15 * 60 * 1000, lockMs: 15 * 60 * 1000 } as const;
/** The deployment-wide counter: a wrong code names no user, so "in total" is counted for every user together. */
export const ALL_CLIENTS = 'ALL';

type Item = Record<string, unknown>;
const key = (pk: string, sk: string) => ({ [TABLE_KEYS.partition]: pk, [TABLE_KEYS.sort]: sk });
export const codeKey = (codeHash: string) => key(`${CODE_PREFIX}${codeHash}`, 'REPORTCODE');
const sessionKey = (tokenHash: string) => key(`${SESSION_PREFIX}${tokenHash}`, 'REPORTSESSION');
const limitKey = (client: string) => key(`${LIMIT_PREFIX}${client}`, 'REPORTLIMIT');
export const markerKey = (userKey: string) => key(userKey, REPORT_MARKER_SORT);
export const epochSeconds = (ms: number) => Math.ceil(ms / 1000);
export const isConditionFailure = (error: unknown) => error instanceof ConditionalCheckFailedException || (error as { name?: string })?.name === 'ConditionalCheckFailedException';

export function failed(what: string, operation: string, table: string, error: unknown): never {
  throw new PersistenceError(what, operation, table, { cause: error });
}

export type WrongCodeCount = { fails: number; windowStartMs: number; lockedUntilMs: number };
export type ReportSession = { userKey: string; codeHash: string; expiresAtMs: number };
export type ReportItems = { items: Item[]; defaultPlan: Item | undefined; queries: number };

/** The page's side: codes redeemed, sessions, wrong-code counters and the report's one Query. */
export class DynamoReportAccess {
  private readonly documents: DynamoDBDocumentClient;
  /** Query calls sent (the benchmark and the tests count them per page). */
  queries = 0;

  constructor(client: DynamoDBClient, private readonly tableName: string) {
    this.documents = documentClient(client);
  }

  /** Whether sign-ins are refused for this client (or for everyone) right now. */
  async lockedOut(client: string, nowMs: number): Promise<boolean> {
    const keys = [limitKey(client), limitKey(ALL_CLIENTS)];
    try {
      const out = await withRetry((abortSignal) => this.documents.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys, ConsistentRead: true } } }), { abortSignal }));
      const items = out.Responses?.[this.tableName] ?? [];
      return items.some((item) => typeof item.lockedUntilMs === 'number' && item.lockedUntilMs > nowMs);
    } catch (error) {
      failed('Could not read the wrong-code counters', 'BatchGetItem', this.tableName, error);
    }
  }

  /** Counts a wrong code for the client and in total; locks either out on reaching its limit. */
  async countWrongCode(client: string, nowMs: number): Promise<void> {
    await Promise.all([
      this.count(client, WRONG_CODE_LIMITS.perClient, nowMs),
      this.count(ALL_CLIENTS, WRONG_CODE_LIMITS.total, nowMs),
    ]);
  }

  private async count(client: string, limit: number, nowMs: number): Promise<void> {
    const ttl = epochSeconds(nowMs + WRONG_CODE_LIMITS.windowMs + WRONG_CODE_LIMITS.lockMs);
    let fails: number;
    try {
      const out = await withRetry((abortSignal) => this.documents.send(new UpdateCommand({
        TableName: this.tableName,
        Key: limitKey(client),
        UpdateExpression: 'SET fails = if_not_exists(fails, :zero) + :one, windowStartMs = if_not_exists(windowStartMs, :now), #ttl = :ttl',
        // Within the window that began with the first wrong code; an older window starts again below.
        ConditionExpression: 'attribute_not_exists(windowStartMs) OR windowStartMs > :windowFloor',
        ExpressionAttributeNames: { '#ttl': TABLE_KEYS.ttl },
        ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':now': nowMs, ':ttl': ttl, ':windowFloor': nowMs - WRONG_CODE_LIMITS.windowMs },
        ReturnValues: 'ALL_NEW',
      }), { abortSignal }));
      fails = Number(out.Attributes?.fails ?? 1);
    } catch (error) {
      if (!isConditionFailure(error)) failed('Could not count a wrong code', 'UpdateItem', this.tableName, error);
      // The window is over: a new one starts with this wrong code (a lock still running is kept).
      try {
        await withRetry((abortSignal) => this.documents.send(new UpdateCommand({
          TableName: this.tableName,
          Key: limitKey(client),
          UpdateExpression: 'SET fails = :one, windowStartMs = :now, #ttl = :ttl',
          ExpressionAttributeNames: { '#ttl': TABLE_KEYS.ttl },
          ExpressionAttributeValues: { ':one': 1, ':now': nowMs, ':ttl': ttl },
        }), { abortSignal }));
      } catch (resetError) {
        failed('Could not count a wrong code', 'UpdateItem', this.tableName, resetError);
      }
      fails = 1;
    }
    if (fails < limit) return;
    try {
      await withRetry((abortSignal) => this.documents.send(new UpdateCommand({
        TableName: this.tableName,
        Key: limitKey(client),
        UpdateExpression: 'SET lockedUntilMs = :until, #ttl = :ttl',
        ExpressionAttributeNames: { '#ttl': TABLE_KEYS.ttl },
        ExpressionAttributeValues: { ':until': nowMs + WRONG_CODE_LIMITS.lockMs, ':ttl': ttl },
      }), { abortSignal }));
    } catch (error) {
      failed('Could not lock out wrong codes', 'UpdateItem', this.tableName, error);
    }
  }

  /**
   * Uses up a code: its item is deleted on condition it is still live, so it works once. Returns the user it
   * opens, or null for a code that is wrong, used, expired or replaced (all the same to the caller).
   */
  async redeem(codeHash: string, nowMs: number): Promise<string | null> {
    let userKey: unknown;
    try {
      const out = await withRetry((abortSignal) => this.documents.send(new DeleteCommand({
        TableName: this.tableName,
        Key: codeKey(codeHash),
        ConditionExpression: 'attribute_exists(#pk) AND expiresAtMs > :now',
        ExpressionAttributeNames: { '#pk': TABLE_KEYS.partition },
        ExpressionAttributeValues: { ':now': nowMs },
        ReturnValues: 'ALL_OLD',
      }), { abortSignal }));
      userKey = out.Attributes?.userKey;
    } catch (error) {
      if (isConditionFailure(error)) return null;
      failed('Could not use a report code', 'DeleteItem', this.tableName, error);
    }
    if (typeof userKey !== 'string') return null;
    // The user's marker decides: a replaced code, or a user deleted since, opens nothing.
    let marker: Item | undefined;
    try {
      const out = await withRetry((abortSignal) => this.documents.send(new GetCommand({ TableName: this.tableName, Key: markerKey(userKey as string), ConsistentRead: true }), { abortSignal }));
      marker = out.Item;
    } catch (error) {
      failed('Could not read the report code marker', 'GetItem', this.tableName, error);
    }
    return marker?.codeHash === codeHash ? userKey : null;
  }

  async openSession(tokenHash: string, userKey: string, codeHash: string, nowMs: number): Promise<void> {
    const expiresAtMs = nowMs + REPORT_SESSION_TTL_MS;
    try {
      await withRetry((abortSignal) => this.documents.send(new PutCommand({
        TableName: this.tableName,
        Item: { ...sessionKey(tokenHash), userKey, codeHash, expiresAtMs, [TABLE_KEYS.ttl]: epochSeconds(expiresAtMs) },
        ConditionExpression: 'attribute_not_exists(#pk)',
        ExpressionAttributeNames: { '#pk': TABLE_KEYS.partition },
      }), { abortSignal }));
    } catch (error) {
      failed('Could not open a report session', 'PutItem', this.tableName, error);
    }
  }

  /** The session a token hash stands for, while it lasts; whether its user still holds it is the marker's say. */
  async session(tokenHash: string, nowMs: number): Promise<ReportSession | null> {
    let item: Item | undefined;
    try {
      const out = await withRetry((abortSignal) => this.documents.send(new GetCommand({ TableName: this.tableName, Key: sessionKey(tokenHash), ConsistentRead: true }), { abortSignal }));
      item = out.Item;
    } catch (error) {
      failed('Could not read a report session', 'GetItem', this.tableName, error);
    }
    if (item === undefined) return null;
    const { userKey, codeHash, expiresAtMs } = item;
    if (typeof userKey !== 'string' || typeof codeHash !== 'string' || typeof expiresAtMs !== 'number' || expiresAtMs <= nowMs) return null;
    return { userKey, codeHash, expiresAtMs };
  }

  async endSession(tokenHash: string): Promise<void> {
    try {
      await withRetry((abortSignal) => this.documents.send(new DeleteCommand({ TableName: this.tableName, Key: sessionKey(tokenHash) }), { abortSignal }));
    } catch (error) {
      failed('Could not end a report session', 'DeleteItem', this.tableName, error);
    }
  }

  /**
   * Everything a page shows, in one Query on the user's partition: sort keys from DAY#<fromDay> on are the days of
   * the period and, sorting after them, PLAN, PROGRESS, REPORT#CODE and SETTINGS. The deployment's default plan is
   * read alongside (GetItem), for a user without a plan of their own.
   */
  async reportItems(userKey: string, fromDay: string): Promise<ReportItems> {
    const items: Item[] = [];
    let queries = 0;
    const defaultPlan = withRetry((abortSignal) => this.documents.send(new GetCommand({ TableName: this.tableName, Key: planKey(DEFAULT_PLAN_OWNER) }), { abortSignal }));
    try {
      let start: Record<string, unknown> | undefined;
      do {
        const from = start;
        queries += 1;
        this.queries += 1;
        const out = await withRetry((abortSignal) => this.documents.send(new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: '#pk = :pk AND #sk >= :from',
          ExpressionAttributeNames: { '#pk': TABLE_KEYS.partition, '#sk': TABLE_KEYS.sort },
          ExpressionAttributeValues: { ':pk': userKey, ':from': `DAY#${fromDay}` },
          ConsistentRead: true,
          ExclusiveStartKey: from,
        }), { abortSignal }));
        items.push(...(out.Items ?? []));
        start = out.LastEvaluatedKey;
      } while (start !== undefined);
      return { items, defaultPlan: (await defaultPlan).Item, queries };
    } catch (error) {
      await defaultPlan.catch(() => undefined);
      failed('Could not read the report', 'Query', this.tableName, error);
    }
  }
}
