import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { DEVELOPMENT_USER_KEY_SECRET } from '../../lambda/config';
import { silentLogger } from '../../lambda/logger';
import { buildSkill } from '../../lambda/skill';
import { createDynamoClient } from '../../lambda/store/client';
import { DynamoHistoryStore } from '../../lambda/store/history-store';
import { DynamoProgressStore } from '../../lambda/store/progress-store';
import { DynamoUserRecords } from '../../lambda/store/user-records';
import { userKeyOf } from '../../lambda/user-key';
import {
  buildIntent,
  buildIntentRequest,
  buildLaunchRequest,
  emptySlot,
  filledSlot,
  LOCAL_USER_ID,
  newSessionId,
} from '../../scripts/console/envelopes';
import { freshTable, testClient } from '../support/dynamo';
import { plainText } from '../support/ssml';

const client = testClient();
let table: string;
let requestCount = 0;

beforeAll(async () => {
  table = await freshTable(client);
});

function skillWith(dynamo: ReturnType<typeof testClient>) {
  return buildSkill({
    stores: {
      progress: new DynamoProgressStore(dynamo, table),
      users: new DynamoUserRecords(dynamo, table),
      history: new DynamoHistoryStore(dynamo, table),
    },
    logger: silentLogger,
    config: { healthLog: 'off', userKeySecret: DEVELOPMENT_USER_KEY_SECRET, skillId: undefined },
    clock: () => Date.parse('2026-12-01T15:00:00Z'),
    deviceTimeZone: async () => null,
    reminders: { createDaily: async () => ({ ok: false, reason: 'error' }), remove: async () => ({ ok: false }) },
  });
}

function stamp() {
  requestCount += 1;
  return { requestId: `req-${requestCount}`, timestamp: new Date(Date.parse('2026-12-01T15:00:00Z') + requestCount * 60_000) };
}

function intent(name: string, slots = [] as ReturnType<typeof emptySlot>[], userId = `user-${requestCount}`): RequestEnvelope {
  return buildIntentRequest({ session: { sessionId: newSessionId(), isNew: true }, stamp: stamp(), intent: buildIntent(name, slots), identity: { userId } });
}

function speech(envelope: ResponseEnvelope): string {
  const out = envelope.response.outputSpeech;
  return out?.type === 'SSML' ? plainText(out.ssml) : '';
}

describe('bad input', () => {
  const skill = () => skillWith(client);

  it('treats an intent it does not know as not understood, keeping the session', async () => {
    const reply = await skill().invoke(intent('SomethingElseIntent'));

    expect(speech(reply)).toMatch(/didn't catch that/i);
    expect(reply.response.shouldEndSession).toBe(false);
  });

  it('asks which routine when the routine slot is missing or unmatched', async () => {
    const missing = await skill().invoke(intent('StartRoutineIntent', [emptySlot('routine')]));
    const unmatched = await skill().invoke(
      intent('StartRoutineIntent', [filledSlot('routine', 'toes only', { slotType: 'ROUTINE', values: [] })]),
    );

    for (const reply of [missing, unmatched]) {
      expect(speech(reply)).toMatch(/legs, arms, or everything/i);
      expect(reply.response.shouldEndSession).toBe(false);
    }
  });

  it('does not go anywhere for an exercise name it could not resolve', async () => {
    const reply = await skill().invoke(
      intent('GoToExerciseIntent', [filledSlot('exercise', 'cartwheels', { slotType: 'EXERCISE', values: [] }), emptySlot('side')]),
    );

    expect(speech(reply)).toMatch(/didn't catch that/i);
  });

  it('ignores a resolved id that is not in the catalog', async () => {
    const reply = await skill().invoke(
      intent('GoToExerciseIntent', [filledSlot('exercise', 'x', { slotType: 'EXERCISE', values: [{ name: 'x', id: 'not-an-exercise' }] })]),
    );

    expect(reply.response.shouldEndSession).toBe(false);
  });

  it('tells the caregiver plainly when stored progress had to be reset', async () => {
    const userId = 'user-corrupt';
    await client.send(new PutItemCommand({
      TableName: table,
      Item: { pk: { S: userKeyOf(userId, DEVELOPMENT_USER_KEY_SECRET) }, sk: { S: 'PROGRESS' }, schemaVersion: { N: '2' }, version: { N: '7' }, state: { S: 'not json' } },
    }));

    const reply = await skill().invoke(buildLaunchRequest({ session: { sessionId: newSessionId(), isNew: true }, stamp: stamp(), identity: { userId } }));
    const fixed = await new DynamoProgressStore(client, table).load(userKeyOf(userId, DEVELOPMENT_USER_KEY_SECRET));

    expect(speech(reply)).toMatch(/couldn't read the saved progress/i);
    expect(fixed?.state.introduced).toBe(true);
  });

  it('still answers, and tells the caregiver to call for help, when DynamoDB is unreachable', async () => {
    const dead = createDynamoClient({ region: 'us-east-1', dynamoEndpoint: 'http://127.0.0.1:9' });

    const reply = await skillWith(dead).invoke(intent('EmergencyIntent'));

    expect(speech(reply)).toMatch(/call nine one one/i);
    expect(reply.response.shouldEndSession).toBe(true);
    dead.destroy();
  });

  it('answers a request type it does not use with an empty response', async () => {
    const envelope = buildLaunchRequest({ session: { sessionId: newSessionId(), isNew: true }, stamp: stamp() });
    const apl = { ...envelope, request: { type: 'Alexa.Presentation.APL.UserEvent', requestId: 'r-apl', timestamp: envelope.request.timestamp } } as unknown as RequestEnvelope;

    const reply = await skill().invoke(apl);

    expect(reply.response.outputSpeech).toBeUndefined();
  });

  it('keeps a session-attribute state that fails its schema from being used', async () => {
    const envelope = buildIntentRequest({
      session: { sessionId: newSessionId(), isNew: false, attributes: { progress: { version: 1, state: { today: 'broken' } } } },
      stamp: stamp(),
      intent: buildIntent('AMAZON.NextIntent'),
      identity: { userId: LOCAL_USER_ID },
    });

    const reply = await skill().invoke(envelope);

    expect(speech(reply)).toMatch(/haven't started a routine/i);
  });
});
