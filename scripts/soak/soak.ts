// The soak: many simulated caregivers through full routines at once, against dynalite behind the fault proxy
// with faults injected; bounded in users, turns and time. Reports turns, errors, lost updates and turn times.
import { performance } from 'node:perf_hooks';
import { describeCounts, FAULT_KINDS, seededRandom, type SeededPlan } from '../local/fault-proxy';
import { gapsBefore, lostSteps, runCaregiver, type CaregiverReport } from './caregiver';
import { completedSteps, Device, percentile, SimUser, startRig, type LogLine } from './harness';

export type SoakOptions = {
  dynamoEndpoint: string;
  users: number;
  /** Share of users with a second Echo (which may still hold an old session when they switch to it). */
  twoDeviceShare: number;
  seed: number;
  /** Fault rates per DynamoDB request, drawn from the seed. */
  faults: SeededPlan['rates'];
  /** Every user stops after this many turns, and everyone stops when the time is up. */
  maxTurnsPerUser: number;
  maxSeconds: number;
  painRate?: number;
  dropRate?: number;
  switchRate?: number;
  /** Real pause between one caregiver's turns, at most this many ms (uniform from 0). */
  maxPauseMs?: number;
  /** Caregivers start at random within this many ms, not all at once. */
  startSpreadMs?: number;
};

export type SoakResult = {
  users: number;
  twoDeviceUsers: number;
  turns: number;
  finished: number;
  wallMs: number;
  /** Turns Alexa could not have played, plus turns the error handler had to answer (something threw). */
  errors: number;
  errorSamples: string[];
  /** Steps a caregiver was told were completed that the stored record does not have completed. */
  lostUpdates: number;
  lostSamples: string[];
  /** For the first users with a lost update: every turn, what it changed and what the skill logged. */
  lostTraces: string[];
  /** Steps before the stored position without an outcome: a step command applied twice. */
  doubleApplied: number;
  /** Turns over Alexa's 8 s, and over the 2 s aim. */
  overAlexaLimit: number;
  overAim: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  drops: number;
  pains: number;
  switches: number;
  /** Writes that failed for good within their turn (left for a later turn to catch up). */
  writesLeftToCatchUp: number;
  conflicts: number;
  faultCounts: string;
  /** The bar: no errors, no lost updates, nothing applied twice, nothing over Alexa's limit. */
  passed: boolean;
};

/** The fault rate spread over the kinds: delays (under and over the timeout), drops before and after, errors. */
export function spreadFaults(rate: number): Partial<Record<(typeof FAULT_KINDS)[number], number>> {
  const weights = { delayShort: 3, delayLong: 2, dropBefore: 2, dropAfter: 2, throttle: 2, throttling: 1, internal: 2 } as const;
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  return Object.fromEntries(FAULT_KINDS.map((kind) => [kind, (rate * weights[kind]) / total]));
}

export const ALEXA_LIMIT_MS = 8000;
export const AIM_MS = 2000;

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const rig = await startRig({ dynamoEndpoint: options.dynamoEndpoint, plan: { seed: options.seed, rates: options.faults }, keepLogs: false });
  const started = performance.now();
  const deadline = started + options.maxSeconds * 1000;
  const random = seededRandom(options.seed ^ 0x5eed);
  try {
    const people = Array.from({ length: options.users }, (_, i) => {
      const user = new SimUser(`amzn1.ask.account.soak-${options.seed}-${i}`);
      const twoDevices = random() < options.twoDeviceShare;
      const devices = [new Device(rig, user, `amzn1.ask.device.${i}-kitchen`)];
      if (twoDevices) devices.push(new Device(rig, user, `amzn1.ask.device.${i}-bedroom`));
      return { user, devices, random: seededRandom(options.seed * 7919 + i) };
    });
    const reports: CaregiverReport[] = await Promise.all(
      people.map(({ devices, random: own }) =>
        runCaregiver(devices, {
          random: own,
          painRate: options.painRate ?? 0.12,
          dropRate: options.dropRate ?? 0.05,
          switchRate: devices.length > 1 ? (options.switchRate ?? 0.12) : 0,
          // Back within a minute (straight back to the step), or after 45 minutes ("continue, or start over?").
          comeBackMs: () => (own() < 0.7 ? 60_000 : 45 * 60_000),
          maxTurns: options.maxTurnsPerUser,
          pauseMs: () => Math.floor(own() * (options.maxPauseMs ?? 200)),
          startAfterMs: Math.floor(own() * (options.startSpreadMs ?? 2000)),
          shouldStop: () => performance.now() > deadline,
        }),
      ),
    );
    const wallMs = performance.now() - started;
    rig.proxy.setPlan(null);

    let lostUpdates = 0;
    let doubleApplied = 0;
    const lostSamples: string[] = [];
    const lostTraces: string[] = [];
    for (const [i, report] of reports.entries()) {
      const stored = await rig.stored(people[i]!.user.userId);
      const lost = lostSteps(report.toldCompleted, stored?.state);
      lostUpdates += lost.length;
      if (lost.length > 0) lostSamples.push(`user ${i}: ${lost.join(', ')}`);
      if (lost.length > 0 && lostTraces.length < 2) lostTraces.push(traceOf(`user ${i}`, report, rig.logs));
      if (stored !== null) doubleApplied += gapsBefore(stored.state, 'legs').length;
    }
    const turns = reports.flatMap((r) => r.turns);
    const latencies = turns.map((t) => t.latencyMs);
    const unanswered = reports.flatMap((r) => r.unanswered);
    const handled = rig.logs.filter((l) => l.event === 'request.failed');
    const errorSamples = [
      ...unanswered.slice(0, 5).map((t) => `unanswered ${t.envelope.request.type}: ${t.error instanceof Error ? t.error.message : t.text}`),
      ...handled.slice(0, 5).map((l) => `error handler: ${l.fields.error?.name}: ${l.fields.error?.message}`),
    ];
    const count = (event: string) => rig.logs.filter((l) => l.event === event).length;
    const overAlexaLimit = latencies.filter((ms) => ms > ALEXA_LIMIT_MS).length;
    const errors = unanswered.length + handled.length;
    return {
      users: options.users,
      twoDeviceUsers: people.filter((p) => p.devices.length > 1).length,
      turns: turns.length,
      finished: reports.filter((r) => r.finished).length,
      wallMs,
      errors,
      errorSamples,
      lostUpdates,
      lostSamples,
      lostTraces,
      doubleApplied,
      overAlexaLimit,
      overAim: latencies.filter((ms) => ms > AIM_MS).length,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      maxMs: latencies.length === 0 ? 0 : Math.max(...latencies),
      drops: reports.reduce((n, r) => n + r.drops, 0),
      pains: reports.reduce((n, r) => n + r.pains, 0),
      switches: reports.reduce((n, r) => n + r.switches, 0),
      writesLeftToCatchUp: count('progress.save_failed'),
      conflicts: count('progress.conflict'),
      faultCounts: describeCounts(rig.proxy.counts),
      passed: errors === 0 && lostUpdates === 0 && doubleApplied === 0 && overAlexaLimit === 0,
    };
  } finally {
    await rig.close();
  }
}

/** One caregiver's turns: request, where the routine stood after it, what was said, what the skill logged. */
function traceOf(label: string, report: CaregiverReport, logs: readonly LogLine[]): string {
  const lines = report.turns.map((turn, index) => {
    const request = turn.envelope.request;
    const what = request.type === 'IntentRequest' ? request.intent.name : request.type;
    const state = turn.state;
    const where = state === null ? 'session closed' : `${state.today.phase} ${state.today.current?.exerciseId ?? '-'}/${state.today.current?.side ?? '-'} done ${completedSteps(state).length}`;
    const events = logs.filter((l) => l.fields.requestId === request.requestId).map((l) => l.event);
    return `    ${index} ${turn.envelope.context.System.device?.deviceId ?? ''}${turn.envelope.session?.new ? ' new' : ''} ${what} -> ${where} | ${turn.text.slice(0, 60)} | ${events.join(' ')}`;
  });
  return [`  trace of ${label}:`, ...lines].join('\n');
}

export function describeSoak(result: SoakResult): string {
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  return [
    `users ${result.users} (${result.twoDeviceUsers} with two devices), turns ${result.turns}, routines finished ${result.finished}, wall ${(result.wallMs / 1000).toFixed(1)} s`,
    `errors ${result.errors}, lost updates ${result.lostUpdates}, steps applied twice ${result.doubleApplied}`,
    `turn time p50 ${ms(result.p50Ms)}, p99 ${ms(result.p99Ms)}, max ${ms(result.maxMs)}; over 2 s ${result.overAim}, over 8 s ${result.overAlexaLimit}`,
    `drops ${result.drops}, pain reports ${result.pains}, device switches ${result.switches}; writes left to catch up ${result.writesLeftToCatchUp}, write conflicts ${result.conflicts}`,
    `DynamoDB ${result.faultCounts}`,
    ...result.errorSamples.map((line) => `  ${line}`),
    ...result.lostSamples.slice(0, 10).map((line) => `  lost: ${line}`),
    ...result.lostTraces,
    result.passed ? 'PASS: no errors, no lost updates' : 'FAIL',
  ].join('\n');
}
