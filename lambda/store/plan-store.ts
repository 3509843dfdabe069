// The therapist's plan: one item per user (sk PLAN), and one deployment-wide default under pk DEFAULT.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TherapistPlanSchema, type TherapistPlan } from '../engine/therapist-plan';
import { CorruptRecordError, PersistenceError } from '../errors';
import { documentClient } from './client';
import { withRetry } from './retry';
import { TABLE_KEYS } from './table';

/** The partition of the plan every user without their own gets. */
export const DEFAULT_PLAN_OWNER = 'DEFAULT';
const PLAN_SORT_KEY = 'PLAN';
/**
 * A user's plan expires this long after its last import, as long as history is kept: a therapist reviews a plan
 * far more often, and each import starts the time again. The deployment's default plan holds nothing personal
 * and does not expire.
 */
export const PLAN_RETENTION_DAYS = 400;

/** The plan a read could not tell (it failed, or the stored plan is unreadable): no routine starts on a guess. */
export { PLAN_UNKNOWN, type PlanReading } from '../engine/therapist-plan';

export function planKey(owner: string): Record<string, string> {
  return { [TABLE_KEYS.partition]: owner, [TABLE_KEYS.sort]: PLAN_SORT_KEY };
}

/** A plan as stored or carried (a map; JSON text before schema 4 of the store), or the reason it is not a plan. */
export function readPlan(raw: unknown): { ok: true; plan: TherapistPlan } | { ok: false; cause: unknown } {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch (error) {
      return { ok: false, cause: error };
    }
  }
  const parsed = TherapistPlanSchema.safeParse(value);
  return parsed.success ? { ok: true, plan: parsed.data } : { ok: false, cause: parsed.error };
}

export function parsePlanItem(item: Record<string, unknown>): TherapistPlan {
  const read = readPlan(item.plan);
  if (read.ok) return read.plan;
  throw new CorruptRecordError('Stored plan fails its schema', 'plan', { cause: read.cause });
}

export class DynamoPlanStore {
  private readonly documents: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.documents = documentClient(client);
  }

  /** Stores a plan that already passed TherapistPlanSchema; owner is a user key or DEFAULT_PLAN_OWNER. */
  async save(owner: string, plan: TherapistPlan, nowMs: number): Promise<void> {
    const valid = TherapistPlanSchema.parse(plan);
    const expires = owner === DEFAULT_PLAN_OWNER ? {} : { [TABLE_KEYS.ttl]: Math.floor(nowMs / 1000) + PLAN_RETENTION_DAYS * 24 * 3600 };
    try {
      await withRetry((abortSignal) => this.documents.send(
        new PutCommand({ TableName: this.tableName, Item: { ...planKey(owner), plan: valid, updatedAtMs: nowMs, ...expires } }),
        { abortSignal },
      ));
    } catch (error) {
      throw new PersistenceError('Could not save the plan', 'PutItem', this.tableName, { cause: error });
    }
  }
}
