// `npm run plan:import -- plan.json [--user <id>]`: stores the therapist's plan, as the deployment-wide
// default or for one user (the id as it appears in the logs). An invalid file changes nothing.
import { readFile } from 'node:fs/promises';
import { parseConfig } from '../lambda/config';
import { planProblems, TherapistPlanSchema } from '../lambda/engine/therapist-plan';
import { createDynamoClient } from '../lambda/store/client';
import { DEFAULT_PLAN_OWNER, DynamoPlanStore } from '../lambda/store/plan-store';

export type ImportOutcome = { ok: true; owner: string; exercises: number } | { ok: false; problems: string[] };

export function parseArgs(argv: readonly string[]): { file: string; user: string | null } | { error: string } {
  const userAt = argv.indexOf('--user');
  const user = userAt >= 0 ? (argv[userAt + 1] ?? null) : null;
  if (userAt >= 0 && (user === null || user.startsWith('--'))) return { error: '--user needs the id as it appears in the logs' };
  const file = argv.filter((_, i) => userAt < 0 || (i !== userAt && i !== userAt + 1)).find((arg) => !arg.startsWith('--'));
  return file === undefined ? { error: 'usage: npm run plan:import -- plan.json [--user <id>]' } : { file, user };
}

export async function importPlan(text: string, owner: string, store: Pick<DynamoPlanStore, 'save'>, nowMs: number): Promise<ImportOutcome> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`(file): not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = TherapistPlanSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: planProblems(parsed.error) };
  await store.save(owner, parsed.data, nowMs);
  return { ok: true, owner, exercises: parsed.data.exercises.length };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if ('error' in args) {
    console.error(args.error);
    return 2;
  }
  const config = parseConfig(process.env);
  const client = createDynamoClient(config);
  const outcome = await importPlan(await readFile(args.file, 'utf8'), args.user ?? DEFAULT_PLAN_OWNER, new DynamoPlanStore(client, config.tableName), Date.now());
  client.destroy();
  if (!outcome.ok) {
    console.error(`${args.file} was not imported; the stored plan is unchanged:`);
    for (const problem of outcome.problems) console.error(`  ${problem}`);
    return 1;
  }
  console.log(`imported ${outcome.exercises} exercises as the plan for ${outcome.owner === DEFAULT_PLAN_OWNER ? 'every user without their own' : 'that user'}`);
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`plan:import: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
