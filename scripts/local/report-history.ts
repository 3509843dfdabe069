// Stored items of a household with a given number of days of history, written through the skill's own stores:
// the report's tests, its benchmark and the screenshots use them. Deterministic (no randomness).
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CATALOG } from '../../lambda/catalog/catalog';
import { addDays } from '../../lambda/engine/day';
import { stepKey } from '../../lambda/engine/plan';
import { initialState } from '../../lambda/engine/state';
import type { DayRecord, OutcomeRecord, RoutineState, StepRef } from '../../lambda/engine/types';
import { DynamoHistoryStore } from '../../lambda/store/history-store';
import { DynamoPlanStore } from '../../lambda/store/plan-store';
import { DynamoProgressStore } from '../../lambda/store/progress-store';

export const EXAMPLE_PLAN = {
  schemaVersion: 1 as const,
  reviewedOn: '2026-10-01',
  legsFirst: true,
  firstSide: 'right' as const,
  buildUp: true,
  exercises: [
    { id: 'hip-knee-flexion', reps: 8 },
    { id: 'hip-rotation', way: 'knee-and-heel', reps: 6 },
    { id: 'hamstring-stretch', holdSeconds: 30 },
    { id: 'ankle-rotation' },
    { id: 'elbow-flexion-extension', sides: ['left' as const] },
    { id: 'neck-rotation' },
  ],
};

/** Day i of n (0 = oldest): a few missed days, some ended early, a pain stop now and then. */
export function exampleDay(day: string, i: number, planIds: readonly string[]): DayRecord | null {
  if (i % 7 === 3 || i % 11 === 5) return null; // missed
  const outcomes: Record<string, OutcomeRecord> = {};
  const endedEarly = i % 9 === 4;
  const steps = planIds.flatMap((id): StepRef[] => {
    const exercise = CATALOG.find((e) => e.id === id);
    if (exercise === undefined) return [];
    return exercise.sided ? [{ exerciseId: id, side: 'right' as const }, { exerciseId: id, side: 'left' as const }] : [{ exerciseId: id, side: null }];
  });
  steps.forEach((step, s) => {
    if (endedEarly && s > steps.length / 2) return;
    const outcome = (i + s) % 13 === 0 ? 'stoppedEarly' : (i + s) % 8 === 0 ? 'cutShort' : 'completed';
    outcomes[stepKey(step)] = { outcome, amount: outcome === 'completed' ? 5 : 2 };
  });
  const startedAtMs = Date.parse(`${day}T15:00:00Z`);
  return {
    day,
    routine: 'everything',
    outcomes,
    endedEarly,
    endReason: endedEarly ? 'fatigue' : null,
    painReports: i % 13 === 0 ? [{ stepKey: stepKey(steps[0]!), bodyPart: i % 26 === 0 ? 'knee' : 'shoulder', severity: (i % 10) as number, atMs: startedAtMs + 60_000 }] : [],
    startedAtMs,
    endedAtMs: startedAtMs + 20 * 60_000,
  };
}

/** Writes days of history ending yesterday (today has none yet), a plan, and settings with build-up levels and a voice change. */
export async function seedHousehold(client: DynamoDBClient, table: string, userKey: string, options: { days: number; today: string; plan?: boolean; timeZone?: string }): Promise<void> {
  const history = new DynamoHistoryStore(client, table, 4000);
  const planIds = EXAMPLE_PLAN.exercises.map((e) => e.id);
  const writes: Array<Promise<void>> = [];
  for (let i = 0; i < options.days; i += 1) {
    const day = addDays(options.today, -(options.days - i));
    const record = exampleDay(day, i, planIds);
    if (record !== null) writes.push(history.putDay(userKey, record));
    if (writes.length >= 25) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
  if (options.plan !== false) await new DynamoPlanStore(client, table).save(userKey, EXAMPLE_PLAN, Date.parse(`${options.today}T12:00:00Z`));
  if (options.days > 0) {
    const state: RoutineState = {
      ...initialState(options.today),
      timeZone: options.timeZone ?? 'America/New_York',
      levels: { 'hip-knee-flexion:reps': 6, 'hip-rotation:reps': 6, 'hamstring-stretch:hold': 20 },
      planOverrides: { excluded: ['neck-rotation'], doses: { 'hip-knee-flexion': { kind: 'reps', reps: 7 } } },
      lastTurnAtMs: Date.parse(`${options.today}T12:00:00Z`),
    };
    // A seeded household has no SETTINGS yet (settingsRead null), so its settings are written there, where the report reads the zone.
    await new DynamoProgressStore(client, table).save(userKey, { state, expectedVersion: 'any', settingsRead: null, requestId: 'seed', nowMs: Date.parse(`${options.today}T12:00:00Z`) });
  }
}
