// History: one small item per user and local day (sk DAY#YYYY-MM-DD), read by key range with one Query.
import { endedBeforeItsEnd } from '../engine/stops';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { addDays } from '../engine/day';
import type { DayProgress, DayRecord } from '../engine/types';
import { PersistenceError } from '../errors';
import { documentClient } from './client';
import { withRetry, type StorageDeadline } from './retry';
import { DayRecordSchema } from './stored-state';
import { TABLE_KEYS } from './table';

/** 2: plain maps. 1 (compact text, never held by a deployment with real users) fails the schema and is left out. */
export const HISTORY_SCHEMA_VERSION = 2;
export const DEFAULT_HISTORY_RETENTION_DAYS = 400;
const DAY_PREFIX = 'DAY#';

/** What a closed day leaves in history; health details only when the deployment opted in. */
export function dayRecordOf(day: DayProgress, endedAtMs: number | null, healthDetails: boolean): DayRecord {
  return {
    day: day.day,
    routine: day.routine,
    outcomes: healthDetails ? day.outcomes : withoutReasons(day.outcomes),
    endedEarly: day.endedEarly,
    endReason: healthDetails ? day.endReason : null,
    painReports: healthDetails ? day.painReports : [],
    startedAtMs: day.startedAtMs,
    endedAtMs,
  };
}

/**
 * The published profile keeps no health record: a step that ended before its end is kept as just that, whatever
 * ended it, so a day's history cannot tell a pain stop from a "next" said early (engine/stops.ts).
 */
function withoutReasons(outcomes: DayProgress['outcomes']): DayProgress['outcomes'] {
  return Object.fromEntries(
    Object.entries(outcomes).map(([key, record]) => [key, endedBeforeItsEnd(record.outcome) ? { outcome: 'stoppedEarly' as const, amount: record.amount } : record]),
  );
}

export class DynamoHistoryStore {
  private readonly documents: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
    private readonly retentionDays = DEFAULT_HISTORY_RETENTION_DAYS,
  ) {
    this.documents = documentClient(client);
  }

  async putDay(userKey: string, record: DayRecord, deadline?: StorageDeadline): Promise<void> {
    const expires = Date.parse(`${addDays(record.day, this.retentionDays + 1)}T00:00:00Z`) / 1000;
    const { day, ...fields } = record;
    const item = {
      [TABLE_KEYS.partition]: userKey,
      [TABLE_KEYS.sort]: `${DAY_PREFIX}${day}`,
      schemaVersion: HISTORY_SCHEMA_VERSION,
      ...fields,
      [TABLE_KEYS.ttl]: expires,
    };
    try {
      await withRetry((abortSignal) => this.documents.send(new PutCommand({ TableName: this.tableName, Item: item }), { abortSignal }), deadline);
    } catch (error) {
      throw new PersistenceError('Could not save a day of history', 'PutItem', this.tableName, { cause: error });
    }
  }

  async queryDays(userKey: string, fromDay: string, toDay: string, deadline?: StorageDeadline): Promise<DayRecord[]> {
    let items: Array<Record<string, unknown>>;
    try {
      const output = await withRetry((abortSignal) => this.documents.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
          ExpressionAttributeNames: { '#pk': TABLE_KEYS.partition, '#sk': TABLE_KEYS.sort },
          ExpressionAttributeValues: {
            ':pk': userKey,
            ':from': `${DAY_PREFIX}${fromDay}`,
            ':to': `${DAY_PREFIX}${toDay}`,
          },
          ConsistentRead: true,
        }),
        { abortSignal },
      ), deadline);
      items = output.Items ?? [];
    } catch (error) {
      throw new PersistenceError('Could not read history', 'Query', this.tableName, { cause: error });
    }
    return items.map(parseDayItem).filter((record) => record !== null);
  }
}

function parseDayItem(item: Record<string, unknown>): DayRecord | null {
  const sort = item[TABLE_KEYS.sort];
  const parsed = DayRecordSchema.safeParse({ ...item, day: typeof sort === 'string' ? sort.slice(DAY_PREFIX.length) : undefined });
  return parsed.success ? parsed.data : null;
}
