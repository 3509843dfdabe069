// The Lambda entry: configuration, the DynamoDB client and the skill are built once per container.
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { alexaRemindersApi } from './alexa/reminders-api';
import { settingsApiTimeZone } from './alexa/settings-api';
import { parseConfig } from './config';
import { createLogger } from './logger';
import { buildSkill } from './skill';
import { createDynamoClient } from './store/client';
import { DynamoHistoryStore } from './store/history-store';
import { DynamoProgressStore } from './store/progress-store';
import { DynamoUserRecords } from './store/user-records';

const config = parseConfig(process.env);
const client = createDynamoClient(config);
const skill = buildSkill({
  stores: {
    progress: new DynamoProgressStore(client, config.tableName),
    users: new DynamoUserRecords(client, config.tableName),
    history: new DynamoHistoryStore(client, config.tableName, config.historyRetentionDays),
  },
  logger: createLogger(config.logLevel),
  config,
  clock: Date.now,
  deviceTimeZone: settingsApiTimeZone(),
  reminders: alexaRemindersApi(),
});

/** An async handler built on skill.invoke: newer Lambda Node runtimes drop callback-style handlers. */
export async function handler(event: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> {
  return skill.invoke(event, context);
}
