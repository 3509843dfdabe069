// States the skill can reach, from a new user to the busiest day a household can have: for the bound that a
// progress item stays in one write unit (test/store/progress-size.test.ts) and for the benchmark.
import { CATALOG } from '../../lambda/catalog/catalog';
import { addDays } from '../../lambda/engine/day';
import { buildSteps, stepKey } from '../../lambda/engine/plan';
import { defaultProgram } from '../../lambda/engine/program';
import { finished } from '../../lambda/engine/position';
import { initialState } from '../../lambda/engine/state';
import type { RoutineState } from '../../lambda/engine/types';

export const BUSY_DAY = '2026-12-10';
const atMs = Date.parse(`${BUSY_DAY}T15:00:00Z`);
const steps = buildSteps('everything', defaultProgram());
const fullDose = (kind: 'reps' | 'hold') => (kind === 'reps' ? 10 : 30);

/** The whole "everything" routine done at the handout's full dose, with a level for every exercise. */
export const everythingDone: RoutineState = {
  ...initialState(BUSY_DAY),
  introduced: true,
  interruptHintGiven: true,
  lastTurnAtMs: atMs,
  timeZone: 'America/Los_Angeles',
  previousDay: { day: addDays(BUSY_DAY, -1), routine: 'everything', done: 27, planned: 28, endedEarly: false },
  levels: Object.fromEntries(CATALOG.map((e) => [`${e.id}:${e.dose.kind}`, fullDose(e.dose.kind)])),
  today: {
    ...initialState(BUSY_DAY).today,
    ...finished(),
    routine: 'everything',
    startedAtMs: atMs,
    outcomes: Object.fromEntries(steps.map((s) => [stepKey(s), { outcome: 'completed' as const, amount: fullDose(s.dose.kind) }])),
  },
};

/**
 * Every field at the most it can hold in use: every exercise stopped early on the last two days (all a state keeps), levels
 * for both kinds of dose, a voice change for every exercise and half left out, a reminder, the longest zone
 * name, five detailed pain reports (HEALTH_LOG=detailed), a question pending, mid-set.
 */
export const busiestDay: RoutineState = {
  ...everythingDone,
  prefs: { paceFactor: 1.75, voiceRatePercent: 70 },
  timeZone: 'America/Argentina/ComodRivadavia',
  reminder: { alertToken: 'amzn1.alert-id.0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0', hour: 10, minute: 45 },
  levels: Object.fromEntries(CATALOG.flatMap((e) => [[`${e.id}:reps`, 10] as const, [`${e.id}:hold`, 30] as const])),
  recentStops: Object.fromEntries(CATALOG.map((e) => [e.id, [addDays(BUSY_DAY, -1), BUSY_DAY]])),
  lastStoppedEarly: { day: BUSY_DAY, step: { exerciseId: 'hip-rotation', side: 'left' } },
  planOverrides: {
    excluded: CATALOG.slice(0, 8).map((e) => e.id),
    doses: Object.fromEntries(CATALOG.map((e) => [e.id, e.dose.kind === 'reps' ? { kind: 'reps' as const, reps: 10 } : { kind: 'hold' as const, holdSeconds: 30, asTolerated: true }])),
  },
  today: {
    ...everythingDone.today,
    phase: 'setDelivered',
    current: { exerciseId: 'finger-wrist-flexion-extension', side: 'left' },
    delivered: { atMs: atMs + 3_600_000, endsAtMs: atMs + 3_600_000 + 95_000, amount: 30 },
    lastOfSession: true,
    question: { kind: 'planChange', change: { kind: 'leaveOut', exerciseIds: CATALOG.slice(8).map((e) => e.id), group: 'arms' } },
    skippedExerciseIds: CATALOG.slice(0, 4).map((e) => e.id),
    endedEarly: true,
    endReason: 'fatigue',
    painReports: Array.from({ length: 5 }, (_, i) => ({ stepKey: stepKey(steps[i]!), bodyPart: 'shoulder', severity: 10, atMs: atMs + i * 60_000 })),
  },
};

/** An Alexa request id of the real length. */
export const ALEXA_REQUEST_ID = 'amzn1.echo-api.request.0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
