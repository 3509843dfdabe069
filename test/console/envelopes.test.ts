import {
  getDeviceId,
  getIntentName,
  getLocale,
  getRequestType,
  getSlotValue,
  getUserId,
  isNewSession,
  SkillBuilders,
  type HandlerInput,
} from 'ask-sdk-core';
import type { IntentRequest, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import {
  buildIntent,
  buildIntentRequest,
  buildLaunchRequest,
  buildSessionEndedRequest,
  emptySlot,
  filledSlot,
  LOCAL_DEVICE_ID,
  LOCAL_SKILL_ID,
  LOCAL_USER_ID,
  newRequestId,
  newSessionId,
  toIsoTimestamp,
} from '../../scripts/console/envelopes';

const stamp = { requestId: 'amzn1.echo-api.request.1', timestamp: new Date('2025-03-01T09:30:00.750Z') };
const freshSession = { sessionId: 'amzn1.echo-api.session.1', isNew: true };

describe('envelope builders', () => {
  it('builds a LaunchRequest envelope in a new session, as an Echo sends it', () => {
    const envelope: RequestEnvelope = buildLaunchRequest({ session: freshSession, stamp });
    expect(envelope).toEqual({
      version: '1.0',
      session: {
        new: true,
        sessionId: 'amzn1.echo-api.session.1',
        application: { applicationId: LOCAL_SKILL_ID },
        user: { userId: LOCAL_USER_ID },
      },
      context: {
        System: {
          application: { applicationId: LOCAL_SKILL_ID },
          user: { userId: LOCAL_USER_ID },
          device: { deviceId: LOCAL_DEVICE_ID, supportedInterfaces: {} },
          apiEndpoint: 'https://api.amazonalexa.com',
          apiAccessToken: 'local-token',
        },
      },
      request: {
        type: 'LaunchRequest',
        requestId: 'amzn1.echo-api.request.1',
        timestamp: '2025-03-01T09:30:00Z',
        locale: 'en-US',
      },
    });
  });

  it('builds an IntentRequest with its slots and the previous session attributes', () => {
    const intent = buildIntent('StartRoutineIntent', [
      filledSlot('routine', 'lower body', { slotType: 'ROUTINE', values: [{ name: 'legs', id: 'legs' }] }),
    ]);
    const envelope = buildIntentRequest({
      session: { sessionId: 's', isNew: false, attributes: { step: 3 } },
      stamp,
      intent,
    });
    expect(envelope.session).toMatchObject({ new: false, attributes: { step: 3 } });
    const request = envelope.request as IntentRequest;
    expect(request).toMatchObject({ type: 'IntentRequest', locale: 'en-US', intent: { name: 'StartRoutineIntent', confirmationStatus: 'NONE' } });
    expect(request).not.toHaveProperty('dialogState');
    expect(request.intent.slots?.routine?.resolutions?.resolutionsPerAuthority?.[0]).toEqual({
      authority: `amzn1.er-authority.echo-sdk.${LOCAL_SKILL_ID}.ROUTINE`,
      status: { code: 'ER_SUCCESS_MATCH' },
      values: [{ value: { name: 'legs', id: 'legs' } }],
    });
  });

  it('builds a one-shot as an IntentRequest with session.new true and no attributes', () => {
    const envelope = buildIntentRequest({
      session: { sessionId: 's', isNew: true, attributes: { stale: true } },
      stamp,
      intent: buildIntent('SummaryIntent'),
    });
    expect(envelope.session?.new).toBe(true);
    expect(envelope.session).not.toHaveProperty('attributes');
    expect((envelope.request as IntentRequest).intent).toEqual({ name: 'SummaryIntent', confirmationStatus: 'NONE' });
  });

  it('builds a SessionEndedRequest with its reason', () => {
    const envelope = buildSessionEndedRequest({
      session: { sessionId: 's', isNew: false },
      stamp,
      reason: 'EXCEEDED_MAX_REPROMPTS',
    });
    expect(envelope.request).toEqual({
      type: 'SessionEndedRequest',
      requestId: stamp.requestId,
      timestamp: '2025-03-01T09:30:00Z',
      locale: 'en-US',
      reason: 'EXCEEDED_MAX_REPROMPTS',
    });
  });

  it('lets callers choose the identity', () => {
    const envelope = buildLaunchRequest({
      session: freshSession,
      stamp,
      identity: { userId: 'amzn1.ask.account.OTHER', locale: 'en-GB', skillId: 'amzn1.ask.skill.x' },
    });
    expect([getUserId(envelope), getLocale(envelope), envelope.context.System.application.applicationId]).toEqual([
      'amzn1.ask.account.OTHER',
      'en-GB',
      'amzn1.ask.skill.x',
    ]);
  });

  it('is read correctly by ask-sdk-core helpers', () => {
    const envelope = buildIntentRequest({
      session: freshSession,
      stamp,
      intent: buildIntent('ReportPainIntent', [emptySlot('bodyPart'), filledSlot('severity', '6')]),
    });
    expect(getRequestType(envelope)).toBe('IntentRequest');
    expect(getIntentName(envelope)).toBe('ReportPainIntent');
    expect(getSlotValue(envelope, 'severity')).toBe('6');
    expect(getSlotValue(envelope, 'bodyPart')).toBeUndefined();
    expect(getUserId(envelope)).toBe(LOCAL_USER_ID);
    expect(getDeviceId(envelope)).toBe(LOCAL_DEVICE_ID);
    expect(isNewSession(envelope)).toBe(true);
  });

  it('is accepted by an ask-sdk-core skill that verifies the skill id', async () => {
    const skill = SkillBuilders.custom()
      .withSkillId(LOCAL_SKILL_ID)
      .addRequestHandlers({
        canHandle: () => true,
        handle: (input: HandlerInput) => input.responseBuilder.speak(`hello ${getRequestType(input.requestEnvelope)}`).getResponse(),
      })
      .create();
    const response: ResponseEnvelope = await skill.invoke(buildLaunchRequest({ session: freshSession, stamp }));
    expect(response.response.outputSpeech).toEqual({ type: 'SSML', ssml: '<speak>hello LaunchRequest</speak>' });
  });

  it('makes unique Alexa-style ids and second-precision UTC timestamps', () => {
    expect(newSessionId()).toMatch(/^amzn1\.echo-api\.session\.[0-9a-f-]{36}$/);
    expect(newRequestId()).not.toBe(newRequestId());
    expect(toIsoTimestamp('2025-03-01T10:30:00+01:00')).toBe('2025-03-01T09:30:00Z');
    expect(() => toIsoTimestamp('not a date')).toThrow(RangeError);
  });
});
