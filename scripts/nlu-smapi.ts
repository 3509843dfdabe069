// `npm run nlu:smapi -- <conflicts|evaluate|results> -p <dev|beta> [-l <locale>] [--evaluation-id <id>]`: after the
// first deploy, asks Alexa's own NLU about the deployed model, with the pinned ask-cli (SMAPI), and writes what it
// says to dist/nlu/ (git-ignored). Nothing else reads or changes the skill.
//
// - conflicts: SMAPI's Utterance Conflict Detection API is on Amazon's deprecated-features page (Jan 2023) and the
//   pinned ask-cli has no command for it, so the check is made with `ask smapi profile-nlu`: every sample of the
//   locale's model without a slot is profiled against the deployed model, and each one Alexa resolves to another
//   intent is a conflict. Written to dist/nlu/<locale>-conflicts.json.
// - evaluate: uploads the caregiver corpus (`npm run nlu:export`, dist/nlu/<locale>.json) as an NLU annotation set
//   and starts an NLU evaluation of the development stage; prints the evaluation id.
// - results: the evaluation's status and its failed test cases, written to dist/nlu/<locale>-evaluation-<id>.json.
//   The developer console shows the same run under Build > Evaluate model > NLU Evaluation.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { askCommand, ASK_STATES_PATH, RESOURCES_PATH, skillIdFromStates, skillPackageOf } from './deploy';
import { NLU_DIR } from './nlu-export';
import { ROOT } from './package';
import { runScript } from './local/run-script';

type Json = Record<string, unknown>;
/** Runs `ask smapi <args>` and returns its parsed JSON output (or throws with what ask-cli said). */
export type Smapi = (args: string[]) => unknown;

export function askSmapi(ask: string, profile: string): Smapi {
  return (args) => {
    const result = spawnSync(ask, ['smapi', ...args, '-p', profile], { cwd: ROOT, encoding: 'utf8', shell: process.platform === 'win32' });
    if (result.error !== undefined) throw result.error;
    if (result.status !== 0) throw new Error(`ask smapi ${args[0]} failed: ${(result.stderr || result.stdout).trim()}`);
    const out = result.stdout.trim();
    return out === '' ? null : (JSON.parse(out) as unknown);
  };
}

/** The samples of a model that name no slot: what profile-nlu can check as they are written. */
export function literalSamples(model: { interactionModel: { languageModel: { intents: Array<{ name: string; samples?: string[] }> } } }): Array<{ intent: string; utterance: string }> {
  return model.interactionModel.languageModel.intents.flatMap((intent) =>
    (intent.samples ?? []).filter((sample) => !sample.includes('{')).map((utterance) => ({ intent: intent.name, utterance })),
  );
}

export type Conflict = { utterance: string; intent: string; resolvedTo: string; considered: string[] };

/** Profiles every literal sample; those Alexa resolves to another intent are conflicts. */
export function findConflicts(smapi: Smapi, skillId: string, locale: string, samples: ReadonlyArray<{ intent: string; utterance: string }>): Conflict[] {
  const conflicts: Conflict[] = [];
  for (const { intent, utterance } of samples) {
    const answer = smapi(['profile-nlu', '-s', skillId, '-l', locale, '-g', 'development', '-u', utterance]) as {
      selectedIntent?: { name?: string };
      consideredIntents?: Array<{ name?: string }>;
    } | null;
    const resolvedTo = answer?.selectedIntent?.name ?? '(none)';
    if (resolvedTo !== intent) {
      conflicts.push({ utterance, intent, resolvedTo, considered: (answer?.consideredIntents ?? []).map((c) => c.name ?? '') });
    }
  }
  return conflicts;
}

/** Creates an annotation set from the exported corpus and starts an evaluation; returns both ids. */
export function startEvaluation(smapi: Smapi, skillId: string, locale: string, annotationsFile: string): { annotationId: string; evaluationId: string } {
  const created = smapi(['create-nlu-annotation-set', '-s', skillId, '-l', locale, '--name', `caregiver-corpus-${locale}-${new Date().toISOString().slice(0, 10)}`]) as { id?: string } | null;
  const annotationId = created?.id;
  if (typeof annotationId !== 'string') throw new Error(`create-nlu-annotation-set returned no id: ${JSON.stringify(created)}`);
  smapi([
    'update-annotations-for-nlu-annotation-sets',
    '-s',
    skillId,
    '--annotation-id',
    annotationId,
    '--content-type',
    'application/json',
    '--update-nlu-annotation-set-annotations-request',
    `file:${annotationsFile}`,
  ]);
  const started = smapi(['create-nlu-evaluations', '-s', skillId, '-l', locale, '-g', 'development', '--source-annotation-id', annotationId]) as { id?: string } | null;
  const evaluationId = started?.id;
  if (typeof evaluationId !== 'string') throw new Error(`create-nlu-evaluations returned no id: ${JSON.stringify(started)}`);
  return { annotationId, evaluationId };
}

function option(args: readonly string[], ...names: string[]): string | undefined {
  const at = args.findIndex((arg) => names.includes(arg));
  return at >= 0 ? args[at + 1] : undefined;
}

function main(): number {
  const args = process.argv.slice(2);
  const command = args[0];
  const profile = option(args, '-p', '--profile') ?? process.env.ASK_DEFAULT_PROFILE;
  const locale = option(args, '-l', '--locale') ?? 'en-US';
  if (!['conflicts', 'evaluate', 'results'].includes(command ?? '') || profile === undefined) {
    console.error('usage: npm run nlu:smapi -- <conflicts|evaluate|results> -p <dev|beta> [-l en-US] [--evaluation-id <id>]');
    return 1;
  }
  const skillId = existsSync(ASK_STATES_PATH) ? skillIdFromStates(JSON.parse(readFileSync(ASK_STATES_PATH, 'utf8')), profile) : undefined;
  if (skillId === undefined) {
    console.error(`no skill id for ${profile} in .ask/ask-states.json: deploy it first (npm run deploy -- -p ${profile})`);
    return 1;
  }
  const smapi = askSmapi(askCommand(process.env), profile);
  mkdirSync(NLU_DIR, { recursive: true });

  if (command === 'conflicts') {
    const packageDir = skillPackageOf(JSON.parse(readFileSync(RESOURCES_PATH, 'utf8')) as Json, profile);
    const model = JSON.parse(readFileSync(path.join(ROOT, packageDir, 'interactionModels', 'custom', `${locale}.json`), 'utf8'));
    const samples = literalSamples(model);
    console.log(`profiling ${samples.length} samples of ${locale} against the deployed ${profile} model (one SMAPI call each) ...`);
    const conflicts = findConflicts(smapi, skillId, locale, samples);
    const file = path.join(NLU_DIR, `${locale}-conflicts.json`);
    writeFileSync(file, `${JSON.stringify({ skillId, locale, profiled: samples.length, conflicts }, null, 2)}\n`);
    for (const c of conflicts) console.log(`  "${c.utterance}": ${c.intent} -> ${c.resolvedTo}`);
    console.log(`${conflicts.length} of ${samples.length} samples resolve to another intent; written ${path.relative(ROOT, file)}`);
    return 0;
  }
  if (command === 'evaluate') {
    const annotations = path.join(NLU_DIR, `${locale}.json`);
    if (!existsSync(annotations)) {
      console.error(`${path.relative(ROOT, annotations)} is missing: run npm run nlu:export first`);
      return 1;
    }
    const { annotationId, evaluationId } = startEvaluation(smapi, skillId, locale, annotations);
    console.log(`annotation set ${annotationId}; evaluation ${evaluationId} started. In a few minutes:`);
    console.log(`  npm run nlu:smapi -- results -p ${profile} -l ${locale} --evaluation-id ${evaluationId}`);
    return 0;
  }
  const evaluationId = option(args, '--evaluation-id');
  if (evaluationId === undefined) {
    console.error('results needs --evaluation-id <id> (printed by evaluate; list-nlu-evaluations lists them)');
    return 1;
  }
  const evaluation = smapi(['get-nlu-evaluation', '-s', skillId, '--evaluation-id', evaluationId]) as Json | null;
  const failed = smapi(['get-result-for-nlu-evaluations', '-s', skillId, '--evaluation-id', evaluationId, '--test-case-status', 'FAILED']) as Json | null;
  const file = path.join(NLU_DIR, `${locale}-evaluation-${evaluationId}.json`);
  writeFileSync(file, `${JSON.stringify({ evaluation, failed }, null, 2)}\n`);
  console.log(`status ${String(evaluation?.status ?? '?')}; failed test cases: ${String((failed?.testCases as unknown[] | undefined)?.length ?? '?')}; written ${path.relative(ROOT, file)}`);
  return 0;
}

if (require.main === module) runScript(main);
