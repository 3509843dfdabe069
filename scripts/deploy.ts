// `npm run deploy -- -p <dev|beta> [--release] [<ask deploy options>]`: after `npm run build`, runs ask-cli's
// `ask deploy` (the pinned devDependency, node_modules/.bin/ask) for one stage, an ask-cli profile of
// ask-resources.json. ask-cli itself does the rest in that one run: creates or updates the skill, the stack
// (skill-stack.yaml, with the stage's own secret in Secrets Manager), writes the stack's Lambda ARN into the
// stage's skill.json as the custom endpoint and, from userConfig.skillEvents, as the SKILL_DISABLED events
// endpoint, uploads the manifest again and enables the skill for testing. This script only prepares:
//
// 1. The stage's skill package: the dev stage's generated copy (scripts/stages.ts) is brought up to date, and
//    the privacy and terms links of infrastructure/publishing-links.json are copied into skill.json.
// 2. A leftover `manifest.apis.events` (written by ask-cli when targetEndpoint listed "events") is refused:
//    ask-cli would upload it again and refuse to enable the skill.
// 3. With --release: placeholder (example.*) privacy or terms links and a stage without an AlarmEmail are
//    refused before anything is uploaded.
//
// Nothing secret passes through here or through any file: the stack generates the user-key secret.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadPublishingLinks, placeholderLinks, readJson, ROOT, syncManifestLinks } from './package';
import { stagePackageOf, writeStagePackage } from './stages';
import { runScript } from './local/run-script';

export const RESOURCES_PATH = path.join(ROOT, 'ask-resources.json');
export const ASK_STATES_PATH = path.join(ROOT, '.ask', 'ask-states.json');
export const REPLAY_TEMPLATE = path.join(ROOT, 'test', 'ask-dialog', 'replay-en-US.json');
export const REPLAY_READY = path.join(ROOT, '.ask', 'replay-en-US.json');
/** The pinned ask-cli (package.json devDependencies), installed by npm ci. */
export const PINNED_ASK = path.join(ROOT, 'node_modules', '.bin', 'ask');
export const RELEASE_FLAG = '--release';

export const INSTALL_ASK_CLI = [
  'ask-cli was not found: the project pins it as a devDependency (node_modules/.bin/ask).',
  'Install the project and link ask-cli to your Amazon developer and AWS accounts, once per stage:',
  '  npm ci',
  '  npx ask configure -p dev',
  'Then run npm run deploy again. The README, "Deploy to your Alexa account", has the whole walk-through.',
].join('\n');

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The ask-cli profile a deploy uses: -p/--profile, else ASK_DEFAULT_PROFILE (as ask-cli reads it), else none. */
export function profileFromArgs(args: readonly string[], env: Record<string, string | undefined>): string | undefined {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if ((arg === '-p' || arg === '--profile') && args[i + 1] !== undefined) return args[i + 1] as string;
    if (arg.startsWith('--profile=')) return arg.slice('--profile='.length);
  }
  const fromEnv = env.ASK_DEFAULT_PROFILE;
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : undefined;
}

export function profilesOf(resources: Json): string[] {
  return isObject(resources.profiles) ? Object.keys(resources.profiles) : [];
}

function profileOf(resources: Json, profile: string): Json {
  const entry = isObject(resources.profiles) ? resources.profiles[profile] : undefined;
  if (!isObject(entry)) throw new Error(`ask-resources.json has no profile "${profile}" (it has ${profilesOf(resources).join(', ')})`);
  return entry;
}

const at = (root: unknown, keys: readonly string[]): unknown => keys.reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), root);

/** The profile's skill package folder (skillMetadata.src), relative to the project root. */
export function skillPackageOf(resources: Json, profile: string): string {
  const src = at(profileOf(resources, profile), ['skillMetadata', 'src']);
  if (typeof src !== 'string') throw new Error(`ask-resources.json: profiles.${profile}.skillMetadata.src is missing`);
  return path.normalize(src);
}

export function stackParametersOf(resources: Json, profile: string): Json {
  const parameters = at(profileOf(resources, profile), ['skillInfrastructure', 'userConfig', 'cfn', 'parameters']);
  return isObject(parameters) ? parameters : {};
}

/** What keeps a release from going out: placeholder links, and a stage whose alarms would reach nobody. */
export function releaseProblems(resources: Json, profile: string, links = loadPublishingLinks()): string[] {
  const problems: string[] = [];
  const placeholders = placeholderLinks(links);
  if (placeholders.length > 0) {
    problems.push(
      `privacy policy and terms of use must be your own published pages, not placeholders: ${placeholders.join(', ')} ` +
        '(infrastructure/publishing-links.json; the README, step "Privacy policy and terms", says what they must state)',
    );
  }
  const email = stackParametersOf(resources, profile).AlarmEmail;
  if (typeof email !== 'string' || email === '') {
    problems.push(`profiles.${profile}: AlarmEmail is empty in ask-resources.json, so no one would hear of an alarm`);
  }
  return problems;
}

/** An API domain ask-cli < 2.28-style configs left in skill.json (`targetEndpoint: ["custom","events"]`). */
export function leftoverApiDomains(manifestFile: Json): string[] {
  const apis = at(manifestFile, ['manifest', 'apis']);
  return isObject(apis) ? Object.keys(apis).filter((domain) => domain !== 'custom') : [];
}

/** The replay file with the deployed skill's id in place of the placeholder, for `ask dialog --replay`. */
export function replayWithSkillId(replayText: string, skillId: string): string {
  const replay = JSON.parse(replayText) as Json;
  return `${JSON.stringify({ ...replay, skillId }, null, 2)}\n`;
}

export function skillIdFromStates(states: unknown, profile: string): string | undefined {
  const skillId = at(states, ['profiles', profile, 'skillId']);
  return typeof skillId === 'string' && skillId !== '' ? skillId : undefined;
}

/** The ask-cli command: the pinned node_modules/.bin/ask, or ASK_CLI (a stand-in in tests). */
export const askCommand = (env: Record<string, string | undefined>): string => env.ASK_CLI ?? PINNED_ASK;

/** ask-cli rewrites ask-resources.json in its own format on every deploy; put ours back if the content is the same. */
function keepFormatting(file: string, originalText: string): void {
  const current = readFileSync(file, 'utf8');
  if (current !== originalText && JSON.stringify(JSON.parse(current)) === JSON.stringify(JSON.parse(originalText))) {
    writeFileSync(file, originalText);
  }
}

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT, shell: process.platform === 'win32' });
  if (result.error !== undefined) throw result.error;
  return result.status ?? 1;
}

function askIsInstalled(ask: string): boolean {
  if (path.isAbsolute(ask) && !existsSync(ask)) return false;
  const result = spawnSync(ask, ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' });
  return result.error === undefined && result.status === 0;
}

function main(): number {
  const given = process.argv.slice(2);
  const release = given.includes(RELEASE_FLAG);
  const args = given.filter((arg) => arg !== RELEASE_FLAG);
  const resourcesText = readFileSync(RESOURCES_PATH, 'utf8');
  const resources = JSON.parse(resourcesText) as Json;
  const profile = profileFromArgs(args, process.env);
  if (profile === undefined) {
    console.error(`name the stage: npm run deploy -- -p <${profilesOf(resources).join('|')}> (the ask-cli profiles of ask-resources.json)`);
    return 1;
  }
  const packageDir = skillPackageOf(resources, profile);

  if (release) {
    const problems = releaseProblems(resources, profile);
    if (problems.length > 0) {
      console.error(`refusing a release deploy of ${profile}:\n${problems.map((p) => `- ${p}`).join('\n')}`);
      return 1;
    }
  }

  const ask = askCommand(process.env);
  if (!askIsInstalled(ask)) {
    console.error(INSTALL_ASK_CLI);
    return 1;
  }

  if (syncManifestLinks()) console.log('updated the privacy and terms links in skill-package/skill.json');
  const stage = stagePackageOf(profile);
  if (stage !== undefined) {
    if (path.normalize(stage.dir) !== packageDir) throw new Error(`ask-resources.json: profiles.${profile}.skillMetadata.src is not ./${stage.dir} (scripts/stages.ts)`);
    const written = writeStagePackage(stage);
    if (written.length > 0) console.log(`brought the ${profile} skill package up to date: ${written.join(', ')}`);
  }
  const manifestPath = path.join(ROOT, packageDir, 'skill.json');
  const leftovers = leftoverApiDomains(readJson(manifestPath));
  if (leftovers.length > 0) {
    console.error(
      `${path.relative(ROOT, manifestPath)} has manifest.apis.${leftovers.join(', manifest.apis.')}: only "custom" belongs there ` +
        '(an older targetEndpoint setting wrote it). Delete it by hand and deploy again; ask-cli writes events from skillEvents.',
    );
    return 1;
  }
  if (!release && placeholderLinks(loadPublishingLinks()).length > 0) {
    console.log('note: the privacy and terms links are still example.com placeholders; `npm run deploy -- --release` refuses them.');
  }

  let status: number;
  try {
    status = run(ask, ['deploy', ...args]);
  } finally {
    keepFormatting(RESOURCES_PATH, resourcesText);
  }
  if (status !== 0) return status;

  const skillId = existsSync(ASK_STATES_PATH) ? skillIdFromStates(readJson(ASK_STATES_PATH), profile) : undefined;
  if (skillId !== undefined) {
    mkdirSync(path.dirname(REPLAY_READY), { recursive: true });
    writeFileSync(REPLAY_READY, replayWithSkillId(readFileSync(REPLAY_TEMPLATE, 'utf8'), skillId));
    console.log(`deployed ${profile}: ${skillId}. Try it: npx ask dialog -p ${profile} --replay ${path.relative(ROOT, REPLAY_READY)}`);
  }
  if (stage === undefined && at(readJson(manifestPath), ['manifest', 'apis', 'custom', 'endpoint']) !== undefined) {
    console.log(`ask deploy wrote your Lambda ARN and events into ${path.relative(ROOT, manifestPath)}; keep that change out of commits.`);
  }
  return 0;
}

if (require.main === module) runScript(main);
