import { choosing, dayBase } from '../../lambda/engine/position';
import { buildSteps } from '../../lambda/engine/plan';
import { programFor } from '../../lambda/engine/program';
import { initialState } from '../../lambda/engine/state';
import { handoutPlan, TherapistPlanSchema, type TherapistPlan } from '../../lambda/engine/therapist-plan';
import type { RoutineState } from '../../lambda/engine/types';
import { driver, find } from '../support/engine';

const fresh = (): Pick<RoutineState, 'levels' | 'planOverrides'> => ({ levels: {}, planOverrides: { excluded: [], doses: {} } });

function plan(overrides: Partial<TherapistPlan> = {}): TherapistPlan {
  return TherapistPlanSchema.parse({ ...handoutPlan(), reviewedOn: '2026-11-20', ...overrides });
}

/** Runs the leg routine to the end, every set heard in full, then moves to the next day. */
function completeLegDay(d: ReturnType<typeof driver>, nextDay: string): void {
  d.send({ type: 'Launched' }, { newSession: true });
  d.send({ type: 'StartRoutineRequested', routine: 'legs' });
  for (let i = 0; i < 40 && d.state.today.phase !== 'finished'; i += 1) {
    d.send({ type: 'ReadyRequested' });
    d.send({ type: 'NextRequested' });
  }
  d.send({ type: 'NoSaid' });
  d.today = nextDay;
}

function setUpDose(d: ReturnType<typeof driver>, exerciseId: string) {
  const acts = d.send({ type: 'GoToRequested', exerciseId, side: null });
  return find(acts, 'SetUp')?.step.dose;
}

describe('programFor', () => {
  it('starts every exercise low, whatever the plan dose', () => {
    const program = programFor(plan({ exercises: [{ id: 'elbow-flexion-extension', reps: 8 }, { id: 'hamstring-stretch', holdSeconds: 25 }] }), fresh());

    expect(program.doses['elbow-flexion-extension']).toEqual({ kind: 'reps', reps: 3 });
    expect(program.doses['hamstring-stretch']).toMatchObject({ kind: 'hold', holdSeconds: 10 });
    expect(program.targetDoses['elbow-flexion-extension']).toEqual({ kind: 'reps', reps: 8 });
  });

  it('gives the plan dose from day one when build-up is off', () => {
    const program = programFor(plan({ buildUp: false, exercises: [{ id: 'elbow-flexion-extension', reps: 8 }] }), fresh());

    expect(program.doses['elbow-flexion-extension']).toEqual({ kind: 'reps', reps: 8 });
  });

  it('follows the plan for sides, way, order and pace', () => {
    const therapist = plan({
      legsFirst: false,
      firstSide: 'left',
      exercises: [
        { id: 'hip-rotation', way: 'knee-and-heel' },
        { id: 'elbow-flexion-extension', sides: ['left'], paceFactor: 1.5 },
      ],
    });
    const program = programFor(therapist, fresh());
    const steps = buildSteps('everything', program);

    expect(steps.map((s) => `${s.exerciseId}/${s.side}`)).toEqual(['elbow-flexion-extension/left', 'hip-rotation/left', 'hip-rotation/right']);
    expect(steps.find((s) => s.exerciseId === 'hip-rotation')?.wayId).toBe('knee-and-heel');
    expect(program.paceFactors['elbow-flexion-extension']).toBe(1.5);
  });
});

describe('gradual build-up', () => {
  it('adds a repetition after each day whose sets were all completed, up to the plan dose', () => {
    const d = driver({ plan: plan({ exercises: [{ id: 'hip-knee-flexion', reps: 5 }, { id: 'lumbar-rotation' }] }) });
    const reps: number[] = [];
    for (const day of ['2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05']) {
      completeLegDay(d, day);
      d.send({ type: 'Launched' }, { newSession: true });
      d.send({ type: 'StartRoutineRequested', routine: 'legs' });
      const dose = setUpDose(d, 'hip-knee-flexion');
      reps.push(dose?.kind === 'reps' ? dose.reps : 0);
      d.send({ type: 'StopRequested' });
      d.state = { ...d.state, today: { ...dayBase(d.state.today), ...choosing(), routine: null, outcomes: {} } };
    }

    expect(reps).toEqual([4, 5, 5, 5]);
  });

  it('holds the level of an exercise stopped early, and of every exercise after a day ended early', () => {
    const d = driver({ plan: plan({ exercises: [{ id: 'hip-knee-flexion' }, { id: 'ankle-rotation' }] }) });
    d.send({ type: 'StartRoutineRequested', routine: 'legs' });
    d.send({ type: 'ReadyRequested' });
    d.send({ type: 'PainReported', bodyPart: null, severity: null });
    d.send({ type: 'NextRequested' });
    for (let i = 0; i < 3; i += 1) {
      // ankle right, hip left, ankle left
      d.send({ type: 'ReadyRequested' });
      d.send({ type: 'NextRequested' });
    }
    d.today = '2026-12-02';
    d.send({ type: 'Launched' }, { newSession: true });

    expect(d.state.levels['hip-knee-flexion:reps']).toBeUndefined();
    expect(d.state.levels['ankle-rotation:reps']).toBe(4);

    d.send({ type: 'StartRoutineRequested', routine: 'legs' });
    d.send({ type: 'GoToRequested', exerciseId: 'ankle-rotation', side: 'right' });
    d.send({ type: 'ReadyRequested' });
    d.send({ type: 'NextRequested' });
    const offer = d.send({ type: 'EndEarlyRequested', reason: null });
    d.send({ type: 'NoSaid' });
    d.today = '2026-12-03';
    d.send({ type: 'Launched' }, { newSession: true });

    expect(offer.at(-1)).toMatchObject({ type: 'Prompt', prompt: 'endEarly', next: { exerciseId: 'hip-knee-flexion', side: 'right' } });
    expect(d.state.levels['ankle-rotation:reps']).toBe(4);
  });
});

describe('stops within a week', () => {
  it('holds the level of an exercise done on one side only', () => {
    const d = driver({ plan: plan({ exercises: [{ id: 'hip-knee-flexion' }, { id: 'ankle-rotation' }] }) });
    d.send({ type: 'StartRoutineRequested', routine: 'legs' });
    d.send({ type: 'ReadyRequested' });
    d.send({ type: 'NextRequested' });
    d.today = '2026-12-02';
    d.send({ type: 'Launched' }, { newSession: true });

    expect(d.last.closedDay?.outcomes['hip-knee-flexion/right']?.outcome).toBe('completed');
    expect(d.state.levels['hip-knee-flexion:reps']).toBeUndefined();
  });

  it('suggests the therapist and offers to leave the exercise out after a second stop', () => {
    const d = driver();
    d.send({ type: 'StartRoutineRequested', routine: 'legs' });
    d.send({ type: 'PainReported', bodyPart: null, severity: null });
    d.today = '2026-12-03';
    d.send({ type: 'StartRoutineRequested', routine: 'legs' }, { newSession: true });

    const acts = d.send({ type: 'PainReported', bodyPart: null, severity: null });
    d.send({ type: 'YesSaid' });

    expect(find(acts, 'TherapistSuggested')?.exerciseId).toBe('hip-knee-flexion');
    expect(d.state.planOverrides.excluded).toContain('hip-knee-flexion');
  });

  it('forgets stops older than a week', () => {
    const d = driver();
    d.send({ type: 'StartRoutineRequested', routine: 'legs' });
    d.send({ type: 'PainReported', bodyPart: null, severity: null });
    d.today = '2026-12-09';
    d.send({ type: 'StartRoutineRequested', routine: 'legs' }, { newSession: true });

    const acts = d.send({ type: 'PainReported', bodyPart: null, severity: null });

    expect(find(acts, 'TherapistSuggested')).toBeUndefined();
  });
});

describe('plan changes by voice', () => {
  it('narrows with confirmation and refuses to raise above the plan', () => {
    const d = driver({ plan: plan({ exercises: [{ id: 'elbow-flexion-extension', reps: 6 }, { id: 'neck-rotation' }, { id: 'neck-flexion' }] }) });

    const raised = d.send({ type: 'PlanChangeRequested', change: { kind: 'setReps', exerciseId: 'elbow-flexion-extension', reps: 8 } });
    d.send({ type: 'PlanChangeRequested', change: { kind: 'setReps', exerciseId: 'elbow-flexion-extension', reps: 5 } });
    d.send({ type: 'YesSaid' });
    d.send({ type: 'PlanChangeRequested', change: { kind: 'leaveOut', exerciseIds: ['neck-rotation', 'neck-flexion'], group: 'neck' } });
    d.send({ type: 'NoSaid' });

    expect(find(raised, 'PlanChangeRefused')?.reason).toBe('aboveDose');
    expect(d.state.planOverrides.doses['elbow-flexion-extension']).toEqual({ kind: 'reps', reps: 5 });
    expect(d.state.planOverrides.excluded).toEqual([]);
  });

  it('cannot put back by voice what the therapist left out of the plan', () => {
    const d = driver({ plan: plan({ exercises: [{ id: 'elbow-flexion-extension' }] }) });

    const acts = d.send({ type: 'PlanChangeRequested', change: { kind: 'putBack', exerciseIds: ['neck-rotation'], group: null } });

    expect(find(acts, 'PlanChangeRefused')?.reason).toBe('notInPlan');
  });

  it('leaves out and puts back a group, restoring the routine', () => {
    const d = driver();
    d.send({ type: 'PlanChangeRequested', change: { kind: 'leaveOut', exerciseIds: ['neck-rotation', 'neck-flexion'], group: 'neck' } });
    d.send({ type: 'YesSaid' });
    const without = d.send({ type: 'StartRoutineRequested', routine: 'arms' });
    d.send({ type: 'PlanChangeRequested', change: { kind: 'putBack', exerciseIds: ['neck-rotation', 'neck-flexion'], group: 'neck' } });
    d.send({ type: 'YesSaid' });
    const back = d.send({ type: 'PlanRequested' });

    expect(find(without, 'RoutineStarted')?.stepCount).toBe(11);
    expect(find(back, 'PlanDescribed')?.program.exerciseIds).toContain('neck-rotation');
  });
});

describe('once a day', () => {
  it('asks before a second round the same day', () => {
    const d = driver();
    completeLegDay(d, '2026-12-01');

    const launch = d.send({ type: 'Launched' }, { newSession: true });
    const again = d.send({ type: 'StartRoutineRequested', routine: 'legs' });

    expect(find(launch, 'AlreadyDoneToday')).toBeDefined();
    expect(again.at(-1)).toMatchObject({ type: 'Prompt', prompt: 'secondRound' });
  });
});

describe('the review date', () => {
  it('suggests a review when the plan is more than 90 days old', () => {
    const d = driver({ plan: plan({ reviewedOn: '2026-08-01' }) });

    expect(find(d.send({ type: 'Launched' }, { newSession: true }), 'ReviewSuggested')).toBeDefined();
  });

  it('says nothing about review without a plan file', () => {
    expect(find(driver().send({ type: 'Launched' }, { newSession: true }), 'ReviewSuggested')).toBeUndefined();
  });
});

it('keeps the initial state valid for every new field', () => {
  expect(initialState('2026-12-01')).toMatchObject({ levels: {}, planOverrides: { excluded: [] }, reminder: null });
});
