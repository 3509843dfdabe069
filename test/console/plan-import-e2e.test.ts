// `npm run plan:import` with no environment, as a family runs it: into the console's own store, whether the console is
// running or not, and checked before anything is touched. Real processes, the real skill, real dynalite.
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDynamoClient } from '../../lambda/store/client';
import { DynamoUserRecords } from '../../lambda/store/user-records';
import { startDynalite } from '../../scripts/local/dynalite';
import { LOCAL_TABLE } from '../../scripts/local/local-store';

jest.setTimeout(90_000);

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const BASE_ENV = { PATH: process.env.PATH ?? '', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

type Run = { code: number; stdout: string; stderr: string };

function planImport(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(TSX, [path.join(ROOT, 'scripts', 'plan-import.ts'), ...args], { cwd: ROOT, env: { ...BASE_ENV, ...env }, timeout: 40_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The console with stdin held open, so it keeps running while plan:import writes. */
class RunningConsole {
  stdout = '';
  stderr = '';
  private readonly child: ChildProcessWithoutNullStreams;
  readonly exited: Promise<number>;

  constructor(env: Record<string, string>, args: string[] = []) {
    this.child = spawn(TSX, [path.join(ROOT, 'scripts', 'console', 'main.ts'), ...args], { cwd: ROOT, env: { ...BASE_ENV, ...env } });
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => (this.stdout += chunk));
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code ?? 1)));
  }

  async waitFor(text: string, timeoutMs = 40_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.stdout.includes(text)) {
      if (Date.now() > deadline || this.child.exitCode !== null) throw new Error(`console never said ${JSON.stringify(text)}:\n${this.stdout}\n${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  say(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  async finish(): Promise<number> {
    this.child.stdin.end();
    return this.exited;
  }
}

const TWO_EXERCISES = {
  schemaVersion: 1,
  reviewedOn: '2026-11-20',
  legsFirst: false,
  exercises: [{ id: 'elbow-flexion-extension', sides: ['left'] }, { id: 'neck-rotation', reps: 5 }],
};

let work: string;
let dataDir: string;
let env: Record<string, string>;
const consoles: RunningConsole[] = [];

beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'rom-plan-import-'));
  dataDir = path.join(work, 'dynalite');
  // No SKILL_TABLE, no DYNAMODB_ENDPOINT: the console's store, in a folder of this test's own.
  env = { CONSOLE_DATA_DIR: dataDir, CONSOLE_LOG_FILE: path.join(work, 'console.log') };
  await writeFile(path.join(work, 'plan.json'), JSON.stringify(TWO_EXERCISES));
});

afterEach(async () => {
  await Promise.all(consoles.splice(0).map((c) => c.finish()));
  await rm(work, { recursive: true, force: true });
});

/** The default plan as stored in the folder (opened once nothing else holds it). */
async function storedDefaultPlan(): Promise<unknown> {
  const dynalite = await startDynalite({ path: dataDir });
  const client = createDynamoClient({ region: 'us-east-1', dynamoEndpoint: dynalite.endpoint });
  try {
    return (await new DynamoUserRecords(client, LOCAL_TABLE).load('someone')).plan;
  } finally {
    client.destroy();
    await dynalite.close();
  }
}

describe('plan:import with no environment', () => {
  it('writes to the folder itself when no console runs, and the next console follows the plan', async () => {
    const imported = await planImport([path.join(work, 'plan.json')], env);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toContain("imported 2 exercises (reviewed on 2026-11-20) as the plan for every user without their own, in the console's store");
    expect(imported.stdout).not.toContain('through the running console');
    expect(await readFile(path.join(dataDir, 'CURRENT'), 'utf8')).toMatch(/MANIFEST/);

    const session = new RunningConsole(env);
    consoles.push(session);
    await session.waitFor('to begin');
    session.say('open range of motion coach');
    session.say('what is my plan');
    await session.waitFor('The plan has 2 exercises.');
    expect(await session.finish()).toBe(0);
    expect(session.stdout).toContain('reviewed it on November 20, 2026');
  });

  it('writes through the running console, which uses the plan at its next session; nothing is lost when it stops', async () => {
    const session = new RunningConsole(env);
    consoles.push(session);
    await session.waitFor('to begin');
    const key = /Talking as user key (\S+) /.exec(session.stdout)?.[1];
    expect(key).toMatch(/^dev\./);

    const imported = await planImport([path.join(work, 'plan.json')], env);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toContain('through the running console');
    // The user's own plan, by the key the console shows.
    const own = { ...TWO_EXERCISES, exercises: [{ id: 'neck-rotation', reps: 4 }] };
    await writeFile(path.join(work, 'own.json'), JSON.stringify(own));
    expect(await planImport([path.join(work, 'own.json'), '--user', key!], env)).toMatchObject({ code: 0 });

    session.say('open range of motion coach');
    session.say('what is my plan');
    await session.waitFor('The plan has 1 exercises.');
    expect(await session.finish()).toBe(0);
    expect(session.stderr).toBe('');
    // Written through the console's dynalite, so in its LevelDB when it closed; the folder opens cleanly again.
    expect(await storedDefaultPlan()).toMatchObject({ reviewedOn: '2026-11-20', exercises: TWO_EXERCISES.exercises });
  });

  it('refuses an invalid file with every problem and its path, exit 1, before any store or environment is touched', async () => {
    expect(await planImport([path.join(work, 'plan.json')], env)).toMatchObject({ code: 0 });
    const broken = {
      schemaVersion: 1,
      reviewedOn: '2026-02-30',
      exercises: [
        { id: 'hip-knee-flexion', reps: 12 },
        { id: 'cartwheel' },
        { id: 'neck-rotation', sides: ['left'] },
        { id: 'heel-cord-stretch', holdSeconds: 45 },
        { id: 'hamstring-stretch', holdSeconds: 2 },
      ],
    };
    await writeFile(path.join(work, 'broken.json'), JSON.stringify(broken));
    // An environment that would itself be refused (a bad table name): the file's problems come first.
    for (const runEnv of [env, { ...env, SKILL_TABLE: 'x' }]) {
      const refused = await planImport([path.join(work, 'broken.json')], runEnv);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr.split('\n').filter((line) => line.startsWith('  '))).toEqual([
        '  reviewedOn: Invalid ISO date',
        '  exercises.0.reps: Too big: expected number to be <=10',
        expect.stringMatching(/^ {2}exercises\.1\.id: unknown exercise; use one of: hip-knee-flexion, /),
        '  exercises.2.sides: neck-rotation is not done per side',
        '  exercises.3.holdSeconds: Too big: expected number to be <=30',
        '  exercises.4.holdSeconds: Too small: expected number to be >=5',
      ]);
      expect(refused.stderr).toContain('was not imported; the stored plan is unchanged');
    }
    expect(await storedDefaultPlan()).toMatchObject({ exercises: TWO_EXERCISES.exercises });
  });

  it('--check validates only: nothing is created, and an invalid file still exits 1', async () => {
    const checked = await planImport([path.join(work, 'plan.json'), '--check'], env);
    expect(checked).toMatchObject({ code: 0, stdout: `${path.join(work, 'plan.json')} is a valid plan: 2 exercises, reviewed on 2026-11-20\n` });
    await writeFile(path.join(work, 'bad.json'), '{ "schemaVersion": 1, "reviewedOn": "soon", "exercises": [] }');
    const refused = await planImport(['--check', path.join(work, 'bad.json')], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('  reviewedOn: Invalid ISO date');
    expect(refused.stderr).toContain('  exercises: Too small');
    expect(existsSync(dataDir)).toBe(false);
  });
});

describe('npm start', () => {
  it('prints the conversation only; the log lines go to the log file, or to standard error with --verbose', async () => {
    const quiet = new RunningConsole({ ...env, CONSOLE_MEMORY: '1' });
    quiet.say('open range of motion coach');
    expect(await quiet.finish()).toBe(0);
    expect(quiet.stdout).toContain('Alexa: Welcome');
    expect(quiet.stdout).not.toContain('"level"');
    expect(quiet.stderr).toBe('');
    const log = await readFile(path.join(work, 'console.log'), 'utf8');
    expect(log).toContain('"event":"request.done"');
    expect(log).toContain('"event":"session.started"');
    expect(log).not.toContain('LOCAL-CONSOLE-USER');

    const verbose = new RunningConsole({ ...env, CONSOLE_MEMORY: '1', CONSOLE_LOG_FILE: path.join(work, 'unused.log') }, ['--verbose']);
    verbose.say('open range of motion coach');
    expect(await verbose.finish()).toBe(0);
    expect(verbose.stdout).not.toContain('"level"');
    expect(verbose.stderr).toContain('"event":"request.done"');
    expect(existsSync(path.join(work, 'unused.log'))).toBe(false);
  });
});
