// `npm run db:create`: creates the skill's table (from SKILL_TABLE / DYNAMODB_ENDPOINT / AWS_REGION) if missing.
import { parseConfig } from '../lambda/config';
import { createDynamoClient } from '../lambda/store/client';
import { ensureTable } from '../lambda/store/table';

async function main(): Promise<number> {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    process.stderr.write(`db:create: ${describe(error)}\n`);
    return 2;
  }
  const client = createDynamoClient(config);
  const where = config.dynamoEndpoint ?? `DynamoDB in ${config.region}`;
  try {
    const created = await ensureTable(client, config.tableName);
    process.stdout.write(created ? `created table ${config.tableName}\n` : `table ${config.tableName} already exists\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`db:create: could not ensure table ${config.tableName} at ${where}: ${describe(error)}\n`);
    if (config.dynamoEndpoint !== undefined) {
      process.stderr.write('db:create: is the local DynamoDB running at DYNAMODB_ENDPOINT?\n');
    }
    return 1;
  } finally {
    client.destroy();
  }
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const text = error.message !== '' ? error.message : error.name;
  return typeof code === 'string' && !text.includes(code) ? `${text} (${code})` : text;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`db:create: ${describe(error)}\n`);
    process.exit(1);
  },
);
