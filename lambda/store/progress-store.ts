// Progress behind one port: load and conditional save of a user's record, on DynamoDB v3.
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { CorruptRecordError, PersistenceError, WriteConflictError } from '../errors';
import type { RoutineState } from '../engine/types';
import { fromStoredState, PROGRESS_SCHEMA_VERSION, ProgressRecordSchema, toStoredState, type ProgressRecord } from './progress-record';
import { withRetry } from './retry';
import { TABLE_KEYS } from './table';

/** Abandoned progress expires; history (a later record kind) keeps its own longer retention. */
export const PROGRESS_TTL_DAYS = 30;
const PROGRESS_SORT_KEY = 'PROGRESS';

export function progressKey(userKey: string): Record<string, AttributeValue> {
  return { [TABLE_KEYS.partition]: { S: userKey }, [TABLE_KEYS.sort]: { S: PROGRESS_SORT_KEY } };
}

/** Parses a stored progress item; throws CorruptRecordError when it is unreadable or fails its schema. */
export function parseProgressItem(item: Record<string, AttributeValue>): ProgressRecord {
  let raw: unknown;
  try {
    raw = {
      schemaVersion: Number(item.schemaVersion?.N),
      version: Number(item.version?.N),
      updatedAtMs: Number(item.updatedAtMs?.N),
      lastRequestId: item.lastRequestId?.S ?? null,
      state: fromStoredState(JSON.parse(item.state?.S ?? 'null')),
    };
  } catch (error) {
    throw new CorruptRecordError('Stored progress is not valid JSON', 'progress', { cause: error });
  }
  const parsed = ProgressRecordSchema.safeParse(raw);
  if (!parsed.success) throw new CorruptRecordError('Stored progress fails its schema', 'progress', { cause: parsed.error });
  return parsed.data;
}

/** The longest request id kept for replay detection (the record's schema bound); Alexa's are about 60 characters. */
export const MAX_REQUEST_ID_LENGTH = 200;

/** A request id as it can be stored: a non-empty string within the schema's bound, else nothing. */
export function storableRequestId(requestId: unknown): string | null {
  return typeof requestId === 'string' && requestId.length > 0 && requestId.length <= MAX_REQUEST_ID_LENGTH ? requestId : null;
}

export type SaveRequest = {
  state: RoutineState;
  /** The version the turn read, or 'any' to replace a record that could not be parsed. */
  expectedVersion: number | 'any';
  requestId: string;
  nowMs: number;
};

export interface ProgressStore {
  /** The user's record, or null when there is none. Throws CorruptRecordError when it fails its schema. */
  load(userKey: string): Promise<ProgressRecord | null>;
  /** Writes only if the stored version is still expectedVersion; returns the new version. */
  save(userKey: string, request: SaveRequest): Promise<number>;
  remove(userKey: string): Promise<void>;
}

export class DynamoProgressStore implements ProgressStore {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  private key(userKey: string) {
    return progressKey(userKey);
  }

  async load(userKey: string): Promise<ProgressRecord | null> {
    const output = await this.wrap('GetItem', (abortSignal) =>
      this.client.send(new GetItemCommand({ TableName: this.tableName, Key: this.key(userKey), ConsistentRead: true }), { abortSignal }),
    );
    return output.Item === undefined ? null : parseProgressItem(output.Item);
  }

  async save(userKey: string, request: SaveRequest): Promise<number> {
    const replacing = request.expectedVersion === 'any';
    const version = request.expectedVersion === 'any' ? 1 : request.expectedVersion + 1;
    const ttl = Math.floor(request.nowMs / 1000) + PROGRESS_TTL_DAYS * 24 * 3600;
    try {
      // A retried attempt whose first try landed fails its condition: the turn then re-reads and finds its own id.
      await withRetry((abortSignal) => this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: {
            ...this.key(userKey),
            schemaVersion: { N: String(PROGRESS_SCHEMA_VERSION) },
            version: { N: String(version) },
            updatedAtMs: { N: String(request.nowMs) },
            // An id the record's schema would refuse (absent, not a string, too long) is not kept: the record must
            // always read back.
            ...(storableRequestId(request.requestId) !== null ? { lastRequestId: { S: request.requestId } } : {}),
            state: { S: JSON.stringify(toStoredState(request.state)) },
            [TABLE_KEYS.ttl]: { N: String(ttl) },
          },
          // A new user has no item; otherwise the item must still be the version this turn read.
          ...(replacing
            ? {}
            : {
                ConditionExpression: 'attribute_not_exists(#pk) OR #version = :expected',
                ExpressionAttributeNames: { '#pk': TABLE_KEYS.partition, '#version': 'version' },
                ExpressionAttributeValues: { ':expected': { N: String(request.expectedVersion) } },
              }),
        }),
        { abortSignal },
      ));
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new WriteConflictError('Progress was written by another request first', { cause: error });
      }
      throw new PersistenceError('Could not save progress', 'PutItem', this.tableName, { cause: error });
    }
    return version;
  }

  async remove(userKey: string): Promise<void> {
    await this.wrap('DeleteItem', (abortSignal) =>
      this.client.send(new DeleteItemCommand({ TableName: this.tableName, Key: this.key(userKey) }), { abortSignal }),
    );
  }

  private async wrap<T>(operation: string, call: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    try {
      return await withRetry(call);
    } catch (error) {
      throw new PersistenceError(`DynamoDB ${operation} failed`, operation, this.tableName, { cause: error });
    }
  }
}
