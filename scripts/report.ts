// `npm run report -- --user <userKey> --out report.html [--weeks 4..12] [--detailed]`: the therapist's report page
// written as a file, from the same Query and the same renderer as the web page, for a family running the skill on
// its own account. The user key is the one the logs show ("userKey", e.g. k1.AbC...). The table is SKILL_TABLE
// (with DYNAMODB_ENDPOINT for a local one); with neither set, the console's local table in .data/dynalite.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { createDynamoClient } from '../lambda/store/client';
import { DynamoReportAccess } from '../lambda/store/report-access';
import { buildReport, DEFAULT_WEEKS, MAX_WEEKS, periodStart, reportToday } from '../lambda/report/report-data';
import { reportPage } from '../lambda/report/render';
import { startDynalite, type RunningDynalite } from './local/dynalite';

const ArgsSchema = z.object({
  user: z.string().min(3).regex(/^[A-Za-z0-9._-]+$/, 'a user key as the logs show it, e.g. k1.AbC...'),
  out: z.string().min(1),
  weeks: z.coerce.number().int().min(1).max(MAX_WEEKS).default(DEFAULT_WEEKS),
  detailed: z.boolean().default(false),
});

export function parseArgs(argv: readonly string[]): z.infer<typeof ArgsSchema> {
  const raw: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--detailed') raw.detailed = true;
    else if (arg.startsWith('--') && argv[i + 1] !== undefined) raw[arg.slice(2)] = argv[(i += 1)]!;
    else throw new Error(`unexpected argument ${arg}`);
  }
  const parsed = ArgsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; '));
  return parsed.data;
}

/** Renders one user's report into a file; returns its size in bytes. */
export async function writeReport(client: DynamoDBClient, tableName: string, options: { user: string; out: string; weeks: number; detailed: boolean; nowMs?: number }): Promise<number> {
  const nowMs = options.nowMs ?? Date.now();
  const access = new DynamoReportAccess(client, tableName);
  const { items, defaultPlan } = await access.reportItems(options.user, periodStart(reportToday([], nowMs).today, options.weeks + 1));
  const model = buildReport({ items, defaultPlan, nowMs, weeks: options.weeks, healthDetails: options.detailed });
  // A file has no session to sign out of and no other periods to link to.
  const html = reportPage(model, new Date(nowMs).toISOString().slice(0, 16).replace('T', ' ') + ' UTC', { standalone: true });
  writeFileSync(options.out, html);
  return Buffer.byteLength(html);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  let dynalite: RunningDynalite | undefined;
  let endpoint = process.env.DYNAMODB_ENDPOINT;
  let table = process.env.SKILL_TABLE;
  if (endpoint === undefined && table === undefined) {
    dynalite = await startDynalite({ path: path.join(__dirname, '..', '.data', 'dynalite') });
    endpoint = dynalite.endpoint;
    table = 'range-of-motion-coach-local';
  }
  if (table === undefined) throw new Error('SKILL_TABLE: the table to read');
  const client = createDynamoClient({ region: process.env.AWS_REGION ?? 'us-east-1', dynamoEndpoint: endpoint });
  try {
    const bytes = await writeReport(client, table, { ...args, detailed: args.detailed || process.env.HEALTH_LOG === 'detailed' });
    console.log(`wrote ${args.out} (${(bytes / 1024).toFixed(0)} KiB, ${args.weeks} weeks)`);
    return 0;
  } finally {
    client.destroy();
    await dynalite?.close();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`report: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
