// Guards that no path may skip: once a day, a step stopped for pain, a question's own exits, one stop per incident.
import { buildSteps, stepKey } from '../../lambda/engine/plan';
import { defaultProgram } from '../../lambda/engine/program';
import { handoutPlan, TherapistPlanSchema } from '../../lambda/engine/therapist-plan';
import type { Act } from '../../lambda/engine/types';
import { actTypes, driver, find } from '../support/engine';

const legSteps = buildSteps('legs', defaultProgram());

const promptOf = (acts: readonly Act[]) => {
  const last = acts.at(-1);
  return last?.type === 'Prompt' ? last.prompt : last?.type;
};

function finishLegs(d: ReturnType<typeof driver>): void {
  d.send({ type: 'Launched' }, { newSession: true });
  d.send({ type: 'StartRoutineRequested', routine: 'legs' });
  for (let i = 0; i < 40 && d.state.today.phase !== 'finished'; i += 1) {
    d.send({ type: 'ReadyRequested' });
    d.send({ type: 'NextRequested' });
  }
}

describe('once a day', () => {
  it('asks before a second round of a finished routine, also when the routine is named as an answer', () => {
    const d = driver();
    finishLegs(d);
    d.send({ type: 'NoSaid' });
    d.send({ type: 'Launched' }, { newSession: true });
    d.send({ type: 'StartRoutineRequested', routine: null });

    const acts = d.send({ type: 'StartRoutineRequested', routine: 'legs' });

    expect(promptOf(acts)).toBe('secondRound');
    expect(find(acts, 'RoutineStarted')).toBeUndefined();
  });

  it('keeps the first round in the day when a second round is confirmed', () => {
    const d = driver();
    finishLegs(d);
    d.send({ type: 'StartRoutineRequested', routine: 'legs' });
    d.send({ type: 'YesSaid' });
    d.send({ type: 'ReadyRequested' });
    d.send({ type: 'SkipRequested' });

    const done = Object.values(d.state.today.outcomes).filter((o) => o.outcome === 'completed');
    expect(done).toHaveLength(legSteps.length);
  });
});

describe('a step stopped for pain', () => {
  function stoppedOnFirstStep() {
    const d = driver();
    d.send({ type: 'Launched' }, { newSession: true });
    d.send({ type: 'StartRoutineRequested', routine: 'legs' });
    d.send({ type: 'ReadyRequested', }, { afterMs: 5000 });
    d.send({ type: 'PainReported', bodyPart: null, severity: null }, { afterMs: 2000 });
    return d;
  }

  it('is not set up again by naming it', () => {
    const d = stoppedOnFirstStep();
    const first = legSteps[0]!;

    const acts = d.send({ type: 'GoToRequested', exerciseId: first.exerciseId, side: first.side });

    expect(find(acts, 'NotAgainToday')?.exerciseId).toBe(first.exerciseId);
    expect(find(acts, 'SetUp')).toBeUndefined();
    expect(promptOf(acts)).toBe('afterPain');
  });

  it('is not set up again by going back to it', () => {
    const d = stoppedOnFirstStep();
    d.send({ type: 'NextRequested' });

    const acts = d.send({ type: 'PreviousRequested' });

    expect(find(acts, 'NotAgainToday')).toBeDefined();
    expect(find(acts, 'SetUp')).toBeUndefined();
  });

  it('counts one stop for one incident, however often the pain is reported', () => {
    const d = stoppedOnFirstStep();

    const again = d.send({ type: 'PainReported', bodyPart: 'knee', severity: null }, { afterMs: 4000 });

    expect(d.state.recentStops[legSteps[0]!.exerciseId]).toHaveLength(1);
    expect(find(again, 'TherapistSuggested')).toBeUndefined();
  });

  it('is not done again that day by repeat, ready or a second round, and stays a stop in the day', () => {
    const d = stoppedOnFirstStep();
    const repeated = d.send({ type: 'RepeatRequested' });
    const readied = d.send({ type: 'ReadyRequested' });
    const yes = d.send({ type: 'YesSaid' });

    for (const acts of [repeated, readied]) expect(actTypes(acts)).toEqual(['NotAgainToday', 'Prompt']);
    expect(find(yes, 'Set')).toBeUndefined();
    expect(d.state.today.outcomes[stepKey(legSteps[0]!)]?.outcome).toBe('stoppedEarly');
  });

  it('holds its build-up for a week', () => {
    const d = stoppedOnFirstStep();
    for (const day of ['2026-12-02', '2026-12-03']) {
      d.today = day;
      d.send({ type: 'Launched' }, { newSession: true });
      d.send({ type: 'StartRoutineRequested', routine: 'legs' });
      for (let i = 0; i < 40 && d.state.today.phase !== 'finished'; i += 1) {
        d.send({ type: 'ReadyRequested' });
        d.send({ type: 'NextRequested' });
      }
    }
    d.today = '2026-12-04';
    d.send({ type: 'Launched' }, { newSession: true });

    expect(d.state.levels[`${legSteps[0]!.exerciseId}:reps`]).toBeUndefined();
    expect(d.state.levels[`${legSteps[1]!.exerciseId}:reps`]).toBe(5);
  });
});

describe('finish the other side first', () => {
  it('does not end a later session when its question is long gone', () => {
    const d = driver();
    d.send({ type: 'Launched' }, { newSession: true });
    d.send({ type: 'StartRoutineRequested', routine: 'legs' });
    d.send({ type: 'ReadyRequested' });
    d.send({ type: 'EndEarlyRequested', reason: null });
    d.send({ type: 'YesSaid' }); // finish the left side first
    d.send({ type: 'Launched' }, { newSession: true, afterMs: 3 * 3600 * 1000 });
    d.send({ type: 'YesSaid' }); // continue

    d.send({ type: 'ReadyRequested' });
    const acts = d.send({ type: 'NextRequested' });

    expect(acts.at(-1)?.type).toBe('Prompt');
    expect(find(acts, 'EndedEarly')).toBeUndefined();
  });

  it('counts a day ended early, then resumed and finished, as finished', () => {
    const d = driver();
    d.send({ type: 'Launched' }, { newSession: true });
    d.send({ type: 'StartRoutineRequested', routine: 'legs' });
    d.send({ type: 'EndEarlyRequested', reason: null });
    d.send({ type: 'NoSaid' });
    d.send({ type: 'Launched' }, { newSession: true, afterMs: 3 * 3600 * 1000 });
    d.send({ type: 'YesSaid' });
    for (let i = 0; i < 40 && d.state.today.phase !== 'finished'; i += 1) {
      d.send({ type: 'ReadyRequested' });
      d.send({ type: 'NextRequested' });
    }

    expect(d.state.today.phase).toBe('finished');
    expect(d.state.today.endedEarly).toBe(false);
  });
});

describe('the daily reminder', () => {
  it('asks to replace an existing reminder and replaces it instead of adding a second', () => {
    const d = driver();
    d.send({ type: 'ReminderRequested', time: { hour: 10, minute: 0 } });
    d.send({ type: 'YesSaid' });
    d.send({ type: 'ReminderCreated', alertToken: 'token-1', hour: 10, minute: 0 });

    const asked = d.send({ type: 'ReminderRequested', time: { hour: 9, minute: 0 } });
    const confirmed = d.send({ type: 'YesSaid' });

    expect(asked.at(-1)).toMatchObject({ type: 'Prompt', prompt: 'confirmReminder', replaces: { hour: 10, minute: 0 } });
    expect(find(confirmed, 'CreateReminder')).toMatchObject({ hour: 9, replacing: 'token-1' });
  });
});

describe('a routine with no steps', () => {
  it('refuses a routine the plan has nothing for instead of finishing an empty one', () => {
    const plan = TherapistPlanSchema.parse({ ...handoutPlan(), reviewedOn: '2026-11-20', exercises: [{ id: 'elbow-flexion-extension' }] });
    const d = driver({ plan });

    const acts = d.send({ type: 'StartRoutineRequested', routine: 'legs' });

    expect(actTypes(acts)).not.toContain('RoutineFinished');
    expect(find(acts, 'NothingPlanned')).toMatchObject({ routine: 'legs' });
    expect(d.state.today.routine).toBeNull();
  });
});

describe('a plan that cannot be read this turn', () => {
  it('starts and moves nothing, says so, and still stops at once on pain', () => {
    const known = driver();
    known.send({ type: 'Launched' }, { newSession: true });
    known.send({ type: 'StartRoutineRequested', routine: 'legs' });
    const d = driver({ plan: 'unknown', state: known.state });

    const next = d.send({ type: 'ReadyRequested' });
    const pain = d.send({ type: 'PainReported', bodyPart: null, severity: null });

    expect(actTypes(next)).toContain('PlanUnavailable');
    expect(find(next, 'Set')).toBeUndefined();
    expect(find(pain, 'PainStop')).toMatchObject({ step: { exerciseId: legSteps[0]!.exerciseId }, next: null });
    expect(d.state.today.phase).toBe('stoppedForPain');
  });

  it('does not close a day while the plan that decides build-up is unknown', () => {
    const known = driver();
    known.send({ type: 'Launched' }, { newSession: true });
    known.send({ type: 'StartRoutineRequested', routine: 'legs' });
    const d = driver({ plan: 'unknown', state: known.state });
    d.today = '2026-12-02';

    const acts = d.send({ type: 'Launched' }, { newSession: true });

    expect(d.last.closedDay).toBeNull();
    expect(actTypes(acts)).toContain('PlanUnavailable');
  });
});

describe('"ready" where it means something else', () => {
  it('moves on after a set, like next, counting the set heard', () => {
    const d = driver();
    d.send({ type: 'StartRoutineRequested', routine: 'legs' });
    d.send({ type: 'ReadyRequested' });

    const acts = d.send({ type: 'ReadyRequested' });

    expect(find(acts, 'SetUp')?.step.exerciseId).toBe(legSteps[1]!.exerciseId);
    expect(d.state.today.outcomes[stepKey(legSteps[0]!)]?.outcome).toBe('completed');
  });

  it('offers the routine done last time before any routine is chosen today', () => {
    const d = driver();
    d.send({ type: 'StartRoutineRequested', routine: 'arms' });
    d.send({ type: 'ReadyRequested' });
    d.today = '2026-12-02';
    d.send({ type: 'Launched' }, { newSession: true });

    const acts = d.send({ type: 'ReadyRequested' });

    expect(find(acts, 'LastRoutineOffered')?.routine).toBe('arms');
    expect(promptOf(acts)).toBe('chooseRoutine');
  });
});

describe('after an emergency or a warning sign today', () => {
  const afterAlarm = (alarm: 'EmergencyReported' | 'WarningSignReported') => {
    const d = driver();
    d.send({ type: 'Launched' }, { newSession: true });
    d.send({ type: 'StartRoutineRequested', routine: 'legs' });
    d.send({ type: 'ReadyRequested' });
    d.send({ type: alarm });
    d.send({ type: 'Launched' }, { newSession: true });
    return d;
  };
  const question = { EmergencyReported: 'checkedAfterEmergency', WarningSignReported: 'checkedAfterWarningSign' } as const;

  it.each(['EmergencyReported', 'WarningSignReported'] as const)('after %s, a relaunch asks first, and nothing but its answer moves the routine', (alarm) => {
    const d = afterAlarm(alarm);
    expect(d.state.today.question?.kind).toBe(question[alarm]);
    const before = d.state.today;

    for (const event of [
      { type: 'NextRequested' },
      { type: 'ReadyRequested' },
      { type: 'SkipRequested' },
      { type: 'StartRoutineRequested', routine: 'arms' },
      { type: 'GoToRequested', exerciseId: 'hip-rotation', side: 'right' },
      { type: 'StartOverRequested' },
    ] as const) {
      const acts = d.send(event);
      expect(actTypes(acts)).not.toContain('RoutineStarted');
      expect(d.state.today.question?.kind).toBe(question[alarm]);
      expect(d.state.today.current).toEqual(before.current);
      expect(d.state.today.outcomes).toEqual(before.outcomes);
    }
  });

  it('answers a summary at the question, and the question stands', () => {
    const d = afterAlarm('EmergencyReported');
    const acts = d.send({ type: 'SummaryRequested', period: 'week', history: [] });
    expect(actTypes(acts)).toContain('Summary');
    expect(d.state.today.question?.kind).toBe('checkedAfterEmergency');
  });

  it('still stops for pain and for another alarm while it asks', () => {
    const d = afterAlarm('WarningSignReported');
    expect(actTypes(d.send({ type: 'EmergencyReported' }))).toContain('Emergency');
  });

  it('carries on after a yes, and rests after a no', () => {
    const yes = afterAlarm('WarningSignReported');
    yes.send({ type: 'YesSaid' });
    expect(yes.state.today.afterWarningSign).toBe(false);
    expect(yes.state.today.question?.kind).not.toBe('checkedAfterWarningSign');

    const no = afterAlarm('WarningSignReported');
    expect(actTypes(no.send({ type: 'NoSaid' }))).toContain('AfterWarningSignStop');
    expect(no.state.today.afterWarningSign).toBe(true);
  });
});
