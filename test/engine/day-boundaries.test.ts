// Local days: a day closes only when a later one begins, in a new session, with the last set heard counted.
import { exerciseById } from '../../lambda/catalog/catalog';
import { effectivePace } from '../../lambda/engine/pace';
import { buildSteps, stepKey } from '../../lambda/engine/plan';
import { setTimeline } from '../../lambda/engine/set-timeline';
import { handoutPlan, TherapistPlanSchema } from '../../lambda/engine/therapist-plan';
import { defaultProgram } from '../../lambda/engine/program';
import { actTypes, driver, find } from '../support/engine';

const legSteps = buildSteps('legs', defaultProgram());

/** Every leg step: set-up, ready, the set heard to the end; the last set is never confirmed with "next". */
function legRoutineLastSetUnconfirmed(d: ReturnType<typeof driver>): void {
  d.send({ type: 'Launched' }, { newSession: true });
  d.send({ type: 'StartRoutineRequested', routine: 'legs' });
  for (let i = 0; i < legSteps.length; i += 1) {
    d.send({ type: 'ReadyRequested' });
    if (i < legSteps.length - 1) d.send({ type: 'NextRequested' });
  }
}

describe('a day that goes backwards', () => {
  it('keeps the day it started on when a later session reads an earlier local date', () => {
    const d = driver();
    d.today = '2026-12-02'; // the zone was guessed ahead of the device's
    d.send({ type: 'Launched' }, { newSession: true });
    d.send({ type: 'StartRoutineRequested', routine: 'legs' });
    d.send({ type: 'ReadyRequested' });
    d.send({ type: 'NextRequested' });

    d.today = '2026-12-01'; // the real zone, ten minutes later
    const acts = d.send({ type: 'Launched' }, { newSession: true, afterMs: 10 * 60 * 1000 });

    expect(d.last.closedDay).toBeNull();
    expect(find(acts, 'NewDay')).toBeUndefined();
    expect(d.state.today.day).toBe('2026-12-02');
    expect(Object.values(d.state.today.outcomes).filter((o) => o.outcome === 'completed')).toHaveLength(1);
  });
});

describe('the last set of a day', () => {
  it('counts as completed when the next day closes a day whose last set was heard but never confirmed', () => {
    const d = driver();
    legRoutineLastSetUnconfirmed(d);
    d.today = '2026-12-02';

    const acts = d.send({ type: 'Launched' }, { newSession: true });

    expect(d.last.closedDay?.phase).not.toBe('setDelivered');
    const closed = Object.values(d.last.closedDay?.outcomes ?? {});
    expect(closed.filter((o) => o.outcome === 'completed')).toHaveLength(legSteps.length);
    expect(find(acts, 'NewDay')).toBeUndefined();
  });

  it('counts the set heard before a pause when the day closes', () => {
    const d = driver();
    d.send({ type: 'Launched' }, { newSession: true });
    d.send({ type: 'StartRoutineRequested', routine: 'legs' });
    d.send({ type: 'ReadyRequested' });
    d.send({ type: 'PauseRequested' });
    d.today = '2026-12-02';

    d.send({ type: 'Launched' }, { newSession: true });

    expect(Object.values(d.last.closedDay?.outcomes ?? {}).map((o) => o.outcome)).toEqual(['completed']);
  });
});

describe('a session open across midnight', () => {
  it('stays on the day it began until it ends', () => {
    const d = driver();
    d.send({ type: 'Launched' }, { newSession: true });
    d.send({ type: 'StartRoutineRequested', routine: 'legs' });
    d.send({ type: 'ReadyRequested' });
    d.today = '2026-12-02';

    const acts = d.send({ type: 'NextRequested' });

    expect(actTypes(acts)).toContain('SetUp');
    expect(find(acts, 'NotAvailableNow')).toBeUndefined();
    expect(d.state.today.day).toBe('2026-12-01');
    expect(Object.values(d.state.today.outcomes).map((o) => o.outcome)).toEqual(['completed']);

    d.send({ type: 'Launched' }, { newSession: true });
    expect(d.last.closedDay?.day).toBe('2026-12-01');
    expect(d.state.today.day).toBe('2026-12-02');
  });
});

describe('a set cut short', () => {
  it('counts "next" during the last repetitions as cut short: the words take time too, not only the pauses', () => {
    const plan = TherapistPlanSchema.parse({ ...handoutPlan(), reviewedOn: '2026-11-20', buildUp: false, exercises: [{ id: 'hip-knee-flexion', reps: 10 }] });
    const d = driver({ plan });
    d.send({ type: 'StartRoutineRequested', routine: 'legs' });
    d.send({ type: 'ReadyRequested' });
    const step = d.state.today.current!;
    const pace = effectivePace(exerciseById('hip-knee-flexion').pace, 1);
    const silences = setTimeline({ ...step, wayId: exerciseById('hip-knee-flexion').ways[0]!.id, dose: { kind: 'reps', reps: 10 } }, pace, true)
      .reduce((ms, beat) => ms + (beat.kind === 'silence' ? beat.ms : 0), 0);

    d.send({ type: 'NextRequested' }, { afterMs: silences + 2000 });

    expect(d.state.today.outcomes[stepKey(step)]).toEqual({ outcome: 'cutShort', amount: 0 });
  });
});
