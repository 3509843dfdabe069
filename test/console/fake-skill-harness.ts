// A recording fake skill and a hand-driven clock for console tests.
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import type { Clock } from '../../scripts/console/conversation';

export type ManualClock = Clock & { advance(ms: number): void };

export function manualClock(startMs = Date.parse('2025-03-01T09:00:00Z')): ManualClock {
  let now = startMs;
  return { now: () => now, advance: (ms) => (now += ms) };
}

type Reply = ResponseEnvelope | ((envelope: RequestEnvelope) => ResponseEnvelope | Promise<ResponseEnvelope>);

/** Answers each request with the next scripted reply (the last one repeats) and records what it was sent. */
export function recordingSkill(replies: Reply[], options: { clock?: ManualClock; latencyMs?: number } = {}) {
  const received: RequestEnvelope[] = [];
  const invoke = async (envelope: RequestEnvelope): Promise<ResponseEnvelope> => {
    received.push(envelope);
    options.clock?.advance(options.latencyMs ?? 0);
    const reply = replies[Math.min(received.length - 1, replies.length - 1)];
    if (reply === undefined) throw new Error('no scripted reply');
    return typeof reply === 'function' ? reply(envelope) : reply;
  };
  return { invoke, received };
}

export function speech(
  ssml: string,
  options: { end?: boolean | null; attributes?: Record<string, unknown>; reprompt?: string; cardTitle?: string } = {},
): ResponseEnvelope {
  return {
    version: '1.0',
    ...(options.attributes !== undefined ? { sessionAttributes: options.attributes } : {}),
    response: {
      outputSpeech: { type: 'SSML', ssml: `<speak>${ssml}</speak>` },
      ...(options.reprompt !== undefined
        ? { reprompt: { outputSpeech: { type: 'SSML', ssml: `<speak>${options.reprompt}</speak>` } } }
        : {}),
      ...(options.cardTitle !== undefined ? { card: { type: 'Simple', title: options.cardTitle, content: '' } } : {}),
      ...(options.end === null ? {} : { shouldEndSession: options.end ?? false }),
    },
  };
}
