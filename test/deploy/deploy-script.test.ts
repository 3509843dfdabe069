// scripts/deploy.ts end to end, in a copy of the project, with a stand-in for ask-cli (ASK_CLI) that does to
// the files what ask-cli 2.30.7 does in `ask deploy` (its own code is run in ask-resources.test.ts): rewrites
// ask-resources.json in its own format, writes the stack's SkillEndpoint into the profile's skill.json as the
// custom endpoint and, from userConfig.skillEvents, as the events endpoint with the subscriptions, and the
// skill id into .ask/ask-states.json.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { askCommand, INSTALL_ASK_CLI, PINNED_ASK } from '../../scripts/deploy';

const ROOT = path.join(__dirname, '..', '..');
const COPIED = [
  'ask-resources.json',
  'scripts/deploy.ts',
  'scripts/package.ts',
  'scripts/stages.ts',
  'scripts/local/run-script.ts',
  'interactionModels',
  'lambda',
  'skill-package',
  'infrastructure/publishing-links.json',
  'test/ask-dialog/replay-en-US.json',
];
const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:range-of-motion-coach-dev';
const SKILL_ID = 'amzn1.ask.skill.11111111-2222-3333-4444-555555555555';

// Records each call with the manifest it would upload, then acts like ask-cli.
const FAKE_ASK = `#!/usr/bin/env node
const fs = require('fs');
const path = require('path');
const root = process.cwd();
const args = process.argv.slice(2);
const read = (file) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
const write = (file, value, indent) => fs.writeFileSync(path.join(root, file), JSON.stringify(value, null, indent));
if (args[0] === '--version') { console.log('2.30.7'); process.exit(0); }
const at = args.indexOf('-p');
const profile = at >= 0 ? args[at + 1] : process.env.ASK_DEFAULT_PROFILE;
const resources = read('ask-resources.json');
const config = resources.profiles[profile];
const manifestFile = path.join(config.skillMetadata.src, 'skill.json');
const skill = read(manifestFile);
fs.appendFileSync(process.env.FAKE_ASK_LOG, JSON.stringify({ args, manifestFile: path.normalize(manifestFile), apis: skill.manifest.apis, events: skill.manifest.events === undefined ? null : skill.manifest.events,
  invocation: read(path.join(config.skillMetadata.src, 'interactionModels/custom/en-US.json')).interactionModel.languageModel.invocationName }) + '\\n');
if (process.env.FAKE_ASK_FAIL === '1') { console.error('CloudFormation failed'); process.exit(3); }
write('ask-resources.json', resources, 4);
const endpoint = { uri: process.env.FAKE_ARN };
skill.manifest.apis.custom.endpoint = endpoint;
const events = config.skillInfrastructure.userConfig.skillEvents;
if (events) skill.manifest.events = { ...skill.manifest.events, endpoint, subscriptions: events.subscriptions.map((eventName) => ({ eventName })) };
write(manifestFile, skill, 2);
fs.mkdirSync(path.join(root, '.ask'), { recursive: true });
write('.ask/ask-states.json', { askcliStatesVersion: '2020-03-31', profiles: { [profile]: { skillId: process.env.FAKE_SKILL_ID } } }, 2);
`;

type Call = { args: string[]; manifestFile: string; apis: unknown; events: unknown; invocation: string };

let project: string;
let logFile: string;
let fakeAsk: string;

beforeEach(() => {
  project = mkdtempSync(path.join(tmpdir(), 'rom-deploy-script-'));
  for (const file of COPIED) {
    mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(project, file), { recursive: true });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'), 'dir');
  logFile = path.join(project, 'ask-calls.log');
  writeFileSync(logFile, '');
  fakeAsk = path.join(project, 'fake-ask');
  writeFileSync(fakeAsk, FAKE_ASK);
  chmodSync(fakeAsk, 0o755);
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

function deploy(env: Record<string, string>, args: string[] = []) {
  const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  return spawnSync(process.execPath, [tsx, 'scripts/deploy.ts', ...args], {
    cwd: project,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), FAKE_ASK_LOG: logFile, FAKE_ARN: ARN, FAKE_SKILL_ID: SKILL_ID, ...env },
    timeout: 60_000,
  });
}

const calls = (): Call[] =>
  readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Call);
const projectText = (file: string): string => readFileSync(path.join(project, file), 'utf8');
const original = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');
const DEV_MANIFEST = path.join('stages', 'dev', 'skill-package', 'skill.json');

describe('npm run deploy (scripts/deploy.ts)', () => {
  it('runs the pinned ask-cli from node_modules/.bin unless ASK_CLI says otherwise', () => {
    expect(askCommand({})).toBe(PINNED_ASK);
    expect(PINNED_ASK).toBe(path.join(ROOT, 'node_modules', '.bin', 'ask'));
    expect(existsSync(PINNED_ASK)).toBe(true);
    expect(askCommand({ ASK_CLI: '/opt/ask' })).toBe('/opt/ask');
  });

  it('says how to get ask-cli when it is missing', () => {
    const result = deploy({ ASK_CLI: path.join(project, 'no-such-ask') }, ['-p', 'dev']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(INSTALL_ASK_CLI);
    expect(calls()).toEqual([]);
  });

  it('asks which stage, naming the profiles, and deploys nothing', () => {
    const result = deploy({ ASK_CLI: fakeAsk });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/npm run deploy -- -p <dev\|beta>/);
    expect(calls()).toEqual([]);
  });

  it('dev, first deploy: one ask deploy of the dev copy (own invocation, no endpoint, no events); ask-cli adds both', () => {
    const result = deploy({ ASK_CLI: fakeAsk }, ['-p', 'dev', '--ignore-hash']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);

    expect(calls()).toEqual([
      { args: ['deploy', '-p', 'dev', '--ignore-hash'], manifestFile: DEV_MANIFEST, apis: { custom: {} }, events: null, invocation: 'range of motion coach dev' },
    ]);
    const manifest = JSON.parse(projectText(DEV_MANIFEST)) as { manifest: { apis: unknown; events: unknown } };
    expect(manifest.manifest.apis).toEqual({ custom: { endpoint: { uri: ARN } } });
    expect(manifest.manifest.events).toEqual({ endpoint: { uri: ARN }, subscriptions: [{ eventName: 'SKILL_DISABLED' }] });
    // ask-resources.json is back exactly as committed although ask-cli rewrote it; the committed package is untouched.
    expect(projectText('ask-resources.json')).toBe(original('ask-resources.json'));
    expect(projectText('skill-package/skill.json')).toBe(original('skill-package/skill.json'));
    expect((JSON.parse(projectText('.ask/replay-en-US.json')) as { skillId: string }).skillId).toBe(SKILL_ID);
    expect(result.stdout).toContain('npx ask dialog -p dev --replay .ask/replay-en-US.json');
  });

  it('dev, a later deploy: the regenerated copy keeps what ask-cli wrote, still one ask deploy', () => {
    expect(deploy({ ASK_CLI: fakeAsk }, ['-p', 'dev']).status).toBe(0);
    writeFileSync(logFile, '');
    expect(deploy({ ASK_CLI: fakeAsk }, ['-p', 'dev']).status).toBe(0);
    expect(calls()).toEqual([
      {
        args: ['deploy', '-p', 'dev'],
        manifestFile: DEV_MANIFEST,
        apis: { custom: { endpoint: { uri: ARN } } },
        events: { endpoint: { uri: ARN }, subscriptions: [{ eventName: 'SKILL_DISABLED' }] },
        invocation: 'range of motion coach dev',
      },
    ]);
  });

  it('beta deploys the committed package under its own invocation name', () => {
    expect(deploy({ ASK_CLI: fakeAsk, ASK_DEFAULT_PROFILE: 'beta' }).status).toBe(0);
    expect(calls()).toMatchObject([{ args: ['deploy'], manifestFile: path.join('skill-package', 'skill.json'), invocation: 'range of motion coach' }]);
  });

  it('--release: refuses the example.com links and a stage without AlarmEmail before ask-cli runs', () => {
    const result = deploy({ ASK_CLI: fakeAsk }, ['-p', 'beta', '--release']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/refusing a release deploy of beta/);
    expect(result.stderr).toMatch(/example\.com/);
    expect(result.stderr).toMatch(/AlarmEmail is empty/);
    expect(calls()).toEqual([]);
  });

  it('--release with real pages and an alarm address: deploys, without passing --release to ask', () => {
    writeFileSync(
      path.join(project, 'infrastructure/publishing-links.json'),
      JSON.stringify({ default: { privacyPolicyUrl: 'https://rom-coach.org/privacy', termsOfUseUrl: 'https://rom-coach.org/terms' } }),
    );
    const resources = JSON.parse(projectText('ask-resources.json')) as { profiles: { beta: { skillInfrastructure: { userConfig: { cfn: { parameters: Record<string, string> } } } } } };
    resources.profiles.beta.skillInfrastructure.userConfig.cfn.parameters.AlarmEmail = 'care-team@rom-coach.org';
    writeFileSync(path.join(project, 'ask-resources.json'), JSON.stringify(resources, null, 2));
    const result = deploy({ ASK_CLI: fakeAsk }, ['-p', 'beta', '--release']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(calls().map((c) => c.args)).toEqual([['deploy', '-p', 'beta']]);
    expect(projectText('skill-package/skill.json')).toContain('https://rom-coach.org/privacy');
  });

  it('refuses a skill.json with a leftover events API (the old targetEndpoint setting) instead of uploading it again', () => {
    const file = path.join(project, 'skill-package/skill.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { manifest: { apis: Record<string, unknown> } };
    manifest.manifest.apis.events = { endpoint: { uri: ARN } };
    writeFileSync(file, JSON.stringify(manifest, null, 2));
    const result = deploy({ ASK_CLI: fakeAsk }, ['-p', 'beta']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/manifest\.apis\.events.*Delete it by hand/s);
    expect(calls()).toEqual([]);
  });

  it('a failed deploy: the status is passed on and ask-resources.json is as committed', () => {
    const result = deploy({ ASK_CLI: fakeAsk, FAKE_ASK_FAIL: '1' }, ['-p', 'dev']);
    expect(result.status).toBe(3);
    expect(calls()).toHaveLength(1);
    expect(projectText('ask-resources.json')).toBe(original('ask-resources.json'));
    expect(existsSync(path.join(project, '.ask', 'replay-en-US.json'))).toBe(false);
  });
});
