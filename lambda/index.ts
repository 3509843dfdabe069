// The Lambda entry: configuration, the DynamoDB client and the skill are built once per container.
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { timeZoneFromLocale } from './alexa/time-zone';
import { parseConfig } from './config';
import { createLogger } from './logger';
import { buildSkill } from './skill';
import { createDynamoClient } from './store/client';
import { DynamoProgressStore } from './store/progress-store';

const config = parseConfig(process.env);
const skill = buildSkill({
  store: new DynamoProgressStore(createDynamoClient(config), config.tableName),
  logger: createLogger(),
  config,
  clock: Date.now,
  timeZoneFor: timeZoneFromLocale,
});

/** An async handler built on skill.invoke: newer Lambda Node runtimes drop callback-style handlers. */
export async function handler(event: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> {
  return skill.invoke(event, context);
}
