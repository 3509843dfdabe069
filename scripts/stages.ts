// The stages' own skill packages. Each ask-cli profile in ask-resources.json is a stage with its own skill,
// stack, secret and log level. `beta` deploys the committed skill-package/ (the skill that is beta-tested,
// certified and goes live); `dev` deploys a generated copy of it with its own invocation name and store
// name, so a developer's Echo can have both enabled without the two colliding. `npm run models` (and
// `npm run deploy -- -p dev`) writes the copy; it is git-ignored, because ask-cli writes the account's
// Lambda ARN and events into it.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildModel, INVOCATION_NAME, LOCALES, type HealthLog } from '../interactionModels/build-model';

const ROOT = path.join(__dirname, '..');
export const PUBLISHED_PACKAGE = 'skill-package';

export type StagePackage = {
  /** The ask-cli profile (ask-resources.json) that deploys this copy. */
  profile: string;
  /** Where the copy is written, relative to the project root; the profile's skillMetadata.src. */
  dir: string;
  invocationName: string;
  /** Added to the store name in every locale: the developer console lists both skills. */
  storeNameSuffix: string;
  healthLog: HealthLog;
};

export const STAGE_PACKAGES: readonly StagePackage[] = [
  { profile: 'dev', dir: 'stages/dev/skill-package', invocationName: `${INVOCATION_NAME} dev`, storeNameSuffix: ' Dev', healthLog: 'off' },
];

export const stagePackageOf = (profile: string): StagePackage | undefined => STAGE_PACKAGES.find((s) => s.profile === profile);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const objectAt = (root: unknown, keys: readonly string[]): Json | undefined => {
  let node: unknown = root;
  for (const key of keys) node = isObject(node) ? node[key] : undefined;
  return isObject(node) ? node : undefined;
};

/**
 * The stage's skill.json: the published manifest with the stage's names, plus what ask-cli itself wrote
 * into the stage's earlier copy (each API's endpoint and the events block it builds from skillEvents), so
 * regenerating the copy does not undo a deploy.
 */
export function stageManifest(published: Json, stage: StagePackage, previous?: Json): Json {
  const copy = structuredClone(published);
  const locales = objectAt(copy, ['manifest', 'publishingInformation', 'locales']) ?? {};
  for (const info of Object.values(locales)) {
    if (!isObject(info)) continue;
    if (typeof info.name === 'string') info.name = `${info.name}${stage.storeNameSuffix}`;
    if (Array.isArray(info.examplePhrases)) {
      info.examplePhrases = info.examplePhrases.map((phrase: unknown) =>
        typeof phrase === 'string' ? phrase.replace(new RegExp(`\\b${INVOCATION_NAME}\\b`, 'g'), stage.invocationName) : phrase,
      );
    }
  }
  const apis = objectAt(copy, ['manifest', 'apis']) ?? {};
  const previousApis = objectAt(previous, ['manifest', 'apis']) ?? {};
  for (const [domain, api] of Object.entries(apis)) {
    const endpoint = objectAt(previousApis, [domain, 'endpoint']);
    if (isObject(api) && endpoint !== undefined) api.endpoint = endpoint;
  }
  const events = objectAt(previous, ['manifest', 'events']);
  const manifest = objectAt(copy, ['manifest']);
  if (events !== undefined && manifest !== undefined) manifest.events = events;
  return copy;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Writes a file only when its content changes (ask-cli hashes the folder to decide what to upload). */
function writeIfChanged(file: string, content: string | Buffer): boolean {
  if (existsSync(file) && readFileSync(file).equals(Buffer.from(content))) return false;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return true;
}

/** The stage's copy of skill-package/: models, skill.json and icons. Returns the files that changed. */
export function writeStagePackage(stage: StagePackage, root = ROOT): string[] {
  const from = path.join(root, PUBLISHED_PACKAGE);
  const to = path.join(root, stage.dir);
  const written: string[] = [];
  const note = (file: string, changed: boolean): void => {
    if (changed) written.push(path.relative(root, file));
  };

  for (const locale of LOCALES) {
    const file = path.join(to, 'interactionModels', 'custom', `${locale}.json`);
    note(file, writeIfChanged(file, json(buildModel(locale, { healthLog: stage.healthLog, invocationName: stage.invocationName }))));
  }
  const manifestFile = path.join(to, 'skill.json');
  const previous = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Json) : undefined;
  const published = JSON.parse(readFileSync(path.join(from, 'skill.json'), 'utf8')) as Json;
  note(manifestFile, writeIfChanged(manifestFile, json(stageManifest(published, stage, previous))));
  const images = path.join(from, 'assets', 'images');
  for (const name of readdirSync(images)) {
    const file = path.join(to, 'assets', 'images', name);
    const content = readFileSync(path.join(images, name));
    if (!existsSync(file) || !readFileSync(file).equals(content)) {
      mkdirSync(path.dirname(file), { recursive: true });
      copyFileSync(path.join(images, name), file);
      written.push(path.relative(root, file));
    }
  }
  return written;
}
