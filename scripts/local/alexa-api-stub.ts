// A loopback stand-in for Alexa's service APIs (Settings and Reminders): the console and the tests point their
// envelopes' apiEndpoint here, so the real clients run over HTTP and nothing leaves the machine.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeAlexaApi = {
  endpoint: string;
  /** What the Settings API answers for the time zone; null answers 204 (no value). */
  timeZone: string | null;
  /** Milliseconds to wait before answering, to test timeouts. */
  delayMs: number;
  /** Status the Reminders API answers with on create (201 creates). */
  createStatus: number;
  reminders: Map<string, unknown>;
  requests: Array<{ method: string; path: string; authorization: string | undefined }>;
  close(): Promise<void>;
};

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeAlexaApi(options: Partial<Pick<FakeAlexaApi, 'timeZone' | 'delayMs' | 'createStatus'>> = {}): Promise<FakeAlexaApi> {
  let nextToken = 1;
  const api: FakeAlexaApi = {
    endpoint: '',
    timeZone: options.timeZone === undefined ? 'America/New_York' : options.timeZone,
    delayMs: options.delayMs ?? 0,
    createStatus: options.createStatus ?? 201,
    reminders: new Map(),
    requests: [],
    close: async () => undefined,
  };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      const path = request.url ?? '';
      api.requests.push({ method: request.method ?? '', path, authorization: request.headers.authorization });
      const text = await body(request);
      if (api.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, api.delayMs));
      if (response.destroyed) return;
      const json = (status: number, value?: unknown) => {
        response.writeHead(status, { 'Content-Type': 'application/json' });
        response.end(value === undefined ? '' : JSON.stringify(value));
      };
      if (request.method === 'GET' && path.endsWith('/settings/System.timeZone')) {
        return api.timeZone === null ? json(204) : json(200, api.timeZone);
      }
      if (request.method === 'POST' && path === '/v1/alerts/reminders') {
        if (api.createStatus !== 201) return json(api.createStatus, { code: 'NOPE' });
        const alertToken = `token-${nextToken++}`;
        api.reminders.set(alertToken, JSON.parse(text));
        return json(201, { alertToken, status: 'ON' });
      }
      if (request.method === 'DELETE' && path.startsWith('/v1/alerts/reminders/')) {
        const token = decodeURIComponent(path.slice('/v1/alerts/reminders/'.length));
        return json(api.reminders.delete(token) ? 200 : 404);
      }
      return json(404);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return api;
}
