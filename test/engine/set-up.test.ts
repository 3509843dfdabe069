// What the engine tells speech about a set-up: the second side of an exercise, and the first set-up of a session.
import { find, driver } from '../support/engine';

describe('the SetUp act', () => {
  it('marks the second side of an exercise set up earlier in the routine', () => {
    const d = driver();
    const first = find(d.send({ type: 'StartRoutineRequested', routine: 'legs' }), 'SetUp');
    const seen: Array<{ id: string; side: string | null; secondSide: boolean }> = [];
    for (let i = 0; i < 14; i += 1) {
      d.send({ type: 'ReadyRequested' });
      const setUp = find(d.send({ type: 'NextRequested' }), 'SetUp');
      if (setUp !== undefined) seen.push({ id: setUp.step.exerciseId, side: setUp.step.side, secondSide: setUp.secondSide });
    }

    expect(first?.secondSide).toBe(false);
    expect(seen.filter((s) => s.side === 'right' || s.side === null).every((s) => !s.secondSide)).toBe(true);
    expect(seen.filter((s) => s.side === 'left').every((s) => s.secondSide)).toBe(true);
    expect(seen.filter((s) => s.side === 'left')).toHaveLength(7);
  });

  it('does not say "same again" for a side whose other side was skipped today', () => {
    const d = driver();
    d.send({ type: 'StartRoutineRequested', routine: 'legs' });
    d.send({ type: 'SkipRequested' });
    const left = find(d.send({ type: 'GoToRequested', exerciseId: 'hip-knee-flexion', side: 'left' }), 'SetUp');

    expect(left?.step.side).toBe('left');
    expect(left?.secondSide).toBe(false);
  });

  it('marks set-ups before the first set of a session, and again in a new session', () => {
    const d = driver();
    const opening = find(d.send({ type: 'StartRoutineRequested', routine: 'arms' }), 'SetUp');
    const sameStepAgain = find(d.send({ type: 'RepeatRequested' }), 'SetUp');
    d.send({ type: 'ReadyRequested' });
    const afterASet = find(d.send({ type: 'NextRequested' }), 'SetUp');
    const nextSession = find(d.send({ type: 'Launched' }, { newSession: true, afterMs: 60_000 }), 'SetUp');

    expect(opening?.firstOfSession).toBe(true);
    expect(sameStepAgain?.firstOfSession).toBe(true);
    expect(afterASet?.firstOfSession).toBe(false);
    expect(nextSession?.firstOfSession).toBe(true);
  });
});
