// Any sequence a caregiver can say, in any order, across sessions and days: the safety guards hold on every path.
// - after an emergency or a warning sign, nothing is set up or played that day until its question gets a yes;
// - a step stopped for pain is not played again that day;
// - without a plan, a hands-on exercise is neither set up nor played before the caregiver said they were shown it;
// - no set goes past the handout's dose, at most one extra set a step, and tiredness always ends the session;
// - every turn ends with exactly one prompt or close, and the state still reads back through the stored schema.
import fc from 'fast-check';
import { stepKey } from '../../lambda/engine/plan';
import { initialState } from '../../lambda/engine/state';
import { handoutPlan, TherapistPlanSchema } from '../../lambda/engine/therapist-plan';
import type { Act, RoutineEvent } from '../../lambda/engine/types';
import { readState } from '../../lambda/store/stored-state';
import { DAY_ONE, driver, HANDS_ON_IDS } from '../support/engine';

const sides = [null, 'right', 'left'] as const;
const event: fc.Arbitrary<RoutineEvent> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<RoutineEvent>({ type: 'ReadyRequested' }, { type: 'NextRequested' }, { type: 'YesSaid' }, { type: 'NoSaid' }) },
  {
    weight: 4,
    arbitrary: fc.constantFrom<RoutineEvent>(
      { type: 'Launched' },
      { type: 'PreviousRequested' },
      { type: 'RepeatRequested' },
      { type: 'AnotherSetRequested' },
      { type: 'SkipRequested' },
      { type: 'ResumeRequested' },
      { type: 'StartOverRequested' },
      { type: 'StopRequested' },
      { type: 'PauseRequested' },
      { type: 'HelpRequested' },
      { type: 'WhatsNextRequested' },
      { type: 'EndEarlyRequested', reason: null },
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom<RoutineEvent>({ type: 'StartRoutineRequested', routine: 'legs' }, { type: 'StartRoutineRequested', routine: 'arms' }, { type: 'StartRoutineRequested', routine: null }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('GoToRequested' as const),
      exerciseId: fc.constantFrom('hip-knee-flexion', 'hip-rotation', 'neck-rotation', 'shoulder-rotation'),
      side: fc.constantFrom(...sides),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant('PainReported' as const), bodyPart: fc.constantFrom(null, 'knee', 'shoulder'), severity: fc.constant(null) }),
  },
  { weight: 1, arbitrary: fc.constantFrom<RoutineEvent>({ type: 'EmergencyReported' }, { type: 'WarningSignReported' }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<RoutineEvent>(
      { type: 'EndEarlyRequested', reason: 'fatigue' },
      { type: 'PainReported', bodyPart: 'knee', severity: null, strongWords: true },
      { type: 'SkipGroupRequested', group: 'neck', exerciseIds: ['neck-rotation', 'neck-flexion'] },
      { type: 'PlanChangeRequested', change: { kind: 'leaveOut', exerciseIds: ['hip-rotation'], group: null } },
      { type: 'PlanChangeRequested', change: { kind: 'putBack', exerciseIds: ['hip-rotation'], group: null } },
      { type: 'CurrentExerciseChangeRequested', change: { kind: 'setReps', reps: 2 } },
      { type: 'CurrentExerciseChangeRequested', change: { kind: 'useHold' } },
      { type: 'PaceChangeRequested', direction: 'slower' },
      { type: 'SummaryRequested', period: 'week', history: [] },
      { type: 'WhatsLeftRequested' },
      { type: 'LastStoppedEarlyRequested' },
      { type: 'PlanRequested' },
      { type: 'FallbackHeard' },
      { type: 'ReplayedRequest' },
      { type: 'ReminderRequested', time: { hour: 9, minute: 0 } },
    ),
  },
);
/** What happens before an event: a new session (after a close it must be), a barge-in during a set, or a new day. */
const when = fc.constantFrom('sameSession', 'sameSession', 'sameSession', 'bargeIn', 'newSession', 'nextDay');
const turns = fc.array(fc.tuple(event, when), { minLength: 5, maxLength: 60 });

const playsOrSetsUp = (acts: readonly Act[]): string[] => acts.flatMap((act) => (act.type === 'Set' || act.type === 'SetUp' ? [stepKey(act.step)] : []));

it.each([
  ['shown the hands-on exercises', false],
  ['not yet asked about them', true],
])('the safety guards hold on every path a caregiver can take (%s)', (_label, unasked) => {
  fc.assert(
    fc.property(turns, (script) => {
      const d = unasked ? driver({ state: initialState(DAY_ONE) }) : driver();
      let closed = true;
      let day = 0;
      let alarmToday: 'checkedAfterEmergency' | 'checkedAfterWarningSign' | null = null;
      let hurtToday = new Set<string>();
      for (const [next, timing] of script) {
        const newDay = timing === 'nextDay';
        if (newDay) {
          day += 1;
          d.today = `2026-12-${String(2 + day).padStart(2, '0')}`;
          alarmToday = null;
          hurtToday = new Set();
        }
        const newSession = closed || newDay || timing === 'newSession';
        const asked = d.state.today.question?.kind;
        const acts = d.send(newSession && next.type !== 'Launched' ? { type: 'Launched' } : next, { newSession, afterMs: timing === 'bargeIn' ? 2000 : undefined });
        const sent = newSession && next.type !== 'Launched' ? 'Launched' : next.type;

        // One prompt or one close ends every turn, and the state reads back as stored.
        const endings = acts.filter((a) => a.type === 'Prompt' || a.type === 'Close');
        expect(endings).toHaveLength(1);
        expect(acts.at(-1)).toBe(endings[0]);
        expect(readState(JSON.parse(JSON.stringify(d.state))).ok).toBe(true);

        const played = playsOrSetsUp(acts);
        if (alarmToday !== null && !(asked === alarmToday && sent === 'YesSaid')) expect({ sent, played }).toEqual({ sent, played: [] });
        for (const key of played) expect({ key, hurt: hurtToday.has(key) }).toEqual({ key, hurt: false });
        // Never more than the handout's dose, and tiredness always ends the session at once.
        for (const act of acts) {
          if (act.type !== 'Set') continue;
          const dose = act.step.dose;
          expect(dose.kind === 'reps' ? dose.reps <= 10 : dose.holdSeconds <= 30).toBe(true);
        }
        if (next.type === 'EndEarlyRequested' && next.reason === 'fatigue' && sent === next.type) expect(acts.at(-1)?.type).toBe('Close');
        expect(new Set(d.state.today.extraSets).size).toBe(d.state.today.extraSets.length);
        const playedIds = played.map((key) => key.split('/')[0]!);
        for (const id of playedIds.filter((id) => HANDS_ON_IDS.includes(id))) expect({ id, shown: d.state.handsConfirmed.includes(id) }).toEqual({ id, shown: true });

        for (const act of acts) {
          if (act.type === 'PainStop' && act.step !== null) hurtToday.add(stepKey(act.step));
          if (act.type === 'Emergency') alarmToday = 'checkedAfterEmergency';
          if (act.type === 'WarningSign' && alarmToday === null) alarmToday = 'checkedAfterWarningSign';
        }
        if (asked === alarmToday && sent === 'YesSaid') {
          // That alarm is answered; an emergency on top of a warning sign is asked first, then the warning sign.
          alarmToday = d.state.today.afterEmergency ? 'checkedAfterEmergency' : d.state.today.afterWarningSign ? 'checkedAfterWarningSign' : null;
        }
        closed = acts.at(-1)?.type === 'Close';
      }
    }),
    { numRuns: 300, seed: 20261204 },
  );
});

describe("with the therapist's plan", () => {
  const planned = TherapistPlanSchema.parse({
    ...handoutPlan(),
    reviewedOn: '2026-11-20',
    buildUp: false,
    exercises: [
      { id: 'hip-knee-flexion', reps: 3 },
      { id: 'hamstring-stretch', holdSeconds: 10 },
      { id: 'hip-rotation', reps: 5 },
    ],
  });
  const ceiling: Record<string, { kind: 'reps' | 'hold'; amount: number }> = {
    'hip-knee-flexion': { kind: 'reps', amount: 3 },
    'hamstring-stretch': { kind: 'hold', amount: 10 },
    'hip-rotation': { kind: 'reps', amount: 5 },
  };
  const ids = Object.keys(ceiling);
  const voice: fc.Arbitrary<RoutineEvent> = fc.oneof(
    event,
    fc.record({ type: fc.constant('PlanChangeRequested' as const), change: fc.record({ kind: fc.constant('setReps' as const), exerciseId: fc.constantFrom(...ids), reps: fc.integer({ min: 1, max: 10 }) }) }),
    fc.record({ type: fc.constant('PlanChangeRequested' as const), change: fc.record({ kind: fc.constant('useHold' as const), exerciseId: fc.constantFrom(...ids) }) }),
    fc.record({ type: fc.constant('CurrentExerciseChangeRequested' as const), change: fc.record({ kind: fc.constant('setReps' as const), reps: fc.integer({ min: 1, max: 10 }) }) }),
    fc.record({ type: fc.constant('GoToRequested' as const), exerciseId: fc.constantFrom(...ids, 'neck-rotation', 'ankle-rotation'), side: fc.constantFrom(...sides) }),
  );

  it('no voice change, in any order, plays more than the plan gives, or an exercise it leaves out', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(voice, when), { minLength: 5, maxLength: 60 }), (script) => {
        const d = driver({ plan: planned });
        let closed = true;
        for (const [next, timing] of script) {
          const newSession = closed || timing === 'newSession';
          const acts = d.send(newSession && next.type !== 'Launched' ? { type: 'Launched' } : next, { newSession, afterMs: timing === 'bargeIn' ? 2000 : undefined });
          for (const act of acts) {
            if (act.type !== 'Set' && act.type !== 'SetUp') continue;
            const limit = ceiling[act.step.exerciseId];
            expect({ id: act.step.exerciseId, planned: limit !== undefined }).toEqual({ id: act.step.exerciseId, planned: true });
            const dose = act.step.dose;
            const amount = dose.kind === 'reps' ? dose.reps : dose.holdSeconds;
            if (limit !== undefined && limit.kind === dose.kind) expect({ id: act.step.exerciseId, amount, over: amount > limit.amount }).toEqual({ id: act.step.exerciseId, amount, over: false });
          }
          closed = acts.at(-1)?.type === 'Close';
        }
      }),
      { numRuns: 200, seed: 20261204 },
    );
  });
});
