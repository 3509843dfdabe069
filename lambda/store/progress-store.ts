// Progress behind one port: load and conditional save of a user's record, on DynamoDB v3.
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { CorruptRecordError, PersistenceError, WriteConflictError } from '../errors';
import type { RoutineState } from '../engine/types';
import { PROGRESS_SCHEMA_VERSION, readState, type ProgressRecord } from './progress-record';
import { withRetry, type StorageDeadline } from './retry';
import { encodeState } from './state-codec';
import { TABLE_KEYS } from './table';

/** Abandoned progress expires; history (a later record kind) keeps its own longer retention. */
export const PROGRESS_TTL_DAYS = 30;
const PROGRESS_SORT_KEY = 'PROGRESS';

export function progressKey(userKey: string): Record<string, AttributeValue> {
  return { [TABLE_KEYS.partition]: { S: userKey }, [TABLE_KEYS.sort]: { S: PROGRESS_SORT_KEY } };
}

/** The item's attributes, named short because names count toward the item's size. */
const ATTR = { schemaVersion: 'sv', version: 'v', updatedAtMs: 'at', requestId: 'rid', state: 's', deflatedState: 'z' } as const;
/**
 * A state text longer than this is stored deflated (binary), which halves a busy day's state; shorter ones stay
 * legible in the DynamoDB console. Either way the item stays in one write unit (test/store/progress-size.test.ts).
 */
export const DEFLATE_STATE_ABOVE_BYTES = 600;
/** Far above any real state: an item that inflates past this is corrupt, not read. */
const MAX_STATE_BYTES = 16_384;

function storedStateText(item: Record<string, AttributeValue>): string {
  const deflated = item[ATTR.deflatedState]?.B;
  if (deflated === undefined) return item[ATTR.state]?.S ?? '';
  return inflateRawSync(deflated, { maxOutputLength: MAX_STATE_BYTES }).toString('utf8');
}

/** Parses a stored progress item; throws CorruptRecordError when it is unreadable or fails its schema. */
export function parseProgressItem(item: Record<string, AttributeValue>): ProgressRecord {
  const schemaVersion = Number(item[ATTR.schemaVersion]?.N);
  if (schemaVersion !== PROGRESS_SCHEMA_VERSION) throw new CorruptRecordError(`Stored progress has schema version ${schemaVersion}`, 'progress');
  const version = Number(item[ATTR.version]?.N);
  const updatedAtMs = Number(item[ATTR.updatedAtMs]?.N);
  if (!Number.isSafeInteger(version) || version < 0 || !Number.isSafeInteger(updatedAtMs) || updatedAtMs < 0) {
    throw new CorruptRecordError('Stored progress has no valid version', 'progress');
  }
  let text: string;
  try {
    text = storedStateText(item);
  } catch (error) {
    throw new CorruptRecordError('Stored progress does not inflate', 'progress', { cause: error });
  }
  const reading = readState(text);
  if (!reading.ok) {
    throw new CorruptRecordError(reading.reason === 'json' ? 'Stored progress is not valid JSON' : 'Stored progress fails its schema', 'progress', { cause: reading.cause });
  }
  const storedId = item[ATTR.requestId]?.S;
  return { version, updatedAtMs, lastRequestId: storedId === undefined ? null : expandRequestId(storedId), state: reading.state };
}

/** The longest request id kept for replay detection; Alexa's are about 60 characters. */
export const MAX_REQUEST_ID_LENGTH = 200;
/** Every Alexa request id starts with this; it is stored as "~" to keep the item small. */
const ALEXA_REQUEST_ID_PREFIX = 'amzn1.echo-api.request.';

/** A request id as it can be stored: a non-empty string within the bound (and not our "~" marker), else nothing. */
export function storableRequestId(requestId: unknown): string | null {
  return typeof requestId === 'string' && requestId.length > 0 && requestId.length <= MAX_REQUEST_ID_LENGTH && !requestId.startsWith('~') ? requestId : null;
}

const shortenRequestId = (id: string) => (id.startsWith(ALEXA_REQUEST_ID_PREFIX) ? `~${id.slice(ALEXA_REQUEST_ID_PREFIX.length)}` : id);
const expandRequestId = (stored: string) => (stored.startsWith('~') ? `${ALEXA_REQUEST_ID_PREFIX}${stored.slice(1)}` : stored);

/** The progress item a save writes; exported so its size can be checked against one write unit. */
export function progressItem(userKey: string, request: SaveRequest, version: number, encodedState: string): Record<string, AttributeValue> {
  const requestId = storableRequestId(request.requestId);
  return {
    ...progressKey(userKey),
    [ATTR.schemaVersion]: { N: String(PROGRESS_SCHEMA_VERSION) },
    [ATTR.version]: { N: String(version) },
    [ATTR.updatedAtMs]: { N: String(request.nowMs) },
    // An id the record could not give back unchanged is not kept: the record must always read back.
    ...(requestId !== null ? { [ATTR.requestId]: { S: shortenRequestId(requestId) } } : {}),
    ...(Buffer.byteLength(encodedState) > DEFLATE_STATE_ABOVE_BYTES
      ? { [ATTR.deflatedState]: { B: deflateRawSync(encodedState, { level: 9 }) } }
      : { [ATTR.state]: { S: encodedState } }),
    [TABLE_KEYS.ttl]: { N: String(Math.floor(request.nowMs / 1000) + PROGRESS_TTL_DAYS * 24 * 3600) },
  };
}

export type SaveRequest = {
  state: RoutineState;
  /** The version the turn read, or 'any' to replace a record that could not be parsed. */
  expectedVersion: number | 'any';
  requestId: string;
  nowMs: number;
  deadline?: StorageDeadline;
};

export interface ProgressStore {
  /** The user's record, or null when there is none. Throws CorruptRecordError when it fails its schema. */
  load(userKey: string, deadline?: StorageDeadline): Promise<ProgressRecord | null>;
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

  async load(userKey: string, deadline?: StorageDeadline): Promise<ProgressRecord | null> {
    const output = await this.wrap('GetItem', (abortSignal) =>
      this.client.send(new GetItemCommand({ TableName: this.tableName, Key: this.key(userKey), ConsistentRead: true }), { abortSignal }), deadline,
    );
    return output.Item === undefined ? null : parseProgressItem(output.Item);
  }

  async save(userKey: string, request: SaveRequest): Promise<number> {
    const replacing = request.expectedVersion === 'any';
    const version = request.expectedVersion === 'any' ? 1 : request.expectedVersion + 1;
    const item = progressItem(userKey, request, version, encodeState(request.state));
    try {
      // A retried attempt whose first try landed fails its condition: the turn then re-reads and finds its own id.
      await withRetry((abortSignal) => this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: item,
          // A new user has no item; otherwise the item must still be the version this turn read.
          ...(replacing
            ? {}
            : {
                ConditionExpression: 'attribute_not_exists(#pk) OR #version = :expected',
                ExpressionAttributeNames: { '#pk': TABLE_KEYS.partition, '#version': ATTR.version },
                ExpressionAttributeValues: { ':expected': { N: String(request.expectedVersion) } },
              }),
        }),
        { abortSignal },
      ), request.deadline);
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

  private async wrap<T>(operation: string, call: (abortSignal: AbortSignal) => Promise<T>, deadline?: StorageDeadline): Promise<T> {
    try {
      return await withRetry(call, deadline);
    } catch (error) {
      throw new PersistenceError(`DynamoDB ${operation} failed`, operation, this.tableName, { cause: error });
    }
  }
}
