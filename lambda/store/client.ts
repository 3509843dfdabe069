// One DynamoDB client per container, with keep-alive and short timeouts well under Alexa's 8 s.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Config } from '../config';

export function createDynamoClient(config: Pick<Config, 'region' | 'dynamoEndpoint'>): DynamoDBClient {
  const local = config.dynamoEndpoint !== undefined;
  return new DynamoDBClient({
    region: config.region,
    ...(local
      ? { endpoint: config.dynamoEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    // Two attempts of at most half a second each keep a turn's storage work well inside Alexa's 8 s.
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 300, requestTimeout: 500 },
  });
}
