// Runs the pinned ask-cli's own code (node_modules/ask-cli, package.json devDependencies) on a copy of a
// project: what `ask deploy` does to the skill package after the stack has deployed, and whether it would then
// enable the skill. Nothing reaches AWS or Alexa: the one network step, re-uploading the changed package
// (_ensureSkillManifestGotUpdated), is replaced by a recorder. The code run, in ask-cli 2.30.7
// (lib/controllers/skill-infrastructure-controller/index.js, updateSkillManifestWithDeployResult):
//   domains = userConfig.targetEndpoint || Object.keys(manifest.apis)
//   each domain: manifest.apis[domain].endpoint = <SkillEndpoint>        (Manifest.setApisEndpointByDomainRegion)
//   userConfig.skillEvents: manifest.events.endpoint = <SkillEndpoint>,  (Manifest.setEventsEndpointByRegion)
//     manifest.events.subscriptions = skillEvents.subscriptions as [{ eventName }]
// and then (lib/commands/deploy/helper.js enableSkill -> skill-metadata-controller validateDomain): a manifest
// with more than one API domain is not enabled ("Skill with multiple api domains cannot be enabled").
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');
export const ASK_CLI_LIB = path.join(ROOT, 'node_modules', 'ask-cli', 'dist', 'lib');

export function pinnedAskCliVersion(): string {
  return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'ask-cli', 'package.json'), 'utf8')) as { version: string }).version;
}

const RUNNER = `
const fs = require('fs');
const path = require('path');
const [lib, profile, endpointUri, out] = process.argv.slice(2);
const Messenger = require(path.join(lib, 'view', 'messenger'));
const ResourcesConfig = require(path.join(lib, 'model', 'resources-config'));
const Manifest = require(path.join(lib, 'model', 'manifest'));
const SkillInfrastructureController = require(path.join(lib, 'controllers', 'skill-infrastructure-controller'));
const SkillMetadataController = require(path.join(lib, 'controllers', 'skill-metadata-controller'));
new Messenger({ doDebug: false });
new ResourcesConfig(path.join(process.cwd(), 'ask-resources.json'));
const manifestPath = path.join(ResourcesConfig.getInstance().getSkillMetaSrc(profile), 'skill.json');
new Manifest(manifestPath);
const controller = new SkillInfrastructureController({ profile, doDebug: false });
let reuploaded = false;
controller._ensureSkillManifestGotUpdated = (callback) => { reuploaded = true; callback(); };
controller.updateSkillManifestWithDeployResult({ default: { endpoint: { uri: endpointUri } } }, (error) => {
  let enable = 'enabled';
  try { new SkillMetadataController({ profile, doDebug: false }).validateDomain(); } catch (e) { enable = (e && e.message) || String(e); }
  fs.writeFileSync(out, JSON.stringify({ error: error ? String(error) : null, reuploaded, enable, manifest: JSON.parse(fs.readFileSync(manifestPath, 'utf8')) }));
});
`;

export type AskDeployOutcome = {
  error: string | null;
  /** Whether ask-cli would upload the package again after writing the endpoints. */
  reuploaded: boolean;
  /** 'enabled', or why ask-cli would skip enabling the skill for testing. */
  enable: string;
  manifest: { manifest: Record<string, unknown> & { apis: Record<string, unknown>; events?: unknown } };
};

/**
 * What the pinned ask-cli writes into the profile's skill.json once the stack reports endpointUri, for a
 * project made of these files (path relative to the project root, content).
 */
export function askDeployAfterStack(files: Record<string, string>, profile: string, endpointUri: string): AskDeployOutcome {
  const dir = mkdtempSync(path.join(tmpdir(), 'rom-ask-cli-'));
  try {
    for (const [file, content] of Object.entries(files)) {
      const target = path.join(dir, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    writeFileSync(path.join(dir, 'runner.js'), RUNNER);
    const out = path.join(dir, 'outcome.json');
    const result = spawnSync(process.execPath, ['runner.js', ASK_CLI_LIB, profile, endpointUri, out], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: dir },
      timeout: 60_000,
    });
    if (result.status !== 0) throw new Error(`ask-cli runner failed (${result.status}): ${result.stderr}`);
    return JSON.parse(readFileSync(out, 'utf8')) as AskDeployOutcome;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
