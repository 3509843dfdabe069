// Everything a session starts from, in one BatchGetItem: the user's progress, their plan, the default plan.
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  type BatchGetItemCommandOutput,
  QueryCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { TherapistPlan } from '../engine/therapist-plan';
import { CorruptRecordError, PersistenceError } from '../errors';
import { DEFAULT_PLAN_OWNER, parsePlanItem, planKey } from './plan-store';
import { parseProgressItem, progressKey } from './progress-store';
import type { ProgressRecord } from './progress-record';
import { withRetry, type StorageDeadline } from './retry';
import { TABLE_KEYS } from './table';

export type UserRecords = {
  /** null for a new user; a CorruptRecordError when the stored record could not be read. */
  progress: ProgressRecord | null | CorruptRecordError;
  /** The user's own plan, else the deployment's default, else null (the handout's plan). */
  plan: TherapistPlan | null;
  planProblem: CorruptRecordError | null;
};

const sameKey = (item: Record<string, AttributeValue>, key: Record<string, AttributeValue>) =>
  item[TABLE_KEYS.partition]?.S === key[TABLE_KEYS.partition]?.S && item[TABLE_KEYS.sort]?.S === key[TABLE_KEYS.sort]?.S;

export class DynamoUserRecords {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async load(userKey: string, deadline?: StorageDeadline): Promise<UserRecords> {
    const keys = [progressKey(userKey), planKey(userKey), planKey(DEFAULT_PLAN_OWNER)];
    let items: Array<Record<string, AttributeValue>> = [];
    try {
      let request: Record<string, { Keys: Array<Record<string, AttributeValue>>; ConsistentRead: boolean }> | undefined = {
        [this.tableName]: { Keys: keys, ConsistentRead: true },
      };
      // BatchGetItem may hand back keys it did not get to; three small items rarely need a second round.
      for (let round = 0; round < 3 && request !== undefined; round += 1) {
        const keysLeft = request;
        const output: BatchGetItemCommandOutput = await withRetry((abortSignal) => this.client.send(new BatchGetItemCommand({ RequestItems: keysLeft }), { abortSignal }), deadline);
        items = [...items, ...(output.Responses?.[this.tableName] ?? [])];
        const left: Array<Record<string, AttributeValue>> | undefined = output.UnprocessedKeys?.[this.tableName]?.Keys;
        request = left !== undefined && left.length > 0 ? { [this.tableName]: { Keys: left, ConsistentRead: true } } : undefined;
      }
    } catch (error) {
      throw new PersistenceError('Could not read the user records', 'BatchGetItem', this.tableName, { cause: error });
    }
    const find = (key: Record<string, AttributeValue>) => items.find((item) => sameKey(item, key));
    const progressItem = find(keys[0]!);
    let progress: UserRecords['progress'] = null;
    if (progressItem !== undefined) {
      try {
        progress = parseProgressItem(progressItem);
      } catch (error) {
        if (!(error instanceof CorruptRecordError)) throw error;
        progress = error;
      }
    }
    let plan: TherapistPlan | null = null;
    let planProblem: CorruptRecordError | null = null;
    for (const item of [find(keys[1]!), find(keys[2]!)]) {
      if (item === undefined || plan !== null) continue;
      try {
        plan = parsePlanItem(item);
      } catch (error) {
        if (!(error instanceof CorruptRecordError)) throw error;
        planProblem = error;
      }
    }
    return { progress, plan, planProblem };
  }

  /** Deletes every item of the user (progress, history, plan): one Query for the keys, then batched deletes. */
  async deleteAll(userKey: string): Promise<number> {
    let deleted = 0;
    let start: Record<string, AttributeValue> | undefined;
    try {
      do {
        const from = start;
        const page = await withRetry((abortSignal) => this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: '#pk = :pk',
            ExpressionAttributeNames: { '#pk': TABLE_KEYS.partition, '#sk': TABLE_KEYS.sort },
            ExpressionAttributeValues: { ':pk': { S: userKey } },
            ProjectionExpression: '#pk, #sk',
            ExclusiveStartKey: from,
          }),
          { abortSignal },
        ));
        const keys = page.Items ?? [];
        for (let i = 0; i < keys.length; i += 25) {
          let writes = keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
          for (let round = 0; round < 5 && writes.length > 0; round += 1) {
            const batch = writes;
            const output = await withRetry((abortSignal) => this.client.send(new BatchWriteItemCommand({ RequestItems: { [this.tableName]: batch } }), { abortSignal }));
            const left = output.UnprocessedItems?.[this.tableName] ?? [];
            deleted += writes.length - left.length;
            writes = left.map((w) => ({ DeleteRequest: { Key: w.DeleteRequest?.Key ?? {} } }));
          }
        }
        start = page.LastEvaluatedKey;
      } while (start !== undefined);
    } catch (error) {
      throw new PersistenceError('Could not delete the user records', 'BatchWriteItem', this.tableName, { cause: error });
    }
    return deleted;
  }
}
