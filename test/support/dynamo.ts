// A real DynamoDB client against the run's dynalite server, and a fresh table per test file.
import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from '../../lambda/store/client';
import { ensureTable } from '../../lambda/store/table';

export function testClient(): DynamoDBClient {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (endpoint === undefined) throw new Error('DYNAMODB_ENDPOINT is not set: jest global setup starts dynalite');
  return createDynamoClient({ region: 'us-east-1', dynamoEndpoint: endpoint });
}

export async function freshTable(client: DynamoDBClient): Promise<string> {
  const name = `rom-test-${randomUUID().slice(0, 8)}`;
  await ensureTable(client, name);
  return name;
}
