// What a change to a lasting setting costs, through the real skill and the real SDK client against dynalite: the
// session carries the SETTINGS it read, so the change is one conditional SETTINGS write before the turn's PROGRESS
// write, with no read and no refused write (issue 10, the storage budget in bench/ and the README).
import { buildIntent } from '../../scripts/console/envelopes';
import { Device } from '../../scripts/soak/harness';
import { useFaultRig } from './support/fault-rig';

const faults = useFaultRig('settings writes');

describe('a change to a lasting setting inside a session', () => {
  it('writes SETTINGS then PROGRESS, each once, and reads nothing', async () => {
    const { user, device } = faults.newUser();
    await device.launch();
    await device.send(buildIntent('StartRoutineIntent', [{ name: 'routine', value: 'legs', confirmationStatus: 'NONE' }]));
    const proxy = faults.rig().proxy;

    proxy.resetCounts();
    const slower = await device.send(buildIntent('SlowerIntent'));
    faults.expectAnsweredInTime([slower]);
    expect(slower.text).toMatch(/slow/i);
    expect(proxy.counts.forwarded).toEqual({ PutItem: 2 });

    proxy.resetCounts();
    await device.send(buildIntent('AMAZON.NextIntent'));
    expect(proxy.counts.forwarded).toEqual({ PutItem: 1 });

    // The next session reads the slower pace back from SETTINGS.
    expect((await faults.rig().stored(user.userId))?.state.prefs.paceFactor).toBeGreaterThan(1);
  });

  it("never writes over another device's change: the second change is a conflict, applied again on top of the first", async () => {
    const { user, device: bedroom } = faults.newUser();
    const kitchen = new Device(faults.rig(), user, 'amzn1.ask.device.kitchen');
    await bedroom.launch();
    await kitchen.launch();
    await bedroom.send(buildIntent('SlowerIntent'));

    faults.rig().proxy.resetCounts();
    await kitchen.send(buildIntent('SpeakSlowerIntent'));
    // The refused SETTINGS write, the re-read, then SETTINGS and PROGRESS.
    expect(faults.rig().proxy.counts.forwarded).toEqual({ PutItem: 3, BatchGetItem: 1 });

    const stored = await faults.rig().stored(user.userId);
    expect(stored?.state.prefs.paceFactor).toBeGreaterThan(1);
    expect(stored?.state.prefs.voiceRatePercent).toBeLessThan(100);
  });
});
