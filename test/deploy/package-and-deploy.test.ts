// The pieces of `npm run package` and `npm run deploy` that do not need ask-cli or AWS: the code zip,
// the publishing links and the release refusal, and each stage's skill package.
import AdmZip from 'adm-zip';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  leftoverApiDomains,
  profileFromArgs,
  profilesOf,
  releaseProblems,
  replayWithSkillId,
  skillIdFromStates,
  skillPackageOf,
} from '../../scripts/deploy';
import {
  applyPublishingLinks,
  isPlaceholderHost,
  parsePublishingLinks,
  placeholderLinks,
  syncManifestLinks,
  writeCodeZip,
} from '../../scripts/package';
import { stageManifest, stagePackageOf } from '../../scripts/stages';

const ROOT = path.join(__dirname, '..', '..');
const RESOURCES_TEXT = readFileSync(path.join(ROOT, 'ask-resources.json'), 'utf8');
const resources = (): Record<string, unknown> => JSON.parse(RESOURCES_TEXT) as Record<string, unknown>;
const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:range-of-motion-coach-dev';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'rom-deploy-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the code zip', () => {
  it('holds the bundle at the zip root, readable by all, as ask-cli would upload dist/lambda', () => {
    const src = path.join(dir, 'lambda');
    mkdirSync(path.join(src, 'nested'), { recursive: true });
    writeFileSync(path.join(src, 'index.js'), 'exports.handler = async () => ({});\n');
    writeFileSync(path.join(src, 'index.js.map'), '{"version":3}');
    writeFileSync(path.join(src, 'nested', 'data.json'), '{}');
    const out = path.join(dir, 'skill-code.zip');

    const result = writeCodeZip(src, out);

    expect(result.entries).toEqual(['index.js', 'index.js.map', 'nested/data.json']);
    const zip = new AdmZip(out);
    expect(zip.getEntries().map((entry) => entry.entryName)).toEqual(['index.js', 'index.js.map', 'nested/data.json']);
    expect(zip.readAsText('index.js')).toContain('exports.handler');
    for (const entry of zip.getEntries()) expect((entry.attr >>> 16) & 0o777).toBe(0o644);
    expect(result.bytes).toBe(readFileSync(out).length);
  });

  it('is the same bytes for the same files', () => {
    const src = path.join(dir, 'lambda');
    mkdirSync(src);
    writeFileSync(path.join(src, 'index.js'), 'x');
    writeCodeZip(src, path.join(dir, 'a.zip'));
    writeCodeZip(src, path.join(dir, 'b.zip'));
    expect(readFileSync(path.join(dir, 'a.zip')).equals(readFileSync(path.join(dir, 'b.zip')))).toBe(true);
  });

  it('refuses a folder without index.js (the build has not run)', () => {
    mkdirSync(path.join(dir, 'empty'));
    expect(() => writeCodeZip(path.join(dir, 'empty'), path.join(dir, 'x.zip'))).toThrow(/no index\.js.*npm run build/);
  });
});

describe('the publishing links', () => {
  const links = parsePublishingLinks({
    default: { privacyPolicyUrl: 'https://example.com/p', termsOfUseUrl: 'https://example.com/t' },
    locales: { 'en-GB': { privacyPolicyUrl: 'https://uk.example.org/p', termsOfUseUrl: 'https://uk.example.org/t' } },
  });

  it('are copied into every published locale, with per-locale overrides', () => {
    const manifest = {
      manifest: {
        publishingInformation: { locales: { 'en-US': {}, 'en-GB': {} } },
        privacyAndCompliance: { usesPersonalInfo: true, locales: { 'en-US': { privacyPolicyUrl: 'https://old' } } },
      },
    };
    expect(applyPublishingLinks(manifest, links)).toBe(true);
    expect(manifest.manifest.privacyAndCompliance).toEqual({
      usesPersonalInfo: true,
      locales: {
        'en-US': { privacyPolicyUrl: 'https://example.com/p', termsOfUseUrl: 'https://example.com/t' },
        'en-GB': { privacyPolicyUrl: 'https://uk.example.org/p', termsOfUseUrl: 'https://uk.example.org/t' },
      },
    });
    expect(applyPublishingLinks(manifest, links)).toBe(false);
  });

  it('must be https, on a domain without amazon or alexa', () => {
    const bad = (url: string) => () =>
      parsePublishingLinks({ default: { privacyPolicyUrl: url, termsOfUseUrl: 'https://example.com/t' } });
    expect(bad('http://example.com/p')).toThrow(/https/);
    expect(bad('https://my-alexa-skills.com/p')).toThrow(/amazon.*alexa/);
    expect(bad('not a url')).toThrow(/https/);
  });

  it('report the example.com placeholders still in use', () => {
    expect(placeholderLinks(links)).toHaveLength(4);
  });

  it('are already in the committed skill.json (npm run package syncs them)', () => {
    const copy = path.join(dir, 'skill.json');
    writeFileSync(copy, readFileSync(path.join(ROOT, 'skill-package', 'skill.json')));
    expect(syncManifestLinks(copy, path.join(ROOT, 'infrastructure', 'publishing-links.json'))).toBe(false);
  });
});

describe('the stage and its skill package', () => {
  it('comes from -p/--profile, else ASK_DEFAULT_PROFILE, else none (the script then asks for one)', () => {
    expect(profileFromArgs([], {})).toBeUndefined();
    expect(profileFromArgs([], { ASK_DEFAULT_PROFILE: 'beta' })).toBe('beta');
    expect(profileFromArgs(['--ignore-hash', '-p', 'dev'], { ASK_DEFAULT_PROFILE: 'beta' })).toBe('dev');
    expect(profileFromArgs(['--profile=dev'], {})).toBe('dev');
    expect(profilesOf(resources())).toEqual(['dev', 'beta']);
  });

  it('is the dev copy for dev, the committed package for beta', () => {
    expect(skillPackageOf(resources(), 'dev')).toBe(path.normalize('stages/dev/skill-package'));
    expect(skillPackageOf(resources(), 'beta')).toBe('skill-package');
    expect(() => skillPackageOf(resources(), 'prod')).toThrow(/no profile "prod".*dev, beta/);
  });

  it('dev: the published manifest with its own store name and invocation, keeping what ask-cli wrote into the copy', () => {
    const stage = stagePackageOf('dev')!;
    const published = {
      manifest: {
        publishingInformation: { locales: { 'en-US': { name: 'Range of Motion Coach', examplePhrases: ['Alexa, open range of motion coach'] } } },
        apis: { custom: {} },
      },
    };
    const fresh = stageManifest(published, stage) as typeof published & { manifest: { events?: unknown } };
    expect(fresh.manifest.publishingInformation.locales['en-US']).toEqual({ name: 'Range of Motion Coach Dev', examplePhrases: ['Alexa, open range of motion coach dev'] });
    expect(fresh.manifest.apis).toEqual({ custom: {} });
    expect(fresh.manifest).not.toHaveProperty('events');

    const deployed = { manifest: { apis: { custom: { endpoint: { uri: ARN } }, events: { endpoint: { uri: ARN } } }, events: { endpoint: { uri: ARN }, subscriptions: [{ eventName: 'SKILL_DISABLED' }] } } };
    const again = stageManifest(published, stage, deployed) as { manifest: { apis: unknown; events?: unknown } };
    expect(again.manifest.apis).toEqual({ custom: { endpoint: { uri: ARN } } }); // never a domain the published manifest lacks
    expect(again.manifest.events).toEqual(deployed.manifest.events);
  });

  it('is refused with an API domain besides custom (left by the old targetEndpoint "events")', () => {
    expect(leftoverApiDomains({ manifest: { apis: { custom: {} } } })).toEqual([]);
    expect(leftoverApiDomains({ manifest: { apis: { custom: {}, events: { endpoint: { uri: ARN } } } } })).toEqual(['events']);
  });
});

describe('a release (npm run package -- --release, npm run deploy -- --release)', () => {
  const real = parsePublishingLinks({ default: { privacyPolicyUrl: 'https://rom-coach.org/privacy', termsOfUseUrl: 'https://rom-coach.org/terms' } });
  const withEmail = (email: string) => {
    const copy = resources() as { profiles: Record<string, { skillInfrastructure: { userConfig: { cfn: { parameters: Record<string, string> } } } }> };
    copy.profiles.beta!.skillInfrastructure.userConfig.cfn.parameters.AlarmEmail = email;
    return copy as unknown as Record<string, unknown>;
  };

  it('treats every example.* and reserved test domain as a placeholder, and nothing else', () => {
    for (const host of ['example.com', 'www.example.org', 'example.co.uk', 'docs.example', 'my.test', 'x.invalid', 'localhost']) {
      expect([host, isPlaceholderHost(host)]).toEqual([host, true]);
    }
    for (const host of ['rom-coach.org', 'examples.org', 'counterexample.com', 'example-care.com']) expect([host, isPlaceholderHost(host)]).toEqual([host, false]);
  });

  it('is refused with the committed example.com links, and for a stage whose alarms reach nobody', () => {
    const problems = releaseProblems(resources(), 'beta');
    expect(problems).toEqual([expect.stringMatching(/placeholders: https:\/\/example\.com\/range-of-motion-coach\/privacy/), expect.stringMatching(/AlarmEmail is empty/)]);
    expect(releaseProblems(withEmail('care-team@rom-coach.org'), 'beta', real)).toEqual([]);
    expect(releaseProblems(withEmail(''), 'beta', real)).toEqual([expect.stringMatching(/AlarmEmail/)]);
  });

  it('npm run package -- --release stops before writing anything, naming the placeholder', () => {
    const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const before = readFileSync(path.join(ROOT, 'skill-package', 'skill.json'), 'utf8');
    const result = spawnSync(process.execPath, [tsx, 'scripts/package.ts', '--release'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/refusing a release package: https:\/\/example\.com\/range-of-motion-coach\/privacy/);
    expect(result.stdout).not.toMatch(/wrote dist/);
    expect(readFileSync(path.join(ROOT, 'skill-package', 'skill.json'), 'utf8')).toBe(before);
  });
});

describe('the replay file after a deploy', () => {
  it('gets the deployed skill id from .ask/ask-states.json', () => {
    const states = { askcliStatesVersion: '2020-03-31', profiles: { dev: { skillId: 'amzn1.ask.skill.abc' } } };
    expect(skillIdFromStates(states, 'dev')).toBe('amzn1.ask.skill.abc');
    expect(skillIdFromStates(states, 'other')).toBeUndefined();
    const template = readFileSync(path.join(ROOT, 'test', 'ask-dialog', 'replay-en-US.json'), 'utf8');
    const ready = JSON.parse(replayWithSkillId(template, 'amzn1.ask.skill.abc')) as { skillId: string; userInput: string[] };
    expect(ready.skillId).toBe('amzn1.ask.skill.abc');
    expect(ready.userInput).toEqual((JSON.parse(template) as { userInput: string[] }).userInput);
  });
});
