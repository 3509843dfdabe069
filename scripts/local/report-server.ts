// The report page on loopback, for `npm start` and the browser test: a plain node:http server handing each request
// to the same code the Function URL runs (lambda/report/http.ts), shaped as the Function URL's event.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Logger } from '../../lambda/logger';
import { silentLogger } from '../../lambda/logger';
import { handleReportRequest, MAX_BODY_BYTES, type UrlRequest } from '../../lambda/report/http';
import { DynamoReportAccess } from '../../lambda/store/report-access';
import type { UserKeySecret } from '../../lambda/user-key';

export type RunningReportServer = { url: string; access: DynamoReportAccess; close(): Promise<void> };

export type ReportServerOptions = {
  client: DynamoDBClient;
  tableName: string;
  secret: UserKeySecret;
  healthDetails: boolean;
  port?: number;
  logger?: Logger;
  clock?: () => number;
};

/** The body, or null once it passes the limit (the rest is not read). */
function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export async function startReportServer(options: ReportServerOptions): Promise<RunningReportServer> {
  const access = new DynamoReportAccess(options.client, options.tableName);
  const deps = {
    access,
    secret: options.secret,
    healthDetails: options.healthDetails,
    clock: options.clock ?? Date.now,
    logger: options.logger ?? silentLogger,
    // Browsers keep Secure cookies on http://127.0.0.1 and localhost (a potentially trustworthy origin).
    secureCookie: true,
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const target = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = await readBody(req).catch(() => null);
      const event: UrlRequest = {
        rawPath: target.pathname,
        rawQueryString: target.search.replace(/^\?/, ''),
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v])),
        cookies: (req.headers.cookie ?? '').split(';').map((c) => c.trim()).filter((c) => c !== ''),
        // Over the limit: a body of the limit plus one byte stands for it, so the handler refuses it as too large.
        body: body ?? 'x'.repeat(MAX_BODY_BYTES + 1),
        requestContext: { http: { method: req.method ?? 'GET', sourceIp: req.socket.remoteAddress ?? 'unknown' } },
      };
      const response = await handleReportRequest(event, deps);
      res.statusCode = response.statusCode;
      for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
      if (response.cookies !== undefined) res.setHeader('Set-Cookie', response.cookies);
      res.end(response.body);
    })().catch(() => {
      res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    access,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
