// The Lambda entry: configuration, the DynamoDB client and the skill are built once per container. The
// environment is checked first, synchronously, so a wrong one stops the cold start with the variable named;
// the user-key secret is then read from Secrets Manager once, started during init, and every turn of the
// container awaits the same promise (already settled after the first).
import type { Context } from 'aws-lambda';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import type { Skill } from 'ask-sdk-core';
import { alexaRemindersApi } from './alexa/reminders-api';
import { settingsApiTimeZone } from './alexa/settings-api';
import { parseEnv, withUserKeySecret, type EnvConfig } from './config';
import { createLogger, errorFields } from './logger';
import { createMetrics } from './metrics';
import { buildSkill } from './skill';
import { createDynamoClient } from './store/client';
import { DynamoHistoryStore } from './store/history-store';
import { DynamoProgressStore } from './store/progress-store';
import { DynamoReportCodes } from './store/report-codes';
import { DynamoUserRecords } from './store/user-records';
import { warmUpStorage } from './store/warm-up';
import { readUserKeySecret } from './user-key-secret';
import type { UserKeySecret } from './user-key';

const env: EnvConfig = parseEnv(process.env);
const logger = createLogger(env.logLevel);
const metrics = createMetrics('skill');
const client = createDynamoClient(env);
// On Lambda only: locally DynamoDB is on loopback, with no connection worth building ahead.
if (env.dynamoEndpoint === undefined) void warmUpStorage(new DynamoProgressStore(client, env.tableName));

function skillWith(userKeySecret: UserKeySecret): Skill {
  const config = withUserKeySecret(env, userKeySecret);
  return buildSkill({
    stores: {
      progress: new DynamoProgressStore(client, config.tableName),
      users: new DynamoUserRecords(client, config.tableName),
      history: new DynamoHistoryStore(client, config.tableName, config.historyRetentionDays),
    },
    logger,
    metrics,
    config,
    clock: Date.now,
    deviceTimeZone: settingsApiTimeZone(),
    reminders: alexaRemindersApi(),
    report: { codes: new DynamoReportCodes(client, config.tableName), address: config.reportUrl ?? null },
  });
}

const source = env.userKeySecretSource;
let skill: Promise<Skill> | null = null;

/** The skill, built once; a failed secret read is not kept, so the next request tries again. */
function ready(): Promise<Skill> {
  if (skill === null) {
    skill = (source.kind === 'value' ? Promise.resolve(source.secret) : readUserKeySecret({ arn: source.arn, region: env.region, endpoint: source.endpoint })).then(
      skillWith,
      (error: unknown) => {
        skill = null;
        logger.error('config.secret_unreadable', { error: errorFields(error) });
        throw error;
      },
    );
  }
  return skill;
}
void ready().catch(() => undefined); // start reading during init; a failure is logged and retried by the first turn

/** An async handler built on skill.invoke: newer Lambda Node runtimes drop callback-style handlers. */
export async function handler(event: RequestEnvelope, context: Context): Promise<ResponseEnvelope> {
  return (await ready()).invoke(event, context);
}
