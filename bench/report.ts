// The therapist's report page's budgets (issue 15), part of `npm run bench` and runnable alone
// (`tsx bench/report.ts`): warm page p99 with 400 days of history (the whole GET through the handler against
// dynalite on loopback, and the render alone), Query calls per page, page size, and the report bundle's load time
// against the skill bundle's (median of fresh node processes, interleaved).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEVELOPMENT_USER_KEY_SECRET } from '../lambda/config';
import { silentLogger } from '../lambda/logger';
import { newReportCode, reportHash } from '../lambda/report-code';
import { handleReportRequest, type ReportDeps } from '../lambda/report/http';
import { buildReport } from '../lambda/report/report-data';
import { reportPage } from '../lambda/report/render';
import { createDynamoClient } from '../lambda/store/client';
import { DynamoReportAccess } from '../lambda/store/report-access';
import { DynamoReportCodes } from '../lambda/store/report-codes';
import { ensureTable } from '../lambda/store/table';
import { buildLambda, buildReport as buildReportBundle } from '../scripts/build';
import { startDynalite } from '../scripts/local/dynalite';
import { seedHousehold } from '../scripts/local/report-history';

const QUICK = process.env.BENCH_QUICK === '1';
const TODAY = '2026-12-10';
const NOW = Date.parse(`${TODAY}T18:00:00Z`);
const p = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
};
const median = (values: number[]) => p(values, 0.5);

export type ReportBench = {
  warmPageP99Ms: number;
  warmPageP50Ms: number;
  renderP99Ms: number;
  queriesPerPage: number;
  pageBytes: number;
  reportLoadMs: number;
  skillLoadMs: number;
  budgets: Record<string, boolean>;
};

/** Load (init) time of a bundle in a fresh node process, as Lambda's init would pay it. */
function loadTimes(bundles: string[], rounds: number): number[][] {
  const probe = path.join(mkdtempSync(path.join(os.tmpdir(), 'rom-load-')), 'probe.js');
  writeFileSync(probe, "const { performance } = require('node:perf_hooks'); const t = performance.now(); require(process.argv[2]); process.stdout.write(String(performance.now() - t));");
  const env = { ...process.env, SKILL_TABLE: 'rom-bench-load', DYNAMODB_ENDPOINT: 'http://127.0.0.1:9', AWS_LAMBDA_FUNCTION_NAME: '', LOG_LEVEL: 'error' };
  const times: number[][] = bundles.map(() => []);
  for (let round = 0; round < rounds; round += 1) {
    // Interleaved, the order swapped each round, so neither bundle always runs on a warmer machine.
    const order = round % 2 === 0 ? bundles.map((_, i) => i) : bundles.map((_, i) => bundles.length - 1 - i);
    for (const i of order) {
      const out = spawnSync(process.execPath, [probe, bundles[i]!], { env, encoding: 'utf8' });
      times[i]!.push(Number(out.stdout));
    }
  }
  rmSync(path.dirname(probe), { recursive: true, force: true });
  return times;
}

export async function runReportBench(): Promise<ReportBench> {
  const dynalite = await startDynalite({});
  const client = createDynamoClient({ region: 'us-east-1', dynamoEndpoint: dynalite.endpoint });
  try {
    const table = 'rom-bench-report';
    await ensureTable(client, table);
    const user = 'dev.bench-household';
    await seedHousehold(client, table, user, { days: 400, today: TODAY });
    const access = new DynamoReportAccess(client, table);
    const deps: ReportDeps = { access, secret: DEVELOPMENT_USER_KEY_SECRET, healthDetails: true, clock: () => NOW, logger: silentLogger, secureCookie: true };
    const code = await new DynamoReportCodes(client, table).issue(user, NOW, newReportCode, (c) => reportHash(DEVELOPMENT_USER_KEY_SECRET, 'code', c));
    const signedIn = await handleReportRequest({ rawPath: '/', body: `code=${code}`, requestContext: { http: { method: 'POST', sourceIp: '127.0.0.1' } } }, deps);
    const cookie = signedIn.cookies?.[0]?.split(';')[0] ?? '';
    const get = { rawPath: '/', rawQueryString: 'weeks=12', cookies: [cookie], requestContext: { http: { method: 'GET', sourceIp: '127.0.0.1' } } };
    const warmup = QUICK ? 20 : 50;
    const measured = QUICK ? 100 : 400;
    const pages: number[] = [];
    let pageBytes = 0;
    let queries = 0;
    for (let i = 0; i < warmup + measured; i += 1) {
      const before = access.queries;
      const t = performance.now();
      const page = await handleReportRequest(get, deps);
      const ms = performance.now() - t;
      if (page.statusCode !== 200) throw new Error(`report page answered ${page.statusCode}`);
      if (i >= warmup) {
        pages.push(ms);
        queries = Math.max(queries, access.queries - before);
        pageBytes = Buffer.byteLength(page.body);
      }
    }
    const { items, defaultPlan } = await access.reportItems(user, '2026-09-01');
    const renders: number[] = [];
    for (let i = 0; i < warmup + measured; i += 1) {
      const t = performance.now();
      reportPage(buildReport({ items, defaultPlan, nowMs: NOW, weeks: 12, healthDetails: true }), 'now');
      if (i >= warmup) renders.push(performance.now() - t);
    }
    const dist = mkdtempSync(path.join(os.tmpdir(), 'rom-bench-dist-'));
    await buildLambda(dist);
    await buildReportBundle(dist);
    const [skillLoads, reportLoads] = loadTimes([path.join(dist, 'lambda', 'index.js'), path.join(dist, 'lambda', 'report.js')], QUICK ? 3 : 7);
    rmSync(dist, { recursive: true, force: true });
    const result = {
      warmPageP99Ms: p(pages, 0.99),
      warmPageP50Ms: median(pages),
      renderP99Ms: p(renders, 0.99),
      queriesPerPage: queries,
      pageBytes,
      reportLoadMs: median(reportLoads!),
      skillLoadMs: median(skillLoads!),
    };
    return {
      ...result,
      budgets: {
        reportWarmPageP99Under30ms: result.warmPageP99Ms < 30,
        reportOneQueryPerPage: result.queriesPerPage === 1,
        reportPageUnder100KB: result.pageBytes < 100 * 1024,
        reportColdStartAtMostSkill: result.reportLoadMs <= result.skillLoadMs,
      },
    };
  } finally {
    client.destroy();
    await dynalite.close();
  }
}

export function printReportBench(r: ReportBench): void {
  const line = (figure: string, value: string, budget: string, holds: boolean) => console.log(`  ${figure.padEnd(44)} ${value.padEnd(22)} ${budget.padEnd(18)} ${holds ? 'yes' : 'NO'}`);
  console.log('\nthe report page (issue 15), 400 days of history, 12 weeks shown, HEALTH_LOG=detailed:');
  line('warm page, whole GET (dynalite loopback), p99', `${r.warmPageP99Ms.toFixed(1)} ms (p50 ${r.warmPageP50Ms.toFixed(1)})`, '< 30 ms', r.budgets.reportWarmPageP99Under30ms!);
  line('  of which render alone, p99', `${r.renderP99Ms.toFixed(1)} ms`, '', true);
  line('Query calls per page', String(r.queriesPerPage), 'exactly 1', r.budgets.reportOneQueryPerPage!);
  line('page size', `${(r.pageBytes / 1024).toFixed(1)} KB`, '< 100 KB', r.budgets.reportPageUnder100KB!);
  line('bundle load (init), median of fresh processes', `report ${r.reportLoadMs.toFixed(0)} ms, skill ${r.skillLoadMs.toFixed(0)} ms`, '<= skill', r.budgets.reportColdStartAtMostSkill!);
}

if (require.main === module) {
  runReportBench().then(
    (r) => {
      printReportBench(r);
      process.exit(Object.values(r.budgets).every(Boolean) ? 0 : 1);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

