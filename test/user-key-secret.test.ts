// The user-key secret: read from Secrets Manager (here a loopback stand-in, through the real client) once per
// container, never kept when the read fails, and its key id stored in front of every hashed user key.
import type { RequestEnvelope } from 'ask-sdk-model';
import { startSecretsManagerStub, type SecretsManagerStub } from '../scripts/local/secrets-manager-stub';
import { parseUserKeySecret, userKeyOf } from '../lambda/user-key';
import { readUserKeySecret } from '../lambda/user-key-secret';

const SKILL_ID = 'amzn1.ask.skill.11111111-2222-3333-4444-555555555555';

let stub: SecretsManagerStub;
beforeEach(async () => {
  stub = await startSecretsManagerStub();
});
afterEach(() => stub.close());

describe('the hashed user key', () => {
  it('carries the id of the key that made it, so a second key can come later', () => {
    const k1 = userKeyOf('amzn1.ask.account.A', { id: 'k1', value: 'first-key-of-sixteen-chars' });
    const k2 = userKeyOf('amzn1.ask.account.A', { id: 'k2', value: 'second-key-of-sixteen-chars' });
    expect(k1).toMatch(/^k1\.[A-Za-z0-9_-]{32}$/);
    expect(k2).toMatch(/^k2\.[A-Za-z0-9_-]{32}$/);
    expect(k1.slice(3)).not.toBe(k2.slice(3));
    expect(k1).not.toContain('amzn1');
    // The same id and key always give the same stored key (the remembered last key included).
    expect(userKeyOf('amzn1.ask.account.A', { id: 'k1', value: 'first-key-of-sixteen-chars' })).toBe(k1);
    expect(userKeyOf('amzn1.ask.account.B', { id: 'k1', value: 'first-key-of-sixteen-chars' })).not.toBe(k1);
  });

  it('reads the secret as the stack generates it, {"keyId","key"}, and never echoes the key in an error', () => {
    expect(parseUserKeySecret('{"keyId":"k1","key":"abcdefghijklmnopqrstuvwx"}')).toEqual({ id: 'k1', value: 'abcdefghijklmnopqrstuvwx' });
    expect(() => parseUserKeySecret('just-a-plain-string-secret')).toThrow(/not JSON/);
    expect(() => parseUserKeySecret(undefined)).toThrow(/not JSON/);
    expect(() => parseUserKeySecret('{"keyId":"K 1","key":"short-key"}')).toThrow(/keyId.*key/s);
    expect(() => parseUserKeySecret('{"keyId":"k1","key":"short-key"}')).not.toThrow(/short-key/);
  });
});

describe('readUserKeySecret (the real Secrets Manager client, against a loopback stand-in)', () => {
  it('sends one GetSecretValue for the ARN it was given', async () => {
    const secret = await readUserKeySecret({ arn: stub.arn, region: 'us-east-1', endpoint: stub.endpoint });
    expect(secret.id).toBe('k1');
    expect(secret.value.length).toBeGreaterThanOrEqual(16);
    expect(stub.calls).toEqual([{ target: 'secretsmanager.GetSecretValue', secretId: stub.arn }]);
  });

  it('fails on a secret it cannot find', async () => {
    await expect(readUserKeySecret({ arn: `${stub.arn}-other`, region: 'us-east-1', endpoint: stub.endpoint })).rejects.toThrow(/can't find/);
  });
});

describe('lambda/index.ts', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  /** The handler of a fresh container (module instance) with the stand-in as its Secrets Manager. */
  function freshContainer(): (event: RequestEnvelope) => Promise<unknown> {
    process.env = {
      ...saved,
      SKILL_TABLE: 'rom-table',
      // A local table address: nothing below reaches it, because every request is another skill's.
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
      SKILL_ID,
      USER_KEY_SECRET_ARN: stub.arn,
      SECRETS_MANAGER_ENDPOINT: stub.endpoint,
      USER_KEY_SECRET: '',
    };
    let handler: ((event: RequestEnvelope) => Promise<unknown>) | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      handler = (require('../lambda/index') as { handler: (event: RequestEnvelope) => Promise<unknown> }).handler;
    });
    if (handler === undefined) throw new Error('lambda/index did not load');
    return handler;
  }

  // Another skill's request: the skill answers it only once it is built, i.e. once the secret is in.
  const theirs = {
    version: '1.0',
    context: { System: { application: { applicationId: 'amzn1.ask.skill.theirs' }, user: { userId: 'amzn1.ask.account.X' }, apiEndpoint: 'http://127.0.0.1:9' } },
    request: { type: 'LaunchRequest', requestId: 'r1', timestamp: '2026-12-01T15:00:00Z', locale: 'en-US' },
  } as unknown as RequestEnvelope;

  it('reads the secret once per container, started at init, whatever the number of turns', async () => {
    const handler = freshContainer();
    for (let i = 0; i < 3; i += 1) await expect(handler(theirs)).rejects.toThrow(/skill ID verification failed/i);
    expect(stub.calls).toHaveLength(1);
  });

  it('does not keep a failed read: the next turn reads again, then the container keeps the secret', async () => {
    stub.failWith = 500;
    const quiet = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const handler = freshContainer();
      await expect(handler(theirs)).rejects.toThrow(/stand-in failure/);
      const failedCalls = stub.calls.length;
      expect(failedCalls).toBeGreaterThanOrEqual(1);
      stub.failWith = null;
      await expect(handler(theirs)).rejects.toThrow(/skill ID verification failed/i);
      await expect(handler(theirs)).rejects.toThrow(/skill ID verification failed/i);
      expect(stub.calls.length).toBe(failedCalls + 1);
      const logged = quiet.mock.calls.map(([line]) => String(line)).filter((line) => line.includes('config.secret_unreadable'));
      expect(logged.length).toBeGreaterThanOrEqual(1);
      expect(logged.join('')).not.toContain(JSON.parse(stub.secretString).key as string);
    } finally {
      quiet.mockRestore();
    }
  });
});
