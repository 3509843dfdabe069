// Shared by the storage-fault tests: one rig per file, a fault switched on for the coming turn (on every
// attempt, an outage, or on the first attempt only), and the checks every turn must pass.
import { buildSteps, stepKey } from '../../../lambda/engine/plan';
import { defaultProgram } from '../../../lambda/engine/program';
import type { FaultAction } from '../../../scripts/local/fault-proxy';
import { runCaregiver } from '../../../scripts/soak/caregiver';
import { Device, isAnswered, percentile, SimUser, startRig, type Rig, type Turn } from '../../../scripts/soak/harness';

export const LEG_STEPS = buildSteps('legs', defaultProgram()).map(stepKey).sort();
/** Well under Alexa's 8 s: what a turn may take whatever DynamoDB does. */
export const TURN_LIMIT_MS = 2000;

export type FaultRig = {
  rig(): Rig;
  setFault(action: FaultAction | null, firstOnly?: boolean): void;
  newUser(): { user: SimUser; device: Device };
  expectAnsweredInTime(turns: readonly Turn[]): void;
  /** A full leg routine with the fault on the turns `faulted` picks; faults are off again afterwards. */
  routineWith(action: FaultAction, firstOnly: boolean, faulted: (turnIndex: number) => boolean): Promise<Routine>;
};

export type Routine = { user: SimUser; device: Device; report: Awaited<ReturnType<typeof runCaregiver>>; stored: Awaited<ReturnType<Rig['stored']>> };

/** Call at the top of a test file: starts the rig before the tests and reports turn times after them. */
export function useFaultRig(label: string): FaultRig {
  let rig: Rig | undefined;
  let users = 0;
  const latencies: number[] = [];
  const faultedLatencies: number[] = [];
  let fault: { action: FaultAction; firstOnly: boolean } | null = null;
  let sentThisTurn = 0;

  beforeAll(async () => {
    rig = await startRig({ dynamoEndpoint: process.env.DYNAMODB_ENDPOINT! });
    rig.proxy.setPlan(() => {
      const current = fault;
      sentThisTurn += 1;
      if (current === null || (current.firstOnly && sentThisTurn > 1)) return { kind: 'pass' };
      return current.action;
    });
  });

  afterAll(async () => {
    await rig?.close();
    const ms = (values: number[], p: number) => `${percentile(values, p).toFixed(0)} ms`;
    console.log(
      `${label}: ${latencies.length} turns, p50 ${ms(latencies, 50)}, p99 ${ms(latencies, 99)}, max ${Math.max(...latencies).toFixed(0)} ms; ` +
        `turns with a fault ${faultedLatencies.length}, p50 ${ms(faultedLatencies, 50)}, p99 ${ms(faultedLatencies, 99)}`,
    );
  });

  const get = () => {
    if (rig === undefined) throw new Error('the rig starts in beforeAll');
    return rig;
  };
  const setFault = (action: FaultAction | null, firstOnly = false) => {
    fault = action === null ? null : { action, firstOnly };
    sentThisTurn = 0;
  };
  const newUser = () => {
    users += 1;
    const user = new SimUser(`amzn1.ask.account.${label.replace(/\W+/g, '-')}-${users}`);
    return { user, device: new Device(get(), user, 'amzn1.ask.device.bedroom') };
  };
  return {
    rig: get,
    setFault,
    newUser,
    expectAnsweredInTime(turns) {
      for (const turn of turns) {
        if (turn.envelope.request.type !== 'SessionEndedRequest') expect({ answered: isAnswered(turn), text: turn.text }).toEqual({ answered: true, text: turn.text });
        expect(turn.error).toBeUndefined();
        expect(turn.latencyMs).toBeLessThan(TURN_LIMIT_MS);
        latencies.push(turn.latencyMs);
      }
    },
    async routineWith(action, firstOnly, faulted) {
      const { user, device } = newUser();
      const faultedTurns = new Set<number>();
      const report = await runCaregiver([device], {
        random: () => 0.5,
        beforeTurn: (index) => {
          const on = faulted(index);
          if (on) faultedTurns.add(index);
          setFault(on ? action : null, firstOnly);
        },
      });
      setFault(null);
      report.turns.forEach((turn, index) => {
        if (faultedTurns.has(index)) faultedLatencies.push(turn.latencyMs);
      });
      return { user, device, report, stored: await get().stored(user.userId) };
    },
  };
}
