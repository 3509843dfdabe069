// One simulated Echo talking to the skill: sessions, carried session attributes, and a simulated clock.
// No text parsing here, so conversation tests can drive the skill with intents directly.
import type { Intent, RequestEnvelope, Response, ResponseEnvelope, SessionEndedReason } from 'ask-sdk-model';
import {
  buildIntentRequest,
  buildLaunchRequest,
  buildSessionEndedRequest,
  newRequestId,
  newSessionId,
  type EnvelopeIdentity,
  type EnvelopeSession,
  type RequestStamp,
} from './envelopes';
import { parseSkillResponse } from './skill-response';
import { estimateResponseSpeechMs } from './speech-duration';

/** Calls the skill; what it returns is validated before use, as Alexa would. */
export type SkillInvoker = (envelope: RequestEnvelope) => Promise<unknown>;

/** Real time in epoch milliseconds; injected so tests control how long the "user" takes to answer. */
export type Clock = { now(): number };

export const systemClock: Clock = { now: () => Date.now() };

export type ConversationOptions = {
  invoke: SkillInvoker;
  clock?: Clock;
  identity?: Partial<EnvelopeIdentity>;
  newSessionId?: () => string;
  newRequestId?: () => string;
  /** How long a response's speech plays; defaults to breaks plus 0.4 s a word. */
  estimateSpeechMs?: (response: Response) => number;
  /** Simulated time of the first request; defaults to the clock's time when it is sent. */
  startAt?: Date;
};

/** Why a session closed during an exchange. */
export type SessionClose =
  | 'skill-ended' // shouldEndSession: true
  | 'not-kept-open' // shouldEndSession absent: a voice-only Echo closes the session after speaking
  | 'session-ended-request' // the console sent a SessionEndedRequest
  | 'skill-error'; // the handler threw or returned something Alexa would reject

export type Exchange = {
  envelope: RequestEnvelope;
  response?: ResponseEnvelope;
  error?: Error;
  /** Whether the session is open after this exchange. */
  sessionOpen: boolean;
  closed?: SessionClose;
  /** Estimated playing time of the response's speech (0 after a SessionEndedRequest). */
  speechMs: number;
  /** Real time the handler took; Alexa gives up after 8 s. */
  latencyMs: number;
};

type OpenSession = { sessionId: string; attributes: Record<string, unknown> | undefined; requests: number };

export class Conversation {
  private readonly options: ConversationOptions;
  private readonly clock: Clock;
  private session: OpenSession | undefined;
  private lastStampMs: number | undefined;
  private lastSpeechMs = 0;
  private lastLatencyMs = 0;
  private lastReplyRealMs = 0;
  private pendingWaitMs = 0;
  private bargeAfterMs: number | undefined;

  constructor(options: ConversationOptions) {
    this.options = options;
    this.clock = options.clock ?? systemClock;
  }

  get sessionOpen(): boolean {
    return this.session !== undefined;
  }

  get sessionAttributes(): Readonly<Record<string, unknown>> | undefined {
    return this.session?.attributes;
  }

  /** The simulated timestamp of the last request sent, if any. */
  get lastTimestamp(): Date | undefined {
    return this.lastStampMs === undefined ? undefined : new Date(this.lastStampMs);
  }

  /** "Open <skill>": a LaunchRequest in a new session (an open one is replaced without a SessionEndedRequest). */
  async launch(): Promise<Exchange> {
    this.session = this.newSession();
    return this.exchange((stamp, session) => buildLaunchRequest({ identity: this.options.identity, stamp, session }));
  }

  /** "Ask <skill> to ...": an IntentRequest that opens a new session. */
  async oneShot(intent: Intent): Promise<Exchange> {
    this.session = this.newSession();
    return this.exchange((stamp, session) =>
      buildIntentRequest({ identity: this.options.identity, stamp, session, intent }),
    );
  }

  /** An utterance inside the open session. */
  async send(intent: Intent): Promise<Exchange> {
    if (this.session === undefined) throw new Error('No open session: launch() or oneShot() first');
    return this.exchange((stamp, session) =>
      buildIntentRequest({ identity: this.options.identity, stamp, session, intent }),
    );
  }

  /** Alexa closing the session: EXCEEDED_MAX_REPROMPTS when the microphone times out, USER_INITIATED on "exit". */
  async endSession(reason: SessionEndedReason = 'EXCEEDED_MAX_REPROMPTS'): Promise<Exchange> {
    if (this.session === undefined) throw new Error('No open session to end');
    return this.exchange((stamp, session) =>
      buildSessionEndedRequest({ identity: this.options.identity, stamp, session, reason }),
    );
  }

  /** Adds silent time before the next request, e.g. coming back the next day. */
  wait(ms: number): void {
    if (!(ms >= 0)) throw new RangeError('wait needs a non-negative duration');
    this.pendingWaitMs += ms;
  }

  /** The next request interrupts the previous speech this far in ("Alexa, pause" over the audio). */
  bargeIn(afterMs: number): void {
    if (!(afterMs >= 0)) throw new RangeError('bargeIn needs a non-negative offset');
    this.bargeAfterMs = afterMs;
  }

  private newSession(): OpenSession {
    return { sessionId: (this.options.newSessionId ?? newSessionId)(), attributes: undefined, requests: 0 };
  }

  private nextStampMs(): number {
    const realNow = this.clock.now();
    let stamp: number;
    if (this.lastStampMs === undefined) {
      stamp = this.options.startAt?.getTime() ?? realNow;
    } else if (this.bargeAfterMs !== undefined) {
      stamp = this.lastStampMs + this.lastLatencyMs + this.bargeAfterMs;
    } else {
      // Alexa sends the next request after the reply was computed, fully played, and then answered.
      const userMs = Math.max(0, realNow - this.lastReplyRealMs);
      stamp = this.lastStampMs + this.lastLatencyMs + this.lastSpeechMs + userMs;
    }
    stamp += this.pendingWaitMs;
    this.pendingWaitMs = 0;
    this.bargeAfterMs = undefined;
    return this.lastStampMs === undefined ? stamp : Math.max(stamp, this.lastStampMs);
  }

  private async exchange(build: (stamp: RequestStamp, session: EnvelopeSession) => RequestEnvelope): Promise<Exchange> {
    const session = this.session;
    if (session === undefined) throw new Error('No open session');
    const stampMs = this.nextStampMs();
    const envelope = build(
      { requestId: (this.options.newRequestId ?? newRequestId)(), timestamp: new Date(stampMs) },
      {
        sessionId: session.sessionId,
        isNew: session.requests === 0,
        ...(session.attributes !== undefined ? { attributes: session.attributes } : {}),
      },
    );
    session.requests += 1;
    const isSessionEnd = envelope.request.type === 'SessionEndedRequest';

    const sentRealMs = this.clock.now();
    let response: ResponseEnvelope | undefined;
    let error: Error | undefined;
    try {
      response = parseSkillResponse(await this.options.invoke(envelope));
    } catch (caught) {
      error = caught instanceof Error ? caught : new Error(String(caught));
    }
    const replyRealMs = this.clock.now();

    const speechMs =
      response === undefined || isSessionEnd
        ? 0
        : (this.options.estimateSpeechMs ?? estimateResponseSpeechMs)(response.response);
    this.lastStampMs = stampMs;
    this.lastSpeechMs = speechMs;
    this.lastLatencyMs = replyRealMs - sentRealMs;
    this.lastReplyRealMs = replyRealMs;

    let closed: SessionClose | undefined;
    if (isSessionEnd) closed = 'session-ended-request';
    else if (error !== undefined || response === undefined) closed = 'skill-error';
    else if (response.response.shouldEndSession === true) closed = 'skill-ended';
    else if (response.response.shouldEndSession === undefined) closed = 'not-kept-open';

    if (closed === undefined && response !== undefined) session.attributes = response.sessionAttributes;
    else this.session = undefined;

    return {
      envelope,
      ...(response !== undefined ? { response } : {}),
      ...(error !== undefined ? { error } : {}),
      sessionOpen: closed === undefined,
      ...(closed !== undefined ? { closed } : {}),
      speechMs,
      latencyMs: this.lastLatencyMs,
    };
  }
}
