// The conflict policy without DynamoDB: another writer's record wins, this turn's event is applied to it again when
// the routine stands where this turn found it, and steps this session recorded are never lost.
import { reconcile } from '../../lambda/engine/merge';
import { transition } from '../../lambda/engine/transition';
import type { RoutineEvent, TurnInput } from '../../lambda/engine/types';
import { DAY_ONE, driver, T0 } from '../support/engine';

const input = (nowMs: number): TurnInput => ({ nowMs, today: DAY_ONE, newSession: false, recordHealthDetails: false, plan: null, timeZone: null });

function twoDevicesAtFirstSet() {
  const d = driver();
  d.send({ type: 'Launched' }, { newSession: true });
  d.send({ type: 'StartRoutineRequested', routine: 'legs' });
  d.send({ type: 'ReadyRequested' });
  return d;
}

describe('reconcile', () => {
  it('applies a step command again to the stored record when the routine stands where this turn found it', () => {
    const d = twoDevicesAtFirstSet();
    const base = d.state;
    const fresh = { ...base, prefs: { ...base.prefs, paceFactor: 1.5 } }; // the other device only slowed the pace
    const event: RoutineEvent = { type: 'NextRequested' };
    const ours = transition(base, event, input(T0 + 3600_000));

    const merged = reconcile(fresh, base, ours, [event], input(T0 + 3600_000));

    expect(merged.state.today.current).toEqual(ours.state.today.current);
    expect(merged.state.prefs.paceFactor).toBe(1.5);
    expect(merged.say.map((a) => a.type)).not.toContain('MovedOnElsewhere');
  });

  it('takes the caregiver to where the routine now is when the other device moved it on, keeping this session’s steps', () => {
    const d = twoDevicesAtFirstSet();
    const base = d.state;
    const other = driver({ state: base });
    other.send({ type: 'NextRequested' });
    other.send({ type: 'ReadyRequested' });
    other.send({ type: 'NextRequested' });
    const event: RoutineEvent = { type: 'NextRequested' };
    const ours = transition(base, event, input(T0 + 3600_000));

    const merged = reconcile(other.state, base, ours, [event], input(T0 + 3600_000));

    expect(merged.say.map((a) => a.type)).toContain('MovedOnElsewhere');
    expect(merged.state.today.current).toEqual(other.state.today.current);
    for (const key of Object.keys(ours.state.today.outcomes)) expect(merged.state.today.outcomes[key]).toBeDefined();
  });

  it('never drops a pain stop, wherever the other device took the routine', () => {
    const d = twoDevicesAtFirstSet();
    const base = d.state;
    const other = driver({ state: base });
    other.send({ type: 'NextRequested' });
    const event: RoutineEvent = { type: 'PainReported', bodyPart: null, severity: null };
    const ours = transition(base, event, input(T0 + 3600_000));

    const merged = reconcile(other.state, base, ours, [event], input(T0 + 3600_000));

    expect(merged.say.map((a) => a.type)).toContain('PainStop');
    expect(Object.values(merged.state.today.outcomes).some((o) => o.outcome === 'stoppedEarly')).toBe(true);
  });
});
