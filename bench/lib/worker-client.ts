// Starts one fresh measured process (bench/.build/worker.js + a bundle) and invokes it over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import type { FromWorker, WorkerInvokeResult, WorkerProbe, WorkerReady, WorkerStats } from '../runtime/protocol';

export type WorkerOptions = {
  workerScript: string;
  bundle: string;
  env: Record<string, string>;
  /** Diagnosis only: where the worker writes its CPU profiles (init, first request, warm). */
  profileDir?: string;
};

export type Worker = {
  ready: WorkerReady;
  /** Wall time from spawn() to the ready message, as the benchmark saw it. */
  spawnToReadyMs: number;
  invoke(event: unknown): Promise<WorkerInvokeResult & { response: unknown }>;
  stats(): Promise<WorkerStats>;
  /** Diagnosis only: profile the invocations between these two calls (needs profileDir). */
  profileStart(): Promise<WorkerStats>;
  profileStop(name: string): Promise<WorkerStats>;
  /** Bytes the skill wrote to stdout (its logs) since the last call. */
  takeLogBytes(): number;
  stderrTail(): string;
  stop(): Promise<void>;
};

const READY_TIMEOUT_MS = 30_000;
const INVOKE_TIMEOUT_MS = 15_000;

export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const started = performance.now();
  const child: ChildProcess = fork(options.workerScript, [options.bundle, ...(options.profileDir !== undefined ? ['--profile-dir', options.profileDir] : [])], {
    execArgv: [],
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'json',
  });
  let logBytes = 0;
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    logBytes += chunk.length;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const waiting = new Map<number, (result: WorkerInvokeResult) => void>();
  let statsWaiter: ((stats: WorkerStats) => void) | null = null;
  let readyResolve: ((ready: WorkerReady) => void) | null = null;
  let failure: Error | null = null;

  child.on('message', (message: FromWorker) => {
    if (message.type === 'ready') readyResolve?.(message);
    else if (message.type === 'result') {
      const resolve = waiting.get(message.id);
      waiting.delete(message.id);
      resolve?.(message);
    } else if (message.type === 'stats') {
      statsWaiter?.(message);
      statsWaiter = null;
    }
  });
  child.once('exit', (code, signal) => {
    failure = new Error(`worker exited (code ${String(code)}, signal ${String(signal)}): ${stderr.slice(-1500)}`);
  });

  const ready = await new Promise<WorkerReady>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not load ${options.bundle} in time: ${stderr.slice(-1500)}`)), READY_TIMEOUT_MS);
    readyResolve = (value) => {
      clearTimeout(timer);
      resolve(value);
    };
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`worker failed to load ${options.bundle}: ${stderr.slice(-1500)}`));
    });
  });
  const spawnToReadyMs = performance.now() - started;

  const ask = (message: { type: 'stats' } | { type: 'profile-start' } | { type: 'profile-stop'; name: string }): Promise<WorkerStats> => {
    if (failure !== null) return Promise.reject(failure);
    return new Promise((resolve) => {
      statsWaiter = resolve;
      child.send(message);
    });
  };

  let nextId = 1;
  return {
    ready,
    spawnToReadyMs,
    invoke(event) {
      if (failure !== null) return Promise.reject(failure);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`invocation ${id} timed out`)), INVOKE_TIMEOUT_MS);
        waiting.set(id, (result) => {
          clearTimeout(timer);
          resolve({ ...result, response: result.responseJson === null ? undefined : JSON.parse(result.responseJson) });
        });
        child.send({ type: 'invoke', id, eventJson: JSON.stringify(event) });
      });
    },
    stats: () => ask({ type: 'stats' }),
    profileStart: () => ask({ type: 'profile-start' }),
    profileStop: (name) => ask({ type: 'profile-stop', name }),
    takeLogBytes() {
      const bytes = logBytes;
      logBytes = 0;
      return bytes;
    },
    stderrTail: () => stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.send({ type: 'exit' });
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** One fresh process that reads, compiles and evaluates the bundle, timing each part. */
export async function compileProbe(workerScript: string, bundle: string, env: Record<string, string>): Promise<WorkerProbe> {
  const child = fork(workerScript, [bundle, '--compile-probe'], { execArgv: [], env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'json' });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-2000);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('compile probe timed out'));
    }, READY_TIMEOUT_MS);
    child.on('message', (message: FromWorker) => {
      if (message.type !== 'probe') return;
      clearTimeout(timer);
      resolve(message);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`compile probe failed: ${stderr}`));
    });
  });
}
