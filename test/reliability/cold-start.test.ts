// A container's first turn: on Lambda its first DynamoDB call also builds the connection (TLS at a fraction of a
// vCPU). Modelled here by a proxy that holds the first request of every new connection past the ordinary 300 ms
// attempt timeout. Cut at 300 ms, each retry would open a new connection and be held again, so the first read, and
// the therapist's plan with it, would fail; the cold allowance lets the first attempt finish. This file must run
// in its own module registry (jest's per-file default): the container is cold only until DynamoDB first answers.
import { STORAGE_RETRY, storageIsCold } from '../../lambda/store/retry';
import type { FaultHook } from '../../scripts/local/fault-proxy';
import { Device, INTENT, SimUser, startRig, type Rig } from '../../scripts/soak/harness';
import { TURN_LIMIT_MS } from './support/fault-rig';

/** Over the ordinary attempt timeout, under the cold one. */
const NEW_CONNECTION_MS = 600;
const slowNewConnections: FaultHook = (info) => (info.onConnection === 0 ? { kind: 'delay', ms: NEW_CONNECTION_MS } : { kind: 'pass' });

let rig: Rig;
beforeAll(async () => {
  rig = await startRig({ dynamoEndpoint: process.env.DYNAMODB_ENDPOINT!, plan: slowNewConnections });
});
afterAll(() => rig.close());

it('the first turn of a cold container reads the user and the plan although its connection is slow to build', async () => {
  expect(NEW_CONNECTION_MS).toBeGreaterThan(STORAGE_RETRY.attemptTimeoutMs);
  expect(NEW_CONNECTION_MS).toBeLessThan(STORAGE_RETRY.coldAttemptTimeoutMs);
  expect(storageIsCold()).toBe(true);
  const device = new Device(rig, new SimUser('amzn1.ask.account.COLD-START'), 'amzn1.ask.device.bedroom');

  const launch = await device.launch();
  const start = await device.send(INTENT.start('legs'));

  expect(launch.error).toBeUndefined();
  expect(launch.latencyMs).toBeLessThan(TURN_LIMIT_MS + STORAGE_RETRY.coldExtraBudgetMs);
  expect(rig.logs.filter((line) => line.level !== 'info').map((line) => line.event)).toEqual([]);
  // The plan was read: the routine starts at its first step.
  expect(start.text).toMatch(/hip and knee bend/i);
  expect(storageIsCold()).toBe(false);
  // One connection, held once, then kept alive: the first read was not thrown away and tried again.
  expect(rig.proxy.counts.actions.delay).toBe(1);
});

it('once warm, a turn keeps the ordinary attempt timeout', async () => {
  expect(storageIsCold()).toBe(false);
  const device = new Device(rig, new SimUser('amzn1.ask.account.WARM'), 'amzn1.ask.device.kitchen');
  rig.proxy.setPlan(() => ({ kind: 'delay', ms: STORAGE_RETRY.attemptTimeoutMs + 200 }));
  const started = performance.now();
  const launch = await device.launch();
  rig.proxy.setPlan(null);
  // Every attempt held past 300 ms: the load gives up within its ordinary budget, and the turn still answers.
  expect(launch.error).toBeUndefined();
  expect(performance.now() - started).toBeLessThan(TURN_LIMIT_MS);
  expect(rig.logs.map((line) => line.event)).toContain('progress.load_failed');
});
