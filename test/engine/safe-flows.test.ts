// Issue 11 in the engine: what "skip" leaves out after pain, "say that again" against "do it again", and the hands-on
// exercises a caregiver without a plan is asked about once.
import { buildSteps, stepKey } from '../../lambda/engine/plan';
import { defaultProgram } from '../../lambda/engine/program';
import { initialState } from '../../lambda/engine/state';
import { handoutPlan, TherapistPlanSchema, type TherapistPlan } from '../../lambda/engine/therapist-plan';
import type { Act } from '../../lambda/engine/types';
import { DAY_ONE, driver, find } from '../support/engine';

const legSteps = buildSteps('legs', defaultProgram());
const promptOf = (acts: readonly Act[]) => {
  const last = acts.at(-1);
  return last?.type === 'Prompt' ? last : undefined;
};

function plan(exercises: TherapistPlan['exercises'], buildUp = false): TherapistPlan {
  return TherapistPlanSchema.parse({ ...handoutPlan(), reviewedOn: '2026-11-20', buildUp, exercises });
}

function inFirstLegSet(options: Parameters<typeof driver>[0] = {}) {
  const d = driver(options);
  d.send({ type: 'Launched' }, { newSession: true });
  d.send({ type: 'StartRoutineRequested', routine: 'legs' });
  d.send({ type: 'ReadyRequested' });
  return d;
}

describe('after pain, "skip" leaves out what could hurt again today', () => {
  it('offers the rest of that leg, and skip leaves every right-leg step out, even after "start over"', () => {
    const d = inFirstLegSet();
    const stop = d.send({ type: 'PainReported', bodyPart: null, severity: null }, { afterMs: 3000 });

    expect(find(stop, 'PainStop')?.skip).toEqual({ kind: 'limb', region: 'legs', side: 'right' });
    const skipped = d.send({ type: 'SkipRequested' });

    const rightLeg = legSteps.filter((s) => s.side === 'right' && s.exerciseId !== 'hip-knee-flexion');
    expect(find(skipped, 'LeftAfterPain')?.count).toBe(rightLeg.length);
    expect(find(skipped, 'SetUp')?.step.side).not.toBe('right');
    for (const step of rightLeg) expect(d.state.today.outcomes[stepKey(step)]?.outcome).toBe('skipped');

    const again = d.send({ type: 'StartOverRequested' });
    expect(find(again, 'RoutineStarted')).toBeDefined();
    expect(find(again, 'SetUp')?.step.side).not.toBe('right');
  });

  it('names the part that hurts: only the steps that move her knee, on that side, are left out', () => {
    const d = inFirstLegSet();
    const stop = d.send({ type: 'PainReported', bodyPart: 'knee', severity: null }, { afterMs: 3000 });

    expect(find(stop, 'PainStop')?.skip).toEqual({ kind: 'part', part: 'knee', side: 'right' });
    d.send({ type: 'SkipRequested' });

    expect(d.state.today.outcomes['hip-rotation/right']?.outcome).toBe('skipped');
    expect(d.state.today.outcomes['hamstring-stretch/right']?.outcome).toBe('skipped');
    expect(d.state.today.outcomes['hip-abduction/right']).toBeUndefined();
    expect(d.state.today.outcomes['hip-rotation/left']).toBeUndefined();
    expect(d.state.today.current).toEqual({ exerciseId: 'hip-abduction', side: 'right' });
  });

  it('keeps nothing of where it hurt once answered, and a yes does not take the offer', () => {
    const d = inFirstLegSet();
    d.send({ type: 'PainReported', bodyPart: 'knee', severity: null }, { afterMs: 3000 });

    const yes = d.send({ type: 'YesSaid' });

    expect(find(yes, 'LeftAfterPain')).toBeUndefined();
    expect(d.state.today.phase).toBe('stoppedForPain');
    d.send({ type: 'NextRequested' });
    expect(d.state.today.question).toBeNull();
    expect(d.state.today.leftAfterPain).toEqual([]);
    expect(JSON.stringify(d.state.today)).not.toMatch(/"knee"|bodyPart/);
  });

  it('does not set up a left-out step when it is asked for by name', () => {
    const d = inFirstLegSet();
    d.send({ type: 'PainReported', bodyPart: null, severity: null }, { afterMs: 3000 });
    d.send({ type: 'SkipRequested' });

    const asked = d.send({ type: 'GoToRequested', exerciseId: 'hip-rotation', side: 'right' });

    expect(find(asked, 'NotAgainToday')?.exerciseId).toBe('hip-rotation');
    expect(find(asked, 'SetUp')).toBeUndefined();
  });

  it('says strong pain in words ("she is in agony") like a severity of seven or more', () => {
    const d = inFirstLegSet();

    const stop = d.send({ type: 'PainReported', bodyPart: null, severity: null, strongWords: true }, { afterMs: 3000 });

    expect(find(stop, 'PainStop')?.strong).toBe(true);
  });
});

describe('"say that again" and "do it again"', () => {
  it('after a set, "repeat" says what was done and what is next, and starts no set', () => {
    const d = inFirstLegSet();

    const acts = d.send({ type: 'RepeatRequested' });

    expect(find(acts, 'Set')).toBeUndefined();
    expect(find(acts, 'SetFinished')?.step.exerciseId).toBe('hip-knee-flexion');
    expect(d.state.today.phase).toBe('setDelivered');
  });

  it('"do it again" asks first, then gives one more set within the plan\'s dose, once', () => {
    const d = inFirstLegSet();

    const asked = d.send({ type: 'AnotherSetRequested' });
    expect(find(asked, 'Set')).toBeUndefined();
    expect(promptOf(asked)).toMatchObject({ prompt: 'anotherSet', dose: { kind: 'reps', reps: 3 } });

    const again = d.send({ type: 'YesSaid' });
    expect(find(again, 'Set')?.step.dose).toEqual({ kind: 'reps', reps: 3 });
    d.send({ type: 'NextRequested' });
    expect(d.state.today.outcomes[stepKey(legSteps[0]!)]).toEqual({ outcome: 'completed', amount: 6 });

    d.send({ type: 'GoToRequested', exerciseId: 'hip-knee-flexion', side: 'right' });
    d.send({ type: 'ReadyRequested' });
    const third = d.send({ type: 'AnotherSetRequested' });
    expect(find(third, 'AnotherSetRefused')?.reason).toBe('once');
  });

  it('refuses another set when the plan\'s full dose was done', () => {
    const d = inFirstLegSet({ plan: plan([{ id: 'hip-knee-flexion', reps: 10 }]) });

    const acts = d.send({ type: 'AnotherSetRequested' });

    expect(find(acts, 'AnotherSetRefused')?.reason).toBe('fullDose');
    expect(promptOf(acts)?.prompt).toBe('afterSet');
  });

  it('a no keeps the set as it was', () => {
    const d = inFirstLegSet();
    d.send({ type: 'AnotherSetRequested' });

    const no = d.send({ type: 'NoSaid' });

    expect(find(no, 'Set')).toBeUndefined();
    expect(promptOf(no)?.prompt).toBe('afterSet');
  });

  it('"start" before a routine is chosen offers the one done last time', () => {
    const d = inFirstLegSet();
    d.send({ type: 'StopRequested' });
    d.today = '2026-12-02';

    d.send({ type: 'Launched' }, { newSession: true });
    const acts = d.send({ type: 'StartRoutineRequested', routine: null });

    expect(find(acts, 'LastRoutineOffered')?.routine).toBe('legs');
  });
});

describe('hands-on exercises without a therapist plan', () => {
  const unasked = () => driver({ state: initialState(DAY_ONE) });

  it('asks once whether the therapist has shown how to move their neck, and leaves the neck out on a no', () => {
    const d = unasked();
    d.send({ type: 'Launched' }, { newSession: true });
    const asked = d.send({ type: 'GoToRequested', exerciseId: 'neck-rotation', side: null });

    expect(find(asked, 'HandsCheck')?.exerciseIds).toEqual(['neck-rotation', 'neck-flexion']);
    expect(find(asked, 'SetUp')).toBeUndefined();
    expect(find(d.send({ type: 'ReadyRequested' }), 'Set')).toBeUndefined();

    d.send({ type: 'GoToRequested', exerciseId: 'neck-rotation', side: null });
    const no = d.send({ type: 'NoSaid' });

    expect(d.state.planOverrides.excluded).toEqual(expect.arrayContaining(['neck-rotation', 'neck-flexion']));
    expect(find(no, 'SetUp')?.step.exerciseId ?? 'finished').not.toMatch(/^neck/);
    d.today = '2026-12-02';
    d.send({ type: 'Launched' }, { newSession: true });
    const arms = d.send({ type: 'StartRoutineRequested', routine: 'arms' });
    expect(find(arms, 'HandsCheck')).toBeUndefined();
  });

  it('a yes is kept: the set-up is given in full, and neither neck exercise is asked about again', () => {
    const d = unasked();
    d.send({ type: 'Launched' }, { newSession: true });
    d.send({ type: 'GoToRequested', exerciseId: 'neck-rotation', side: null });

    const yes = d.send({ type: 'YesSaid' });

    expect(find(yes, 'SetUp')).toMatchObject({ step: { exerciseId: 'neck-rotation' }, brief: false });
    expect(d.state.handsConfirmed).toEqual(expect.arrayContaining(['neck-rotation', 'neck-flexion']));
    const next = d.send({ type: 'GoToRequested', exerciseId: 'neck-flexion', side: null });
    expect(find(next, 'HandsCheck')).toBeUndefined();
    expect(find(next, 'SetUp')?.step.exerciseId).toBe('neck-flexion');
  });

  it('asks about every exercise the catalog marks, on its own (the knees side to side in the legs routine)', () => {
    const d = unasked();
    d.send({ type: 'Launched' }, { newSession: true });

    const asked = d.send({ type: 'GoToRequested', exerciseId: 'lumbar-rotation', side: null });

    expect(find(asked, 'HandsCheck')?.exerciseIds).toEqual(['lumbar-rotation']);
  });

  it('never asks when the therapist\'s plan holds the exercise', () => {
    const d = driver({ state: initialState(DAY_ONE), plan: plan([{ id: 'neck-rotation', reps: 3 }]) });
    d.send({ type: 'Launched' }, { newSession: true });

    const acts = d.send({ type: 'StartRoutineRequested', routine: 'arms' });

    expect(find(acts, 'HandsCheck')).toBeUndefined();
    expect(find(acts, 'SetUp')?.step.exerciseId).toBe('neck-rotation');
  });
});

describe('how long a routine takes, said when it starts', () => {
  it('gives the minutes to the nearest five, longer at the full dose than at the starting dose', () => {
    const starting = driver();
    starting.send({ type: 'Launched' }, { newSession: true });
    const low = find(starting.send({ type: 'StartRoutineRequested', routine: 'everything' }), 'RoutineStarted');
    const full = driver({ plan: plan(handoutPlan().exercises) });
    full.send({ type: 'Launched' }, { newSession: true });
    const high = find(full.send({ type: 'StartRoutineRequested', routine: 'everything' }), 'RoutineStarted');

    expect(low!.minutes % 5).toBe(0);
    expect(high!.minutes % 5).toBe(0);
    // 28 steps at the full dose: every set, plus a set-up allowance per step (scripts/routine-length.ts measures ~85 min of speech).
    expect(high!.minutes).toBeGreaterThan(low!.minutes);
    expect(high!.minutes).toBeGreaterThanOrEqual(80);
    expect(high!.minutes).toBeLessThanOrEqual(120);
  });

  it('grows with "slower"', () => {
    const d = driver();
    d.send({ type: 'Launched' }, { newSession: true });
    const before = find(d.send({ type: 'StartRoutineRequested', routine: 'legs' }), 'RoutineStarted')!.minutes;
    for (let i = 0; i < 4; i += 1) d.send({ type: 'PaceChangeRequested', direction: 'slower' });
    const after = find(d.send({ type: 'StartOverRequested' }), 'RoutineStarted')!.minutes;

    expect(after).toBeGreaterThan(before);
  });
});
