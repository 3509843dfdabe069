// A fault-injecting HTTP proxy on loopback in front of a local DynamoDB (dynalite): per request it passes,
// delays, drops the connection before or after forwarding, or answers a DynamoDB JSON error, following a
// seeded (deterministic) plan or a per-request hook. It counts requests by DynamoDB operation (X-Amz-Target).
//
//   const proxy = await startFaultProxy({ target: dynalite.endpoint, plan: { seed: 7, rates: { throttle: 0.1 } } });
//   createDynamoClient({ region: 'us-east-1', dynamoEndpoint: proxy.endpoint });
//
// Run on its own: tsx scripts/local/fault-proxy.ts --target http://127.0.0.1:8000 [--port 0] [--seed 1] [--rate 0.1]
import { Agent, createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { isLoopback } from './dynalite';

/** What the proxy does with one request. */
export type FaultAction =
  | { kind: 'pass' }
  /** Holds the request this long, then forwards it whether or not the client is still waiting (a late write lands). */
  | { kind: 'delay'; ms: number }
  /** Destroys the client's connection; nothing reaches DynamoDB. */
  | { kind: 'dropBefore' }
  /** Forwards, lets DynamoDB answer, then destroys the client's connection: the write happened, the answer is lost. */
  | { kind: 'dropAfter' }
  | { kind: 'error'; error: DynamoErrorName }
  /**
   * Answers a BatchGetItem or BatchWriteItem with success and every key or item of the request handed back as
   * unprocessed, as DynamoDB does under throttling; nothing is forwarded. Other operations pass.
   */
  | { kind: 'unprocessed' };

export type DynamoErrorName = 'ProvisionedThroughputExceededException' | 'ThrottlingException' | 'InternalServerError';

/** The fault kinds a seeded plan draws from, with their counters. */
export const FAULT_KINDS = ['delayShort', 'delayLong', 'dropBefore', 'dropAfter', 'throttle', 'throttling', 'internal'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export type RequestInfo = {
  /** 0-based arrival order at the proxy. */
  index: number;
  /** e.g. "PutItem", from X-Amz-Target "DynamoDB_20120810.PutItem"; "unknown" without the header. */
  operation: string;
  /** The JSON request body as text, e.g. to fault only one user's writes. */
  body: string;
  /**
   * 0 for the first request on its connection, 1 for the next one on the same kept-alive connection...: what a new
   * connection costs (DNS, TCP, TLS at a cold start) can be put on the first request of each connection.
   */
  onConnection: number;
};

export type FaultHook = (info: RequestInfo) => FaultAction;

export type SeededPlan = {
  seed: number;
  /** Probability per request of each fault; what is left passes. The sum must not exceed 1. */
  rates: Partial<Record<FaultKind, number>>;
  /** A delay under the client's per-attempt timeout, and one over it. */
  delayMs?: { short?: readonly [number, number]; long?: readonly [number, number] };
  /** Only these operations get faults (all when absent). */
  operations?: readonly string[];
};

export type ProxyCounts = {
  /** Requests that reached the proxy, by operation. */
  received: Record<string, number>;
  /** Requests forwarded to DynamoDB (passed, delayed or dropped after), by operation. */
  forwarded: Record<string, number>;
  /** What was done, by action: pass, delay, dropBefore, dropAfter, and each error name. */
  actions: Record<string, number>;
  /** How long DynamoDB took to answer each forwarded request (ms), in order; the last 100 000 are kept. */
  upstreamMs: number[];
};

export type FaultProxy = {
  endpoint: string;
  counts: ProxyCounts;
  /** Replaces the plan: a seeded plan, a hook, or null to pass everything. */
  setPlan(plan: SeededPlan | FaultHook | null): void;
  resetCounts(): void;
  /** Total requests received so far (the next request's index). */
  readonly requestCount: number;
  close(): Promise<void>;
};

export type FaultProxyOptions = {
  /** The dynalite endpoint, e.g. http://127.0.0.1:40123; loopback only. */
  target: string;
  plan?: SeededPlan | FaultHook | null;
  port?: number;
  host?: string;
};

/** mulberry32: a small, fast, seeded generator; the same seed gives the same faults in the same order. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Turns a seeded plan into a hook: one draw per request in arrival order. */
export function seededHook(plan: SeededPlan): FaultHook {
  const random = seededRandom(plan.seed);
  const total = FAULT_KINDS.reduce((sum, kind) => sum + (plan.rates[kind] ?? 0), 0);
  if (total > 1 + 1e-9) throw new RangeError(`fault rates add up to ${total}, more than 1`);
  const [shortMin, shortMax] = plan.delayMs?.short ?? [30, 150];
  const [longMin, longMax] = plan.delayMs?.long ?? [400, 1200];
  const only = plan.operations === undefined ? null : new Set(plan.operations);
  return (info) => {
    const draw = random();
    const between = random();
    if (only !== null && !only.has(info.operation)) return { kind: 'pass' };
    let edge = 0;
    for (const kind of FAULT_KINDS) {
      edge += plan.rates[kind] ?? 0;
      if (draw < edge) return actionFor(kind, between, [shortMin, shortMax], [longMin, longMax]);
    }
    return { kind: 'pass' };
  };
}

function actionFor(kind: FaultKind, between: number, short: readonly [number, number], long: readonly [number, number]): FaultAction {
  const pick = ([min, max]: readonly [number, number]) => Math.round(min + between * (max - min));
  switch (kind) {
    case 'delayShort':
      return { kind: 'delay', ms: pick(short) };
    case 'delayLong':
      return { kind: 'delay', ms: pick(long) };
    case 'dropBefore':
      return { kind: 'dropBefore' };
    case 'dropAfter':
      return { kind: 'dropAfter' };
    case 'throttle':
      return { kind: 'error', error: 'ProvisionedThroughputExceededException' };
    case 'throttling':
      return { kind: 'error', error: 'ThrottlingException' };
    case 'internal':
      return { kind: 'error', error: 'InternalServerError' };
  }
}

/** The first `actions` requests get these actions in order; the rest pass. */
export function scriptedHook(actions: readonly FaultAction[]): FaultHook {
  return (info) => actions[info.index] ?? { kind: 'pass' };
}

const ERRORS: Record<DynamoErrorName, { status: number; type: string; message: string }> = {
  ProvisionedThroughputExceededException: {
    status: 400,
    type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
    message: 'The level of configured provisioned throughput for the table was exceeded.',
  },
  ThrottlingException: { status: 400, type: 'com.amazon.coral.availability#ThrottlingException', message: 'Rate of requests exceeds the allowed throughput.' },
  InternalServerError: { status: 500, type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'Internal server error' },
};

function operationOf(request: IncomingMessage): string {
  const target = request.headers['x-amz-target'];
  const value = Array.isArray(target) ? target[0] : target;
  if (value === undefined || value === '') return 'unknown';
  return value.slice(value.lastIndexOf('.') + 1);
}

async function readBody(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

const emptyCounts = (): ProxyCounts => ({ received: {}, forwarded: {}, actions: {}, upstreamMs: [] });
const MAX_TIMINGS = 100_000;

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) throw new Error(`the fault proxy must listen on loopback, not ${host}`);
  const target = new URL(options.target);
  if (target.protocol !== 'http:' || !isLoopback(target.hostname.replace(/^\[|\]$/g, ''))) {
    throw new Error(`the fault proxy forwards to a loopback http endpoint only, not ${options.target}`);
  }
  const toHook = (plan: SeededPlan | FaultHook | null | undefined): FaultHook | null =>
    plan === null || plan === undefined ? null : typeof plan === 'function' ? plan : seededHook(plan);
  let hook = toHook(options.plan);
  let index = 0;
  const requestsBySocket = new WeakMap<object, number>();
  let counts = emptyCounts();
  const upstreamAgent = new Agent({ keepAlive: true, maxSockets: 64 });
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const forward = (request: IncomingMessage, body: Buffer, operation: string) =>
    new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
      bump(counts.forwarded, operation);
      const sentAt = performance.now();
      const timings = counts.upstreamMs;
      const upstream = httpRequest(
        {
          host: target.hostname.replace(/^\[|\]$/g, ''),
          port: target.port,
          method: request.method,
          path: request.url,
          headers: { ...request.headers, host: target.host, 'content-length': String(body.length) },
          agent: upstreamAgent,
        },
        (response) => {
          readBody(response).then((text) => {
            if (timings.length < MAX_TIMINGS) timings.push(performance.now() - sentAt);
            resolve({ status: response.statusCode ?? 502, headers: response.headers, body: text });
          }, reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const body = await readBody(request);
    const operation = operationOf(request);
    const onConnection = requestsBySocket.get(request.socket) ?? 0;
    requestsBySocket.set(request.socket, onConnection + 1);
    const info: RequestInfo = { index: index++, operation, body: body.toString('utf8'), onConnection };
    bump(counts.received, operation);
    const action = hook === null ? ({ kind: 'pass' } as const) : hook(info);
    bump(counts.actions, action.kind === 'error' ? action.error : action.kind);
    const gone = () => response.destroyed || request.socket.destroyed;
    switch (action.kind) {
      case 'dropBefore':
        request.socket.destroy();
        return;
      case 'error': {
        const error = ERRORS[action.error];
        const text = JSON.stringify({ __type: error.type, message: error.message });
        response.writeHead(error.status, {
          'Content-Type': 'application/x-amz-json-1.0',
          'Content-Length': Buffer.byteLength(text),
          'x-amzn-RequestId': `fault-proxy-${info.index}`,
        });
        response.end(text);
        return;
      }
      case 'unprocessed': {
        const requestItems = (JSON.parse(info.body) as { RequestItems?: unknown }).RequestItems ?? {};
        const answer = operation === 'BatchGetItem' ? { Responses: {}, UnprocessedKeys: requestItems } : operation === 'BatchWriteItem' ? { UnprocessedItems: requestItems } : null;
        if (answer === null) break;
        const text = JSON.stringify(answer);
        response.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.0', 'Content-Length': Buffer.byteLength(text), 'x-amzn-RequestId': `fault-proxy-${info.index}` });
        response.end(text);
        return;
      }
      case 'delay':
        await wait(action.ms);
        if (closed) return;
        break;
      case 'pass':
      case 'dropAfter':
        break;
    }
    const answer = await forward(request, body, operation);
    if (action.kind === 'dropAfter') {
      request.socket.destroy();
      return;
    }
    if (gone()) return;
    const headers = { ...answer.headers };
    delete headers['transfer-encoding'];
    delete headers.connection;
    response.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
    response.end(answer.body);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      // The upstream failed (dynalite closing): the client sees a dropped connection, as with a real outage.
      request.socket.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;

  return {
    endpoint: `http://${urlHost}:${address.port}`,
    get counts() {
      return counts;
    },
    get requestCount() {
      return index;
    },
    setPlan(plan) {
      hook = toHook(plan);
    },
    resetCounts() {
      counts = emptyCounts();
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        closed = true;
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
        upstreamAgent.destroy();
      });
      return closing;
    },
  };
}

/** Prints a one-line summary of the counts: requests by operation and what was done to them. */
export function describeCounts(counts: ProxyCounts): string {
  const list = (record: Record<string, number>) =>
    Object.entries(record)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => `${key} ${value}`)
      .join(', ');
  return `received: ${list(counts.received) || 'none'}; forwarded: ${list(counts.forwarded) || 'none'}; actions: ${list(counts.actions) || 'none'}`;
}

async function main(argv: readonly string[]): Promise<void> {
  const arg = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const target = arg('target');
  if (target === undefined) throw new Error('usage: tsx scripts/local/fault-proxy.ts --target http://127.0.0.1:PORT [--port 0] [--seed 1] [--rate 0.1]');
  const rate = Number(arg('rate') ?? '0.1');
  const each = rate / FAULT_KINDS.length;
  const proxy = await startFaultProxy({
    target,
    port: Number(arg('port') ?? '0'),
    plan: { seed: Number(arg('seed') ?? '1'), rates: Object.fromEntries(FAULT_KINDS.map((kind) => [kind, each])) },
  });
  process.stdout.write(`fault proxy on ${proxy.endpoint} -> ${target} (fault rate ${rate}); Ctrl-C to stop\n`);
  process.once('SIGINT', () => {
    process.stdout.write(`\n${describeCounts(proxy.counts)}\n`);
    void proxy.close().then(() => process.exit(0));
  });
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
