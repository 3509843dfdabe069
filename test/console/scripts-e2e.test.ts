// The console and db:create as a user runs them: real processes, real dynalite, the fixture model and a fake skill.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startDynalite } from '../../scripts/local/dynalite';
import { FIXTURE_MODEL_PATH } from './fixture-model';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

type Run = { code: number; stdout: string; stderr: string };

function run(script: string, env: Record<string, string>, input = ''): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      TSX,
      [path.join(ROOT, script)],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env }, timeout: 30_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}

const consoleEnv = {
  CONSOLE_MODEL: FIXTURE_MODEL_PATH,
  CONSOLE_SKILL_MODULE: path.join(__dirname, 'fixtures', 'fake-skill.ts'),
};

describe('npm start (scripts/console/main.ts)', () => {
  it('plays a scripted conversation from stdin and exits 0 at end of input', async () => {
    const script = ['# launch, talk, time out, one-shot', 'open range of motion coach', 'start the legs routine', '/end', 'ask range of motion coach to stop', ''].join('\n');
    const result = await run('scripts/console/main.ts', { ...consoleEnv, CONSOLE_MEMORY: '1' }, script);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('> open range of motion coach\n→ LaunchRequest');
    expect(result.stdout).toContain('Alexa: Starting legs. [pause 20s] Tom & Jerry, turn 2.');
    expect(result.stdout).toContain('→ SessionEndedRequest EXCEEDED_MAX_REPROMPTS');
    expect(result.stdout).toContain('Alexa: Goodbye.\n[card: Range of Motion Coach]\n(session ended)');
    expect(result.stdout).not.toContain('LOCAL-CONSOLE-USER');
  });

  it('keeps its table in CONSOLE_DATA_DIR', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'rom-console-'));
    try {
      const result = await run('scripts/console/main.ts', { ...consoleEnv, CONSOLE_DATA_DIR: folder }, 'open range of motion coach\n');
      expect(result.code).toBe(0);
      const files = await readdir(folder);
      expect(files).toContain('CURRENT');
      expect(files).not.toContain('dynalite-owner.pid');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('exits 1 with a clear message when the model is missing', async () => {
    const result = await run('scripts/console/main.ts', { ...consoleEnv, CONSOLE_MEMORY: '1', CONSOLE_MODEL: '/nonexistent/model.json' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Cannot read the interaction model at /nonexistent/model.json');
  });
});

describe('npm run db:create (scripts/db-create.ts)', () => {
  it('creates the table once, then reports that it exists', async () => {
    const dynalite = await startDynalite({});
    try {
      const env = { SKILL_TABLE: 'db-create-test', DYNAMODB_ENDPOINT: dynalite.endpoint };
      expect(await run('scripts/db-create.ts', env)).toMatchObject({ code: 0, stdout: 'created table db-create-test\n' });
      expect(await run('scripts/db-create.ts', env)).toMatchObject({ code: 0, stdout: 'table db-create-test already exists\n' });
    } finally {
      await dynalite.close();
    }
  });

  it('fails clearly when DynamoDB is unreachable or the configuration is invalid', async () => {
    const unreachable = await run('scripts/db-create.ts', { SKILL_TABLE: 'db-create-test', DYNAMODB_ENDPOINT: 'http://127.0.0.1:9' });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('could not ensure table db-create-test at http://127.0.0.1:9');
    expect(unreachable.stderr).toContain('ECONNREFUSED');
    const invalid = await run('scripts/db-create.ts', {});
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('SKILL_TABLE');
  });
});
