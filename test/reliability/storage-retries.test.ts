// Faults that the retries inside a turn absorb, slow writes that land after the client gave up, a write whose
// answer was lost (caught up later, or sent again by Alexa), and a relaunch whose first read fails.
import { saveEndedSession } from '../../lambda/handlers/save-turn';
import { STORAGE_RETRY } from '../../lambda/store/retry';
import type { FaultAction } from '../../scripts/local/fault-proxy';
import { gapsBefore, lostSteps } from '../../scripts/soak/caregiver';
import { completedSteps, INTENT } from '../../scripts/soak/harness';
import { LEG_STEPS, useFaultRig } from './support/fault-rig';

const faults = useFaultRig('storage retries');

describe('a fault on the first attempt of a turn is retried within the turn', () => {
  it.each<[string, FaultAction]>([
    ['a delay under the attempt timeout', { kind: 'delay', ms: 60 }],
    ['a delay over the attempt timeout (that write lands late)', { kind: 'delay', ms: STORAGE_RETRY.attemptTimeoutMs + 400 }],
    ['a dropped connection after the write', { kind: 'dropAfter' }],
    ['a 500', { kind: 'error', error: 'InternalServerError' }],
    ['throttling', { kind: 'error', error: 'ProvisionedThroughputExceededException' }],
  ])('%s', async (_name, action) => {
    const { user, report, stored } = await faults.routineWith(action, true, (index) => index % 3 === 0);

    faults.expectAnsweredInTime(report.turns);
    expect(report.finished).toBe(true);
    expect(lostSteps(report.toldCompleted, stored?.state)).toEqual([]);
    expect(completedSteps(stored?.state)).toEqual(LEG_STEPS);
    // Every write was confirmed within its own turn: nothing was left for a later turn to catch up.
    const userKey = faults.rig().userKey(user.userId);
    expect(faults.rig().logs.filter((l) => l.fields.userKey === userKey && l.event === 'progress.save_failed')).toEqual([]);
  });
});

it('a DynamoDB slower than the attempt timeout on every attempt of some turns: answered in time, the late writes do no harm', async () => {
  const slow: FaultAction = { kind: 'delay', ms: STORAGE_RETRY.attemptTimeoutMs + 500 };
  const { report, stored } = await faults.routineWith(slow, false, (index) => index === 3 || index === 16);

  faults.expectAnsweredInTime(report.turns);
  expect(report.finished).toBe(true);
  expect(lostSteps(report.toldCompleted, stored?.state)).toEqual([]);
  expect(completedSteps(stored?.state)).toEqual(LEG_STEPS);
  expect(gapsBefore(stored!.state, 'legs')).toEqual([]);
});

describe('a write that failed but landed', () => {
  it('is caught up by a later turn without applying a step twice, even after a write that never landed', async () => {
    const { user, device } = faults.newUser();
    await device.launch();
    await device.send(INTENT.start());
    await device.send(INTENT.ready());
    // "next": the write lands but every answer is lost (the retries fail their condition, and that answer is lost too).
    faults.setFault({ kind: 'dropAfter' });
    const landed = await device.send(INTENT.next());
    // "ready": nothing reaches DynamoDB.
    faults.setFault({ kind: 'dropBefore' });
    const lost = await device.send(INTENT.ready());
    faults.setFault(null);
    const beforeCatchUp = await faults.rig().stored(user.userId);
    // "next" goes through: it conflicts with the landed write, which is this session's own, and writes over it.
    const caughtUp = await device.send(INTENT.next());
    const stored = await faults.rig().stored(user.userId);

    faults.expectAnsweredInTime([landed, lost, caughtUp]);
    expect(beforeCatchUp?.lastRequestId).toBe(landed.envelope.request.requestId);
    expect(beforeCatchUp?.state.today.current).toEqual(landed.state?.today.current);
    expect(stored?.lastRequestId).toBe(caughtUp.envelope.request.requestId);
    expect(stored?.state.today).toEqual(caughtUp.state?.today);
    // Two steps completed, each once: the third is being set up.
    expect(completedSteps(stored?.state)).toEqual(completedSteps(caughtUp.state));
    expect(completedSteps(stored?.state)).toHaveLength(2);
    expect(stored?.state.today.phase).toBe('settingUp');
  });

  it('answers Alexa’s retry of it as it answered first, without applying it again', async () => {
    const { user, device } = faults.newUser();
    await device.launch();
    await device.send(INTENT.start());
    await device.send(INTENT.ready());
    faults.setFault({ kind: 'dropAfter' });
    const first = await device.send(INTENT.next());
    faults.setFault(null);
    const storedFirst = await faults.rig().stored(user.userId);

    const again = await device.resend(first.envelope);
    const storedAgain = await faults.rig().stored(user.userId);

    faults.expectAnsweredInTime([first, again]);
    expect(again.text).toBe(first.text);
    expect(storedAgain?.version).toBe(storedFirst?.version);
    expect(storedAgain?.state.today).toEqual(first.state?.today);
  });
});

it('a relaunch whose first read fails still answers, and the next turn finds the saved step with nothing lost', async () => {
  const { user, device } = faults.newUser();
  await device.launch();
  await device.send(INTENT.start());
  await device.send(INTENT.ready());
  const saved = await device.send(INTENT.next());
  await device.end();
  user.wait(5 * 60_000);

  // The relaunch can neither read nor write.
  faults.setFault({ kind: 'error', error: 'InternalServerError' });
  const blind = await device.launch();
  faults.setFault(null);
  // The caregiver answers what they heard ("which routine?"); the skill reads the saved routine again.
  const start = await device.send(INTENT.start());
  const stored = await faults.rig().stored(user.userId);

  faults.expectAnsweredInTime([blind, start]);
  expect(completedSteps(stored?.state)).toEqual(completedSteps(saved.state));
  expect(stored?.state.today.current).toEqual(saved.state?.today.current);
  expect(start.text).toMatch(/continue|start over/i);
});

it('a session that ends right after a write that failed for good: what the SessionEndedRequest carries can still be saved', async () => {
  const { user, device } = faults.newUser();
  await device.launch();
  await device.send(INTENT.start());
  await device.send(INTENT.ready());
  faults.setFault({ kind: 'dropBefore' });
  const told = await device.send(INTENT.next()); // "next is ..." was said; nothing reached DynamoDB
  faults.setFault(null);
  // The microphone times out: no turn follows to catch up, so the SessionEndedRequest handler saves what it carries.
  const ended = await device.end();
  const after = await faults.rig().stored(user.userId);

  faults.expectAnsweredInTime([told, ended]);
  expect(completedSteps(after?.state)).toEqual(completedSteps(told.state));
  // Saving again changes nothing: the carried state is already the stored one.
  expect(await saveEndedSession(ended.envelope, faults.rig().deps)).not.toBe('failed');
  expect(after?.state.today).toEqual(told.state?.today);
  // A session whose writes were all confirmed has nothing to save.
  await device.launch();
  const confirmed = await device.send(INTENT.ready());
  const endedClean = await device.end();
  expect(confirmed.state?.today.phase).toBe('setDelivered');
  expect(await saveEndedSession(endedClean.envelope, faults.rig().deps)).toBe('nothing');
});
