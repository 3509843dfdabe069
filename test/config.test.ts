// The environment is read once and refused, with the variable named, when it is wrong.
import { DEVELOPMENT_USER_KEY_SECRET, parseConfig } from '../lambda/config';
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
  ])('refuses %j, naming %s', (env, variable) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(variable);
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
