// `npm run plan:import -- plan.json [--user <userKey>] [--check]`: stores the therapist's plan, as the deployment-wide
// default or for one user. The file is checked first, before any store or environment is looked at; an invalid file
// changes nothing. With neither SKILL_TABLE nor DYNAMODB_ENDPOINT set it writes to the console's own store
// (.data/dynalite), through the running console when there is one.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseConfig } from '../lambda/config';
import { holdsNotAllowed, planProblems, TherapistPlanSchema, type TherapistPlan } from '../lambda/engine/therapist-plan';
import { createDynamoClient } from '../lambda/store/client';
import { DEFAULT_PLAN_OWNER, DynamoPlanStore } from '../lambda/store/plan-store';
import { ensureTable } from '../lambda/store/table';
import { LOCAL_TABLE, localDataDir, openLocalStore, PROJECT_ROOT, type LocalStore } from './local/local-store';

export const USAGE = 'usage: npm run plan:import -- plan.json [--user <userKey>] [--check]';

export type ImportArgs = { file: string; user: string | null; check: boolean };
export type ImportOutcome = { ok: true; owner: string; exercises: number } | { ok: false; problems: string[] };
export type Validation = { ok: true; plan: TherapistPlan } | { ok: false; problems: string[] };

export function parseArgs(argv: readonly string[]): ImportArgs | { error: string } {
  const userAt = argv.indexOf('--user');
  const user = userAt >= 0 ? (argv[userAt + 1] ?? null) : null;
  if (userAt >= 0 && (user === null || user.startsWith('--'))) return { error: '--user needs the user key (the console shows it; see the README)' };
  const rest = argv.filter((_, i) => userAt < 0 || (i !== userAt && i !== userAt + 1));
  const unknown = rest.find((arg) => arg.startsWith('--') && arg !== '--check');
  if (unknown !== undefined) return { error: `unknown option ${unknown}; ${USAGE}` };
  const files = rest.filter((arg) => !arg.startsWith('--'));
  if (files.length !== 1) return { error: USAGE };
  return { file: files[0]!, user, check: rest.includes('--check') };
}

/** Every problem of a plan file, each with its field path ("exercises.2.reps: ..."), or the plan. */
export function validatePlan(text: string): Validation {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`(file): not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = TherapistPlanSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: planProblems(parsed.error) };
  const holds = holdsNotAllowed(parsed.data);
  return holds.length === 0 ? { ok: true, plan: parsed.data } : { ok: false, problems: holds };
}

export async function importPlan(text: string, owner: string, store: Pick<DynamoPlanStore, 'save'>, nowMs: number): Promise<ImportOutcome> {
  const validation = validatePlan(text);
  if (!validation.ok) return validation;
  await store.save(owner, validation.plan, nowMs);
  return { ok: true, owner, exercises: validation.plan.exercises.length };
}

/** Neither a table nor an endpoint named: the console's embedded store, as `npm start` uses it. */
export function usesLocalStore(env: Record<string, string | undefined>): boolean {
  return (env.SKILL_TABLE ?? '') === '' && (env.DYNAMODB_ENDPOINT ?? '') === '';
}

type Target = { store: DynamoPlanStore; where: string; throughConsole: boolean; close(): Promise<void> };

async function localTarget(env: Record<string, string | undefined>): Promise<Target> {
  const folder = localDataDir(env);
  const local: LocalStore = await openLocalStore(folder);
  const client = createDynamoClient({ region: 'us-east-1', dynamoEndpoint: local.endpoint });
  const close = async (): Promise<void> => {
    client.destroy();
    await local.close();
  };
  try {
    // A fresh clone has no table until the first `npm start`; the console creates the same one.
    await ensureTable(client, LOCAL_TABLE);
  } catch (error) {
    await close();
    throw error;
  }
  const shown = path.relative(PROJECT_ROOT, folder) || folder;
  return {
    store: new DynamoPlanStore(client, LOCAL_TABLE),
    where: local.via === 'console' ? `the console's store (${shown}, through the running console)` : `the console's store (${shown})`,
    throughConsole: local.via === 'console',
    close,
  };
}

function configuredTarget(env: Record<string, string | undefined>): Target {
  const config = parseConfig(env);
  const client = createDynamoClient(config);
  return {
    store: new DynamoPlanStore(client, config.tableName),
    where: `table ${config.tableName}${config.dynamoEndpoint !== undefined ? ` at ${config.dynamoEndpoint}` : ''}`,
    throughConsole: false,
    close: async () => client.destroy(),
  };
}

export async function main(argv: readonly string[], env: Record<string, string | undefined>, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const args = parseArgs(argv);
  if ('error' in args) {
    err(args.error);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(args.file, 'utf8');
  } catch (error) {
    err(`cannot read ${args.file}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  // Checked before any store or environment is touched.
  const validation = validatePlan(text);
  if (!validation.ok) {
    err(`${args.file} was not imported; the stored plan is unchanged:`);
    for (const problem of validation.problems) err(`  ${problem}`);
    return 1;
  }
  const { plan } = validation;
  if (args.check) {
    out(`${args.file} is a valid plan: ${plan.exercises.length} exercises, reviewed on ${plan.reviewedOn}`);
    return 0;
  }
  const owner = args.user ?? DEFAULT_PLAN_OWNER;
  const where = await save(env, owner, plan);
  const whose = owner === DEFAULT_PLAN_OWNER ? 'every user without their own' : `user ${owner}`;
  out(`imported ${plan.exercises.length} exercises (reviewed on ${plan.reviewedOn}) as the plan for ${whose}, in ${where}`);
  out(`voice changes made against a plan reviewed before ${plan.reviewedOn} are set aside at the next session, which says the new plan is in use`);
  return 0;
}

/** Saves the plan and says where. A console that stops mid-write is followed by one more try, on the folder itself. */
async function save(env: Record<string, string | undefined>, owner: string, plan: TherapistPlan): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    const target = usesLocalStore(env) ? await localTarget(env) : configuredTarget(env);
    try {
      await target.store.save(owner, plan, Date.now());
      return target.where;
    } catch (error) {
      if (!target.throughConsole || attempt > 1) throw error;
    } finally {
      await target.close();
    }
  }
}

if (require.main === module) {
  // Lambda runs Node 22; on a local Node 20 the SDK's deprecation notice is only noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  main(
    process.argv.slice(2),
    process.env,
    (line) => process.stdout.write(`${line}\n`),
    (line) => process.stderr.write(`${line}\n`),
  ).then(
    (code) => process.exit(code),
    (error: unknown) => {
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      process.stderr.write(`plan:import: ${error instanceof Error ? error.message : String(error)}${cause}\n`);
      process.exit(1);
    },
  );
}
