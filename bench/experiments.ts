// `npx tsx bench/experiments.ts`: what-if measurements behind bench/FINDINGS.md, without touching the
// skill's sources. Variants of the skill bundle are built from the same entry with the same esbuild
// options plus a plugin that rewrites one thing on load; each is measured like `npm run bench` measures
// the skill (fresh processes, interleaved, medians): bundle bytes, init, first LaunchRequest, CPU per
// warm turn, peak RSS. Also: what Node 20's fetch (undici) costs on first use, and how small the
// progress item gets with shorter JSON keys. BENCH_QUICK=1 for 3 processes per variant.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { fmt, fmtInt, printTable, processFigures, type Row } from './lib/analysis';
import { BENCH, BUILD_DIR, bundleSize, ROOT } from './lib/bundles';
import { measuredProcess, startHarness } from './lib/harness';
import { households, seedHistory, warmSkill } from './lib/scenarios';
import { dynamoItemBytes } from '../lambda/store/item-size';
import { CATALOG } from '../lambda/catalog/catalog';
import { addDays } from '../lambda/engine/day';
import { buildSteps, stepKey } from '../lambda/engine/plan';
import { defaultProgram } from '../lambda/engine/program';
import { initialState } from '../lambda/engine/state';
import type { RoutineState } from '../lambda/engine/types';
import { progressItem } from '../lambda/store/progress-store';
import { encodeState } from '../lambda/store/state-codec';
import { median, round } from './lib/stats';

const QUICK = process.env.BENCH_QUICK === '1';
const RUNS = QUICK ? 3 : 7;
const WARM_TURNS = QUICK ? 200 : 600;
const START_AT = new Date('2026-12-01T15:00:00Z');
const TABLE = 'bench-experiments';

const FALLBACK: BuildOptions = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, sourcemap: true, metafile: true, legalComments: 'none', logLevel: 'warning' };

function skillOptions(): BuildOptions {
  const captured = path.join(BUILD_DIR, 'skill-esbuild-options.json');
  if (!existsSync(captured)) return FALLBACK;
  const { entryPoints: _e, outfile: _o, ...options } = JSON.parse(readFileSync(captured, 'utf8')) as BuildOptions;
  void _e;
  void _o;
  return options;
}

type Variant = {
  name: string;
  what: string;
  /** Rewrites of the skill's own files on load: [file pattern, transform]. */
  rewrites: Array<[RegExp, (source: string) => string]>;
  /** Modules put first in lambda/index.ts, by name (see PRELUDES). */
  preludes: Array<keyof typeof PRELUDES>;
  /** zod's locales namespace replaced by an empty one. */
  noLocales?: boolean;
};

const PRELUDES = {
  /** zod's JIT off before any schema is built or parsed. */
  jitless: "import { config } from 'zod';\nconfig({ jitless: true });\n",
  /** A fetch on node:http/https (which the AWS SDK loads anyway) instead of Node 20's undici. */
  httpFetch: `
    const http = require('node:http');
    const https = require('node:https');
    const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };
    globalThis.fetch = (url, init = {}) => new Promise((resolve, reject) => {
      const u = new URL(String(url));
      const request = (u.protocol === 'https:' ? https : http).request(u, { method: init.method || 'GET', headers: init.headers, signal: init.signal, agent: agents[u.protocol] }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode, ok: res.statusCode >= 200 && res.statusCode < 300, json: async () => JSON.parse(body), text: async () => body });
        });
      });
      request.on('error', reject);
      if (init.body !== undefined) request.write(init.body);
      request.end();
    });
  `,
} as const;

const namespaceImport = (source: string) => source.replace(/import \{ z \} from 'zod';/g, "import * as z from 'zod';");

/**
 * store/retry.ts's AsyncLocalStorage replaced by a plain module variable: Lambda runs one invocation at a
 * time per process, and an AsyncLocalStorage turns on async_hooks promise hooks for every promise.
 */
const noAsyncLocalStorage = (source: string) =>
  source.replace(
    /new AsyncLocalStorage(<[^>]*>)?\(\)/,
    `({ current: undefined as any, getStore() { return this.current; }, run(store: any, fn: () => any) { const previous = this.current; this.current = store; try { const result = fn(); if (result && typeof result.finally === 'function') return result.finally(() => { this.current = previous; }); this.current = previous; return result; } catch (error) { this.current = previous; throw error; } } })`,
  );

/** Files each variant's rewrites actually changed, to show a rewrite did not silently miss. */
const changedFiles = new Map<string, Set<string>>();

function variantPlugin(variant: Variant): Plugin {
  const changed = new Set<string>();
  changedFiles.set(variant.name, changed);
  return {
    name: `bench-${variant.name}`,
    setup(b) {
      b.onLoad({ filter: /[\\/]lambda[\\/].*\.ts$/ }, (args) => {
        let contents = readFileSync(args.path, 'utf8');
        for (const [pattern, rewrite] of variant.rewrites) {
          if (!pattern.test(args.path)) continue;
          const rewritten = rewrite(contents);
          if (rewritten !== contents) changed.add(path.relative(ROOT, args.path));
          contents = rewritten;
        }
        if (/[\\/]lambda[\\/]index\.ts$/.test(args.path)) contents = `${variant.preludes.map((p) => `import 'bench-prelude-${p}';\n`).join('')}${contents}`;
        return { contents, loader: 'ts', resolveDir: path.dirname(args.path) };
      });
      b.onResolve({ filter: /^bench-prelude-/ }, (args) => ({ path: args.path.slice('bench-prelude-'.length), namespace: 'bench-prelude' }));
      b.onLoad({ filter: /.*/, namespace: 'bench-prelude' }, (args) => ({ contents: PRELUDES[args.path as keyof typeof PRELUDES], loader: 'js', resolveDir: ROOT }));
      if (variant.noLocales) {
        b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (args.importer.includes(`${path.sep}zod${path.sep}`) ? { path: 'zod-locales', namespace: 'bench-empty' } : undefined));
        b.onLoad({ filter: /.*/, namespace: 'bench-empty' }, () => ({ contents: 'export {};', loader: 'js' }));
      }
    },
  };
}

const ALL_LAMBDA = /[\\/]lambda[\\/]/;
const VARIANTS: Variant[] = [
  { name: 'as-built', what: 'the skill as `npm run build` bundles it', rewrites: [], preludes: [] },
  { name: 'zod-namespace-import', what: "import * as z from 'zod' in lambda/ (one line in each of 12 files)", rewrites: [[ALL_LAMBDA, namespaceImport]], preludes: [] },
  { name: 'zod-no-locales', what: "zod's locales namespace stubbed", rewrites: [], preludes: [], noLocales: true },
  { name: 'zod-jitless', what: 'z.config({ jitless: true }) first', rewrites: [], preludes: ['jitless'] },
  { name: 'http-fetch', what: 'Settings/Reminders calls on node:http(s) instead of undici fetch', rewrites: [], preludes: ['httpFetch'] },
  { name: 'no-async-local-storage', what: "store/retry.ts's AsyncLocalStorage as a module variable", rewrites: [[/[\\/]lambda[\\/]store[\\/]retry\.ts$/, noAsyncLocalStorage]], preludes: [] },
  {
    name: 'all three',
    what: 'zod-namespace-import, http-fetch and no-async-local-storage together',
    rewrites: [
      [ALL_LAMBDA, namespaceImport],
      [/[\\/]lambda[\\/]store[\\/]retry\.ts$/, noAsyncLocalStorage],
    ],
    preludes: ['httpFetch'],
  },
];

/** First use of Node 20's fetch (undici) against node:http, in fresh processes (the stub answers from this one). */
async function fetchCost(endpoint: string) {
  const script = (useFetch: boolean) => `
    const http = require('node:http');
    const t0 = performance.now();
    const before = process.resourceUsage().maxRSS;
    const done = () => { process.stdout.write(JSON.stringify({ ms: performance.now() - t0, rssKb: process.resourceUsage().maxRSS - before })); };
    ${useFetch ? `fetch('${endpoint}/v2/devices/x/settings/System.timeZone').then((r) => r.text()).then(done);` : `http.get('${endpoint}/v2/devices/x/settings/System.timeZone', (res) => { res.resume(); res.on('end', done); });`}
  `;
  const one = (useFetch: boolean) =>
    new Promise<{ ms: number; rssKb: number }>((resolve, reject) => {
      execFile(process.execPath, ['-e', script(useFetch)], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 20_000 }, (error, stdout) =>
        error ? reject(error) : resolve(JSON.parse(stdout) as { ms: number; rssKb: number }),
      );
    });
  const fetches: Array<{ ms: number; rssKb: number }> = [];
  const gets: Array<{ ms: number; rssKb: number }> = [];
  for (let i = 0; i < RUNS; i += 1) {
    fetches.push(await one(true));
    gets.push(await one(false));
  }
  return {
    fetchFirstCallMs: round(median(fetches.map((f) => f.ms)), 1),
    fetchMaxRssGrowthMb: round(median(fetches.map((f) => f.rssKb)) / 1024, 1),
    httpGetFirstCallMs: round(median(gets.map((f) => f.ms)), 1),
    httpGetMaxRssGrowthMb: round(median(gets.map((f) => f.rssKb)) / 1024, 1),
  };
}

/** The largest progress item of the last bench run, and what shorter JSON keys would make of it. */
function progressCompaction() {
  const latest = path.join(BENCH, 'results', 'latest.json');
  if (!existsSync(latest)) return null;
  const item = (JSON.parse(readFileSync(latest, 'utf8')) as { dynamo?: { largestItem?: Record<string, { S?: string; N?: string }> } }).dynamo?.largestItem;
  if (item?.state?.S === undefined) return null;
  const size = (it: Record<string, { S?: string; N?: string }>) =>
    Object.entries(it).reduce((n, [k, v]) => n + Buffer.byteLength(k) + (v.S !== undefined ? Buffer.byteLength(v.S) : Math.ceil(String(v.N ?? '').replace(/^0+/, '').length / 2) + 1), 0);
  const state = JSON.parse(item.state.S) as unknown;
  const keys = new Map<string, string>();
  const short = (key: string) => {
    if (!keys.has(key)) keys.set(key, (keys.size < 26 ? String.fromCharCode(97 + keys.size) : `${String.fromCharCode(97 + (keys.size % 26))}${Math.floor(keys.size / 26)}`));
    return keys.get(key)!;
  };
  const rename = (value: unknown, inRecord = false): unknown => {
    if (Array.isArray(value)) return value.map((v) => rename(v));
    if (value === null || typeof value !== 'object') return value;
    // Records keyed by data (exercise ids) keep their keys; field names are shortened.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [inRecord ? k : short(k), rename(v, k === 'recentStops' || k === 'doses')]));
  };
  const shortened = { ...item, state: { S: JSON.stringify(rename(state)) } };
  const noPrefix = { ...shortened, lastRequestId: { S: (item.lastRequestId?.S ?? '').replace(/^amzn1\.echo-api\.request\./, '') } };
  const fieldBytes = Object.fromEntries(
    Object.entries(state as Record<string, unknown>).map(([k, v]) => [k, Buffer.byteLength(JSON.stringify(v)) + Buffer.byteLength(k) + 4]),
  );
  return {
    asStoredBytes: size(item),
    stateJsonBytes: Buffer.byteLength(item.state.S),
    withShortFieldNamesBytes: size(shortened),
    plusRequestIdWithoutPrefixBytes: size(noPrefix),
    stateBytesByField: Object.fromEntries(Object.entries(fieldBytes).sort(([, a], [, b]) => b - a)),
  };
}

/** The same small schema with zod imported three ways: the package's floor in bytes, init and memory. */
async function zodImportStyles(options: BuildOptions) {
  const schema = (mini: boolean) =>
    mini
      ? "z.object({ a: z.string().check(z.maxLength(10)), b: z.number().check(z.int(), z.minimum(0)), c: z.nullable(z.enum(['x', 'y'])), d: z.array(z.object({ e: z.boolean() })) })"
      : "z.object({ a: z.string().max(10), b: z.number().int().min(0), c: z.enum(['x', 'y']).nullable(), d: z.array(z.object({ e: z.boolean() })) })";
  const styles = [
    { style: "import { z } from 'zod' (as lambda/ does)", source: `import { z } from 'zod';\nexport const ok = ${schema(false)}.safeParse({ a: 'x', b: 1, c: null, d: [{ e: true }] }).success;` },
    { style: "import * as z from 'zod'", source: `import * as z from 'zod';\nexport const ok = ${schema(false)}.safeParse({ a: 'x', b: 1, c: null, d: [{ e: true }] }).success;` },
    { style: "import * as z from 'zod/mini'", source: `import * as z from 'zod/mini';\nexport const ok = ${schema(true)}.safeParse({ a: 'x', b: 1, c: null, d: [{ e: true }] }).success;` },
  ];
  const out = [];
  for (const [i, entry] of styles.entries()) {
    const file = path.join(BUILD_DIR, 'zod-styles', `${i}.js`);
    mkdirSync(path.dirname(file), { recursive: true });
    await build({ ...options, stdin: { contents: entry.source, resolveDir: ROOT, loader: 'ts' }, outfile: file, sourcemap: false, metafile: false, absWorkingDir: ROOT });
    const runs: Array<{ ms: number; rssKb: number }> = [];
    for (let r = 0; r < RUNS; r += 1) {
      runs.push(
        await new Promise((resolve, reject) =>
          execFile(
            process.execPath,
            ['-e', `const t = performance.now(); const m = require(${JSON.stringify(file)}); if (!m.ok) throw new Error('parse'); process.stdout.write(JSON.stringify({ ms: performance.now() - t, rssKb: process.resourceUsage().maxRSS }));`],
            { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 20_000 },
            (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout) as { ms: number; rssKb: number })),
          ),
        ),
      );
    }
    const size = bundleSize(file);
    out.push({ style: entry.style, rawBytes: size.rawBytes, gzipBytes: size.gzipBytes, requireMs: round(median(runs.map((r) => r.ms)), 1), maxRssMb: round(median(runs.map((r) => r.rssKb)) / 1024, 1) });
  }
  return out;
}

/** The progress item as DynamoProgressStore.save writes it, for a given state. */
function progressItemBytes(state: RoutineState, requestId = `amzn1.echo-api.request.${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}`): number {
  return dynamoItemBytes(progressItem('x'.repeat(32), { state, expectedVersion: 1233, requestId, nowMs: 1796229801000 }, 1234, encodeState(state)));
}

/** Progress items for states the skill can reach, from an ordinary day to the schema's limits. */
function progressBounds() {
  const day = '2026-12-10';
  const atMs = Date.parse(`${day}T15:00:00Z`);
  const steps = buildSteps('everything', defaultProgram());
  const everythingDone: RoutineState = {
    ...initialState(day),
    introduced: true,
    interruptHintGiven: true,
    lastTurnAtMs: atMs,
    timeZone: 'America/Los_Angeles',
    previousDay: { day: '2026-12-09', routine: 'everything', done: 27, planned: 28 },
    levels: Object.fromEntries(CATALOG.map((e) => [`${e.id}:${e.dose.kind}`, e.dose.kind === 'reps' ? 10 : 30])),
    today: {
      ...initialState(day).today,
      routine: 'everything',
      phase: 'finished',
      startedAtMs: atMs,
      outcomes: Object.fromEntries(steps.map((s) => [stepKey(s), { outcome: 'completed' as const, amount: s.dose.kind === 'reps' ? 10 : 30 }])),
    },
  };
  const reminder = { alertToken: 'amzn1.alert-id.0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0', hour: 10, minute: 0 };
  const stopsEveryDay = (exercises: number, days: number) =>
    Object.fromEntries(CATALOG.slice(0, exercises).map((e) => [e.id, Array.from({ length: days }, (_, i) => addDays(day, -i))]));
  const withStops: RoutineState = {
    ...everythingDone,
    reminder,
    recentStops: stopsEveryDay(3, 7),
    lastStoppedEarly: { day, step: { exerciseId: 'horizontal-shoulder-abduction', side: null } },
    planOverrides: { excluded: ['neck-rotation', 'neck-flexion'], doses: { 'elbow-flexion-extension': { kind: 'reps', reps: 5 } } },
  };
  const detailed: RoutineState = {
    ...withStops,
    today: {
      ...withStops.today,
      endedEarly: true,
      endReason: 'fatigue',
      painReports: Array.from({ length: 5 }, (_, i) => ({ stepKey: stepKey(steps[i]!), bodyPart: 'shoulder', severity: 7, atMs: atMs + i * 60_000 })),
    },
  };
  const atLimits: RoutineState = {
    ...detailed,
    recentStops: stopsEveryDay(CATALOG.length, 7),
    planOverrides: {
      excluded: CATALOG.slice(0, 8).map((e) => e.id),
      doses: Object.fromEntries(CATALOG.map((e) => [e.id, e.dose.kind === 'reps' ? { kind: 'reps' as const, reps: 10 } : { kind: 'hold' as const, holdSeconds: 30, asTolerated: true }])),
    },
    reminder: { ...reminder, alertToken: 'a'.repeat(512) },
  };
  return {
    note: 'DynamoDB size of the PROGRESS item as DynamoProgressStore.save writes it (lastRequestId a real-length Alexa request id); over 1,024 B costs 2 WCU per turn',
    freshUser: progressItemBytes(initialState(day)),
    everythingRoutineDone: progressItemBytes(everythingDone),
    plusReminderStopsAndVoiceChanges: progressItemBytes(withStops),
    plusHealthLogDetailed: progressItemBytes(detailed),
    schemaLimits: progressItemBytes(atLimits),
  };
}

async function main(): Promise<void> {
  const options = skillOptions();
  const dir = path.join(BUILD_DIR, 'variants');
  const built: Array<{ name: string; what: string; file: string }> = [];
  for (const variant of VARIANTS) {
    const file = path.join(dir, variant.name, 'index.js');
    mkdirSync(path.dirname(file), { recursive: true });
    await build({ ...options, entryPoints: [path.join(ROOT, 'lambda', 'index.ts')], outfile: file, metafile: false, plugins: [variantPlugin(variant)], absWorkingDir: ROOT });
    built.push({ name: variant.name, what: variant.what, file });
  }
  const h = await startHarness(START_AT, [TABLE]);
  try {
    const results = new Map<string, ReturnType<typeof processFigures>[]>();
    for (let i = 0; i < RUNS; i += 1) {
      for (const [index, variant] of (i % 2 === 0 ? built : [...built].reverse()).entries()) {
        const run = 2000 + i * 20 + index;
        const homes = households(run, 4);
        for (const home of homes) await seedHistory(h.client, TABLE, home, START_AT);
        const result = await measuredProcess(h, { variant: 'skill', bundle: variant.file, table: TABLE }, run, async (worker) => (await warmSkill(worker, h.ctx, run, homes, WARM_TURNS, 1)).records);
        const list = results.get(variant.name) ?? [];
        list.push(processFigures(result, 1));
        results.set(variant.name, list);
        process.stderr.write(`experiments: ${variant.name} #${i} done\n`);
      }
    }
    const base = results.get('as-built')!;
    const m = (list: ReturnType<typeof processFigures>[], get: (f: ReturnType<typeof processFigures>) => number) => median(list.map(get));
    const summary = built.map((variant) => {
      const list = results.get(variant.name)!;
      const size = bundleSize(variant.file);
      return {
        variant: variant.name,
        what: variant.what,
        filesRewritten: [...(changedFiles.get(variant.name) ?? [])].sort(),
        rawBytes: size.rawBytes,
        gzipBytes: size.gzipBytes,
        initMs: round(m(list, (f) => f.initMs), 1),
        firstLaunchMs: round(m(list, (f) => f.firstLaunchMs), 1),
        coldStartMs: round(m(list, (f) => f.coldStartMs), 1),
        cpuMsPerTurn: round(m(list, (f) => f.warm.cpuMsPerTurn), 3),
        warmP99ExclStoreMs: round(m(list, (f) => f.warm.p99ExclStoreMs), 2),
        maxRssMb: round(m(list, (f) => f.maxRssMb), 1),
      };
    });
    const baseCold = m(base, (f) => f.coldStartMs);
    const rows: Row[] = summary.map((s) => ({
      figure: `${s.variant}${s.filesRewritten.length > 0 ? ` (${s.filesRewritten.length} files)` : ''}`,
      skill: `${fmtInt(s.gzipBytes)} B gz, init ${fmt(s.initMs)} + first ${fmt(s.firstLaunchMs)} = ${fmt(s.coldStartMs)} ms`,
      floor: `CPU ${fmt(s.cpuMsPerTurn, 3)} ms/turn, p99 excl. ${fmt(s.warmP99ExclStoreMs, 2)} ms, RSS ${fmt(s.maxRssMb)} MB`,
      ratio: `${((s.coldStartMs / baseCold - 1) * 100).toFixed(0)}%`,
      budget: '',
      holds: '',
    }));
    const fetchFigures = await fetchCost(h.ctx.alexaApiEndpoint);
    const compaction = progressCompaction();
    const bounds = progressBounds();
    const zodStyles = await zodImportStyles(options);
    const output = { generatedAt: new Date().toISOString(), quick: QUICK, runs: RUNS, warmTurns: WARM_TURNS, variants: summary, fetch: fetchFigures, progressItem: compaction, progressBounds: bounds, zodImportStyles: zodStyles };
    mkdirSync(path.join(BENCH, 'results'), { recursive: true });
    writeFileSync(path.join(BENCH, 'results', `experiments${QUICK ? '-quick' : ''}.json`), JSON.stringify(output, null, 2));
    console.log(printTable(rows).replace('| skill', '| bundle and cold start').replace('| floor', '| warm').replace('| ratio', '| cold vs as-built'));
    console.log(`\nfirst fetch() (undici): ${fetchFigures.fetchFirstCallMs} ms, maxRSS +${fetchFigures.fetchMaxRssGrowthMb} MB; first http.get: ${fetchFigures.httpGetFirstCallMs} ms, +${fetchFigures.httpGetMaxRssGrowthMb} MB`);
    if (compaction !== null) console.log(`largest progress item: ${compaction.asStoredBytes} B; short field names ${compaction.withShortFieldNamesBytes} B; and request id without its prefix ${compaction.plusRequestIdWithoutPrefixBytes} B`);
    for (const z of zodStyles) console.log(`zod alone, ${z.style}: ${fmtInt(z.rawBytes)} B raw, ${fmtInt(z.gzipBytes)} B gzip, require ${z.requireMs} ms, maxRSS ${z.maxRssMb} MB`);
    console.log(`progress item for reachable states (B): ${Object.entries(bounds).filter(([k]) => k !== 'note').map(([k, v]) => `${k} ${String(v)}`).join(', ')}`);
    console.log(`written: bench/results/experiments${QUICK ? '-quick' : ''}.json`);
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
