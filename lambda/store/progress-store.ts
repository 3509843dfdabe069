// A user's routine state in two items, split on save and joined on load:
// - PROGRESS: the day's fields (30-day TTL) and the version every write is conditional on;
// - SETTINGS: the lasting fields (no TTL), what a user whose PROGRESS expired comes back to, stamped with the
//   digest of its content.
// DynamoDB transactions would write both atomically, but dynalite (which the tests run on) has none. Instead the
// session carries the digest of the SETTINGS it read, so a save knows without asking whether the lasting fields
// changed: an ordinary turn is one PutItem of PROGRESS, conditional on its version; a turn that changed a lasting
// field first writes SETTINGS, conditional on the digest it read (another writer's change is a conflict, not
// overwritten), then PROGRESS. SETTINGS goes first so what the caregiver was told outlives a PROGRESS write that fails.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RoutineState } from '../engine/types';
import { CorruptRecordError, PersistenceError, WriteConflictError } from '../errors';
import { documentClient } from './client';
import { NewerRecordError } from './errors';
import { withRetry, type StorageDeadline } from './retry';
import {
  NEW_USER_SETTINGS,
  STORE_SCHEMA_VERSION,
  migrate,
  readDayState,
  readSettings,
  settingsDigest,
  settingsOf,
  splitState,
  withSettings,
  type DayState,
  type Settings,
} from './stored-state';
import { TABLE_KEYS } from './table';

/** Abandoned progress expires; the lasting settings and history keep their own retention. */
export const PROGRESS_TTL_DAYS = 30;

export type Key = Record<string, string>;
export type Item = Record<string, unknown>;
const keyOf = (userKey: string, sort: string): Key => ({ [TABLE_KEYS.partition]: userKey, [TABLE_KEYS.sort]: sort });
export const progressKey = (userKey: string): Key => keyOf(userKey, 'PROGRESS');
export const settingsKey = (userKey: string): Key => keyOf(userKey, 'SETTINGS');
export const sameKey = (item: Item, key: Key): boolean => item[TABLE_KEYS.partition] === key[TABLE_KEYS.partition] && item[TABLE_KEYS.sort] === key[TABLE_KEYS.sort];

/**
 * The digest stamped on the SETTINGS item a turn read, which its save makes the SETTINGS write conditional on;
 * null: no stamped SETTINGS (none yet, or one written before the stamp). A turn that could not read SETTINGS (a
 * failed read) has none at all (undefined), and never writes SETTINGS.
 */
export type SettingsRead = string | null;

export type ProgressRecord = {
  /** Incremented by every write; writes are conditional on it so newer progress is never overwritten. */
  version: number;
  updatedAtMs: number;
  lastRequestId: string | null;
  state: RoutineState;
  settingsRead: SettingsRead;
};

/** The longest request id kept for replay detection; Alexa's are about 60 characters. */
export const MAX_REQUEST_ID_LENGTH = 200;

/** A request id as it can be stored: a non-empty string within the bound, else nothing. */
export function storableRequestId(requestId: unknown): string | null {
  return typeof requestId === 'string' && requestId.length > 0 && requestId.length <= MAX_REQUEST_ID_LENGTH ? requestId : null;
}

/** Throws NewerRecordError for a newer schema, CorruptRecordError for an older one (with the reason). */
function checkVersion(item: Item, recordKind: string): void {
  // Version 3 called the attribute "sv".
  const step = migrate(item.schemaVersion ?? item.sv);
  if (step.kind === 'newer') throw new NewerRecordError(recordKind, step.version);
  if (step.kind === 'reset') throw new CorruptRecordError(`Stored ${recordKind}: ${step.reason}`, recordKind);
}

/** A PROGRESS item as stored, before it is joined with SETTINGS. */
export type StoredProgress = {
  version: number;
  updatedAtMs: number;
  lastRequestId: string | null;
  day: DayState;
  /** Settings saved by a turn that could not read SETTINGS; they win over SETTINGS until a later turn moves them there. */
  newSettings: Settings | null;
};

/** Parses a stored PROGRESS item; throws NewerRecordError or CorruptRecordError when it cannot be used. */
export function parseProgressItem(item: Item): StoredProgress {
  checkVersion(item, 'progress');
  const { version, updatedAtMs } = item;
  if (!Number.isSafeInteger(version) || (version as number) < 0 || !Number.isSafeInteger(updatedAtMs) || (updatedAtMs as number) < 0) {
    throw new CorruptRecordError('Stored progress has no valid version', 'progress');
  }
  const day = readDayState(item.state);
  if (!day.ok) throw new CorruptRecordError('Stored progress fails its schema', 'progress', { cause: day.cause });
  const newSettings = item.newSettings === undefined ? null : readSettings(item.newSettings);
  if (newSettings !== null && !newSettings.ok) throw new CorruptRecordError('Stored progress fails its schema', 'progress', { cause: newSettings.cause });
  return {
    version: version as number,
    updatedAtMs: updatedAtMs as number,
    lastRequestId: storableRequestId(item.lastRequestId),
    day: day.value,
    newSettings: newSettings === null ? null : newSettings.value,
  };
}

/** Parses a stored SETTINGS item; throws NewerRecordError or CorruptRecordError when it cannot be used. */
export function parseSettingsItem(item: Item): Settings {
  checkVersion(item, 'settings');
  const reading = readSettings(item.settings);
  if (!reading.ok) throw new CorruptRecordError('Stored settings fail their schema', 'settings', { cause: reading.cause });
  return reading.value;
}

/** The digest stamped on a SETTINGS item as read (null: none). */
export const settingsReadOf = (item: Item | undefined): SettingsRead => (typeof item?.digest === 'string' ? item.digest : null);

/** The state of a PROGRESS item with the settings it goes with (a new user's when SETTINGS is missing or unreadable). */
export function joinProgress(progress: StoredProgress, settings: Settings | null, settingsRead: SettingsRead): ProgressRecord {
  const state = withSettings({ ...NEW_USER_SETTINGS, ...progress.day }, progress.newSettings ?? settings);
  return { version: progress.version, updatedAtMs: progress.updatedAtMs, lastRequestId: progress.lastRequestId, state, settingsRead };
}

/** The PROGRESS item a save writes; exported so its size can be checked. */
export function progressItem(userKey: string, request: Pick<SaveRequest, 'state' | 'requestId' | 'nowMs'>, version: number, newSettings?: Settings): Item {
  const requestId = storableRequestId(request.requestId);
  return {
    ...progressKey(userKey),
    schemaVersion: STORE_SCHEMA_VERSION,
    version,
    updatedAtMs: request.nowMs,
    // An id the record could not give back unchanged is not kept: the record must always read back.
    ...(requestId !== null ? { lastRequestId: requestId } : {}),
    ...(newSettings !== undefined ? { newSettings } : {}),
    state: splitState(request.state).day,
    [TABLE_KEYS.ttl]: Math.floor(request.nowMs / 1000) + PROGRESS_TTL_DAYS * 24 * 3600,
  };
}

export function settingsItem(userKey: string, settings: Settings, nowMs: number): Item {
  return { ...settingsKey(userKey), schemaVersion: STORE_SCHEMA_VERSION, updatedAtMs: nowMs, digest: settingsDigest(settings), settings };
}

const NEW_USER_DIGEST = settingsDigest(NEW_USER_SETTINGS);

/** Never overwrite a record of a newer schema: part of every write's condition. */
const NOT_NEWER = '(attribute_not_exists(#schemaVersion) OR #schemaVersion <= :schemaVersion)';
const NOT_NEWER_NAMES = { '#schemaVersion': 'schemaVersion' };
const NOT_NEWER_VALUES = { ':schemaVersion': STORE_SCHEMA_VERSION };

/** BatchGetItem may hand back keys it did not get to: this many rounds, backing off between. */
const BATCH_ROUNDS = 4;
const BATCH_BACKOFF_MS = 25;
export const batchBackoff = (round: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, BATCH_BACKOFF_MS * 2 ** round * (0.5 + Math.random() / 2)));

/** Every item of these keys that exists; a PersistenceError when any key is left unread after the rounds. */
export async function getItems(documents: DynamoDBDocumentClient, tableName: string, keys: readonly Key[], deadline?: StorageDeadline): Promise<Item[]> {
  let items: Item[] = [];
  let left: Key[] = [...keys];
  try {
    for (let round = 0; round < BATCH_ROUNDS && left.length > 0; round += 1) {
      if (round > 0) await batchBackoff(round - 1);
      const request = { [tableName]: { Keys: left, ConsistentRead: true } };
      const output = await withRetry((abortSignal) => documents.send(new BatchGetCommand({ RequestItems: request }), { abortSignal }), deadline);
      items = [...items, ...(output.Responses?.[tableName] ?? [])];
      left = (output.UnprocessedKeys?.[tableName]?.Keys ?? []) as Key[];
    }
  } catch (error) {
    throw new PersistenceError('Could not read the user records', 'BatchGetItem', tableName, { cause: error });
  }
  // Keys DynamoDB did not get to are unknown, not missing: a returning user must not read as a new one.
  if (left.length > 0) throw new PersistenceError(`${left.length} key(s) left unprocessed`, 'BatchGetItem', tableName);
  return items;
}

/** SETTINGS as read: none, unreadable (a new user's settings stand in, and the next change rewrites it), or content. */
export function settingsOrNull(item: Item | undefined): Settings | null {
  if (item === undefined) return null;
  try {
    return parseSettingsItem(item);
  } catch (error) {
    if (error instanceof CorruptRecordError) return null;
    throw error;
  }
}

export type SaveRequest = {
  state: RoutineState;
  /** The version the turn read (0: none), or 'any' to replace a record that could not be parsed. */
  expectedVersion: number | 'any';
  /** The SETTINGS the turn read (see SettingsRead); undefined when it could not read them. */
  settingsRead?: SettingsRead;
  /** settingsDigest of the state's lasting fields, when the caller has worked it out (withSettingsDigest). */
  settingsDigest?: string;
  requestId: string;
  nowMs: number;
  deadline?: StorageDeadline;
};

type DigestOf = Pick<SaveRequest, 'state' | 'settingsRead' | 'settingsDigest'>;

/**
 * The request with the digest of its lasting fields worked out once (when the turn read SETTINGS, the only case
 * that needs it), for the save and for settingsReadAfter both: hashing them is a visible share of a warm turn.
 */
export function withSettingsDigest<T extends DigestOf>(request: T): T {
  if (request.settingsRead === undefined || request.settingsDigest !== undefined) return request;
  return { ...request, settingsDigest: settingsDigest(settingsOf(request.state)) };
}

/** The new digest when a save writes SETTINGS: the turn read them, and the lasting fields differ from what it read. */
function changedDigest(request: DigestOf): string | null {
  if (request.settingsRead === undefined) return null;
  const digest = withSettingsDigest(request).settingsDigest!;
  return digest === (request.settingsRead ?? NEW_USER_DIGEST) ? null : digest;
}

/** The SETTINGS a session holds after a save of this request landed: what the next save is conditional on. */
export function settingsReadAfter(request: DigestOf): SettingsRead | undefined {
  return changedDigest(request) ?? request.settingsRead;
}

export interface ProgressStore {
  /** The user's state, or null when there is no PROGRESS. Throws CorruptRecordError or NewerRecordError. */
  load(userKey: string, deadline?: StorageDeadline): Promise<ProgressRecord | null>;
  /**
   * Writes only if the stored version is still expectedVersion (and SETTINGS still what the turn read); returns
   * the new version. The next save of the session reads SETTINGS as settingsReadAfter(request).
   */
  save(userKey: string, request: SaveRequest): Promise<number>;
  remove(userKey: string): Promise<void>;
}

export class DynamoProgressStore implements ProgressStore {
  private readonly documents: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.documents = documentClient(client);
  }

  async load(userKey: string, deadline?: StorageDeadline): Promise<ProgressRecord | null> {
    const items = await getItems(this.documents, this.tableName, [progressKey(userKey), settingsKey(userKey)], deadline);
    const progress = items.find((item) => sameKey(item, progressKey(userKey)));
    if (progress === undefined) return null;
    const settings = items.find((item) => sameKey(item, settingsKey(userKey)));
    return joinProgress(parseProgressItem(progress), settingsOrNull(settings), settingsReadOf(settings));
  }

  async save(userKey: string, request: SaveRequest): Promise<number> {
    const { expectedVersion, deadline } = request;
    const version = expectedVersion === 'any' ? 1 : expectedVersion + 1;
    const [condition, names, values] =
      expectedVersion === 'any'
        ? [NOT_NEWER, {}, undefined]
        : expectedVersion === 0
          ? ['attribute_not_exists(#pk)', { '#pk': TABLE_KEYS.partition }, undefined]
          : [`#version = :expected AND ${NOT_NEWER}`, { '#version': 'version' }, { ':expected': expectedVersion }];
    if (request.settingsRead === undefined) {
      // The turn could not read SETTINGS (a failed read), which may hold settings it never saw, so SETTINGS is not
      // written: lasting fields that differ from a new user's ride in PROGRESS (they win over SETTINGS) until a
      // turn that read SETTINGS moves them there.
      const { settings } = splitState(request.state);
      const ride = settingsDigest(settings) !== NEW_USER_DIGEST ? settings : undefined;
      await this.putProgress(progressItem(userKey, request, version, ride), condition, names, deadline, values);
      return version;
    }
    if (changedDigest(request) !== null) await this.putSettings(userKey, settingsOf(request.state), request.settingsRead, request.nowMs, deadline);
    await this.putProgress(progressItem(userKey, request, version), condition, names, deadline, values);
    return version;
  }

  private async putProgress(item: Item, condition: string, names: Record<string, string>, deadline?: StorageDeadline, values?: Record<string, unknown>): Promise<void> {
    const usesSchema = condition.includes('#schemaVersion');
    try {
      // A retried attempt whose first try landed fails its condition: the turn then re-reads and finds its own id.
      await withRetry((abortSignal) => this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: condition,
          ExpressionAttributeNames: { ...names, ...(usesSchema ? NOT_NEWER_NAMES : {}) },
          ...(values !== undefined || usesSchema ? { ExpressionAttributeValues: { ...values, ...(usesSchema ? NOT_NEWER_VALUES : {}) } } : {}),
        }),
        { abortSignal },
      ), deadline);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new WriteConflictError('Progress was written by another request first', { cause: error });
      }
      throw new PersistenceError('Could not save progress', 'PutItem', this.tableName, { cause: error });
    }
  }

  /**
   * Writes SETTINGS if it still holds what the turn read (or already this content: a retried write whose first try
   * landed), and no newer schema wrote it; anything else is another writer's, a WriteConflictError.
   */
  private async putSettings(userKey: string, settings: Settings, read: SettingsRead, nowMs: number, deadline?: StorageDeadline): Promise<void> {
    const item = settingsItem(userKey, settings, nowMs);
    const seen = read === null ? 'attribute_not_exists(#digest)' : '#digest = :read';
    try {
      await withRetry((abortSignal) => this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: `(${seen} OR #digest = :digest) AND ${NOT_NEWER}`,
          ExpressionAttributeNames: { '#digest': 'digest', ...NOT_NEWER_NAMES },
          ExpressionAttributeValues: { ':digest': item.digest, ...(read === null ? {} : { ':read': read }), ...NOT_NEWER_VALUES },
        }),
        { abortSignal },
      ), deadline);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new WriteConflictError('Settings were changed by another request first', { cause: error });
      throw new PersistenceError('Could not save settings', 'PutItem', this.tableName, { cause: error });
    }
  }

  async remove(userKey: string): Promise<void> {
    await this.wrap('DeleteItem', (abortSignal) => this.documents.send(new DeleteCommand({ TableName: this.tableName, Key: progressKey(userKey) }), { abortSignal }));
  }

  private async wrap<T>(operation: string, call: (abortSignal: AbortSignal) => Promise<T>, deadline?: StorageDeadline): Promise<T> {
    try {
      return await withRetry(call, deadline);
    } catch (error) {
      throw new PersistenceError(`DynamoDB ${operation} failed`, operation, this.tableName, { cause: error });
    }
  }
}
