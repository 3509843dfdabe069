// Full routines through the real skill with DynamoDB behind the fault proxy, one turn in three failing on every
// attempt (an outage): every turn must still be answered in time, and the next turn's write must catch up so
// that nothing the caregiver was told is lost. Retries within a turn are in storage-retries.test.ts.
import { buildIntent } from '../../scripts/console/envelopes';
import type { FaultAction } from '../../scripts/local/fault-proxy';
import { gapsBefore, lostSteps } from '../../scripts/soak/caregiver';
import { completedSteps } from '../../scripts/soak/harness';
import { LEG_STEPS, useFaultRig } from './support/fault-rig';

const faults = useFaultRig('storage outages');

const OUTAGES: Array<[string, FaultAction]> = [
  ['the connection dropped before the request reached DynamoDB', { kind: 'dropBefore' }],
  ['the connection dropped after the write: it landed, its answer was lost', { kind: 'dropAfter' }],
  ['ProvisionedThroughputExceededException', { kind: 'error', error: 'ProvisionedThroughputExceededException' }],
  ['ThrottlingException', { kind: 'error', error: 'ThrottlingException' }],
  ['InternalServerError (500)', { kind: 'error', error: 'InternalServerError' }],
];

describe('an outage of every attempt on one turn in three, across a full routine', () => {
  it.each(OUTAGES)('%s: every turn answered, no step lost, the stored routine is the session’s', async (_name, action) => {
    // Turns 1, 4, 7, ... fail on every attempt (load, save, re-read); the turn after each gets through.
    const { report, stored } = await faults.routineWith(action, false, (index) => index % 3 === 1);

    faults.expectAnsweredInTime(report.turns);
    expect(report.unanswered).toEqual([]);
    expect(report.finished).toBe(true);
    expect(lostSteps(report.toldCompleted, stored?.state)).toEqual([]);
    expect(completedSteps(stored?.state)).toEqual(LEG_STEPS);
    expect(gapsBefore(stored!.state, 'legs')).toEqual([]);
    // The routine in DynamoDB is the one the session carried at its last answer that kept the session open.
    const lastOpen = [...report.turns].reverse().find((turn) => turn.state !== null);
    // (The question the last open turn asked was answered by the closing turn.)
    expect({ ...stored?.state.today, question: null }).toEqual({ ...lastOpen?.state?.today, question: null });
    expect(faults.rig().logs.some((line) => line.event === 'progress.save_failed')).toBe(true);
  });
});

describe('safety answers during an outage', () => {
  it.each([
    ['ReportPainIntent', /stop/i],
    ['EmergencyIntent', /emergency|9 1 1|call/i],
  ])('%s is answered within the safety budget, not after the full storage retries', async (intentName, words) => {
    const { device } = faults.newUser();
    await device.launch();
    await device.send(buildIntent('StartRoutineIntent', [{ name: 'routine', value: 'legs', confirmationStatus: 'NONE' }]));

    faults.setFault({ kind: 'delay', ms: 2000 });
    const answer = await device.send(buildIntent(intentName));
    faults.setFault(null);

    expect(answer.text).toMatch(words);
    // The full retries of an ordinary turn take about 1.4 s here; a safety answer is out in well under one.
    expect(answer.latencyMs).toBeLessThan(1000);
  });
});

describe('closing words when the closing turn cannot be saved', () => {
  it.each([
    ['AMAZON.PauseIntent', 'pause'],
    ['AMAZON.StopIntent', 'stop'],
  ])('%s during an outage ends the session without claiming the progress is saved', async (intentName) => {
    const { device } = faults.newUser();
    await device.launch();
    await device.send(buildIntent('StartRoutineIntent', [{ name: 'routine', value: 'legs', confirmationStatus: 'NONE' }]));

    faults.setFault({ kind: 'error', error: 'InternalServerError' });
    const closing = await device.send(buildIntent(intentName));
    faults.setFault(null);

    faults.expectAnsweredInTime([closing]);
    expect(closing.shouldEndSession).toBe(true);
    expect(closing.text).not.toMatch(/\bsaved\b/i);
    expect(closing.text).toMatch(/couldn't save/i);
  });

  it('says the progress is saved when the write landed', async () => {
    const { device } = faults.newUser();
    await device.launch();
    const closing = await device.send(buildIntent('AMAZON.StopIntent'));
    expect(closing.text).toMatch(/\bsaved\b/i);
    expect(closing.text).not.toMatch(/couldn't save/i);
  });
});
