// Two Echo devices on one account interleaving turns, and Alexa sending a request again (after it, and at the
// same time): newer progress is never overwritten, no step is applied twice, and a caregiver whose device is
// behind is taken to where the routine now stands.
import type { RoutineState, StepRef } from '../../lambda/engine/types';
import { exerciseName, sideName, stepName } from '../../lambda/speech/step-names';
import { gapsBefore } from '../../scripts/soak/caregiver';
import { completedSteps, Device, INTENT, isAnswered, SimUser, startRig, type Rig, type Turn } from '../../scripts/soak/harness';
import type { FaultAction } from '../../scripts/local/fault-proxy';

let rig: Rig;
let users = 0;
let outage: FaultAction | null = null;

beforeAll(async () => {
  rig = await startRig({ dynamoEndpoint: process.env.DYNAMODB_ENDPOINT! });
  rig.proxy.setPlan(() => outage ?? { kind: 'pass' });
});
afterAll(() => rig.close());

function household() {
  users += 1;
  const user = new SimUser(`amzn1.ask.account.concurrency-${users}`);
  return { user, kitchen: new Device(rig, user, 'amzn1.ask.device.kitchen'), bedroom: new Device(rig, user, 'amzn1.ask.device.bedroom') };
}

function answered(...turns: Turn[]): void {
  for (const turn of turns) expect({ answered: isAnswered(turn), error: turn.error }).toEqual({ answered: true, error: undefined });
}

const current = (state: RoutineState | null | undefined): StepRef => {
  const step = state?.today.current;
  if (step === null || step === undefined) throw new Error('no current step');
  return step;
};

/** Launch, start the leg routine and complete `steps` steps on one device; returns the last turn. */
async function doSteps(device: Device, steps: number): Promise<Turn> {
  await device.launch();
  let last = await device.send(INTENT.start());
  for (let i = 0; i < steps; i += 1) {
    await device.send(INTENT.ready());
    last = await device.send(INTENT.next());
  }
  return last;
}

describe('two devices on the same account', () => {
  it('takes a device that is behind to where the routine moved on, without overwriting the newer progress', async () => {
    const { kitchen, bedroom, user } = household();
    await doSteps(kitchen, 1);
    // The caregiver walks to the bedroom Echo, which resumes at the saved step, and does two more there.
    const resumed = await bedroom.launch();
    await bedroom.send(INTENT.ready());
    await bedroom.send(INTENT.next());
    await bedroom.send(INTENT.ready());
    const ahead = await bedroom.send(INTENT.next());
    const before = await rig.stored(user.userId);

    // The kitchen session is still open at the second step; "ready" there must not deliver a step nobody set up.
    const behind = await kitchen.send(INTENT.ready());
    const after = await rig.stored(user.userId);

    answered(resumed, ahead, behind);
    expect(completedSteps(after?.state)).toEqual(completedSteps(before?.state));
    expect(completedSteps(after?.state)).toHaveLength(3);
    expect(after?.state.today.current).toEqual(current(ahead.state));
    expect(after?.state.today.phase).toBe('settingUp');
    // Told where the routine now is: the set-up of the step the bedroom reached, not a set.
    const step = current(ahead.state);
    expect(behind.text.toLowerCase()).toContain(`${exerciseName(step.exerciseId)}, their ${sideName(step)}`.toLowerCase());
    expect(behind.text).not.toMatch(/That's the set for/);
    expect(behind.state?.today.current).toEqual(current(ahead.state));
    // And from there the kitchen goes on normally.
    const set = await kitchen.send(INTENT.ready());
    expect(set.text).toContain(`That's the set for ${stepName(current(ahead.state))}`);
  });

  it('applies the command again when the other device changed only a preference', async () => {
    const { kitchen, bedroom, user } = household();
    await doSteps(kitchen, 1);
    await bedroom.launch();
    await bedroom.send(INTENT.ready()); // the same step, now delivered from the bedroom
    const slower = await bedroom.send({ name: 'SlowerIntent', confirmationStatus: 'NONE' });
    await bedroom.end();

    // The kitchen session is behind (it set the step up, the bedroom delivered it): "next" is asked again.
    const next = await kitchen.send(INTENT.next());
    const stored = await rig.stored(user.userId);

    answered(slower, next);
    expect(stored?.state.prefs.paceFactor).toBeGreaterThan(1);
    expect(gapsBefore(stored!.state, 'legs')).toEqual([]);
    expect(stored?.state.today).toEqual(next.state?.today);
  });

  it('never drops a pain report said on the device that is behind', async () => {
    const { kitchen, bedroom, user } = household();
    await doSteps(kitchen, 1);
    await bedroom.launch();
    await bedroom.send(INTENT.ready());
    const moved = await bedroom.send(INTENT.next());

    const pain = await kitchen.send(INTENT.pain());
    const stored = await rig.stored(user.userId);

    answered(pain);
    expect(pain.text).toMatch(/Stop the movement now/);
    expect(stored?.state.today.phase).toBe('stoppedForPain');
    expect(stored?.state.today.outcomes[`${current(moved.state).exerciseId}/${current(moved.state).side ?? 'both'}`]?.outcome).toBe('stoppedEarly');
    expect(completedSteps(stored?.state)).toHaveLength(2);
  });

  it('"next" on both devices at the same moment completes the step once and skips nothing', async () => {
    const { kitchen, bedroom, user } = household();
    await doSteps(kitchen, 1);
    const set = await kitchen.send(INTENT.ready());
    user.wait(60_000);

    // The bedroom's is a one-shot ("Alexa, tell range of motion coach next"): it reads the record, before or
    // after the kitchen's write lands. Either way the step is completed once and the routine does not skip.
    const [a, b] = await Promise.all([kitchen.send(INTENT.next()), bedroom.oneShot(INTENT.next())]);
    const stored = await rig.stored(user.userId);

    answered(a, b);
    expect(completedSteps(stored?.state)).toHaveLength(2);
    expect(stored?.state.today.outcomes[`${current(set.state).exerciseId}/${current(set.state).side ?? 'both'}`]?.outcome).toBe('completed');
    expect(gapsBefore(stored!.state, 'legs')).toEqual([]);
    expect(stored?.state.today.current).toEqual(a.state?.today.current);
  });

  it('keeps a step done on a device whose write failed when the other device wrote in between', async () => {
    const { kitchen, bedroom, user } = household();
    await doSteps(kitchen, 1);
    await kitchen.send(INTENT.ready());
    outage = { kind: 'error', error: 'InternalServerError' };
    const toldDone = await kitchen.send(INTENT.next()); // the second step is done, but nothing is saved
    outage = null;
    // The bedroom reads the record from before it, changes the pace, and goes.
    await bedroom.launch();
    await bedroom.send({ name: 'SlowerIntent', confirmationStatus: 'NONE' });
    await bedroom.end();

    const back = await kitchen.send(INTENT.ready());
    const stored = await rig.stored(user.userId);

    answered(toldDone, back);
    for (const key of completedSteps(toldDone.state)) expect(stored?.state.today.outcomes[key]?.outcome).toBe('completed');
    expect(stored?.state.prefs.paceFactor).toBeGreaterThan(1);
  });
});

describe('Alexa sending a request again', () => {
  it('after the first was answered: the same answer, nothing applied twice', async () => {
    const { kitchen, user } = household();
    const last = await doSteps(kitchen, 2);
    const before = await rig.stored(user.userId);

    const again = await kitchen.resend(last.envelope);
    const after = await rig.stored(user.userId);

    answered(again);
    expect(again.text).toBe(last.text);
    expect(after?.version).toBe(before?.version);
    expect(after?.state).toEqual(before?.state);
  });

  it('a new session’s first request sent twice: the second answers from the saved state without applying it again', async () => {
    const { kitchen, user } = household();
    const first = await kitchen.oneShot(INTENT.start());
    const before = await rig.stored(user.userId);

    const again = await kitchen.resend(first.envelope);
    const after = await rig.stored(user.userId);

    answered(first, again);
    expect(after?.version).toBe(before?.version);
    expect(after?.state).toEqual(before?.state);
    // The engine answers a replay with the prompt of where the routine is (the first answer cannot be rebuilt
    // without the state before it); the session stays open for "ready".
    expect(again.shouldEndSession).toBe(false);
    expect(again.text).toMatch(/say ready/i);
  });

  it('twice at the same moment, in a session: applied once, both answered alike', async () => {
    const { kitchen, user } = household();
    await doSteps(kitchen, 1);
    await kitchen.send(INTENT.ready());
    user.wait(60_000);
    const before = await rig.stored(user.userId);

    const [a, b] = await kitchen.sendTwiceAtOnce(INTENT.next());
    const after = await rig.stored(user.userId);

    answered(a, b);
    expect(after?.version).toBe((before?.version ?? 0) + 1);
    expect(completedSteps(after?.state)).toHaveLength(2);
    expect(gapsBefore(after!.state, 'legs')).toEqual([]);
    expect(after?.state.today).toEqual(a.state?.today);
    expect(b.text).toBe(a.text);
  });

  it('twice at the same moment, opening a session: applied once, both answered', async () => {
    const { kitchen, user } = household();
    await doSteps(kitchen, 1);
    await kitchen.end();
    const before = await rig.stored(user.userId);

    const [a, b] = await kitchen.sendTwiceAtOnce(INTENT.ready(), { newSession: true });
    const after = await rig.stored(user.userId);

    answered(a, b);
    expect(after?.version).toBe((before?.version ?? 0) + 1);
    expect(after?.state.today.phase).toBe('setDelivered');
    expect(after?.state.today.current).toEqual(before?.state.today.current);
  });
});
