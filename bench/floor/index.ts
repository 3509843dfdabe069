// The floor: the least a skill on the same stack can do per turn, to measure the skill against.
// ask-sdk-core with a LaunchRequest handler and one intent handler (plus the SessionEndedRequest
// handler ask-sdk needs so it does not throw), one GetItem when a session starts and one PutItem per
// turn on @aws-sdk/client-dynamodb v3, built with the skill's own client factory (same options:
// region, local endpoint and credentials, maxAttempts 2, 300/500 ms timeouts, keep-alive by default),
// and bundled with the skill's esbuild options. It reads no zod, no catalog, no speech.
import { GetItemCommand, PutItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { getRequestType, SkillBuilders, type HandlerInput, type RequestHandler } from 'ask-sdk-core';
import type { Context } from 'aws-lambda';
import type { IntentRequest, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { createDynamoClient } from '../../lambda/store/client';

const tableName = process.env.SKILL_TABLE ?? 'floor';
const client = createDynamoClient({ region: process.env.AWS_REGION ?? 'us-east-1', dynamoEndpoint: process.env.DYNAMODB_ENDPOINT || undefined });

const key = (userId: string): Record<string, AttributeValue> => ({ pk: { S: userId }, sk: { S: 'FLOOR' } });

/** The turn count carried in the session, else read once when the session starts. */
async function turnsSoFar(input: HandlerInput): Promise<number> {
  const session = input.requestEnvelope.session;
  const carried = session?.attributes?.turns;
  if (session !== undefined && !session.new && typeof carried === 'number') return carried;
  const output = await client.send(
    new GetItemCommand({ TableName: tableName, Key: key(input.requestEnvelope.context.System.user.userId), ConsistentRead: true }),
  );
  return Number(output.Item?.turns?.N ?? 0);
}

async function answer(input: HandlerInput, said: string): Promise<ReturnType<HandlerInput['responseBuilder']['getResponse']>> {
  const turns = (await turnsSoFar(input)) + 1;
  const { request } = input.requestEnvelope;
  await client.send(
    new PutItemCommand({
      TableName: tableName,
      Item: {
        ...key(input.requestEnvelope.context.System.user.userId),
        turns: { N: String(turns) },
        lastRequestId: { S: request.requestId },
        updatedAtMs: { N: String(Date.parse(request.timestamp) || Date.now()) },
      },
    }),
  );
  input.attributesManager.setSessionAttributes({ turns });
  return input.responseBuilder
    .speak(`<s>${said}.</s> That is turn ${turns}.`)
    .reprompt('Say next when you are ready.')
    .withShouldEndSession(false)
    .getResponse();
}

const launchHandler: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'LaunchRequest',
  handle: (input) => answer(input, 'Welcome'),
};

const intentHandler: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'IntentRequest',
  handle: (input) => answer(input, `You asked for ${(input.requestEnvelope.request as IntentRequest).intent.name.replace(/\W/g, ' ')}`),
};

const sessionEndedHandler: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'SessionEndedRequest',
  handle: (input) => input.responseBuilder.getResponse(),
};

const skill = SkillBuilders.custom().addRequestHandlers(launchHandler, intentHandler, sessionEndedHandler).create();

export async function handler(event: RequestEnvelope, context: Context): Promise<ResponseEnvelope> {
  return skill.invoke(event, context);
}
