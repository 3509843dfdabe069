// A record written by a newer version of the skill (a rollback, or two versions live during a deploy) is answered
// from a fresh state and left exactly as it is, through whole conversations with the real skill.
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { STORE_SCHEMA_VERSION } from '../../lambda/store/stored-state';
import { openDialog } from '../support/dialog';
import { testClient } from '../support/dynamo';

const client = testClient();
afterAll(() => client.destroy());

it('is never overwritten by a session of this code, which saves nothing', async () => {
  const alexa = await openDialog();
  const item = { pk: { S: alexa.userKey }, sk: { S: 'PROGRESS' }, schemaVersion: { N: String(STORE_SCHEMA_VERSION + 1) }, version: { N: '7' }, newShape: { S: 'this code cannot read' } };
  await client.send(new PutItemCommand({ TableName: alexa.table, Item: item }));

  await alexa.say('open range of motion coach');
  await alexa.say('start the leg exercises');
  await alexa.say('ready');
  await alexa.say('next');
  await alexa.say('stop');

  const stored = await client.send(new GetItemCommand({ TableName: alexa.table, Key: { pk: item.pk, sk: item.sk } }));
  expect(stored.Item).toEqual(item);
  expect((await client.send(new GetItemCommand({ TableName: alexa.table, Key: { pk: item.pk, sk: { S: 'SETTINGS' } } }))).Item).toBeUndefined();
  expect(alexa.logs.filter((line) => line.event === 'progress.newer_schema')).toHaveLength(1);
  expect(alexa.logs.filter((line) => /save_failed|conflict/.test(line.event))).toEqual([]);
});
