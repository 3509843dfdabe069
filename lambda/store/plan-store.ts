// The therapist's plan: one item per user (sk PLAN), and one deployment-wide default under pk DEFAULT.
import { PutItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { TherapistPlanSchema, type TherapistPlan } from '../engine/therapist-plan';
import { CorruptRecordError, PersistenceError } from '../errors';
import { withRetry } from './retry';
import { TABLE_KEYS } from './table';

/** The partition of the plan every user without their own gets. */
export const DEFAULT_PLAN_OWNER = 'DEFAULT';
const PLAN_SORT_KEY = 'PLAN';

export function planKey(owner: string): Record<string, AttributeValue> {
  return { [TABLE_KEYS.partition]: { S: owner }, [TABLE_KEYS.sort]: { S: PLAN_SORT_KEY } };
}

export function parsePlanItem(item: Record<string, AttributeValue>): TherapistPlan {
  let raw: unknown;
  try {
    raw = JSON.parse(item.plan?.S ?? 'null');
  } catch (error) {
    throw new CorruptRecordError('Stored plan is not valid JSON', 'plan', { cause: error });
  }
  const parsed = TherapistPlanSchema.safeParse(raw);
  if (!parsed.success) throw new CorruptRecordError('Stored plan fails its schema', 'plan', { cause: parsed.error });
  return parsed.data;
}

export class DynamoPlanStore {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  /** Stores a plan that already passed TherapistPlanSchema; owner is a user key or DEFAULT_PLAN_OWNER. */
  async save(owner: string, plan: TherapistPlan, nowMs: number): Promise<void> {
    const valid = TherapistPlanSchema.parse(plan);
    try {
      await withRetry((abortSignal) => this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: { ...planKey(owner), plan: { S: JSON.stringify(valid) }, updatedAtMs: { N: String(nowMs) } },
        }),
        { abortSignal },
      ));
    } catch (error) {
      throw new PersistenceError('Could not save the plan', 'PutItem', this.tableName, { cause: error });
    }
  }
}
