// The read a Lambda container starts during init so its first turn finds the connection up. This file needs its
// own module registry (jest's per-file default): it starts cold.
import { createDynamoClient } from '../../lambda/store/client';
import { DynamoProgressStore } from '../../lambda/store/progress-store';
import { storageIsCold } from '../../lambda/store/retry';
import { WARM_UP_KEY, warmUpStorage } from '../../lambda/store/warm-up';
import { userKeyOf } from '../../lambda/user-key';
import { DEVELOPMENT_USER_KEY_SECRET } from '../../lambda/config';
import { freshTable, testClient } from '../support/dynamo';

it('cannot be any user\'s key: every user key has a dot between its key id and its hash, the warm-up key none', () => {
  for (const userId of ['amzn1.ask.account.warm-up', 'warm-up', '']) expect(userKeyOf(userId, DEVELOPMENT_USER_KEY_SECRET)).toContain('.');
  expect(WARM_UP_KEY).not.toContain('.');
});

it('never throws when DynamoDB cannot be reached, and leaves the container cold for its first turn', async () => {
  const unreachable = createDynamoClient({ region: 'us-east-1', dynamoEndpoint: 'http://127.0.0.1:9' });
  await expect(warmUpStorage(new DynamoProgressStore(unreachable, 'rom-nowhere'))).resolves.toBeUndefined();
  expect(storageIsCold()).toBe(true);
  unreachable.destroy();
});

it('reads nothing and leaves the connection warm', async () => {
  const client = testClient();
  const table = await freshTable(client);
  const store = new DynamoProgressStore(client, table);

  await warmUpStorage(store);

  expect(storageIsCold()).toBe(false);
  expect(await store.load(WARM_UP_KEY)).toBeNull();
  client.destroy();
});
