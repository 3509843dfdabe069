// The environment, parsed once with zod at cold start. Nothing else reads process.env.
import * as z from 'zod/mini';
import './zod-locale';
import { ConfigError } from './errors';
import { LOG_LEVELS, type LogLevel } from './logger';
import { USER_KEY_MIN_LENGTH, type UserKeySecret } from './user-key';

/** Only for local runs and tests; a deployment reads its own secret from Secrets Manager. */
export const DEVELOPMENT_USER_KEY_SECRET: UserKeySecret = { id: 'dev', value: 'range-of-motion-coach-development-only' };
/** The key id of a USER_KEY_SECRET given in the environment (local runs only). */
export const LOCAL_USER_KEY_ID = 'local';

const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[A-Za-z0-9/_+=.@-]+$/;

const EnvSchema = z.object({
  SKILL_TABLE: z.string().check(z.minLength(3), z.maxLength(255), z.regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only')),
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  AWS_REGION: z._default(z.string().check(z.minLength(1)), 'us-east-1'),
  HEALTH_LOG: z._default(z.enum(['off', 'detailed']), 'off'),
  SKILL_ID: z.optional(z.string().check(z.minLength(1))),
  USER_KEY_SECRET: z.optional(z.string().check(z.minLength(USER_KEY_MIN_LENGTH))),
  USER_KEY_SECRET_ARN: z.optional(z.string().check(z.regex(SECRET_ARN, 'the ARN of a Secrets Manager secret'))),
  SECRETS_MANAGER_ENDPOINT: z.optional(z.url()),
  HISTORY_RETENTION_DAYS: z._default(z.coerce.number().check(z.int(), z.minimum(7), z.maximum(3650)), 400),
  LOG_LEVEL: z._default(z.enum(LOG_LEVELS), 'warn'),
  REPORT_URL: z.optional(z.url()),
});

/** Where the user-key secret comes from: Secrets Manager (deployed), or the environment / the development value (local). */
export type SecretSource =
  | { kind: 'secrets-manager'; arn: string; endpoint: string | undefined }
  | { kind: 'value'; secret: UserKeySecret };

export type Config = {
  tableName: string;
  dynamoEndpoint: string | undefined;
  region: string;
  /** Health details (body part, severity, why a session ended) are stored only when 'detailed'. */
  healthLog: 'off' | 'detailed';
  skillId: string | undefined;
  /** Keys the hash that stands for the Alexa userId in storage and logs, with its id. */
  userKeySecret: UserKeySecret;
  /** Days of history kept before DynamoDB's TTL removes them. */
  historyRetentionDays: number;
  /**
   * The least severe log line written. 'warn' by default: Lambda's REPORT line already times every request and
   * the Alexa developer console counts intents, so one info line per turn (a fifth of the skill's own CPU per turn
   * in the benchmark) is for diagnosing, switched on with LOG_LEVEL=info.
   */
  logLevel: LogLevel;
  /** The therapist's report page (its Function URL), put on the report-code card; unset: the card names no address. */
  reportUrl: string | undefined;
};

/** The environment before the secret is read: everything but userKeySecret, and where that comes from. */
export type EnvConfig = Omit<Config, 'userKeySecret'> & { userKeySecretSource: SecretSource };

/**
 * Deployed means running on Lambda against DynamoDB itself (Lambda sets AWS_LAMBDA_FUNCTION_NAME; a local
 * DYNAMODB_ENDPOINT marks a test run). Deployed, the skill fails closed: without its skill id or its secret's
 * ARN the cold start stops, and a secret in the environment is refused.
 */
export const isDeployed = (env: Record<string, string | undefined>): boolean =>
  (env.AWS_LAMBDA_FUNCTION_NAME ?? '') !== '' && (env.DYNAMODB_ENDPOINT ?? '') === '';

export function parseEnv(env: Record<string, string | undefined>): EnvConfig {
  const blankToUndefined = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));
  const parsed = EnvSchema.safeParse(blankToUndefined);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`Invalid environment: ${fields}`);
  }
  const e = parsed.data;
  if (isDeployed(env)) {
    const missing = [
      ...(e.SKILL_ID === undefined ? ['SKILL_ID: required on Lambda (the skill id every request must carry)'] : []),
      ...(e.USER_KEY_SECRET_ARN === undefined ? ['USER_KEY_SECRET_ARN: required on Lambda (the stage secret in Secrets Manager)'] : []),
      ...(e.USER_KEY_SECRET !== undefined ? ['USER_KEY_SECRET: not allowed on Lambda (no secret in the environment; use USER_KEY_SECRET_ARN)'] : []),
    ];
    if (missing.length > 0) throw new ConfigError(`Invalid environment: ${missing.join('; ')}`);
  }
  if (e.USER_KEY_SECRET !== undefined && e.USER_KEY_SECRET_ARN !== undefined) {
    throw new ConfigError('Invalid environment: USER_KEY_SECRET: set it or USER_KEY_SECRET_ARN, not both');
  }
  const userKeySecretSource: SecretSource =
    e.USER_KEY_SECRET_ARN !== undefined
      ? { kind: 'secrets-manager', arn: e.USER_KEY_SECRET_ARN, endpoint: e.SECRETS_MANAGER_ENDPOINT }
      : { kind: 'value', secret: e.USER_KEY_SECRET !== undefined ? { id: LOCAL_USER_KEY_ID, value: e.USER_KEY_SECRET } : DEVELOPMENT_USER_KEY_SECRET };
  return {
    tableName: e.SKILL_TABLE,
    dynamoEndpoint: e.DYNAMODB_ENDPOINT,
    region: e.AWS_REGION,
    healthLog: e.HEALTH_LOG,
    skillId: e.SKILL_ID,
    userKeySecretSource,
    historyRetentionDays: e.HISTORY_RETENTION_DAYS,
    logLevel: e.LOG_LEVEL,
    reportUrl: e.REPORT_URL,
  };
}

/** The whole configuration, once the secret is in hand. */
export function withUserKeySecret(env: EnvConfig, userKeySecret: UserKeySecret): Config {
  const { userKeySecretSource: _source, ...rest } = env;
  return { ...rest, userKeySecret };
}

/** For local runs and scripts: the environment with the secret from it (or the development value); never Secrets Manager. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = parseEnv(env);
  if (parsed.userKeySecretSource.kind !== 'value') {
    throw new ConfigError('Invalid environment: USER_KEY_SECRET_ARN: only the deployed Lambda reads the secret (lambda/index.ts)');
  }
  return withUserKeySecret(parsed, parsed.userKeySecretSource.secret);
}
