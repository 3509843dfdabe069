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
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 1000, requestTimeout: 1500 },
  });
}
