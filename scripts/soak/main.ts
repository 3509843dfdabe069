// npm run soak: at least 50 simulated users through full routines at once, against an in-memory dynalite (in a
// child process) behind the fault proxy (loopback only), with faults injected. Bounded in users, turns and time; exits
// non-zero unless there were no errors and no lost updates.
//
//   npm run soak                       # 60 users, seed 1, about 12% of DynamoDB requests faulted
//   npm run soak -- --users 100 --seed 7 --fault-rate 0.2 --seconds 60 --pause-ms 600
import { startDynaliteProcess } from '../local/dynalite-process';
import { describeSoak, runSoak, spreadFaults } from './soak';

function option(argv: readonly string[], name: string, fallback: number): number {
  const at = argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(argv[at + 1]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a non-negative number`);
  return value;
}

export async function main(argv: readonly string[]): Promise<number> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const users = Math.max(1, Math.floor(option(argv, 'users', 60)));
  const seed = Math.floor(option(argv, 'seed', 1));
  const faultRate = Math.min(0.5, option(argv, 'fault-rate', 0.12));
  const seconds = option(argv, 'seconds', 90);
  // DynamoDB is another service: dynalite runs in its own process, so its CPU is not the skill's.
  const dynalite = await startDynaliteProcess({});
  try {
    process.stdout.write(`soak: ${users} users, seed ${seed}, fault rate ${faultRate}, at most ${seconds} s\n`);
    const result = await runSoak({
      dynamoEndpoint: dynalite.endpoint,
      users,
      twoDeviceShare: 0.3,
      seed,
      faults: spreadFaults(faultRate),
      maxTurnsPerUser: 150,
      maxSeconds: seconds,
      maxPauseMs: option(argv, 'pause-ms', 600),
    });
    process.stdout.write(`${describeSoak(result)}\n`);
    return result.passed ? 0 : 1;
  } finally {
    await dynalite.close();
  }
}

if (require.main === module) main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`soak failed to run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
