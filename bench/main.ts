// `npm run bench`: the skill against a floor, in fresh processes, with budgets. A benchmark, not a test.
// BENCH_QUICK=1 for a short smoke run (3 processes each, 300 warm turns); BENCH_DUMP=1 also writes every
// measured turn to bench/results/turns.json. Loopback only; stops by itself.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PutItemCommand, ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  across,
  checkPattern,
  fmt,
  fmtInt,
  printTable,
  processFigures,
  requestsByKind,
  turnWork,
  type ProcessFigures,
  type ProcessResult,
  type Row,
  slowTailByKind,
} from './lib/analysis';
import {
  BENCH,
  ROOT,
  buildFloorBundle,
  buildProfileBundles,
  buildSkillBundle,
  buildWorker,
  bundleSize,
  bytesByPackage,
  FLOOR_BUNDLE,
  FLOOR_META,
  PROFILE_BUNDLES,
  SKILL_BUNDLE,
  SKILL_META,
  WORKER_SCRIPT,
  zodBreakdown,
} from './lib/bundles';
import { measuredProcess, startHarness, workerEnv, type Harness } from './lib/harness';
import { dynamoItemBytes, writeUnits, type WireItem } from '../lambda/store/item-size';
import { attribute, readProfile, type Attribution } from './lib/profile';
import {
  coldLaunch,
  households,
  largestResponses,
  seedHistory,
  userKeyFor,
  warmFloor,
  warmSkill,
  type Household,
  type TurnRecord,
  type Variant,
  type WarmResult,
} from './lib/scenarios';
import { measureSecretColdStart } from './lib/secret-cold-start';
import { printReportBench, runReportBench } from './report';
import { median, round } from './lib/stats';
import { compileProbe, startWorker } from './lib/worker-client';

const QUICK = process.env.BENCH_QUICK === '1';
const DUMP = process.env.BENCH_DUMP === '1';
const RUNS = QUICK ? 3 : 7;
const WARM_TURNS = QUICK ? 300 : 2000;
/**
 * Rounds (every household's routine once, about 1,040 turns) left out of the warm figures: V8 is still optimising.
 * Per-turn CPU was still falling through the second round, which made whichever cohort went first there look dearer.
 * The smoke run keeps one, to stay short.
 */
const WARMUP_ROUNDS = QUICK ? 1 : 2;
const HOUSEHOLDS = 4;
const PROFILE_RUNS = QUICK ? 1 : 3;
const PROFILE_WARM_TURNS = QUICK ? 200 : 600;
const START_AT = new Date('2026-12-01T15:00:00Z');
const TABLES = { skill: 'bench-skill', floor: 'bench-floor', largest: 'bench-largest' } as const;
const RESULTS = path.join(BENCH, 'results');
const SPEECH_LIMIT_CHARS = 8000;
const RESPONSE_LIMIT_BYTES = 24 * 1024;
/** The stored-item budget (issue 10): plain maps, legible in the console, under 4 KB. */
const ITEM_LIMIT_BYTES = 4096;
const BUDGET = { coldStart: 1.15, cpuPerTurn: 1.2, warmP99ExclStore: 1.5, gzipBundle: 1.3, peakRss: 1.2 } as const;

const log = (line: string) => process.stderr.write(`${line}\n`);
const signedPercent = (fraction: number): string => `${fraction >= 0 ? '+' : ''}${(fraction * 100).toFixed(1)}%`;

const bundleOf = (variant: Variant) => (variant === 'skill' ? SKILL_BUNDLE : FLOOR_BUNDLE);
const tableOf = (variant: Variant) => (variant === 'skill' ? TABLES.skill : TABLES.floor);
const targetOf = (variant: Variant) => ({ variant, bundle: bundleOf(variant), table: tableOf(variant) });

type Profiles = { init: Attribution[]; first: Attribution[]; warm: Attribution[] };

/**
 * Profiling processes (unminified twins of the bundles, never used for the figures): the init and the
 * first request of PROFILE_RUNS cold starts, and the handler's own time in about PROFILE_WARM_TURNS
 * warm turns after the warm-up round, the same requests for the skill and the floor.
 */
async function profileVariant(h: Harness, variant: Variant, homes: Household[], actions: WarmResult['actions'], run: number): Promise<Profiles> {
  const bundle = PROFILE_BUNDLES[variant];
  const out: Profiles = { init: [], first: [], warm: [] };
  // The rounds that hold PROFILE_WARM_TURNS turns after the warm-up, as the skill's run will take them.
  let lastRound = WARMUP_ROUNDS;
  for (let counted = 0; lastRound < 1000; lastRound += 1) {
    counted += actions.filter((a) => a.round === lastRound).length;
    if (counted >= PROFILE_WARM_TURNS) break;
  }
  for (let i = 0; i < PROFILE_RUNS; i += 1) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rom-bench-prof-'));
    let windows: Array<{ fromUs: number; toUs: number }> = [];
    try {
      const worker = await startWorker({ workerScript: WORKER_SCRIPT, bundle, env: workerEnv(tableOf(variant), h.proxy.endpoint), profileDir: dir });
      try {
        await coldLaunch(worker, h.ctx, variant, run + i);
        if (i === 0) {
          let records: TurnRecord[] = [];
          if (variant === 'skill') {
            let startAt = -1;
            const result = await warmSkill(worker, h.ctx, run, homes, PROFILE_WARM_TURNS, WARMUP_ROUNDS, async (turns) => {
              if (startAt < 0) {
                await worker.profileStart();
                startAt = turns;
              }
            });
            records = result.records.slice(startAt);
          } else {
            let started = false;
            const replayed = await warmFloor(worker, h.ctx, run, homes, actions.filter((a) => a.round <= lastRound), async (index) => {
              if (!started && (actions[index]?.round ?? 0) >= WARMUP_ROUNDS) {
                await worker.profileStart();
                started = true;
              }
            });
            records = replayed.filter((r) => r.round >= WARMUP_ROUNDS);
          }
          await worker.profileStop('warm');
          windows = records.map((r) => ({ fromUs: r.startedUs, toUs: r.endedUs }));
        }
      } finally {
        await worker.stop();
      }
      if (i === 0) {
        // Kept for Chrome DevTools (Performance > Load profile) or speedscope, with the twin's source map.
        const keep = path.join(RESULTS, 'profiles');
        mkdirSync(keep, { recursive: true });
        for (const name of ['init', 'first', 'warm']) {
          const file = path.join(dir, `${name}.cpuprofile`);
          if (existsSync(file)) copyFileSync(file, path.join(keep, `${variant}-${name}.cpuprofile`));
        }
      }
      const init = readProfile(path.join(dir, 'init.cpuprofile'));
      const first = readProfile(path.join(dir, 'first.cpuprofile'));
      const warm = readProfile(path.join(dir, 'warm.cpuprofile'));
      if (init !== null) out.init.push(attribute(init, bundle));
      if (first !== null) out.first.push(attribute(first, bundle));
      if (warm !== null) out.warm.push(attribute(warm, bundle, { windows }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}

/** The median over profile runs of each entry's milliseconds, the top ones. */
function summarise(list: Attribution[], key: 'byModule' | 'byCallingModule' | 'byFirstPartyFile', top: number) {
  const names = new Set(list.flatMap((a) => a[key].map((e) => e.name)));
  const rows = [...names].map((name) => ({ name, ms: round(median(list.map((a) => a[key].find((e) => e.name === name)?.ms ?? 0)), 1) }));
  return { totalMs: round(median(list.map((a) => a.totalMs)), 1), top: rows.sort((a, b) => b.ms - a.ms).slice(0, top) };
}

async function scanAll(client: DynamoDBClient, table: string): Promise<Array<Record<string, AttributeValue>>> {
  const items: Array<Record<string, AttributeValue>> = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return items;
}

const kindOfItem = (item: Record<string, AttributeValue>): string => {
  const sk = item.sk?.S ?? '';
  return sk.startsWith('DAY#') ? 'DAY#' : sk;
};

/** Every stored item read back (a Scan of this benchmark's own table), its DynamoDB size per kind. */
async function storedItems(client: DynamoDBClient, table: string, cohortOf: (pk: string) => string) {
  const items = await scanAll(client, table);
  const groups = new Map<string, number[]>();
  for (const item of items) {
    const bytes = dynamoItemBytes(item as WireItem);
    for (const key of [kindOfItem(item), `${kindOfItem(item)} (${cohortOf(item.pk?.S ?? '')})`]) {
      const list = groups.get(key) ?? [];
      list.push(bytes);
      groups.set(key, list);
    }
  }
  const kinds = Object.fromEntries(
    [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, sizes]) => [
        kind,
        { items: sizes.length, maxBytes: Math.max(...sizes), medianBytes: median(sizes), overLimit: sizes.filter((s) => s > ITEM_LIMIT_BYTES).length, maxWriteUnits: writeUnits(Math.max(...sizes)) },
      ]),
  );
  let largest: { bytes: number; item?: Record<string, AttributeValue> } = { bytes: 0 };
  for (const item of items) {
    const bytes = dynamoItemBytes(item as WireItem);
    if (bytes > largest.bytes) largest = { bytes, item };
  }
  return { items: items.length, maxBytes: largest.bytes, overLimit: items.filter((i) => dynamoItemBytes(i as WireItem) > ITEM_LIMIT_BYTES).length, largest: largest.item, kinds };
}

/** dynalite's own ConsumedCapacity for a copy of the largest item, as a cross-check of the estimate. */
async function consumedCapacityOf(client: DynamoDBClient, table: string, item: Record<string, AttributeValue> | undefined): Promise<number | null> {
  if (item === undefined) return null;
  try {
    const output = await client.send(new PutItemCommand({ TableName: table, Item: { ...item, pk: { S: 'BENCH-CAPACITY-CHECK' } }, ReturnConsumedCapacity: 'TOTAL' }));
    return output.ConsumedCapacity?.CapacityUnits ?? null;
  } catch {
    return null;
  }
}

const ratioText = (ratio: number) => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}x` : 'n/a');

function ratioRow(figure: string, skill: number, floor: number, digits: number, budget: number | null): Row {
  const ratio = skill / floor;
  return {
    figure,
    skill: fmt(skill, digits),
    floor: fmt(floor, digits),
    ratio: ratioText(ratio),
    budget: budget === null ? '' : `<= ${budget.toFixed(2)}x`,
    holds: budget === null ? '' : ratio <= budget ? 'yes' : 'NO',
  };
}

const row = (figure: string, skill: string, floor: string, budget: string, holds: boolean | null, ratio = ''): Row => ({
  figure,
  skill,
  floor,
  ratio,
  budget,
  holds: holds === null ? '' : holds ? 'yes' : 'NO',
});

async function main(): Promise<void> {
  const startedAt = Date.now();
  const git = (args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const tree = { head: git(['rev-parse', '--short', 'HEAD']), uncommittedInLambda: git(['status', '--porcelain', '--', 'lambda']).split('\n').filter((l) => l !== '') };
  const loadAtStart = os.loadavg().map((l) => round(l, 2));
  log(`bench: ${QUICK ? 'QUICK smoke run' : 'full run'}: ${RUNS} fresh processes each for skill and floor, >= ${WARM_TURNS} warm turns each`);

  // 1. Bundles: `npm run build` as it is, and the floor with the options it used.
  log('bench: npm run build (the skill), then the floor with the same esbuild options ...');
  const skillBuild = buildSkillBundle();
  await buildFloorBundle(skillBuild.options);
  await buildWorker();
  const bundles = { skill: bundleSize(SKILL_BUNDLE), floor: bundleSize(FLOOR_BUNDLE) };
  log(`bench: bundles: skill ${fmtInt(bundles.skill.rawBytes)} B (gzip ${fmtInt(bundles.skill.gzipBytes)}), floor ${fmtInt(bundles.floor.rawBytes)} B (gzip ${fmtInt(bundles.floor.gzipBytes)})`);

  // 2. dynalite in its own process; the counting proxy and the Alexa APIs in this one, never the measured one.
  const h = await startHarness(START_AT, Object.values(TABLES));
  const { proxy, client } = h;
  try {
    // 3. How the init splits into compile and evaluate, in fresh processes, interleaved.
    const probes: Record<Variant, Array<{ compileMs: number; evaluateMs: number; readMs: number }>> = { skill: [], floor: [] };
    for (let i = 0; i < RUNS; i += 1) {
      for (const variant of ['skill', 'floor'] as const) probes[variant].push(await compileProbe(WORKER_SCRIPT, bundleOf(variant), workerEnv(tableOf(variant), proxy.endpoint)));
    }

    // 4. Measured processes, interleaved S F F S S F F S ...; the floor replays the skill's requests.
    const processes: ProcessResult[] = [];
    const homesByRun = new Map<number, Household[]>();
    let lastActions: WarmResult['actions'] | null = null;
    const actionSignatures = new Set<string>();
    const order: Variant[] = [];
    for (let r = 0; r < RUNS; r += 1) order.push(...(r % 2 === 0 ? (['skill', 'floor'] as const) : (['floor', 'skill'] as const)));
    const runOf = { skill: 0, floor: 0 };
    for (const variant of order) {
      const run = runOf[variant]++;
      const homes = households(run, HOUSEHOLDS);
      homesByRun.set(run, homes);
      const t0 = performance.now();
      let result: ProcessResult;
      if (variant === 'skill') {
        for (const home of homes) await seedHistory(client, TABLES.skill, home, START_AT);
        let warm: WarmResult | undefined;
        result = await measuredProcess(h, targetOf('skill'), run, async (worker) => {
          warm = await warmSkill(worker, h.ctx, run, homes, WARM_TURNS, WARMUP_ROUNDS);
          return warm.records;
        });
        lastActions = warm!.actions;
        actionSignatures.add(lastActions.map((a) => `${a.user}:${a.action.label}`).join(','));
      } else {
        if (lastActions === null) throw new Error('the floor replays the skill: a skill process must come first');
        const actions = lastActions;
        result = await measuredProcess(h, targetOf('floor'), run, (worker) => warmFloor(worker, h.ctx, run, homes, actions));
      }
      processes.push(result);
      const f = processFigures(result, WARMUP_ROUNDS);
      log(
        `bench: ${variant} #${run}: init ${fmt(f.initMs)} ms + first launch ${fmt(f.firstLaunchMs)} ms; ${f.warm.turns} warm turns: p50 ${fmt(f.warm.p50Ms, 2)} p99 ${fmt(f.warm.p99Ms, 2)} ms, excl. store p99 ${fmt(f.warm.p99ExclStoreMs, 2)} ms, CPU ${fmt(f.warm.cpuMsPerTurn, 3)} ms/turn, maxRSS ${fmt(f.maxRssMb)} MB (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
      );
    }

    // 4b. What reading the user-key secret from Secrets Manager adds to a cold start (a loopback stand-in).
    log('bench: the user-key secret at cold start (with and without the Secrets Manager read) ...');
    const secretColdStart = await measureSecretColdStart(h, SKILL_BUNDLE, TABLES.skill, RUNS);
    log(`bench: secret read adds ${fmt(secretColdStart.addedColdStartMsP50)} ms to init + first launch (p50); calls per container ${secretColdStart.secretCallsPerContainer.join(',')}, on warm turns ${secretColdStart.secretCallsOnWarmTurns}`);

    // 5. The largest responses, and one retried request, in one more skill process on its own table.
    log('bench: largest responses ...');
    const largestWorker = await startWorker({ workerScript: WORKER_SCRIPT, bundle: SKILL_BUNDLE, env: workerEnv(TABLES.largest, proxy.endpoint) });
    let largest: Awaited<ReturnType<typeof largestResponses>>;
    try {
      largest = await largestResponses(largestWorker, h.ctx, client, TABLES.largest, 900);
    } finally {
      await largestWorker.stop();
    }

    // 6. Figures: per process, then the median over processes and the floor's run-to-run spread.
    const figures = {
      skill: processes.filter((p) => p.variant === 'skill').map((p) => processFigures(p, WARMUP_ROUNDS)),
      floor: processes.filter((p) => p.variant === 'floor').map((p) => processFigures(p, WARMUP_ROUNDS)),
    };
    const pick = (variant: Variant, get: (f: ProcessFigures) => number) => across(figures[variant].map(get));
    const pair = (get: (f: ProcessFigures) => number) => ({ skill: pick('skill', get), floor: pick('floor', get) });
    const probePair = (get: (p: { compileMs: number; evaluateMs: number; readMs: number }) => number) => ({ skill: across(probes.skill.map(get)), floor: across(probes.floor.map(get)) });
    const F = {
      initMs: pair((f) => f.initMs),
      initCompileMs: probePair((p) => p.compileMs),
      initEvaluateMs: probePair((p) => p.evaluateMs),
      firstLaunchMs: pair((f) => f.firstLaunchMs),
      coldStartMs: pair((f) => f.coldStartMs),
      coldStartCpuMs: pair((f) => f.coldStartCpuMs),
      spawnToFirstResponseMs: pair((f) => f.spawnToFirstResponseMs),
      warmP50Ms: pair((f) => f.warm.p50Ms),
      warmP99Ms: pair((f) => f.warm.p99Ms),
      warmP50ExclStoreMs: pair((f) => f.warm.p50ExclStoreMs),
      warmP99ExclStoreMs: pair((f) => f.warm.p99ExclStoreMs),
      cpuMsPerTurn: pair((f) => f.warm.cpuMsPerTurn),
      cpuP50Ms: pair((f) => f.warm.cpuP50Ms),
      cpuMsPerTurnIncludingWarmup: pair((f) => f.warmIncludingWarmup.cpuMsPerTurn),
      storeMsPerTurn: pair((f) => f.warm.storeMsPerTurn),
      maxRssMb: pair((f) => f.maxRssMb),
      maxRssAfterColdMb: pair((f) => f.maxRssAfterColdMb),
      requestsPerTurn: pair((f) => f.warm.requestsPerTurn),
      writeUnitsPerTurn: pair((f) => f.warm.writeUnitsPerTurn),
      responseBytesP50: pair((f) => f.warm.responseBytesP50),
      logBytesPerTurn: pair((f) => f.logBytesPerTurn),
      connections: pair((f) => f.connections),
      warmTurns: pair((f) => f.warm.turns),
    };

    // History length: the same figures for the 1-day and the 400-day households, against the floor's noise. The
    // floor keeps no history and is sent the same requests in the same order: its own cohort difference is shown
    // beside the skill's, as what the comparison gives with no history at all. It is not subtracted: a difference
    // of two differences carries twice their noise, more than the band allows for (bench/FINDINGS.md).
    const cohortDifference = (variant: Variant, get: (t: ProcessFigures['warm']) => number) =>
      median(figures[variant].map((f) => (get(f.by1d) === 0 ? 0 : get(f.by400d) / get(f.by1d) - 1)));
    const cohort = (c: 'by1d' | 'by400d', get: (t: ProcessFigures['warm']) => number) => pick('skill', (f) => get(f[c])).median;
    const historyChecks = (
      [
        ['warm p50 per turn (ms)', (t: ProcessFigures['warm']) => t.p50Ms, F.warmP50Ms.floor.spread, 2],
        ['warm p99 excl. store (ms)', (t: ProcessFigures['warm']) => t.p99ExclStoreMs, F.warmP99ExclStoreMs.floor.spread, 2],
        ['CPU per warm turn (ms)', (t: ProcessFigures['warm']) => t.cpuMsPerTurn, F.cpuMsPerTurn.floor.spread, 3],
        ['DynamoDB requests per turn', (t: ProcessFigures['warm']) => t.requestsPerTurn, 0, 3],
        ['write units per turn', (t: ProcessFigures['warm']) => t.writeUnitsPerTurn, 0, 3],
      ] as const
    ).map(([figure, get, noise, digits]) => {
      const oneDay = cohort('by1d', get);
      const fourHundredDays = cohort('by400d', get);
      const difference = Math.abs(fourHundredDays - oneDay) / oneDay;
      return {
        figure,
        digits,
        oneDay: round(oneDay, 4),
        fourHundredDays: round(fourHundredDays, 4),
        difference: round(difference, 4),
        floorCohortDifference: round(cohortDifference('floor', get), 4),
        floorNoise: round(noise, 4),
        withinNoise: difference <= noise + 1e-9,
      };
    });

    const skillTurns = [...processes.filter((p) => p.variant === 'skill').flatMap((p) => [p.cold, ...p.warm]), ...largest.records];
    const floorTurns = processes.filter((p) => p.variant === 'floor').flatMap((p) => [p.cold, ...p.warm]);
    const pattern = checkPattern(skillTurns);
    const weekly = {
      oneDay: turnWork(skillTurns.filter((t) => t.label === 'week-summary' && t.cohort === '1d')),
      fourHundredDays: turnWork(skillTurns.filter((t) => t.label === 'week-summary' && t.cohort === '400d')),
    };
    const weeklyHolds = [weekly.oneDay, weekly.fourHundredDays].every((w) => w.turns > 0 && w.maxQueries === 1 && w.maxItemsScanned <= 7 && w.requestShapes.every((s) => s.split('+').filter((op) => op === 'Query').length === 1));
    const launchWork = turnWork(skillTurns.filter((t) => t.kind === 'LaunchRequest'));
    const retry = largest.retry;

    const cohortByKey = new Map<string, string>();
    for (const homes of homesByRun.values()) for (const home of homes) cohortByKey.set(userKeyFor(home.userId), home.cohort);
    const cohortOf = (pk: string) => (pk === 'DEFAULT' ? 'default plan' : (cohortByKey.get(pk) ?? 'cold or largest'));
    const items = {
      skill: await storedItems(client, TABLES.skill, cohortOf),
      largest: await storedItems(client, TABLES.largest, () => 'largest'),
      floor: await storedItems(client, TABLES.floor, () => 'floor'),
    };
    const largestItem = items.skill.maxBytes >= items.largest.maxBytes ? { table: TABLES.skill, ...items.skill } : { table: TABLES.largest, ...items.largest };
    const dynaliteCapacity = await consumedCapacityOf(client, largestItem.table, largestItem.largest);
    const itemsHold = items.skill.overLimit === 0 && items.largest.overLimit === 0;
    const maxOf = (kind: string) => Math.max(items.skill.kinds[kind]?.maxBytes ?? 0, items.largest.kinds[kind]?.maxBytes ?? 0);
    const overOf = (kind: string) => (items.skill.kinds[kind]?.overLimit ?? 0) + (items.largest.kinds[kind]?.overLimit ?? 0);
    const countOf = (kind: string) => (items.skill.kinds[kind]?.items ?? 0) + (items.largest.kinds[kind]?.items ?? 0);

    const best = (list: TurnRecord[], by: (t: TurnRecord) => number) => list.reduce<TurnRecord | null>((b, t) => (b === null || by(t) > by(b) ? t : b), null);
    const largestSpeech = best(largest.records, (t) => t.speechChars);
    const largestBytes = best(largest.records, (t) => t.responseBytes);
    const floorMax = { speech: Math.max(...floorTurns.map((t) => t.speechChars)), bytes: Math.max(...floorTurns.map((t) => t.responseBytes)) };
    const warmMax = { speech: Math.max(...skillTurns.map((t) => t.speechChars)), bytes: Math.max(...skillTurns.map((t) => t.responseBytes)) };

    const ratio = (f: { skill: { median: number }; floor: { median: number } }) => f.skill.median / f.floor.median;
    const budgets = {
      coldStart: ratio(F.coldStartMs) <= BUDGET.coldStart,
      cpuPerTurn: ratio(F.cpuMsPerTurn) <= BUDGET.cpuPerTurn,
      warmP99ExclStore: ratio(F.warmP99ExclStoreMs) <= BUDGET.warmP99ExclStore,
      gzipBundle: bundles.skill.gzipBytes / bundles.floor.gzipBytes <= BUDGET.gzipBundle,
      peakRss: ratio(F.maxRssMb) <= BUDGET.peakRss,
      oneReadAtLaunch: pattern.newSessionTurns > 0 && pattern.newSessionWithOneRead === pattern.newSessionTurns,
      noReadsInRoutine: pattern.inSessionReads === 0,
      // One conditional PROGRESS put per turn; a turn that changed a lasting field adds one conditional SETTINGS put
      // (no read, no refused write); a rollover adds the DAY# put.
      oneConditionalWritePerTurn:
        pattern.turnsWithOneConditionalWrite === pattern.turnsExpectingAWrite &&
        pattern.rolloverTurnsAsBudgeted === pattern.rolloverTurns &&
        pattern.settingsWritesOverOnePerTurn === 0 &&
        pattern.unconditionalSettingsWrites === 0 &&
        pattern.otherWrites === 0 &&
        pattern.unconditionalProgressWrites === 0 &&
        pattern.sessionEndedWithRequests === 0,
      itemsUnderLimit: itemsHold,
      historyWithinNoise: historyChecks.every((c) => c.withinNoise),
      weeklySummaryOneQuery: weeklyHolds,
      largestSpeechUnder8000: (largestSpeech?.speechChars ?? 0) < SPEECH_LIMIT_CHARS,
      largestResponseUnder24KB: (largestBytes?.responseBytes ?? 0) < RESPONSE_LIMIT_BYTES,
    };

    // 7. When a cost budget fails: where the time goes (CPU profiles) and what the bytes are (metafile).
    let diagnosis: Record<string, unknown> | null = null;
    if (!budgets.coldStart || !budgets.cpuPerTurn || !budgets.warmP99ExclStore || !budgets.gzipBundle || !budgets.peakRss) {
      log('bench: a cost budget fails: CPU profiles of unminified twins of both bundles ...');
      await buildProfileBundles(skillBuild.options);
      const profileHomes = households(500, HOUSEHOLDS);
      for (const home of profileHomes) await seedHistory(client, TABLES.skill, home, START_AT);
      const skillProfiles = await profileVariant(h, 'skill', profileHomes, lastActions ?? [], 500);
      const floorProfiles = await profileVariant(h, 'floor', profileHomes, lastActions ?? [], 600);
      diagnosis = {
        note: 'V8 CPU profiles (100 us sampling, in-process inspector, one window each) of unminified builds of the same entries with the same esbuild options; self time per package, and per first-party file whose function was on the stack. Profiling slows everything (roughly 1.5x); compare shares, not absolutes.',
        skill: {
          initByModule: summarise(skillProfiles.init, 'byModule', 14),
          initByCallingModule: summarise(skillProfiles.init, 'byCallingModule', 14),
          initByFirstPartyFile: summarise(skillProfiles.init, 'byFirstPartyFile', 12),
          firstRequestByModule: summarise(skillProfiles.first, 'byModule', 12),
          firstRequestByCallingModule: summarise(skillProfiles.first, 'byCallingModule', 12),
          firstRequestByFirstPartyFile: summarise(skillProfiles.first, 'byFirstPartyFile', 12),
          warmByModule: summarise(skillProfiles.warm, 'byModule', 14),
          warmByCallingModule: summarise(skillProfiles.warm, 'byCallingModule', 14),
          warmByFirstPartyFile: summarise(skillProfiles.warm, 'byFirstPartyFile', 14),
        },
        floor: {
          initByModule: summarise(floorProfiles.init, 'byModule', 10),
          initByCallingModule: summarise(floorProfiles.init, 'byCallingModule', 10),
          firstRequestByModule: summarise(floorProfiles.first, 'byModule', 10),
          firstRequestByCallingModule: summarise(floorProfiles.first, 'byCallingModule', 10),
          warmByModule: summarise(floorProfiles.warm, 'byModule', 10),
          warmByCallingModule: summarise(floorProfiles.warm, 'byCallingModule', 10),
        },
        warmProfiledTurns: PROFILE_WARM_TURNS,
        bundleBytesByModule: { skill: bytesByPackage(SKILL_META, SKILL_BUNDLE).slice(0, 18), floor: bytesByPackage(FLOOR_META, FLOOR_BUNDLE).slice(0, 12) },
        zodBytesByPart: zodBreakdown(SKILL_META).slice(0, 10),
      };
    }

    // 8. The table.
    const rows: Row[] = [
      ratioRow('bundle, raw bytes', bundles.skill.rawBytes, bundles.floor.rawBytes, 0, null),
      ratioRow('bundle, gzip -9 bytes', bundles.skill.gzipBytes, bundles.floor.gzipBytes, 0, BUDGET.gzipBundle),
      ratioRow('init: require the bundle (ms)', F.initMs.skill.median, F.initMs.floor.median, 1, null),
      ratioRow('  of which compile (ms, probe)', F.initCompileMs.skill.median, F.initCompileMs.floor.median, 1, null),
      ratioRow('  of which evaluate (ms, probe)', F.initEvaluateMs.skill.median, F.initEvaluateMs.floor.median, 1, null),
      ratioRow('first LaunchRequest, cold (ms)', F.firstLaunchMs.skill.median, F.firstLaunchMs.floor.median, 1, null),
      ratioRow('cold start: init + first response (ms)', F.coldStartMs.skill.median, F.coldStartMs.floor.median, 1, BUDGET.coldStart),
      ratioRow('cold start CPU (ms)', F.coldStartCpuMs.skill.median, F.coldStartCpuMs.floor.median, 1, null),
      ratioRow('spawn to first response, with Node boot (ms)', F.spawnToFirstResponseMs.skill.median, F.spawnToFirstResponseMs.floor.median, 1, null),
      ratioRow(`warm p50 per turn (ms; ${fmtInt(F.warmTurns.skill.median)} turns/process)`, F.warmP50Ms.skill.median, F.warmP50Ms.floor.median, 2, null),
      ratioRow('warm p99 per turn (ms)', F.warmP99Ms.skill.median, F.warmP99Ms.floor.median, 2, null),
      ratioRow('warm p50 excl. store (ms)', F.warmP50ExclStoreMs.skill.median, F.warmP50ExclStoreMs.floor.median, 2, null),
      ratioRow('warm p99 excl. store (ms)', F.warmP99ExclStoreMs.skill.median, F.warmP99ExclStoreMs.floor.median, 2, BUDGET.warmP99ExclStore),
      ratioRow('CPU per warm turn (ms)', F.cpuMsPerTurn.skill.median, F.cpuMsPerTurn.floor.median, 3, BUDGET.cpuPerTurn),
      ratioRow('time awaiting DynamoDB per turn (ms)', F.storeMsPerTurn.skill.median, F.storeMsPerTurn.floor.median, 2, null),
      ratioRow('peak RSS: maxRSS after the warm run (MB)', F.maxRssMb.skill.median, F.maxRssMb.floor.median, 1, BUDGET.peakRss),
      ratioRow('maxRSS after the cold launch (MB)', F.maxRssAfterColdMb.skill.median, F.maxRssAfterColdMb.floor.median, 1, null),
      ratioRow('DynamoDB requests per warm turn', F.requestsPerTurn.skill.median, F.requestsPerTurn.floor.median, 3, null),
      ratioRow('write units per warm turn (est.)', F.writeUnitsPerTurn.skill.median, F.writeUnitsPerTurn.floor.median, 3, null),
      ratioRow('response bytes, median turn', F.responseBytesP50.skill.median, F.responseBytesP50.floor.median, 0, null),
      ratioRow('log bytes per turn (stdout)', F.logBytesPerTurn.skill.median, F.logBytesPerTurn.floor.median, 0, null),
      row('TCP connections to DynamoDB per process', fmt(F.connections.skill.median, 0), fmt(F.connections.floor.median, 0), '', null),
      row('reads when a session starts', `${pattern.newSessionWithOneRead}/${pattern.newSessionTurns} x 1 BatchGetItem, ${launchWork.readUnits} RU`, '1 GetItem', 'exactly 1', budgets.oneReadAtLaunch),
      row('reads inside a session', `${pattern.inSessionReads} in ${fmtInt(pattern.inSessionTurns)} turns`, '0', '0', budgets.noReadsInRoutine),
      row('reads after a write conflict', `${pattern.readsAfterConflict} re-reads / ${pattern.conflicts} conflict`, '', 'allowed', null),
      row('turns with exactly 1 conditional PROGRESS write', `${fmtInt(pattern.turnsWithOneConditionalWrite)}/${fmtInt(pattern.turnsExpectingAWrite)}`, 'PutItem x1', 'all', budgets.oneConditionalWritePerTurn),
      row(
        'turns that changed a lasting field: + 1 SETTINGS put',
        `${fmtInt(pattern.settingsWriteTurns)} turns, ${fmtInt(pattern.settingsWrites)} puts, ${pattern.unconditionalSettingsWrites} unconditional`,
        '',
        '<= 1, conditional',
        budgets.oneConditionalWritePerTurn,
      ),
      row('day rollovers: PROGRESS + DAY# (+ SETTINGS)', `${pattern.rolloverTurnsAsBudgeted}/${pattern.rolloverTurns}`, '', 'all', budgets.oneConditionalWritePerTurn),
      row(`largest PROGRESS item (${overOf('PROGRESS')}/${countOf('PROGRESS')} over 4 KB)`, `${fmtInt(maxOf('PROGRESS'))} B`, `${fmtInt(items.floor.maxBytes)} B`, '< 4,096 B', overOf('PROGRESS') === 0),
      row(`largest DAY# item (${fmtInt(countOf('DAY#'))} items)`, `${fmtInt(maxOf('DAY#'))} B`, '', '< 4,096 B', overOf('DAY#') === 0),
      row('largest PLAN item (default plan, full)', `${fmtInt(maxOf('PLAN'))} B`, '', '< 4,096 B', overOf('PLAN') === 0),
      ...historyChecks.map((c) =>
        row(
          `400 vs 1 day of history: ${c.figure}`,
          `${fmt(c.fourHundredDays, c.digits)} vs ${fmt(c.oneDay, c.digits)}`,
          `${signedPercent(c.floorCohortDifference)}; noise ${(c.floorNoise * 100).toFixed(1)}%`,
          'within noise',
          c.withinNoise,
          `${(c.difference * 100).toFixed(1)}%`,
        ),
      ),
      row(
        'weekly summary (one-shot), 1 / 400 days',
        `${weekly.oneDay.requestShapes.join('|')}; read ${weekly.oneDay.maxItemsRead}/${weekly.fourHundredDays.maxItemsRead} items`,
        '',
        '1 Query, <= 7 items',
        weeklyHolds,
      ),
      row('largest response: outputSpeech chars', `${fmtInt(largestSpeech?.speechChars ?? 0)} (${largestSpeech?.label ?? '?'})`, fmtInt(floorMax.speech), `< ${fmtInt(SPEECH_LIMIT_CHARS)}`, budgets.largestSpeechUnder8000),
      row('largest response: bytes in all', `${fmtInt(largestBytes?.responseBytes ?? 0)} (${largestBytes?.label ?? '?'})`, fmtInt(floorMax.bytes), `< ${fmtInt(RESPONSE_LIMIT_BYTES)}`, budgets.largestResponseUnder24KB),
    ];
    const table = printTable(rows);
    // The therapist's report page (issue 15): its own table and figures, its budgets counted with the skill's.
    log('bench: the report page ...');
    const report = await runReportBench();
    Object.assign(budgets, report.budgets);
    const holds = Object.entries(budgets).filter(([, v]) => v).map(([k]) => k);
    const fails = Object.entries(budgets).filter(([, v]) => !v).map(([k]) => k);
    const spreads = (
      [
        ['init', F.initMs],
        ['cold start', F.coldStartMs],
        ['warm p50', F.warmP50Ms],
        ['warm p99', F.warmP99Ms],
        ['warm p99 excl. store', F.warmP99ExclStoreMs],
        ['CPU per turn', F.cpuMsPerTurn],
        ['peak RSS', F.maxRssMb],
      ] as const
    ).map(([name, v]) => `${name} ${(v.floor.spread * 100).toFixed(1)}% (range ${(v.floor.range * 100).toFixed(0)}%)`);

    const output = {
      generatedAt: new Date().toISOString(),
      quick: QUICK,
      node: process.version,
      platform: `${os.platform()} ${os.arch()}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'})`,
      method: {
        runs: RUNS,
        order: 'S F F S S F F S ... (fresh process each; the floor is sent the same requests the skill was)',
        warmTurnsPerProcess: WARM_TURNS,
        warmupRoundsExcluded: WARMUP_ROUNDS,
        loadAverageAtStart: loadAtStart,
        loadAverageAtEnd: os.loadavg().map((l) => round(l, 2)),
        households: HOUSEHOLDS,
        tree,
        figure: 'median over processes; p50/p99 are per process over its warm turns; "noise" is the floor\'s run-to-run spread, interquartile range / median (the full range is given too)',
        exclStore: 'handler wall time minus the union of the intervals with a DynamoDB request or an Alexa API call in flight',
      },
      durationS: 0,
      esbuildOptions: { capturedFromNpmRunBuild: skillBuild.captured, options: skillBuild.options },
      bundles,
      figures: F,
      historyChecks,
      dynamo: {
        pattern,
        requestsByKind: { skill: requestsByKind(skillTurns.filter((t) => t.cohort !== 'largest')), floor: requestsByKind(floorTurns) },
        launch: launchWork,
        weeklySummary: weekly,
        retriedRequest: retry === null ? null : retry.requests.map((r) => ({ op: r.op, conditional: r.conditional, conflict: r.conflict })),
        storedItems: { skill: { ...items.skill, largest: undefined }, largest: { ...items.largest, largest: undefined }, floor: { ...items.floor, largest: undefined } },
        largestItem: largestItem.largest,
        consumedCapacity: {
          note: "The skill does not set ReturnConsumedCapacity, so write units are estimated from each item's DynamoDB size (1 WCU per started KB; replacing an item costs the larger of the old and new sizes). dynalite's own figure for a copy of the largest item is a cross-check.",
          largestItemBytes: largestItem.maxBytes,
          estimatedWriteUnits: writeUnits(largestItem.maxBytes),
          dynaliteCapacityUnits: dynaliteCapacity,
        },
      },
      largestResponse: {
        speech: largestSpeech === null ? null : { chars: largestSpeech.speechChars, turn: largestSpeech.label, bytes: largestSpeech.responseBytes },
        bytes: largestBytes === null ? null : { bytes: largestBytes.responseBytes, turn: largestBytes.label, speechChars: largestBytes.speechChars },
        allSkillTurns: warmMax,
        floor: floorMax,
        limits: { speechChars: SPEECH_LIMIT_CHARS, responseBytes: RESPONSE_LIMIT_BYTES },
      },
      secretColdStart,
      budgets,
      holds,
      fails,
      sameRequestsInEverySkillRun: actionSignatures.size === 1,
      slowTail: {
        note: 'turns at or over their process p99 excluding the store, by kind, against all warm turns; cpuP50Ms is the median CPU of that kind',
        skill: slowTailByKind(processes.filter((p) => p.variant === 'skill'), WARMUP_ROUNDS),
        floor: slowTailByKind(processes.filter((p) => p.variant === 'floor'), WARMUP_ROUNDS),
      },
      diagnosis,
      table: rows,
    };
    output.durationS = round((Date.now() - startedAt) / 1000, 1);

    mkdirSync(RESULTS, { recursive: true });
    const json = JSON.stringify(output, null, 2);
    writeFileSync(path.join(RESULTS, 'latest.json'), json);
    writeFileSync(path.join(RESULTS, `${output.generatedAt.replace(/[:.]/g, '-')}${QUICK ? '-quick' : ''}.json`), json);
    if (DUMP) writeFileSync(path.join(RESULTS, 'turns.json'), JSON.stringify([...processes.flatMap((p) => [p.cold, ...p.warm]), ...largest.records]));

    console.log(`\nRange of Motion Coach benchmark (${QUICK ? "QUICK smoke run" : "full run"}): medians of ${RUNS} fresh processes each, interleaved; ${process.version}; ${output.platform}; load average ${loadAtStart.join(" ")} at start; HEAD ${tree.head}${tree.uncommittedInLambda.length > 0 ? ` + ${tree.uncommittedInLambda.length} uncommitted files in lambda/` : ''}\n`);
    console.log(table);
    console.log(`\nfloor run-to-run spread, interquartile range / median (defines "within noise"): ${spreads.join(', ')}`);
    console.log(`DynamoDB requests by kind, skill: ${Object.entries(output.dynamo.requestsByKind.skill).map(([k, v]) => `${k} ${v.perTurn}/turn${v.conditional ? ` (all ${v.conditional} conditional)` : ''}`).join(', ')}`);
    console.log(`retried request (Alexa resends a request): ${retry === null ? 'not run' : retry.requests.map((r) => `${r.op}${r.conflict ? ' (refused: ConditionalCheckFailed)' : ''}`).join(' + ')}`);
    console.log(
      `user-key secret (loopback Secrets Manager): cold start p50 ${fmt(secretColdStart.withoutSecretCall.coldStartMsP50)} ms without the read, ` +
        `${fmt(secretColdStart.withSecretCall.coldStartMsP50)} ms with it (+${fmt(secretColdStart.addedColdStartMsP50)} ms, network to the real service on top); ` +
        `${secretColdStart.secretCallsPerContainer.every((n) => n === 1) ? 'one read per container' : `reads per container ${secretColdStart.secretCallsPerContainer.join(',')}`}, ${secretColdStart.secretCallsOnWarmTurns} on warm turns`,
    );
    console.log(`consumed capacity: not returned by the skill (no ReturnConsumedCapacity); estimated from item sizes: largest item ${largestItem.maxBytes} B = ${writeUnits(largestItem.maxBytes)} WCU per write; dynalite reports ${dynaliteCapacity ?? 'n/a'} for a copy`);
    if (!output.sameRequestsInEverySkillRun) console.log('note: the skill runs did not all send the same requests');
    if (pattern.violations.length > 0) console.log(`pattern notes:\n  ${pattern.violations.join('\n  ')}`);
    const tailLine = (kinds: ReturnType<typeof slowTailByKind>) =>
      kinds.slice(0, 5).map((k) => `${k.kind} ${Math.round(k.shareOfTail * 100)}% of tail / ${Math.round(k.shareOfTurns * 100)}% of turns, CPU p50 ${k.cpuP50Ms} ms`).join('; ');
    console.log(`slow tail (turns at or over p99 excl. store), skill: ${tailLine(output.slowTail.skill)}`);
    console.log(`slow tail, floor: ${tailLine(output.slowTail.floor)}`);
    if (diagnosis !== null) {
      const d = diagnosis as { skill: Record<string, { totalMs: number; top: Array<{ name: string; ms: number }> }> };
      const line = (name: string, key: string, n: number) => `${name} (${d.skill[key]!.totalMs} ms profiled): ${d.skill[key]!.top.slice(0, n).map((e) => `${e.name} ${e.ms}`).join(', ')}`;
      console.log(`\nwhere the skill's time goes (profiles of an unminified twin; details in latest.json "diagnosis"):`);
      console.log(`  ${line('init, self time by package', 'initByModule', 8)}`);
      console.log(`  ${line('first request, by package (native time to its caller)', 'firstRequestByCallingModule', 8)}`);
      console.log(`  ${line('warm turns, by package (native time to its caller)', 'warmByCallingModule', 8)}`);
      console.log(`  ${line('warm turns, by first-party file', 'warmByFirstPartyFile', 8)}`);
    }
    printReportBench(report);
    console.log(`\nbudgets that hold (${holds.length}/${holds.length + fails.length}): ${holds.join(', ') || 'none'}`);
    console.log(`budgets that fail: ${fails.join(', ') || 'none'}`);
    console.log(`written: bench/results/latest.json (${output.durationS} s)`);
  } finally {
    await h.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
