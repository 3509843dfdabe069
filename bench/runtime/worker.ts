// A stand-in for the Lambda Node runtime, one fresh process per measurement: it requires one bundle
// (the skill's or the floor's), then answers invocations sent over the IPC channel, as the runtime
// answers the Runtime API. It is bundled on its own (no dependencies) so it adds next to nothing to the
// process's CPU and memory. Per invocation it reports wall time, CPU time (process.cpuUsage), and the
// time the handler spent awaiting I/O: DynamoDB (every http.request the SDK makes) and the Alexa APIs
// (fetch), counted as the union of the intervals when at least one call was in flight.
//
// Diagnosis modes, never used for the figures: --profile-dir <dir> writes V8 CPU profiles of the init,
// the first request and (on request) warm turns; --compile-probe splits the require into read,
// compile and evaluate.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Context } from 'aws-lambda';
import { localLambdaContext } from '../../scripts/local/lambda-context';
import type { ToWorker, WorkerInvokeResult, WorkerProbe, WorkerReady, WorkerStats } from './protocol';

// --- I/O timing -------------------------------------------------------------------------------

let inFlight = 0;
let ioStartedAt = 0;
let ioMs = 0;
let storeInFlight = 0;
let storeStartedAt = 0;
let storeMs = 0;
let storeCalls = 0;
let apiCalls = 0;

function ioBegin(store: boolean): void {
  const now = performance.now();
  if (inFlight === 0) ioStartedAt = now;
  inFlight += 1;
  if (store) {
    if (storeInFlight === 0) storeStartedAt = now;
    storeInFlight += 1;
    storeCalls += 1;
  } else {
    apiCalls += 1;
  }
}

function ioEnd(store: boolean): void {
  const now = performance.now();
  inFlight -= 1;
  if (inFlight === 0) ioMs += now - ioStartedAt;
  if (store) {
    storeInFlight -= 1;
    if (storeInFlight === 0) storeMs += now - storeStartedAt;
  }
}

// The SDK's node-http-handler takes http.request from the module object the first time it sends,
// so replacing it here (before the bundle loads) times every DynamoDB request from the call to the
// last byte of the response (or the error). node:http is a built-in, already in Node's snapshot.
const originalRequest = http.request;
(http as { request: typeof http.request }).request = function timedRequest(this: unknown, ...args: unknown[]) {
  ioBegin(true);
  let done = false;
  const finish = (): void => {
    if (done) return;
    done = true;
    ioEnd(true);
  };
  const request = (originalRequest as (...a: unknown[]) => http.ClientRequest).apply(this, args);
  request.once('response', (response: http.IncomingMessage) => {
    response.once('end', finish);
    response.once('close', finish);
    response.once('error', finish);
  });
  request.once('error', finish);
  request.once('close', () => setImmediate(finish));
  return request;
} as typeof http.request;

// Node 20's fetch is a plain function that loads undici on its first call; wrapping it keeps that so.
const originalFetch = globalThis.fetch;
globalThis.fetch = async function timedFetch(...args: Parameters<typeof fetch>): Promise<Response> {
  ioBegin(false);
  try {
    return await originalFetch(...args);
  } finally {
    ioEnd(false);
  }
};

// --- process ----------------------------------------------------------------------------------

type Handler = (event: unknown, context: Context) => Promise<unknown>;
type Profiler = { start(): void; stop(name: string): void };

const bundlePath = process.argv[2] ?? '';
const flags = process.argv.slice(3);
const flagValue = (name: string): string | undefined => {
  const at = flags.indexOf(name);
  return at >= 0 ? flags[at + 1] : undefined;
};

const send = (message: WorkerReady | WorkerInvokeResult | WorkerStats | WorkerProbe): void => {
  process.send?.(message);
};
const monotonicUs = (): number => Number(process.hrtime.bigint() / 1000n);

/** An in-process inspector session: its commands complete synchronously on this thread. */
function openProfiler(dir: string): Profiler {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const inspector = require('node:inspector') as typeof import('node:inspector');
  const { writeFileSync } = require('node:fs') as typeof import('node:fs');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params: object = {}): unknown => {
    let result: unknown;
    let failure: unknown = null;
    let done = false;
    session.post(method, params, (error: unknown, value: unknown) => {
      failure = error;
      result = value;
      done = true;
    });
    if (!done) throw new Error(`inspector ${method} did not complete synchronously`);
    if (failure !== null && failure !== undefined) throw failure;
    return result;
  };
  post('Profiler.enable');
  post('Profiler.setSamplingInterval', { interval: 100 });
  return {
    start: () => void post('Profiler.start'),
    stop: (name) => {
      const { profile } = post('Profiler.stop') as { profile: unknown };
      writeFileSync(`${dir}/${name}.cpuprofile`, JSON.stringify(profile));
    },
  };
}

/** Splits the require into reading the file, compiling it (the CJS loader's wrapSafe) and evaluating it. */
function compileProbe(): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const fs = require('node:fs') as typeof import('node:fs');
  const vm = require('node:vm') as typeof import('node:vm');
  const path = require('node:path') as typeof import('node:path');
  const NodeModule = require('node:module') as unknown as {
    new (id: string, parent: unknown): { exports: unknown; filename: string; paths: string[]; require(id: string): unknown };
    _nodeModulePaths(dir: string): string[];
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const t0 = performance.now();
  const source = fs.readFileSync(bundlePath, 'utf8');
  const t1 = performance.now();
  const compiled = vm.compileFunction(source, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: bundlePath });
  const t2 = performance.now();
  const mod = new NodeModule(bundlePath, null);
  mod.filename = bundlePath;
  mod.paths = NodeModule._nodeModulePaths(path.dirname(bundlePath));
  compiled.call(mod.exports, mod.exports, (id: string) => mod.require(id), mod, bundlePath, path.dirname(bundlePath));
  const t3 = performance.now();
  send({ type: 'probe', readMs: t1 - t0, compileMs: t2 - t1, evaluateMs: t3 - t2, maxRssKb: process.resourceUsage().maxRSS });
  setTimeout(() => process.exit(0), 10);
}

function runtime(): void {
  const profileDir = flagValue('--profile-dir');
  const profiler = profileDir !== undefined ? openProfiler(profileDir) : null;

  profiler?.start();
  const initStartUs = monotonicUs();
  const cpuBeforeInit = process.cpuUsage();
  const initStart = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(bundlePath) as { handler?: Handler };
  const initMs = performance.now() - initStart;
  const initCpu = process.cpuUsage(cpuBeforeInit);
  const initEndUs = monotonicUs();
  profiler?.stop('init');
  const handler = loaded.handler;
  if (typeof handler !== 'function') throw new Error(`${bundlePath} exports no handler`);

  let invocations = 0;


  const invoke = async (id: number, eventJson: string): Promise<void> => {
    // The runtime parses the event before the handler runs and serialises the answer after it.
    const event = JSON.parse(eventJson) as { request?: { requestId?: string } };
    const context = localLambdaContext('bench', event.request?.requestId ?? String(id));
    ioMs = 0;
    storeMs = 0;
    storeCalls = 0;
    apiCalls = 0;
    const profileFirst = profiler !== null && invocations === 0;
    if (profileFirst) profiler.start();
    const startedUs = monotonicUs();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    let response: unknown;
    let error: string | undefined;
    try {
      response = await handler(event, context);
    } catch (caught) {
      error = caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught);
    }
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const endedUs = monotonicUs();
    if (profileFirst) profiler.stop('first');
    invocations += 1;
    send({
      type: 'result',
      id,
      responseJson: response === undefined ? null : JSON.stringify(response),
      ...(error !== undefined ? { error } : {}),
      wallMs,
      cpuUs: cpu.user + cpu.system,
      ioMs,
      storeMs,
      storeCalls,
      apiCalls,
      startedUs,
      endedUs,
    });
  };

  const stats = (): WorkerStats => {
    const usage = process.resourceUsage();
    const memory = process.memoryUsage();
    return {
      type: 'stats',
      invocations,
      maxRssKb: usage.maxRSS,
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      cpuUs: usage.userCPUTime + usage.systemCPUTime,
    };
  };

  process.on('message', (message: ToWorker) => {
    if (message.type === 'invoke') void invoke(message.id, message.eventJson);
    else if (message.type === 'stats') send(stats());
    else if (message.type === 'profile-start') {
      profiler?.start();
      send(stats());
    } else if (message.type === 'profile-stop') {
      profiler?.stop(message.name);
      send(stats());
    } else if (message.type === 'exit') process.exit(0);
  });

  send({
    type: 'ready',
    initMs,
    initCpuUs: initCpu.user + initCpu.system,
    maxRssKb: process.resourceUsage().maxRSS,
    uptimeAtReadyMs: process.uptime() * 1000,
    initStartUs,
    initEndUs,
  });
}

if (bundlePath === '') throw new Error('usage: worker.js <bundle.js> [--profile-dir <dir>] [--compile-probe]');
if (flags.includes('--compile-probe')) compileProbe();
else runtime();
