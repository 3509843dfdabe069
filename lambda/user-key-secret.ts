// Reads the stage's user-key secret from Secrets Manager, once per container (lambda/index.ts keeps the promise).
// Only GetSecretValue on the one ARN the stack passes; the value lives in memory only.
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { parseUserKeySecret, type UserKeySecret } from './user-key';

export type SecretsManagerSource = { arn: string; region: string; /** A local stand-in (the benchmark); deployed, unset. */ endpoint?: string };

export async function readUserKeySecret(source: SecretsManagerSource): Promise<UserKeySecret> {
  const local = source.endpoint !== undefined;
  const client = new SecretsManagerClient({
    region: source.region,
    ...(local ? { endpoint: source.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    // Two tries at most, each short: this runs on a cold start, inside Alexa's 8 s.
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 500, requestTimeout: 1500, throwOnRequestTimeout: true },
  });
  try {
    const out = await client.send(new GetSecretValueCommand({ SecretId: source.arn }));
    return parseUserKeySecret(out.SecretString);
  } finally {
    client.destroy();
  }
}
