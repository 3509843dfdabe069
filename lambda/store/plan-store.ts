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

// Most households share the deployment's default plan, and a session carries its plan's text from turn to turn:
// the text parsed last is known without parsing it again (the same text always gives the same plan).
let lastPlan: { text: string; plan: TherapistPlan } | null = null;
const planTexts = new WeakMap<TherapistPlan, string>();

/** A plan's JSON text, or the reason it is not a plan. */
export function planFromText(text: string): { ok: true; plan: TherapistPlan } | { ok: false; reason: 'json' | 'schema'; cause: unknown } {
  if (lastPlan?.text === text) return { ok: true, plan: lastPlan.plan };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: 'json', cause: error };
  }
  const parsed = TherapistPlanSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'schema', cause: parsed.error };
  lastPlan = { text, plan: parsed.data };
  planTexts.set(parsed.data, text);
  return { ok: true, plan: parsed.data };
}

/** The plan as JSON text: the text it was read from, when it was read. */
export function planToText(plan: TherapistPlan): string {
  let text = planTexts.get(plan);
  if (text === undefined) {
    text = JSON.stringify(plan);
    planTexts.set(plan, text);
  }
  return text;
}

export function parsePlanItem(item: Record<string, AttributeValue>): TherapistPlan {
  const read = planFromText(item.plan?.S ?? 'null');
  if (read.ok) return read.plan;
  throw new CorruptRecordError(read.reason === 'json' ? 'Stored plan is not valid JSON' : 'Stored plan fails its schema', 'plan', { cause: read.cause });
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
          Item: { ...planKey(owner), plan: { S: planToText(valid) }, updatedAtMs: { N: String(nowMs) } },
        }),
        { abortSignal },
      ));
    } catch (error) {
      throw new PersistenceError('Could not save the plan', 'PutItem', this.tableName, { cause: error });
    }
  }
}
