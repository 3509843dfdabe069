// The environment is read once and refused, with the variable named, when it is wrong.
import { DEVELOPMENT_USER_KEY_SECRET, parseConfig, parseEnv, withUserKeySecret } from '../lambda/config';
import { ConfigError } from '../lambda/errors';
import { createLogger } from '../lambda/logger';

describe('parseConfig', () => {
  it('needs only the table; everything else has a safe default', () => {
    expect(parseConfig({ SKILL_TABLE: 'rom-table' })).toEqual({
      tableName: 'rom-table',
      dynamoEndpoint: undefined,
      region: 'us-east-1',
      healthLog: 'off',
      skillId: undefined,
      userKeySecret: DEVELOPMENT_USER_KEY_SECRET,
      historyRetentionDays: 400,
      logLevel: 'warn',
    });
  });

  it('reads what a deployment sets, and treats a blank value as unset', () => {
    const config = parseConfig({ SKILL_TABLE: 'rom-table', HEALTH_LOG: 'detailed', LOG_LEVEL: 'info', HISTORY_RETENTION_DAYS: '30', SKILL_ID: '' });
    expect(config).toMatchObject({ healthLog: 'detailed', logLevel: 'info', historyRetentionDays: 30, skillId: undefined });
  });

  it.each([
    [{}, 'SKILL_TABLE'],
    [{ SKILL_TABLE: 'has spaces' }, 'SKILL_TABLE'],
    [{ SKILL_TABLE: 'rom-table', HEALTH_LOG: 'yes' }, 'HEALTH_LOG'],
    [{ SKILL_TABLE: 'rom-table', LOG_LEVEL: 'debug' }, 'LOG_LEVEL'],
    [{ SKILL_TABLE: 'rom-table', HISTORY_RETENTION_DAYS: '2' }, 'HISTORY_RETENTION_DAYS'],
    [{ SKILL_TABLE: 'rom-table', USER_KEY_SECRET: 'short' }, 'USER_KEY_SECRET'],
    [{ SKILL_TABLE: 'rom-table', USER_KEY_SECRET_ARN: 'not-an-arn' }, 'USER_KEY_SECRET_ARN'],
  ])('refuses %j, naming %s', (env, variable) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(variable);
  });

  it('keys local runs with USER_KEY_SECRET when it is given, under its own key id', () => {
    expect(parseConfig({ SKILL_TABLE: 'rom-table', USER_KEY_SECRET: 'a-local-secret-of-16+' }).userKeySecret).toEqual({ id: 'local', value: 'a-local-secret-of-16+' });
  });
});

describe('on Lambda (AWS_LAMBDA_FUNCTION_NAME set, no local DYNAMODB_ENDPOINT) the cold start fails closed', () => {
  const lambda = { AWS_LAMBDA_FUNCTION_NAME: 'range-of-motion-coach-dev', SKILL_TABLE: 'rom-table' };
  const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:range-of-motion-coach-dev/user-key-AbCdEf';
  const SKILL_ID = 'amzn1.ask.skill.11111111-2222-3333-4444-555555555555';

  it.each([
    [{}, ['SKILL_ID', 'USER_KEY_SECRET_ARN']],
    [{ SKILL_ID }, ['USER_KEY_SECRET_ARN']],
    [{ USER_KEY_SECRET_ARN: ARN }, ['SKILL_ID']],
    [{ SKILL_ID, USER_KEY_SECRET_ARN: ARN, USER_KEY_SECRET: 'a-secret-in-the-environment' }, ['USER_KEY_SECRET:']],
    [{ SKILL_ID, USER_KEY_SECRET: 'a-secret-in-the-environment' }, ['USER_KEY_SECRET_ARN', 'USER_KEY_SECRET:']],
  ])('refuses %j, naming %j', (extra, variables) => {
    // parseConfig (scripts) and parseEnv (lambda/index.ts) both refuse it: neither falls back to the development key.
    for (const parse of [parseConfig, parseEnv]) {
      expect(() => parse({ ...lambda, ...extra })).toThrow(ConfigError);
      for (const variable of variables) expect(() => parse({ ...lambda, ...extra })).toThrow(variable);
    }
  });

  it('takes the skill id and the secret ARN, and reads the secret from Secrets Manager, not the environment', () => {
    const env = parseEnv({ ...lambda, SKILL_ID, USER_KEY_SECRET_ARN: ARN });
    expect(env).toMatchObject({ skillId: SKILL_ID, userKeySecretSource: { kind: 'secrets-manager', arn: ARN, endpoint: undefined } });
    expect(JSON.stringify(env)).not.toContain(DEVELOPMENT_USER_KEY_SECRET.value);
    expect(withUserKeySecret(env, { id: 'k1', value: 'from-secrets-manager-0123' })).toMatchObject({ skillId: SKILL_ID, userKeySecret: { id: 'k1', value: 'from-secrets-manager-0123' } });
    expect(withUserKeySecret(env, { id: 'k1', value: 'from-secrets-manager-0123' })).not.toHaveProperty('userKeySecretSource');
  });

  it('is a local run when DYNAMODB_ENDPOINT points at a local table (tests, the console)', () => {
    expect(parseConfig({ ...lambda, DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' }).userKeySecret).toEqual(DEVELOPMENT_USER_KEY_SECRET);
  });
});

describe('createLogger', () => {
  it('writes one JSON line per event at or above its level, and nothing below', () => {
    const lines: string[] = [];
    const logger = createLogger('warn', (line) => lines.push(line));

    logger.info('request.done', { requestId: 'r1' });
    logger.warn('progress.conflict', { requestId: 'r2' });
    logger.error('progress.save_failed', { requestId: 'r3' });

    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      { level: 'warn', event: 'progress.conflict', requestId: 'r2' },
      { level: 'error', event: 'progress.save_failed', requestId: 'r3' },
    ]);
  });
});
