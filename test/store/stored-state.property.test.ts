// The stored record and the session give back the state they were written from, for any state the schema allows.
import fc from 'fast-check';
import { BODY_PART_IDS } from '../../lambda/catalog/body-parts';
import { CATALOG } from '../../lambda/catalog/catalog';
import { HANDOUT_MAX_HOLD_SECONDS, HANDOUT_MAX_REPS, SIDES } from '../../lambda/catalog/schema';
import { addDays } from '../../lambda/engine/day';
import { stepKey } from '../../lambda/engine/plan';
import { MAX_PAIN_REPORTS_PER_DAY } from '../../lambda/engine/state';
import { RECENT_STOPS_KEPT } from '../../lambda/engine/stops';
import { ROUTINES, STEP_OUTCOMES, type RoutineState, type StepRef } from '../../lambda/engine/types';
import { progressInAttributes, sessionAttributesFor } from '../../lambda/handlers/progress-loader';
import { DynamoProgressStore } from '../../lambda/store/progress-store';
import { RoutineStateSchema } from '../../lambda/store/stored-state';
import { freshTable, testClient } from '../support/dynamo';
import { positionArbitrary } from '../support/positions';

const ids = CATALOG.map((e) => e.id);
const exerciseId = fc.constantFrom(...ids);
const step: fc.Arbitrary<StepRef> = fc.record({ exerciseId, side: fc.constantFrom(...SIDES, null) });
const epochMs = fc.integer({ min: 0, max: Date.parse('2200-01-01T00:00:00Z') });
const day = fc.integer({ min: Date.parse('2020-01-01T00:00:00Z') / 86_400_000, max: Date.parse('2100-01-01T00:00:00Z') / 86_400_000 }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
const idList = fc.uniqueArray(exerciseId, { maxLength: ids.length });
const hour = fc.integer({ min: 0, max: 23 });
const minute = fc.integer({ min: 0, max: 59 });
const dose = fc.oneof(
  fc.record({ kind: fc.constant('reps' as const), reps: fc.integer({ min: 1, max: HANDOUT_MAX_REPS }) }),
  fc.record({ kind: fc.constant('hold' as const), holdSeconds: fc.integer({ min: 1, max: HANDOUT_MAX_HOLD_SECONDS }), asTolerated: fc.boolean() }),
);
const group = fc.option(fc.constantFrom('legs', 'arms', 'trunk', 'neck'), { nil: null });
const planChange = fc.oneof(
  fc.record({ kind: fc.constantFrom('leaveOut' as const, 'putBack' as const), exerciseIds: idList, group }),
  fc.record({ kind: fc.constant('setReps' as const), exerciseId, reps: fc.integer({ min: 1, max: HANDOUT_MAX_REPS }) }),
  fc.record({ kind: fc.constant('useHold' as const), exerciseId }),
);
const position = positionArbitrary(
  step,
  fc.record({ atMs: epochMs, lengthMs: fc.integer({ min: 0, max: 600_000 }), amount: fc.integer({ min: 0, max: HANDOUT_MAX_HOLD_SECONDS }) }).map(({ atMs, lengthMs, amount }) => ({ atMs, endsAtMs: atMs + lengthMs, amount })),
  exerciseId,
  planChange,
);

const state: fc.Arbitrary<RoutineState> = day.chain((today) =>
  fc.record({
    today: fc.tuple(position, fc.record({
      day: fc.constant(today),
      routine: fc.constantFrom(...ROUTINES, null),
      skippedExerciseIds: idList,
      doneBefore: fc.array(step.map(stepKey), { maxLength: 8 }),
      outcomes: fc.dictionary(step.map(stepKey), fc.record({ outcome: fc.constantFrom(...STEP_OUTCOMES), amount: fc.integer({ min: 0, max: HANDOUT_MAX_HOLD_SECONDS }) })),
      painReports: fc.array(
        fc.record({ stepKey: fc.option(step.map(stepKey), { nil: null }), bodyPart: fc.constantFrom(...BODY_PART_IDS, null), severity: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }), atMs: epochMs }),
        { maxLength: MAX_PAIN_REPORTS_PER_DAY },
      ),
      startedAtMs: fc.option(epochMs, { nil: null }),
      endedEarly: fc.boolean(),
      afterEmergency: fc.boolean(),
      afterWarningSign: fc.boolean(),
      endReason: fc.constantFrom('fatigue' as const, null),
      extraSets: fc.array(fc.constantFrom('hip-rotation/right', 'neck-flexion/both'), { maxLength: 2 }),
      leftAfterPain: fc.array(fc.constantFrom('hip-abduction/left', 'thumb-flexion-extension/right'), { maxLength: 2 }),
    })).map(([at, base]) => ({ ...at, ...base })),
    previousDay: fc.option(
      fc.record({ back: fc.integer({ min: 1, max: 400 }), routine: fc.constantFrom(...ROUTINES), done: fc.nat(40), planned: fc.nat(40), endedEarly: fc.boolean() }).map(({ back, ...rest }) => ({ day: addDays(today, -back), ...rest })),
      { nil: null },
    ),
    prefs: fc.record({ paceFactor: fc.constantFrom(1, 1.25, 1.5, 1.75, 2), voiceRatePercent: fc.constantFrom(70, 80, 90, 100) }),
    introduced: fc.boolean(),
    interruptHintGiven: fc.boolean(),
    lastTurnAtMs: fc.option(epochMs, { nil: null }),
    timeZoneCheckedOn: fc.option(day, { nil: null }),
    unfiledDay: fc.constant(null),
    levels: fc.dictionary(fc.tuple(exerciseId, fc.constantFrom('reps', 'hold')).map(([id, kind]) => `${id}:${kind}`), fc.integer({ min: 1, max: HANDOUT_MAX_HOLD_SECONDS })),
    recentStops: fc.dictionary(
      exerciseId,
      fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: RECENT_STOPS_KEPT }).map((backs) => backs.sort((a, b) => b - a).map((back) => addDays(today, -back))),
    ),
    planOverrides: fc.record({ excluded: idList, doses: fc.dictionary(exerciseId, dose) }),
    planFollowed: fc.option(fc.record({ reviewedOn: fc.option(day, { nil: null }) }), { nil: null }),
    lastStoppedEarly: fc.option(fc.record({ day: fc.integer({ min: 0, max: 30 }).map((back) => addDays(today, -back)), step }), { nil: null }),
    timeZone: fc.constantFrom(null, 'UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'America/Argentina/ComodRivadavia'),
    reminder: fc.option(fc.record({ alertToken: fc.string({ minLength: 1, maxLength: 100 }), hour, minute }), { nil: null }),
    setUpsHeard: idList,
    handsConfirmed: idList,
  }),
);

const client = testClient();
let store: DynamoProgressStore;
beforeAll(async () => {
  store = new DynamoProgressStore(client, await freshTable(client));
});
afterAll(() => client.destroy());

describe('the stored state', () => {
  it('reads back from DynamoDB as the very state it was saved from', async () => {
    let user = 0;
    await fc.assert(
      fc.asyncProperty(state, async (original) => {
        expect(RoutineStateSchema.safeParse(original).success).toBe(true);
        const userKey = `user-${(user += 1)}`;
        await store.save(userKey, { state: original, expectedVersion: 0, requestId: 'r', nowMs: 0 });
        expect((await store.load(userKey))?.state).toEqual(original);
      }),
      { numRuns: 150 },
    );
  });

  it('reads back from the session attributes, sent as JSON, as the very state it was carried from', () => {
    fc.assert(
      fc.property(state, (original) => {
        const sent = JSON.parse(JSON.stringify(sessionAttributesFor({ state: original, plan: null }, 3)));
        expect(progressInAttributes(sent)).toEqual({ version: 3, state: original, plan: null, unsaved: [], readOnly: false });
      }),
      { numRuns: 400 },
    );
  });
});
