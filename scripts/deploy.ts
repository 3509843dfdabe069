// `npm run deploy [-- <ask deploy options>]`: after `npm run build`, runs `ask deploy` (ask-cli v2 with
// the cfn-deployer, configured in ask-resources.json) and handles the three things ask-cli cannot:
//
// 1. The user-key secret. The stack's UserKeySecret parameter comes from ask-resources.json, which is
//    committed, so it holds only a placeholder (too short for the template, so a plain `ask deploy`
//    fails safe). USER_KEY_SECRET from the environment is written in for the length of `ask deploy`
//    and the placeholder put back afterwards, also when the deploy fails or is interrupted.
// 2. The events endpoint. SKILL_DISABLED goes to the same Lambda, but its ARN exists only after the
//    first stack deploy. So the first time (no endpoint in skill.json yet) the manifest goes up without
//    `events`; afterwards `events.endpoint` is set to the skill's endpoint and the manifest deployed again.
// 3. The privacy and terms links, copied from infrastructure/publishing-links.json into skill.json.
//
// Nothing here talks to AWS or Alexa itself; ask-cli does, with the profile from `ask configure`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadPublishingLinks, PATHS, placeholderLinks, readJson, ROOT, syncManifestLinks, writeJson } from './package';

export const RESOURCES_PATH = path.join(ROOT, 'ask-resources.json');
export const ASK_STATES_PATH = path.join(ROOT, '.ask', 'ask-states.json');
export const REPLAY_TEMPLATE = path.join(ROOT, 'test', 'ask-dialog', 'replay-en-US.json');
export const REPLAY_READY = path.join(ROOT, '.ask', 'replay-en-US.json');

export const SECRET_PARAMETER = 'UserKeySecret';
/** Shorter than the template's MinLength (16), so a deploy that forgot the secret fails before it starts. */
export const SECRET_PLACEHOLDER = 'SET-AT-DEPLOY';
export const SECRET_MIN_LENGTH = 16;

export const INSTALL_ASK_CLI = [
  'ask-cli is not installed (the `ask` command was not found).',
  'Install it and link it to your Amazon developer and AWS accounts:',
  '  npm install -g ask-cli',
  '  ask configure',
  'Then run npm run deploy again. the README, "Deploy to your Alexa account" has the whole walk-through.',
].join('\n');

export const GENERATE_SECRET = [
  `USER_KEY_SECRET is not set. It keys the hash that stands for each Alexa user id, at least ${SECRET_MIN_LENGTH} characters.`,
  'Generate it once, keep it (a password manager), and pass the same value on every deploy:',
  `  export USER_KEY_SECRET="$(node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))")"`,
  '  npm run deploy',
  'A new value later starts every user afresh: their saved progress can no longer be found.',
].join('\n');

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The ask-cli profile a deploy uses: -p/--profile, else ASK_DEFAULT_PROFILE, else "default". */
export function profileFromArgs(args: readonly string[], env: Record<string, string | undefined>): string {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if ((arg === '-p' || arg === '--profile') && args[i + 1] !== undefined) return args[i + 1] as string;
    if (arg.startsWith('--profile=')) return arg.slice('--profile='.length);
  }
  return env.ASK_DEFAULT_PROFILE ?? 'default';
}

/** The -p/--profile options among the args, to pass on to a follow-up `ask deploy`. */
export function profileArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if ((arg === '-p' || arg === '--profile') && args[i + 1] !== undefined) out.push(arg, args[i + 1] as string);
    else if (arg.startsWith('--profile=')) out.push(arg);
  }
  return out;
}

function cfnParameters(resources: Json, profile: string): Json {
  let node: unknown = resources;
  for (const key of ['profiles', profile, 'skillInfrastructure', 'userConfig', 'cfn', 'parameters']) {
    node = isObject(node) ? node[key] : undefined;
  }
  if (!isObject(node)) {
    throw new Error(`ask-resources.json has no profiles.${profile}.skillInfrastructure.userConfig.cfn.parameters`);
  }
  return node;
}

export function secretParameterOf(resources: Json, profile: string): unknown {
  return cfnParameters(resources, profile)[SECRET_PARAMETER];
}

/** A copy of the resources config with the profile's UserKeySecret set. */
export function withSecret(resources: Json, profile: string, secret: string): Json {
  const copy = structuredClone(resources);
  cfnParameters(copy, profile)[SECRET_PARAMETER] = secret;
  return copy;
}

export type SecretPlan =
  | { kind: 'inject'; secret: string }
  | { kind: 'already-set' }
  | { kind: 'error'; message: string };

/** Where this deploy's secret comes from: the environment (preferred), or a value already edited into the file. */
export function planSecret(env: Record<string, string | undefined>, resources: Json, profile: string): SecretPlan {
  const fromEnv = env.USER_KEY_SECRET;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < SECRET_MIN_LENGTH) {
      return { kind: 'error', message: `USER_KEY_SECRET must be at least ${SECRET_MIN_LENGTH} characters (it has ${fromEnv.length}).` };
    }
    return { kind: 'inject', secret: fromEnv };
  }
  const inFile = secretParameterOf(resources, profile);
  if (typeof inFile === 'string' && inFile !== SECRET_PLACEHOLDER && inFile.length >= SECRET_MIN_LENGTH) {
    return { kind: 'already-set' };
  }
  return { kind: 'error', message: GENERATE_SECRET };
}

/** Puts the placeholder back where the injected secret is; returns the file's new text, or null if untouched. */
export function restoreSecretText(currentText: string, originalText: string, profile: string, secret: string): string | null {
  const current = JSON.parse(currentText) as Json;
  if (secretParameterOf(current, profile) !== secret) return null;
  cfnParameters(current, profile)[SECRET_PARAMETER] = SECRET_PLACEHOLDER;
  // ask-cli rewrites the file with its own formatting; keep ours when nothing else changed.
  const original = JSON.parse(originalText) as Json;
  return JSON.stringify(current) === JSON.stringify(original) ? originalText : `${JSON.stringify(current, null, 2)}\n`;
}

/** ask-cli rewrites ask-resources.json in its own format on every deploy; put ours back if the content is the same. */
function keepFormatting(file: string, originalText: string): void {
  const current = readFileSync(file, 'utf8');
  if (current !== originalText && JSON.stringify(JSON.parse(current)) === JSON.stringify(JSON.parse(originalText))) {
    writeFileSync(file, originalText);
  }
}

function manifestOf(manifestFile: Json): Json {
  const manifest = manifestFile.manifest;
  if (!isObject(manifest)) throw new Error('skill.json has no manifest');
  return manifest;
}

function uriOf(endpointHolder: unknown): string | undefined {
  if (!isObject(endpointHolder) || !isObject(endpointHolder.endpoint)) return undefined;
  const uri = endpointHolder.endpoint.uri;
  return typeof uri === 'string' && uri !== '' ? uri : undefined;
}

export function customEndpointOf(manifestFile: Json): string | undefined {
  const apis = manifestOf(manifestFile).apis;
  return isObject(apis) ? uriOf(apis.custom) : undefined;
}

/**
 * Before the first deploy there is no Lambda ARN for `events.endpoint`; the manifest then goes up
 * without `events`. Removes and returns them in that case (the caller puts them back), else undefined.
 */
export function detachEventsForFirstDeploy(manifestFile: Json): Json | undefined {
  const manifest = manifestOf(manifestFile);
  const events = manifest.events;
  if (!isObject(events) || uriOf(events) !== undefined || customEndpointOf(manifestFile) !== undefined) return undefined;
  delete manifest.events;
  return events;
}

/**
 * Puts detached events back and points `events.endpoint` at the skill's endpoint (the same Lambda).
 * Returns whether the manifest changed.
 */
export function alignEventsEndpoint(manifestFile: Json, detached: Json | undefined): boolean {
  const manifest = manifestOf(manifestFile);
  const before = JSON.stringify(manifest.events);
  const current = isObject(manifest.events) ? manifest.events : undefined;
  const events: Json | undefined = detached !== undefined ? { ...detached, ...current } : current;
  if (events === undefined) return false;
  const uri = customEndpointOf(manifestFile);
  if (uri !== undefined) events.endpoint = { uri };
  manifest.events = events;
  return JSON.stringify(manifest.events) !== before;
}

/** The replay file with the deployed skill's id in place of the placeholder, for `ask dialog --replay`. */
export function replayWithSkillId(replayText: string, skillId: string): string {
  const replay = JSON.parse(replayText) as Json;
  return `${JSON.stringify({ ...replay, skillId }, null, 2)}\n`;
}

export function skillIdFromStates(states: unknown, profile: string): string | undefined {
  if (!isObject(states) || !isObject(states.profiles)) return undefined;
  const entry = states.profiles[profile];
  const skillId = isObject(entry) ? entry.skillId : undefined;
  return typeof skillId === 'string' && skillId !== '' ? skillId : undefined;
}

/** The ask-cli command: `ask` on the PATH, or ASK_CLI (e.g. a project-local install, or a stand-in in tests). */
export const askCommand = (env: Record<string, string | undefined>): string => env.ASK_CLI ?? 'ask';

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT, shell: process.platform === 'win32' });
  if (result.error !== undefined) throw result.error;
  return result.status ?? 1;
}

function askIsInstalled(ask: string): boolean {
  const result = spawnSync(ask, ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' });
  return result.error === undefined && result.status === 0;
}

function main(): number {
  const args = process.argv.slice(2);
  const ask = askCommand(process.env);
  if (!askIsInstalled(ask)) {
    console.error(INSTALL_ASK_CLI);
    return 1;
  }
  const profile = profileFromArgs(args, process.env);
  const resourcesText = readFileSync(RESOURCES_PATH, 'utf8');
  const plan = planSecret(process.env, JSON.parse(resourcesText) as Json, profile);
  if (plan.kind === 'error') {
    console.error(plan.message);
    return 1;
  }
  if (plan.kind === 'already-set') {
    console.warn('warning: ask-resources.json holds a real UserKeySecret; do not commit it (prefer USER_KEY_SECRET=... npm run deploy).');
  }

  if (syncManifestLinks()) console.log('updated the privacy and terms links in skill-package/skill.json');
  const placeholders = placeholderLinks(loadPublishingLinks());
  if (placeholders.length > 0) {
    console.log('note: the privacy and terms links are still example.com placeholders; replace them before certification.');
  }

  const manifestFile = readJson(PATHS.manifest);
  const detached = detachEventsForFirstDeploy(manifestFile);
  if (detached !== undefined) {
    writeJson(PATHS.manifest, manifestFile);
    console.log('first deploy: skill.json goes up without events; they are added once the Lambda exists.');
  }

  // Ctrl-C reaches ask too; this process must live on to put the placeholder and the events back.
  const ignore = (): void => undefined;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, ignore);
  let status: number;
  let eventsChanged = false;
  try {
    if (plan.kind === 'inject') writeJson(RESOURCES_PATH, withSecret(JSON.parse(resourcesText) as Json, profile, plan.secret));
    status = run(ask, ['deploy', ...args]);
  } finally {
    if (plan.kind === 'inject') {
      const restored = restoreSecretText(readFileSync(RESOURCES_PATH, 'utf8'), resourcesText, profile, plan.secret);
      if (restored !== null) writeFileSync(RESOURCES_PATH, restored);
    }
    keepFormatting(RESOURCES_PATH, resourcesText);
    const after = readJson(PATHS.manifest);
    eventsChanged = alignEventsEndpoint(after, detached);
    if (eventsChanged || detached !== undefined) writeJson(PATHS.manifest, after);
  }
  if (status !== 0) return status;

  if (eventsChanged && customEndpointOf(readJson(PATHS.manifest)) !== undefined) {
    console.log('pointing the SKILL_DISABLED event at the skill Lambda: ask deploy --target skill-metadata');
    status = run(ask, ['deploy', '--target', 'skill-metadata', ...profileArgs(args)]);
    keepFormatting(RESOURCES_PATH, resourcesText);
    if (status !== 0) return status;
  }

  const skillId = existsSync(ASK_STATES_PATH) ? skillIdFromStates(readJson(ASK_STATES_PATH), profile) : undefined;
  if (skillId !== undefined) {
    mkdirSync(path.dirname(REPLAY_READY), { recursive: true });
    writeFileSync(REPLAY_READY, replayWithSkillId(readFileSync(REPLAY_TEMPLATE, 'utf8'), skillId));
    console.log(`deployed ${skillId}. Try it: ask dialog --replay ${path.relative(ROOT, REPLAY_READY)}`);
  }
  if (customEndpointOf(readJson(PATHS.manifest)) !== undefined) {
    console.log('ask deploy wrote your Lambda ARN into skill-package/skill.json; keep that change out of commits.');
  }
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
