import type { IntentRequest, SessionEndedRequest } from 'ask-sdk-model';
import { Conversation } from '../../scripts/console/conversation';
import { buildIntent } from '../../scripts/console/envelopes';
import { manualClock, recordingSkill, speech } from './fake-skill-harness';

const START = '2025-03-01T09:00:00Z';

describe('Conversation', () => {
  it('opens a session with a LaunchRequest and carries the session and its attributes forward', async () => {
    const skill = recordingSkill([speech('Hi.', { attributes: { step: 1 } }), speech('Ok.', { attributes: { step: 2 } })]);
    const conversation = new Conversation({ invoke: skill.invoke, clock: manualClock() });
    const first = await conversation.launch();
    expect(first.sessionOpen).toBe(true);
    await conversation.send(buildIntent('ReadyIntent'));
    const [launch, ready] = skill.received;
    expect(launch?.request.type).toBe('LaunchRequest');
    expect(launch?.session).toMatchObject({ new: true });
    expect(launch?.session).not.toHaveProperty('attributes');
    expect(ready?.session).toMatchObject({ new: false, sessionId: launch?.session?.sessionId, attributes: { step: 1 } });
    expect(conversation.sessionAttributes).toEqual({ step: 2 });
  });

  it('stamps each request after the previous speech has played and the user has answered', async () => {
    const clock = manualClock();
    // 3 words (1.2 s) + a 10 s break = 11.2 s of speech; the handler takes 100 ms.
    const skill = recordingSkill([speech('Bend the knee. <break time="10s"/>')], { clock, latencyMs: 100 });
    const conversation = new Conversation({ invoke: skill.invoke, clock });
    const first = await conversation.launch();
    expect(first.speechMs).toBe(11200);
    clock.advance(2500); // the caregiver takes 2.5 s to answer
    await conversation.send(buildIntent('ReadyIntent'));
    const [a, b] = skill.received.map((e) => Date.parse(e.request.timestamp));
    expect(a).toBe(Date.parse(START));
    expect((b ?? 0) - (a ?? 0)).toBe(13000); // 0.1 + 11.2 + 2.5 = 13.8 s, sent with whole seconds
  });

  it('starts the simulated clock where asked, and lets time pass or the user interrupt', async () => {
    const skill = recordingSkill([speech('<break time="10s"/><break time="10s"/>')]);
    const conversation = new Conversation({ invoke: skill.invoke, clock: manualClock(), startAt: new Date('2030-01-01T00:00:00Z') });
    await conversation.launch();
    conversation.bargeIn(5000);
    await conversation.send(buildIntent('AMAZON.PauseIntent'));
    conversation.wait(2 * 3_600_000);
    await conversation.send(buildIntent('AMAZON.ResumeIntent'));
    expect(skill.received.map((e) => e.request.timestamp)).toEqual([
      '2030-01-01T00:00:00Z',
      '2030-01-01T00:00:05Z',
      '2030-01-01T02:00:25Z',
    ]);
    expect(conversation.lastTimestamp?.toISOString()).toBe('2030-01-01T02:00:25.000Z');
  });

  it('opens a new session for a one-shot', async () => {
    const skill = recordingSkill([speech('Summary.', { end: true })]);
    const conversation = new Conversation({ invoke: skill.invoke, clock: manualClock() });
    const exchange = await conversation.oneShot(buildIntent('SummaryIntent'));
    expect(skill.received[0]?.session?.new).toBe(true);
    expect((skill.received[0]?.request as IntentRequest).intent.name).toBe('SummaryIntent');
    expect(exchange).toMatchObject({ sessionOpen: false, closed: 'skill-ended' });
  });

  it('closes the session when shouldEndSession is absent, as a voice-only Echo does', async () => {
    const skill = recordingSkill([speech('Bye.', { end: null })]);
    const conversation = new Conversation({ invoke: skill.invoke });
    expect(await conversation.launch()).toMatchObject({ sessionOpen: false, closed: 'not-kept-open' });
    expect(conversation.sessionOpen).toBe(false);
    await expect(conversation.send(buildIntent('ReadyIntent'))).rejects.toThrow('No open session');
  });

  it('ends a session with a SessionEndedRequest and the given reason', async () => {
    const skill = recordingSkill([speech('Hi.'), { version: '1.0', response: {} }]);
    const conversation = new Conversation({ invoke: skill.invoke, clock: manualClock() });
    await conversation.launch();
    const ended = await conversation.endSession('USER_INITIATED');
    const request = skill.received[1]?.request as SessionEndedRequest;
    expect(request).toMatchObject({ type: 'SessionEndedRequest', reason: 'USER_INITIATED' });
    expect(skill.received[1]?.session?.new).toBe(false);
    expect(ended).toMatchObject({ sessionOpen: false, closed: 'session-ended-request', speechMs: 0 });
    await expect(conversation.endSession()).rejects.toThrow('No open session');
  });

  it('reports a failing or malformed skill and closes the session', async () => {
    const failing = new Conversation({
      invoke: async () => {
        throw new TypeError('boom');
      },
    });
    const failed = await failing.launch();
    expect(failed).toMatchObject({ sessionOpen: false, closed: 'skill-error' });
    expect(failed.error?.message).toBe('boom');

    const malformed = new Conversation({ invoke: async () => ({ version: '1.0', response: { shouldEndSession: 'no' } }) });
    const bad = await malformed.launch();
    expect(bad.error?.name).toBe('InvalidSkillResponseError');
    expect(bad.error?.message).toContain('response.shouldEndSession');
  });

  it('uses the injected ids and speech estimate', async () => {
    const skill = recordingSkill([speech('Hi.')]);
    const conversation = new Conversation({
      invoke: skill.invoke,
      clock: manualClock(),
      newSessionId: () => 'session-A',
      newRequestId: () => 'request-A',
      estimateSpeechMs: () => 60_000,
    });
    await conversation.launch();
    await conversation.send(buildIntent('ReadyIntent'));
    expect(skill.received[1]?.session?.sessionId).toBe('session-A');
    expect(skill.received[1]?.request.requestId).toBe('request-A');
    expect(skill.received[1]?.request.timestamp).toBe('2025-03-01T09:01:00Z');
  });
});
