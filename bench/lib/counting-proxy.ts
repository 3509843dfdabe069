// A loopback HTTP proxy in front of dynalite that sees every DynamoDB request the workers make:
// the operation (X-Amz-Target), whether a write is conditional, what it writes and what comes back.
// It runs in the benchmark's own process, never in the measured one, and forwards bytes unchanged.
import { createServer, request as httpRequest, Agent, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dynamoItemBytes, type WireItem } from '../../lambda/store/item-size';

export type SeenRequest = {
  op: string;
  /** PutItem/UpdateItem/DeleteItem with a ConditionExpression. */
  conditional: boolean;
  consistentRead: boolean;
  /** The sort key written or read (PutItem, GetItem), e.g. PROGRESS or DAY#2026-12-01. */
  sortKey: string | null;
  /** DynamoDB size of the item a PutItem writes. */
  itemBytes: number | null;
  status: number;
  /** The write was refused: ConditionalCheckFailedException. */
  conflict: boolean;
  /** Items handed back (GetItem 0/1, BatchGetItem, Query Count). */
  itemsReturned: number;
  /** Query/Scan ScannedCount: what DynamoDB read to answer. */
  itemsScanned: number;
  /** DynamoDB size of the items read. */
  bytesRead: number;
  /** Keys a BatchGetItem asked for. */
  keysRequested: number;
  requestBytes: number;
  responseBytes: number;
};

export type CountingProxy = {
  endpoint: string;
  /** Everything seen while a turn is open goes into its list. */
  openTurn(): SeenRequest[];
  closeTurn(): void;
  /** TCP connections opened by clients so far (keep-alive: one per worker process). */
  connections: number;
  /** Requests seen outside any turn. */
  outside: SeenRequest[];
  close(): Promise<void>;
};

type Body = Record<string, unknown>;

function parseJson(buffer: Buffer): Body {
  try {
    const value: unknown = JSON.parse(buffer.toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Body) : {};
  } catch {
    return {};
  }
}

const sortKeyOf = (item: unknown): string | null => {
  const sk = (item as { sk?: { S?: string } } | undefined)?.sk?.S;
  return typeof sk === 'string' ? sk : null;
};

function describe(op: string, body: Body, status: number, reply: Body, requestBytes: number, responseBytes: number): SeenRequest {
  const seen: SeenRequest = {
    op,
    conditional: typeof body.ConditionExpression === 'string',
    consistentRead: body.ConsistentRead === true,
    sortKey: null,
    itemBytes: null,
    status,
    conflict: status === 400 && String(reply.__type ?? '').includes('ConditionalCheckFailed'),
    itemsReturned: 0,
    itemsScanned: 0,
    bytesRead: 0,
    keysRequested: 0,
    requestBytes,
    responseBytes,
  };
  if (op === 'PutItem') {
    seen.sortKey = sortKeyOf(body.Item);
    seen.itemBytes = dynamoItemBytes(body.Item as WireItem);
  } else if (op === 'GetItem') {
    seen.sortKey = sortKeyOf(body.Key);
    const item = reply.Item as WireItem | undefined;
    seen.itemsReturned = item === undefined ? 0 : 1;
    seen.bytesRead = item === undefined ? 0 : dynamoItemBytes(item);
  } else if (op === 'BatchGetItem') {
    const requested = Object.values((body.RequestItems ?? {}) as Record<string, { Keys?: unknown[]; ConsistentRead?: boolean }>);
    seen.keysRequested = requested.reduce((n, r) => n + (r.Keys?.length ?? 0), 0);
    seen.consistentRead = requested.length > 0 && requested.every((r) => r.ConsistentRead === true);
    const items = Object.values((reply.Responses ?? {}) as Record<string, WireItem[]>).flat();
    seen.itemsReturned = items.length;
    seen.bytesRead = items.reduce((n, item) => n + dynamoItemBytes(item), 0);
  } else if (op === 'Query' || op === 'Scan') {
    const items = (reply.Items ?? []) as WireItem[];
    seen.itemsReturned = typeof reply.Count === 'number' ? reply.Count : items.length;
    seen.itemsScanned = typeof reply.ScannedCount === 'number' ? reply.ScannedCount : items.length;
    seen.bytesRead = items.reduce((n, item) => n + dynamoItemBytes(item), 0);
  }
  return seen;
}

async function readAll(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startCountingProxy(upstream: string): Promise<CountingProxy> {
  const target = new URL(upstream);
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  let current: SeenRequest[] | null = null;
  const outside: SeenRequest[] = [];

  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    void (async () => {
      const body = await readAll(incoming);
      const targetHeader = String(incoming.headers['x-amz-target'] ?? '');
      const op = targetHeader.includes('.') ? targetHeader.slice(targetHeader.indexOf('.') + 1) : targetHeader || 'unknown';
      // Attributed to the turn that was open when the request arrived.
      const list = current ?? outside;
      const upstreamRequest = httpRequest(
        { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers, agent },
        (reply) => {
          void (async () => {
            const replyBody = await readAll(reply);
            list.push(describe(op, parseJson(body), reply.statusCode ?? 0, parseJson(replyBody), body.length, replyBody.length));
            outgoing.writeHead(reply.statusCode ?? 502, reply.headers);
            outgoing.end(replyBody);
          })();
        },
      );
      upstreamRequest.on('error', (error) => {
        list.push(describe(op, parseJson(body), 502, {}, body.length, 0));
        outgoing.writeHead(502, { 'content-type': 'text/plain' });
        outgoing.end(String(error));
      });
      upstreamRequest.end(body);
    })();
  });
  const proxy: CountingProxy = {
    endpoint: '',
    connections: 0,
    outside,
    openTurn() {
      current = [];
      return current;
    },
    closeTurn() {
      current = null;
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  server.on('connection', () => {
    proxy.connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
