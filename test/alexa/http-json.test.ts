// The Alexa API calls over node:https: a slow, broken or oversized answer is a failure, never a hang.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpJson } from '../../lambda/alexa/http-json';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/json') {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => response.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ method: request.method, echo: body, auth: request.headers.authorization })));
    } else if (request.url === '/text') {
      response.writeHead(200).end('not json');
    } else if (request.url === '/empty') {
      response.writeHead(204).end();
    } else if (request.url === '/huge') {
      response.writeHead(200).end('x'.repeat(200_000));
    } else if (request.url === '/stall-body') {
      response.writeHead(200).write('{"a":');
    }
    // '/silent' never answers.
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('httpJson', () => {
  it('sends the method, headers and body, and reads the status and JSON answer', async () => {
    const answer = await httpJson(`${base}/json`, { method: 'POST', headers: { Authorization: 'Bearer t' }, body: '{"x":1}', timeoutMs: 1000 });
    expect(answer).toEqual({ status: 201, body: { method: 'POST', echo: '{"x":1}', auth: 'Bearer t' } });
  });

  it('gives no body for an answer that is empty or not JSON', async () => {
    expect(await httpJson(`${base}/text`, { method: 'GET', headers: {}, timeoutMs: 1000 })).toEqual({ status: 200, body: undefined });
    expect(await httpJson(`${base}/empty`, { method: 'DELETE', headers: {}, timeoutMs: 1000 })).toEqual({ status: 204, body: undefined });
  });

  it.each(['/silent', '/stall-body'])('gives up on %s after the timeout', async (path) => {
    const started = performance.now();
    await expect(httpJson(`${base}${path}`, { method: 'GET', headers: {}, timeoutMs: 150 })).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses an answer far larger than the Alexa APIs give', async () => {
    await expect(httpJson(`${base}/huge`, { method: 'GET', headers: {}, timeoutMs: 1000 })).rejects.toThrow(/too large/);
  });

  it('fails on a connection that is refused', async () => {
    await expect(httpJson('http://127.0.0.1:9/x', { method: 'GET', headers: {}, timeoutMs: 500 })).rejects.toThrow();
  });
});
