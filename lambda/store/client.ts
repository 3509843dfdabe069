// One DynamoDB client per container, with keep-alive and short timeouts well under Alexa's 8 s.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config';

export function createDynamoClient(config: Pick<Config, 'region' | 'dynamoEndpoint'>): DynamoDBClient {
  const local = config.dynamoEndpoint !== undefined;
  return new DynamoDBClient({
    region: config.region,
    ...(local
      ? { endpoint: config.dynamoEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    // Retries are made by store/retry.ts, attempt by attempt inside the turn's storage budget (see the numbers
    // there); the SDK's own retries would multiply them and share one retry quota across all users.
    maxAttempts: 1,
    // A backstop for calls made without an abort signal (table creation): without throwOnRequestTimeout the
    // handler only logs a warning when requestTimeout passes and keeps waiting.
    requestHandler: { connectionTimeout: 300, requestTimeout: 2000, throwOnRequestTimeout: true },
  });
}

/** Records are plain maps: the document client marshals them, over the same connection and settings. */
export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
