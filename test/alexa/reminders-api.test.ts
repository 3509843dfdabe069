import type { RequestEnvelope } from 'ask-sdk-model';
import { alexaRemindersApi } from '../../lambda/alexa/reminders-api';
import type { JsonCall } from '../../lambda/alexa/http-json';

const envelope = {
  context: { System: { apiEndpoint: 'https://api.example.test', apiAccessToken: 'token', user: { userId: 'u', permissions: { consentToken: 'c' } } } },
} as unknown as RequestEnvelope;

describe('the Reminders API', () => {
  it('deletes a reminder it created whose token the record could not keep, so none rings unreachable', async () => {
    const calls: Array<{ url: string; method: JsonCall['method'] }> = [];
    const longToken = 'x'.repeat(300);
    const api = alexaRemindersApi(async (url, call) => {
      calls.push({ url, method: call.method });
      return call.method === 'POST' ? { status: 201, body: { alertToken: longToken } } : { status: 200, body: undefined };
    });

    const created = await api.createDaily(envelope, { hour: 9, minute: 0, timeZone: 'America/Chicago', locale: 'en-US', text: 'Time for the exercises', nowMs: 0 });

    expect(created).toEqual({ ok: false, reason: 'error' });
    expect(calls.map((c) => c.method)).toEqual(['POST', 'DELETE']);
    expect(calls[1]?.url).toContain(longToken);
  });
});
