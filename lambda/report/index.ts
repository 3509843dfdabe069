// The report page's Lambda entry (a Function URL, its own bundle: dist/lambda/report.js). Like the skill's entry,
// the environment is checked at cold start and the user-key secret read once per container.
import { parseEnv, withUserKeySecret } from '../config';
import { createLogger, errorFields } from '../logger';
import { createDynamoClient } from '../store/client';
import { DynamoReportAccess } from '../store/report-access';
import { readUserKeySecret } from '../user-key-secret';
import type { UserKeySecret } from '../user-key';
import { handleReportRequest, type ReportDeps, type UrlRequest, type UrlResponse } from './http';

const env = parseEnv(process.env);
const logger = createLogger(env.logLevel);
const client = createDynamoClient(env);
const source = env.userKeySecretSource;
let deps: Promise<ReportDeps> | null = null;

function ready(): Promise<ReportDeps> {
  if (deps === null) {
    const secret: Promise<UserKeySecret> =
      source.kind === 'value' ? Promise.resolve(source.secret) : readUserKeySecret({ arn: source.arn, region: env.region, endpoint: source.endpoint });
    deps = secret.then(
      (userKeySecret) => {
        const config = withUserKeySecret(env, userKeySecret);
        return {
          access: new DynamoReportAccess(client, config.tableName),
          secret: userKeySecret,
          healthDetails: config.healthLog === 'detailed',
          clock: Date.now,
          logger,
          secureCookie: true,
        };
      },
      (error: unknown) => {
        deps = null;
        logger.error('config.secret_unreadable', { error: errorFields(error) });
        throw error;
      },
    );
  }
  return deps;
}
void ready().catch(() => undefined);

export async function handler(event: UrlRequest): Promise<UrlResponse> {
  let resolved: ReportDeps;
  try {
    resolved = await ready();
  } catch {
    return { statusCode: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }, body: 'The report cannot be read just now. Try again in a minute.' };
  }
  return handleReportRequest(event, resolved);
}
