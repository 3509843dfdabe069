// The environment, parsed once with zod at cold start. Nothing else reads process.env.
import * as z from 'zod/mini';
import './zod-locale';
import { ConfigError } from './errors';
import { LOG_LEVELS, type LogLevel } from './logger';

/** Only for local runs and tests; a deployment sets its own secret so keys cannot be recomputed by others. */
export const DEVELOPMENT_USER_KEY_SECRET = 'range-of-motion-coach-development-only';

const EnvSchema = z.object({
  SKILL_TABLE: z.string().check(z.minLength(3), z.maxLength(255), z.regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only')),
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  AWS_REGION: z._default(z.string().check(z.minLength(1)), 'us-east-1'),
  HEALTH_LOG: z._default(z.enum(['off', 'detailed']), 'off'),
  SKILL_ID: z.optional(z.string().check(z.minLength(1))),
  USER_KEY_SECRET: z._default(z.string().check(z.minLength(16)), DEVELOPMENT_USER_KEY_SECRET),
  HISTORY_RETENTION_DAYS: z._default(z.coerce.number().check(z.int(), z.minimum(7), z.maximum(3650)), 400),
  LOG_LEVEL: z._default(z.enum(LOG_LEVELS), 'warn'),
});

export type Config = {
  tableName: string;
  dynamoEndpoint: string | undefined;
  region: string;
  /** Health details (body part, severity, why a session ended) are stored only when 'detailed'. */
  healthLog: 'off' | 'detailed';
  skillId: string | undefined;
  /** Keys the hash that stands for the Alexa userId in storage and logs. */
  userKeySecret: string;
  /** Days of history kept before DynamoDB's TTL removes them. */
  historyRetentionDays: number;
  /**
   * The least severe log line written. 'warn' by default: Lambda's REPORT line already times every request and
   * the Alexa developer console counts intents, so one info line per turn (a fifth of the skill's own CPU per turn
   * in the benchmark) is for diagnosing, switched on with LOG_LEVEL=info.
   */
  logLevel: LogLevel;
};

export function parseConfig(env: Record<string, string | undefined>): Config {
  const blankToUndefined = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));
  const parsed = EnvSchema.safeParse(blankToUndefined);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`Invalid environment: ${fields}`);
  }
  const e = parsed.data;
  return {
    tableName: e.SKILL_TABLE,
    dynamoEndpoint: e.DYNAMODB_ENDPOINT,
    region: e.AWS_REGION,
    healthLog: e.HEALTH_LOG,
    skillId: e.SKILL_ID,
    userKeySecret: e.USER_KEY_SECRET,
    historyRetentionDays: e.HISTORY_RETENTION_DAYS,
    logLevel: e.LOG_LEVEL,
  };
}
