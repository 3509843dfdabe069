// The pieces of `npm run package` and `npm run deploy` that do not need ask-cli or AWS: the code zip,
// the publishing links, the secret that is written in only for the deploy, and the events endpoint.
import AdmZip from 'adm-zip';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  alignEventsEndpoint,
  detachEventsForFirstDeploy,
  planSecret,
  profileArgs,
  profileFromArgs,
  replayWithSkillId,
  restoreSecretText,
  secretParameterOf,
  SECRET_PLACEHOLDER,
  skillIdFromStates,
  withSecret,
} from '../../scripts/deploy';
import {
  applyPublishingLinks,
  parsePublishingLinks,
  placeholderLinks,
  syncManifestLinks,
  writeCodeZip,
} from '../../scripts/package';

const ROOT = path.join(__dirname, '..', '..');
const RESOURCES_TEXT = readFileSync(path.join(ROOT, 'ask-resources.json'), 'utf8');
const resources = (): Record<string, unknown> => JSON.parse(RESOURCES_TEXT) as Record<string, unknown>;
const SECRET = 'k3Y-0f-at-least-16-characters';

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

describe('the user-key secret during npm run deploy', () => {
  it('reads the ask-cli profile from the options or the environment', () => {
    expect(profileFromArgs([], {})).toBe('default');
    expect(profileFromArgs([], { ASK_DEFAULT_PROFILE: 'family' })).toBe('family');
    expect(profileFromArgs(['--ignore-hash', '-p', 'clinic'], { ASK_DEFAULT_PROFILE: 'family' })).toBe('clinic');
    expect(profileFromArgs(['--profile=clinic'], {})).toBe('clinic');
    expect(profileArgs(['--ignore-hash', '-p', 'clinic', '--debug'])).toEqual(['-p', 'clinic']);
  });

  it('comes from USER_KEY_SECRET, which must be at least 16 characters', () => {
    expect(planSecret({ USER_KEY_SECRET: SECRET }, resources(), 'default')).toEqual({ kind: 'inject', secret: SECRET });
    expect(planSecret({ USER_KEY_SECRET: 'short' }, resources(), 'default')).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/at least 16/),
    });
    expect(planSecret({}, resources(), 'default')).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/USER_KEY_SECRET is not set.*randomBytes/s),
    });
  });

  it('may instead have been edited into ask-resources.json (not the placeholder)', () => {
    expect(planSecret({}, withSecret(resources(), 'default', SECRET), 'default')).toEqual({ kind: 'already-set' });
  });

  it('is written in for ask deploy and the committed placeholder put back afterwards', () => {
    const injected = withSecret(resources(), 'default', SECRET);
    expect(secretParameterOf(injected, 'default')).toBe(SECRET);
    expect(secretParameterOf(resources(), 'default')).toBe(SECRET_PLACEHOLDER);

    // ask-cli rewrites the file in its own format; with nothing else changed, ours comes back byte for byte.
    const asAskWroteIt = JSON.stringify(injected, null, 4);
    expect(restoreSecretText(asAskWroteIt, RESOURCES_TEXT, 'default', SECRET)).toBe(RESOURCES_TEXT);
  });

  it('keeps what ask-cli itself changed while putting the placeholder back', () => {
    const injected = withSecret(resources(), 'default', SECRET) as { askcliResourcesVersion: string };
    const changed = { ...injected, extra: 'written by ask-cli' };
    const restored = restoreSecretText(JSON.stringify(changed), RESOURCES_TEXT, 'default', SECRET) ?? '';
    expect(restored).not.toContain(SECRET);
    expect(JSON.parse(restored)).toMatchObject({ extra: 'written by ask-cli' });
    expect(secretParameterOf(JSON.parse(restored) as Record<string, unknown>, 'default')).toBe(SECRET_PLACEHOLDER);
  });

  it('leaves a file alone that does not hold the injected secret', () => {
    expect(restoreSecretText(RESOURCES_TEXT, RESOURCES_TEXT, 'default', SECRET)).toBeNull();
  });

  it('names a missing profile', () => {
    expect(() => withSecret(resources(), 'nobody', SECRET)).toThrow(/profiles\.nobody/);
  });
});

describe('the events endpoint', () => {
  const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:range-of-motion-coach';
  const committed = () => ({
    manifest: {
      events: { subscriptions: [{ eventName: 'SKILL_DISABLED' }] },
      apis: { custom: {} as Record<string, unknown> },
    },
  });

  it('before the first deploy: goes up without events, then gets them back pointing at the new Lambda', () => {
    const file = committed();
    const detached = detachEventsForFirstDeploy(file);
    expect(detached).toEqual({ subscriptions: [{ eventName: 'SKILL_DISABLED' }] });
    expect(file.manifest).not.toHaveProperty('events');

    file.manifest.apis.custom.endpoint = { uri: ARN }; // what ask deploy writes from SkillEndpoint
    expect(alignEventsEndpoint(file, detached)).toBe(true);
    expect(file.manifest.events).toEqual({ subscriptions: [{ eventName: 'SKILL_DISABLED' }], endpoint: { uri: ARN } });
  });

  it('after a failed first deploy: the events are put back unchanged', () => {
    const file = committed();
    const detached = detachEventsForFirstDeploy(file);
    alignEventsEndpoint(file, detached);
    expect(file).toEqual(committed());
  });

  it('once deployed: stays attached and follows the skill endpoint', () => {
    const file = committed();
    file.manifest.apis.custom.endpoint = { uri: ARN };
    expect(detachEventsForFirstDeploy(file)).toBeUndefined();
    expect(alignEventsEndpoint(file, undefined)).toBe(true);
    expect(alignEventsEndpoint(file, undefined)).toBe(false);
    expect(file.manifest.events).toEqual({ subscriptions: [{ eventName: 'SKILL_DISABLED' }], endpoint: { uri: ARN } });
  });

  it('merges with what ask-cli wrote itself (targetEndpoint "events")', () => {
    const file = committed();
    const detached = detachEventsForFirstDeploy(file);
    file.manifest.apis.custom.endpoint = { uri: ARN };
    (file.manifest as Record<string, unknown>).events = { endpoint: { uri: ARN } };
    expect(alignEventsEndpoint(file, detached)).toBe(true);
    expect(file.manifest.events).toEqual({ subscriptions: [{ eventName: 'SKILL_DISABLED' }], endpoint: { uri: ARN } });
  });
});

describe('the replay file after a deploy', () => {
  it('gets the deployed skill id from .ask/ask-states.json', () => {
    const states = { askcliStatesVersion: '2020-03-31', profiles: { default: { skillId: 'amzn1.ask.skill.abc' } } };
    expect(skillIdFromStates(states, 'default')).toBe('amzn1.ask.skill.abc');
    expect(skillIdFromStates(states, 'other')).toBeUndefined();
    const template = readFileSync(path.join(ROOT, 'test', 'ask-dialog', 'replay-en-US.json'), 'utf8');
    const ready = JSON.parse(replayWithSkillId(template, 'amzn1.ask.skill.abc')) as { skillId: string; userInput: string[] };
    expect(ready.skillId).toBe('amzn1.ask.skill.abc');
    expect(ready.userInput).toEqual((JSON.parse(template) as { userInput: string[] }).userInput);
  });
});
