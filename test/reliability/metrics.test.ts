// The CloudWatch metrics (lambda/metrics.ts) through the real skill against dynalite behind the fault proxy: a failed
// save, a write conflict, a guessed time zone and the error handler each count, in one EMF line for the invocation;
// an ordinary turn writes none; no line carries a user id, a slot value or anything of the envelope.
import type { RequestEnvelope } from 'ask-sdk-model';
import { buildIntent } from '../../scripts/console/envelopes';
import { Device } from '../../scripts/soak/harness';
import { METRICS_NAMESPACE } from '../../lambda/metrics';
import { useFaultRig } from './support/fault-rig';

const faults = useFaultRig('metrics');

type EmfLine = { _aws: { Timestamp: number; CloudWatchMetrics: Array<{ Namespace: string; Dimensions: string[][]; Metrics: Array<{ Name: string; Unit: string }> }> } } & Record<string, unknown>;

/** The lines written while `act` ran, parsed. */
async function linesDuring(act: () => Promise<unknown>): Promise<EmfLine[]> {
  const lines = faults.rig().metricLines;
  const from = lines.length;
  await act();
  return lines.slice(from).map((line) => JSON.parse(line) as EmfLine);
}

/** Every metric a line declares has its value at the root, as the EMF specification requires. */
function counts(line: EmfLine): Record<string, unknown> {
  const [directive] = line._aws.CloudWatchMetrics;
  expect(directive?.Namespace).toBe(METRICS_NAMESPACE);
  expect(directive?.Dimensions).toEqual([['service']]);
  expect(line.service).toBe('skill');
  expect(typeof line._aws.Timestamp).toBe('number');
  return Object.fromEntries((directive?.Metrics ?? []).map((metric) => [metric.Name, line[metric.Name]]));
}

const start = buildIntent('StartRoutineIntent', [{ name: 'routine', value: 'legs', confirmationStatus: 'NONE' }]);

describe('metrics written by the skill', () => {
  it('counts a session that had to guess its time zone, and writes nothing for an ordinary turn', async () => {
    const { device } = faults.newUser();

    const [launch] = await linesDuring(() => device.launch());
    expect(counts(launch!)).toEqual({ GuessedTimeZone: 1 });

    expect(await linesDuring(() => device.send(start))).toEqual([]);
  });

  it('counts a save that failed for good, in one line for the invocation, with nothing of the user in it', async () => {
    const { user, device } = faults.newUser();
    await device.launch();

    faults.setFault({ kind: 'error', error: 'InternalServerError' });
    const lines = await linesDuring(() => device.send(start));
    faults.setFault(null);

    expect(lines).toHaveLength(1);
    expect(counts(lines[0]!)).toEqual({ ProgressSaveFailed: 1 });
    const text = JSON.stringify(lines);
    expect(text).not.toContain(user.userId);
    expect(text).not.toContain(faults.rig().userKey(user.userId));
    expect(text).not.toMatch(/amzn1|legs|requestId|deviceId/);
  });

  it('counts a write conflict with another device', async () => {
    const { user, device: bedroom } = faults.newUser();
    const kitchen = new Device(faults.rig(), user, 'amzn1.ask.device.kitchen');
    await bedroom.launch();
    await kitchen.launch();
    await bedroom.send(buildIntent('SlowerIntent'));

    const [line] = await linesDuring(() => kitchen.send(buildIntent('SpeakSlowerIntent')));
    expect(counts(line!)).toEqual({ WriteConflict: 1 });
  });

  it('counts a request that reached the error handler: a SKILL_DISABLED deletion DynamoDB refused', async () => {
    const { device } = faults.newUser();
    const launch = (await device.launch()).envelope;
    const disabled = {
      version: '1.0',
      context: launch.context,
      request: { type: 'AlexaSkillEvent.SkillDisabled', requestId: 'event-1', timestamp: launch.request.timestamp, body: { userInformationPersistenceStatus: 'NOT_PERSISTED' } },
    } as unknown as RequestEnvelope;

    faults.setFault({ kind: 'error', error: 'InternalServerError' });
    let turn: Awaited<ReturnType<Device['resend']>> | undefined;
    const [line] = await linesDuring(async () => {
      turn = await device.resend(disabled);
    });
    faults.setFault(null);

    // The invocation fails, so Alexa delivers the event again; its metrics went out before it did.
    expect(turn?.error).toBeDefined();
    expect(counts(line!)).toEqual({ ErrorHandlerHit: 1 });
  });
});
