// History: one small item per user and local day (sk DAY#YYYY-MM-DD), read by key range with one Query.
import { PutItemCommand, QueryCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import * as z from 'zod/mini';
import { addDays } from '../engine/day';
import { ROUTINES, STEP_OUTCOMES, type DayProgress, type DayRecord } from '../engine/types';
import { PersistenceError } from '../errors';
import { decodeOutcomes, decodePainReports, encodeOutcomes, encodePainReports } from './codec';
import { withRetry, type StorageDeadline } from './retry';
import { TABLE_KEYS } from './table';

export const HISTORY_SCHEMA_VERSION = 1;
export const DEFAULT_HISTORY_RETENTION_DAYS = 400;
const DAY_PREFIX = 'DAY#';

const DayRecordSchema = z.object({
  day: z.iso.date(),
  routine: z.nullable(z.enum(ROUTINES)),
  outcomes: z.record(z.string(), z.object({ outcome: z.enum(STEP_OUTCOMES), amount: z.number().check(z.int(), z.minimum(0), z.maximum(60)) })),
  endedEarly: z.boolean(),
  endReason: z.nullable(z.literal('fatigue')),
  painReports: z.array(
    z.object({
      stepKey: z.nullable(z.string()),
      bodyPart: z.nullable(z.string().check(z.maxLength(40))),
      severity: z.nullable(z.number().check(z.int(), z.minimum(0), z.maximum(10))),
      atMs: z.number(),
    }),
  ),
  startedAtMs: z.nullable(z.number()),
  endedAtMs: z.nullable(z.number()),
}) satisfies z.ZodMiniType<DayRecord>;

/** What a closed day leaves in history; health details only when the deployment opted in. */
export function dayRecordOf(day: DayProgress, endedAtMs: number | null, healthDetails: boolean): DayRecord {
  return {
    day: day.day,
    routine: day.routine,
    outcomes: day.outcomes,
    endedEarly: day.endedEarly,
    endReason: healthDetails ? day.endReason : null,
    painReports: healthDetails ? day.painReports : [],
    startedAtMs: day.startedAtMs,
    endedAtMs,
  };
}

const num = (value: number) => ({ N: String(value) });

export class DynamoHistoryStore {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    private readonly retentionDays = DEFAULT_HISTORY_RETENTION_DAYS,
  ) {}

  async putDay(userKey: string, record: DayRecord, deadline?: StorageDeadline): Promise<void> {
    const expires = Date.parse(`${addDays(record.day, this.retentionDays + 1)}T00:00:00Z`) / 1000;
    const item: Record<string, AttributeValue> = {
      [TABLE_KEYS.partition]: { S: userKey },
      [TABLE_KEYS.sort]: { S: `${DAY_PREFIX}${record.day}` },
      schemaVersion: num(HISTORY_SCHEMA_VERSION),
      outcomes: { S: encodeOutcomes(record.outcomes) },
      endedEarly: { BOOL: record.endedEarly },
      [TABLE_KEYS.ttl]: num(expires),
    };
    if (record.routine !== null) item.routine = { S: record.routine };
    if (record.endReason !== null) item.endReason = { S: record.endReason };
    if (record.painReports.length > 0) item.painReports = { S: encodePainReports(record.painReports) };
    if (record.startedAtMs !== null) item.startedAtMs = num(record.startedAtMs);
    if (record.endedAtMs !== null) item.endedAtMs = num(record.endedAtMs);
    try {
      await withRetry((abortSignal) => this.client.send(new PutItemCommand({ TableName: this.tableName, Item: item }), { abortSignal }), deadline);
    } catch (error) {
      throw new PersistenceError('Could not save a day of history', 'PutItem', this.tableName, { cause: error });
    }
  }

  /** Days from..to inclusive, oldest first, in one Query; an item that fails its schema is left out. */
  async queryDays(userKey: string, fromDay: string, toDay: string, deadline?: StorageDeadline): Promise<DayRecord[]> {
    let items: Array<Record<string, AttributeValue>>;
    try {
      const output = await withRetry((abortSignal) => this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
          ExpressionAttributeNames: { '#pk': TABLE_KEYS.partition, '#sk': TABLE_KEYS.sort },
          ExpressionAttributeValues: {
            ':pk': { S: userKey },
            ':from': { S: `${DAY_PREFIX}${fromDay}` },
            ':to': { S: `${DAY_PREFIX}${toDay}` },
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

function parseDayItem(item: Record<string, AttributeValue>): DayRecord | null {
  const parsed = DayRecordSchema.safeParse({
    day: item[TABLE_KEYS.sort]?.S?.slice(DAY_PREFIX.length),
    routine: item.routine?.S ?? null,
    outcomes: decodeOutcomes(item.outcomes?.S ?? ''),
    endedEarly: item.endedEarly?.BOOL ?? false,
    endReason: item.endReason?.S ?? null,
    painReports: decodePainReports(item.painReports?.S ?? ''),
    startedAtMs: item.startedAtMs?.N === undefined ? null : Number(item.startedAtMs.N),
    endedAtMs: item.endedAtMs?.N === undefined ? null : Number(item.endedAtMs.N),
  });
  return parsed.success ? parsed.data : null;
}
