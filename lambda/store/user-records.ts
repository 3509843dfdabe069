// Everything a session starts from, in one BatchGetItem: the user's progress and settings, their plan, the
// default plan. And the deletion of every item of a user.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CorruptRecordError, PersistenceError } from '../errors';
import { documentClient } from './client';
import { IncompleteDeleteError, NewerRecordError } from './errors';
import { DEFAULT_PLAN_OWNER, PLAN_UNKNOWN, parsePlanItem, planKey, type PlanReading } from './plan-store';
import {
  batchBackoff,
  getItems,
  joinProgress,
  parseProgressItem,
  parseSettingsItem,
  progressKey,
  sameKey,
  settingsKey,
  settingsReadOf,
  type Item,
  type Key,
  type ProgressRecord,
  type SettingsRead,
} from './progress-store';
import { withRetry, type StorageDeadline } from './retry';
import type { Settings } from './stored-state';
import { TABLE_KEYS } from './table';

/** A stored record as read: its value, none, one that cannot be read (reset), or one of a newer schema (read-only). */
type Read<T> = T | null | CorruptRecordError | NewerRecordError;

export type UserRecords = {
  progress: Read<ProgressRecord>;
  /** The lasting fields (already joined into progress; on their own for a user whose PROGRESS expired). */
  settings: Read<Settings>;
  /** The digest stamped on SETTINGS, which a save that changes them is conditional on (absent or null: none). */
  settingsRead?: SettingsRead;
  /** The user's own plan, else the deployment's default, else null (the handout's plan); 'unknown' when unreadable. */
  plan: PlanReading;
  /** What went wrong on the way, for the log: an unreadable plan. */
  problems: Array<{ event: string; error: Error }>;
};

/** BatchWriteItem may hand back deletes it did not get to: this many rounds, backing off between. */
const DELETE_ROUNDS = 5;

function readOf<T>(item: Item | undefined, parse: (item: Item) => T): Read<T> {
  if (item === undefined) return null;
  try {
    return parse(item);
  } catch (error) {
    if (error instanceof CorruptRecordError || error instanceof NewerRecordError) return error;
    throw error;
  }
}

export class DynamoUserRecords {
  private readonly documents: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.documents = documentClient(client);
  }

  async load(userKey: string, deadline?: StorageDeadline): Promise<UserRecords> {
    const keys = [progressKey(userKey), settingsKey(userKey), planKey(userKey), planKey(DEFAULT_PLAN_OWNER)] as const;
    const items = await getItems(this.documents, this.tableName, keys, deadline);
    const find = (key: Key) => items.find((item) => sameKey(item, key));
    const settingsItem = find(keys[1]);
    const settings = readOf(settingsItem, parseSettingsItem);
    const lasting = settings instanceof Error ? null : settings;
    // Of an unreadable SETTINGS too: the save that rewrites it is conditional on what was there.
    const settingsRead = settingsReadOf(settingsItem);
    // An unreadable SETTINGS does not make PROGRESS unreadable: a new user's settings stand in, and the next save rewrites it.
    const progress = readOf(find(keys[0]), (item) => joinProgress(parseProgressItem(item), lasting, settingsRead));
    return { progress, settings, settingsRead, ...resolvePlan(find(keys[2]), find(keys[3])) };
  }

  /** The plan alone: the next turn of a session whose first read could not tell it. */
  async loadPlan(userKey: string, deadline?: StorageDeadline): Promise<Pick<UserRecords, 'plan' | 'problems'>> {
    const keys = [planKey(userKey), planKey(DEFAULT_PLAN_OWNER)] as const;
    const items = await getItems(this.documents, this.tableName, keys, deadline);
    return resolvePlan(items.find((item) => sameKey(item, keys[0])), items.find((item) => sameKey(item, keys[1])));
  }

  /**
   * Deletes every item of the user (progress, settings, history, plan): one Query for the keys, then batched
   * deletes, backing off between rounds. Throws IncompleteDeleteError when some are still left, so the caller fails
   * and the deletion is retried rather than half done.
   */
  async deleteAll(userKey: string): Promise<number> {
    let deleted = 0;
    let start: Record<string, unknown> | undefined;
    let left = 0;
    try {
      do {
        const from = start;
        const page = await withRetry((abortSignal) => this.documents.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: '#pk = :pk',
            ExpressionAttributeNames: { '#pk': TABLE_KEYS.partition, '#sk': TABLE_KEYS.sort },
            ExpressionAttributeValues: { ':pk': userKey },
            ProjectionExpression: '#pk, #sk',
            ExclusiveStartKey: from,
          }),
          { abortSignal },
        ));
        const keys = page.Items ?? [];
        for (let i = 0; i < keys.length; i += 25) {
          let writes = keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
          for (let round = 0; round < DELETE_ROUNDS && writes.length > 0; round += 1) {
            if (round > 0) await batchBackoff(round - 1);
            const batch = writes;
            const output = await withRetry((abortSignal) => this.documents.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: batch } }), { abortSignal }));
            const unprocessed = output.UnprocessedItems?.[this.tableName] ?? [];
            deleted += writes.length - unprocessed.length;
            writes = unprocessed.map((w) => ({ DeleteRequest: { Key: w.DeleteRequest?.Key ?? {} } }));
          }
          left += writes.length;
        }
        start = page.LastEvaluatedKey;
      } while (start !== undefined);
    } catch (error) {
      throw new PersistenceError('Could not delete the user records', 'BatchWriteItem', this.tableName, { cause: error });
    }
    if (left > 0) throw new IncompleteDeleteError(left, this.tableName);
    return deleted;
  }
}

/**
 * The user's own plan, else the default, else null. A plan that cannot be read is 'unknown', never replaced by
 * the default: the therapist may have left out what the default holds.
 */
function resolvePlan(own: Item | undefined, fallback: Item | undefined): Pick<UserRecords, 'plan' | 'problems'> {
  const item = own ?? fallback;
  if (item === undefined) return { plan: null, problems: [] };
  try {
    return { plan: parsePlanItem(item), problems: [] };
  } catch (error) {
    if (!(error instanceof CorruptRecordError)) throw error;
    return { plan: PLAN_UNKNOWN, problems: [{ event: own === undefined ? 'plan.default_unreadable' : 'plan.unreadable', error }] };
  }
}

