// scripts/deploy.ts end to end, in a copy of the project, with a stand-in for ask-cli (ASK_CLI) that
// behaves as `ask deploy` does to the files: rewrites ask-resources.json in its own format, writes the
// stack's SkillEndpoint into skill.json and the skill id into .ask/ask-states.json.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { INSTALL_ASK_CLI, SECRET_PLACEHOLDER } from '../../scripts/deploy';

const ROOT = path.join(__dirname, '..', '..');
const FILES = [
  'ask-resources.json',
  'scripts/deploy.ts',
  'scripts/package.ts',
  'skill-package/skill.json',
  'infrastructure/publishing-links.json',
  'test/ask-dialog/replay-en-US.json',
];
const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:range-of-motion-coach';
const SKILL_ID = 'amzn1.ask.skill.11111111-2222-3333-4444-555555555555';
const SECRET = 'a-secret-of-more-than-sixteen-characters';

// Records each call with what the project files held at that moment, then acts like ask-cli.
const FAKE_ASK = `#!/usr/bin/env node
const fs = require('fs');
const path = require('path');
const root = process.cwd();
const args = process.argv.slice(2);
const log = process.env.FAKE_ASK_LOG;
const read = (file) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
const write = (file, value, indent) => fs.writeFileSync(path.join(root, file), JSON.stringify(value, null, indent));
if (args[0] === '--version') { console.log('2.30.7'); process.exit(0); }
const resources = read('ask-resources.json');
const skill = read('skill-package/skill.json');
fs.appendFileSync(log, JSON.stringify({
  args,
  secret: resources.profiles.default.skillInfrastructure.userConfig.cfn.parameters.UserKeySecret,
  events: skill.manifest.events === undefined ? null : skill.manifest.events,
}) + '\\n');
if (process.env.FAKE_ASK_FAIL === '1') { console.error('CloudFormation failed'); process.exit(3); }
write('ask-resources.json', resources, 4);
if (!args.includes('--target')) {
  skill.manifest.apis.custom.endpoint = { uri: process.env.FAKE_ARN };
  write('skill-package/skill.json', skill, 2);
  fs.mkdirSync(path.join(root, '.ask'), { recursive: true });
  write('.ask/ask-states.json', { askcliStatesVersion: '2020-03-31', profiles: { default: { skillId: process.env.FAKE_SKILL_ID } } }, 2);
}
`;

type Call = { args: string[]; secret: string; events: unknown };

let project: string;
let logFile: string;
let fakeAsk: string;

beforeEach(() => {
  project = mkdtempSync(path.join(tmpdir(), 'rom-deploy-script-'));
  for (const file of FILES) {
    mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(project, file));
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
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      FAKE_ASK_LOG: logFile,
      FAKE_ARN: ARN,
      FAKE_SKILL_ID: SKILL_ID,
      ...env,
    },
    timeout: 30_000,
  });
}

const calls = (): Call[] =>
  readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Call);
const projectText = (file: string): string => readFileSync(path.join(project, file), 'utf8');
const original = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');
const manifestOf = (text: string) =>
  (JSON.parse(text) as { manifest: { events?: unknown; apis: { custom: { endpoint?: { uri: string } } } } }).manifest;

describe('npm run deploy (scripts/deploy.ts)', () => {
  it('says how to install ask-cli when it is missing', () => {
    const result = deploy({ ASK_CLI: path.join(project, 'no-such-ask'), USER_KEY_SECRET: SECRET });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(INSTALL_ASK_CLI);
    expect(result.stderr).toContain('npm install -g ask-cli');
  });

  it('refuses to deploy without a secret, and says how to make one', () => {
    const result = deploy({ ASK_CLI: fakeAsk });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/USER_KEY_SECRET is not set/);
    expect(calls()).toEqual([]);
  });

  it('first deploy: secret in for ask deploy only, events added once the Lambda exists, replay file ready', () => {
    const result = deploy({ ASK_CLI: fakeAsk, USER_KEY_SECRET: SECRET }, ['--ignore-hash']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);

    const [first, second, ...rest] = calls();
    expect(rest).toEqual([]);
    // ask deploy ran with the real secret and with the manifest's events held back.
    expect(first).toEqual({ args: ['deploy', '--ignore-hash'], secret: SECRET, events: null });
    // Then the manifest went up again, with SKILL_DISABLED pointed at the new Lambda; the secret was already out.
    expect(second).toEqual({
      args: ['deploy', '--target', 'skill-metadata'],
      secret: SECRET_PLACEHOLDER,
      events: { subscriptions: [{ eventName: 'SKILL_DISABLED' }], endpoint: { uri: ARN } },
    });

    // ask-resources.json is back exactly as committed, although ask-cli had rewritten it.
    expect(projectText('ask-resources.json')).toBe(original('ask-resources.json'));
    expect(projectText('ask-resources.json')).not.toContain(SECRET);
    const manifest = manifestOf(projectText('skill-package/skill.json'));
    expect(manifest.apis.custom.endpoint).toEqual({ uri: ARN });
    expect(manifest.events).toEqual({ subscriptions: [{ eventName: 'SKILL_DISABLED' }], endpoint: { uri: ARN } });
    const replay = JSON.parse(projectText('.ask/replay-en-US.json')) as { skillId: string };
    expect(replay.skillId).toBe(SKILL_ID);
    expect(result.stdout).toContain('ask dialog --replay .ask/replay-en-US.json');
  });

  it('a later deploy: one ask deploy, the events already point at the Lambda', () => {
    expect(deploy({ ASK_CLI: fakeAsk, USER_KEY_SECRET: SECRET }).status).toBe(0);
    writeFileSync(logFile, '');

    const again = deploy({ ASK_CLI: fakeAsk, USER_KEY_SECRET: SECRET });
    expect(again.status).toBe(0);
    expect(calls()).toEqual([
      { args: ['deploy'], secret: SECRET, events: { subscriptions: [{ eventName: 'SKILL_DISABLED' }], endpoint: { uri: ARN } } },
    ]);
  });

  it('a failed deploy: the placeholder and the committed manifest come back, and the status is passed on', () => {
    const result = deploy({ ASK_CLI: fakeAsk, USER_KEY_SECRET: SECRET, FAKE_ASK_FAIL: '1' });
    expect(result.status).toBe(3);
    expect(calls()).toHaveLength(1);
    expect(projectText('ask-resources.json')).toBe(original('ask-resources.json'));
    expect(JSON.parse(projectText('skill-package/skill.json'))).toEqual(JSON.parse(original('skill-package/skill.json')));
    expect(existsSync(path.join(project, '.ask', 'replay-en-US.json'))).toBe(false);
  });
});
