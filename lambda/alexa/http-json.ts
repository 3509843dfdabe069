// A small JSON-over-HTTPS call for the Alexa APIs, on node:https with a keep-alive agent. Node's fetch would
// load undici on the first call: 53 to 81 ms and 14 MB more on a cold start, against 13 ms and 1 MB for
// node:https, which the AWS SDK loads anyway (bench/FINDINGS.md).
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { withTimeout } from '../with-timeout';

export type JsonCall = { method: 'GET' | 'POST' | 'DELETE'; headers: Record<string, string>; body?: string; timeoutMs: number };
/** The status and the parsed body (undefined when it is empty or not JSON). */
export type JsonAnswer = { status: number; body: unknown };
export type HttpJson = (url: string, call: JsonCall) => Promise<JsonAnswer>;

/** The Alexa APIs answer with a few hundred bytes; anything far larger is not theirs. */
const MAX_BODY_BYTES = 65_536;

const agents = { https: new HttpsAgent({ keepAlive: true }), http: new HttpAgent({ keepAlive: true }) };

/** Rejects on a network error, a timeout (the whole call, not each read) or an oversized body. */
export const httpJson: HttpJson = (url, call) => withTimeout(call.timeoutMs, (signal) => send(url, call, signal));

function send(url: string, call: JsonCall, signal: AbortSignal): Promise<JsonAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    // Plain http only for the local stub of the Alexa APIs (scripts/local/alexa-api-stub.ts).
    const secure = target.protocol === 'https:';
    const request = (secure ? httpsRequest : httpRequest)(
      target,
      {
        method: call.method,
        headers: { ...call.headers, ...(call.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(call.body)) } : {}) },
        agent: secure ? agents.https : agents.http,
        signal,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) request.destroy(new Error('Response body too large'));
          else chunks.push(chunk);
        });
        response.on('error', reject);
        // Cut off mid-body (the timeout fired, the connection dropped): no 'end' comes.
        response.on('close', () => {
          if (!response.complete) reject(new Error('Response cut short'));
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: parseJson(Buffer.concat(chunks).toString('utf8')) }));
      },
    );
    request.on('error', reject);
    request.end(call.body);
  });
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
