// The short soak in `npm test`: eight caregivers at once (some with two Echoes) through full routines with
// drops, pain reports and relaunches, while about one DynamoDB request in ten is faulted. `npm run soak` is
// the long one (60 users).
import { describeSoak, runSoak, spreadFaults } from '../../scripts/soak/soak';

it('eight caregivers at once under faults: no errors, no lost updates, nothing applied twice', async () => {
  const result = await runSoak({
    dynamoEndpoint: process.env.DYNAMODB_ENDPOINT!,
    users: 8,
    twoDeviceShare: 0.4,
    seed: 42,
    faults: spreadFaults(0.1),
    maxTurnsPerUser: 120,
    maxSeconds: 10,
    maxPauseMs: 40,
    startSpreadMs: 500,
  });
  console.log(describeSoak(result));

  expect(result.turns).toBeGreaterThan(200);
  expect(result.errorSamples).toEqual([]);
  expect(result.errors).toBe(0);
  expect(result.lostSamples).toEqual([]);
  expect(result.lostUpdates).toBe(0);
  expect(result.doubleApplied).toBe(0);
  expect(result.overAlexaLimit).toBe(0);
  expect(result.finished).toBe(result.users);
});
