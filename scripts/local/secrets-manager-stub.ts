// A loopback stand-in for Secrets Manager's GetSecretValue (AWS JSON 1.1 over HTTP), for the tests and the
// benchmark: the Lambda's real client reads the user-key secret from here through SECRETS_MANAGER_ENDPOINT,
// and every call is counted, so "read once per container" can be checked.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const STUB_SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:range-of-motion-coach-dev/user-key-AbCdEf';

export type SecretsManagerStub = {
  endpoint: string;
  arn: string;
  /** The SecretString answered; the stack generates {"keyId":"k1","key":"<48 characters>"}. */
  secretString: string;
  /** Answer every call with this HTTP status and a service error instead (500: InternalServiceError). */
  failWith: number | null;
  delayMs: number;
  calls: Array<{ target: string; secretId: unknown }>;
  close(): Promise<void>;
};

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startSecretsManagerStub(options: Partial<Pick<SecretsManagerStub, 'secretString' | 'failWith' | 'delayMs'>> = {}): Promise<SecretsManagerStub> {
  const stub: SecretsManagerStub = {
    endpoint: '',
    arn: STUB_SECRET_ARN,
    secretString: options.secretString ?? JSON.stringify({ keyId: 'k1', key: 'bench-and-test-only-key-0123456789abcdefghijklmn' }),
    failWith: options.failWith ?? null,
    delayMs: options.delayMs ?? 0,
    calls: [],
    close: async () => undefined,
  };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      const target = String(request.headers['x-amz-target'] ?? '');
      let input: { SecretId?: unknown } = {};
      try {
        input = JSON.parse(await body(request)) as { SecretId?: unknown };
      } catch {
        input = {};
      }
      stub.calls.push({ target, secretId: input.SecretId });
      if (stub.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, stub.delayMs));
      const send = (status: number, json: unknown): void => {
        response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        response.end(JSON.stringify(json));
      };
      if (stub.failWith !== null) return send(stub.failWith, { __type: 'InternalServiceError', message: 'stand-in failure' });
      if (target !== 'secretsmanager.GetSecretValue') return send(400, { __type: 'InvalidRequestException', message: `not stubbed: ${target}` });
      if (input.SecretId !== stub.arn) return send(400, { __type: 'ResourceNotFoundException', message: "Secrets Manager can't find the specified secret." });
      send(200, { ARN: stub.arn, Name: 'range-of-motion-coach-dev/user-key', SecretString: stub.secretString, VersionId: 'v1', VersionStages: ['AWSCURRENT'], CreatedDate: 1_700_000_000 });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  stub.endpoint = `http://127.0.0.1:${port}`;
  stub.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return stub;
}
