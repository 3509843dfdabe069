// Alexa request envelopes as a real Echo sends them: for the local console and for conversation tests.
// Ids and timestamps are always passed in, so callers (and tests) control them.
import { randomUUID } from 'node:crypto';
import type {
  DialogState,
  Intent,
  IntentRequest,
  LaunchRequest,
  Request,
  RequestEnvelope,
  SessionEndedError,
  SessionEndedReason,
  SessionEndedRequest,
  Slot,
} from 'ask-sdk-model';

export const LOCAL_SKILL_ID = 'amzn1.ask.skill.local-console';
export const LOCAL_USER_ID = 'amzn1.ask.account.LOCAL-CONSOLE-USER';
export const LOCAL_DEVICE_ID = 'amzn1.ask.device.LOCAL-CONSOLE-DEVICE';
export const ALEXA_API_ENDPOINT = 'https://api.amazonalexa.com';
export const LOCAL_API_ACCESS_TOKEN = 'local-token';

export type EnvelopeIdentity = {
  skillId: string;
  userId: string;
  deviceId: string;
  locale: string;
  /** Where the skill calls Alexa's service APIs (Settings, Reminders); a loopback fake in tests and the console. */
  apiEndpoint?: string;
  /** Present once the user granted a permission (reminders). */
  consentToken?: string;
};

export const LOCAL_IDENTITY: Readonly<EnvelopeIdentity> = {
  skillId: LOCAL_SKILL_ID,
  userId: LOCAL_USER_ID,
  deviceId: LOCAL_DEVICE_ID,
  locale: 'en-US',
};

/** The session a request belongs to; `attributes` are the previous response's sessionAttributes. */
export type EnvelopeSession = {
  sessionId: string;
  isNew: boolean;
  attributes?: Record<string, unknown>;
};

/** Per-request values: a unique id and the moment Alexa sent it (the skill's clock). */
export type RequestStamp = {
  requestId: string;
  timestamp: Date | string;
};

type EnvelopeInput = {
  session: EnvelopeSession;
  stamp: RequestStamp;
  identity?: Partial<EnvelopeIdentity>;
};

export function buildLaunchRequest(input: EnvelopeInput): RequestEnvelope {
  const identity = withDefaults(input.identity);
  const request: LaunchRequest = {
    type: 'LaunchRequest',
    requestId: input.stamp.requestId,
    timestamp: toIsoTimestamp(input.stamp.timestamp),
    locale: identity.locale,
  };
  return envelope(identity, input.session, request);
}

export function buildIntentRequest(input: EnvelopeInput & { intent: Intent; dialogState?: DialogState }): RequestEnvelope {
  const identity = withDefaults(input.identity);
  // Alexa sends dialogState only to skills with a dialog model; the SDK type marks it required regardless.
  const request = {
    type: 'IntentRequest',
    requestId: input.stamp.requestId,
    timestamp: toIsoTimestamp(input.stamp.timestamp),
    locale: identity.locale,
    ...(input.dialogState !== undefined ? { dialogState: input.dialogState } : {}),
    intent: input.intent,
  } as IntentRequest;
  return envelope(identity, input.session, request);
}

export function buildSessionEndedRequest(
  input: EnvelopeInput & { reason: SessionEndedReason; error?: SessionEndedError },
): RequestEnvelope {
  const identity = withDefaults(input.identity);
  const request: SessionEndedRequest = {
    type: 'SessionEndedRequest',
    requestId: input.stamp.requestId,
    timestamp: toIsoTimestamp(input.stamp.timestamp),
    locale: identity.locale,
    reason: input.reason,
    ...(input.error !== undefined ? { error: input.error } : {}),
  };
  return envelope(identity, input.session, request);
}

/** An intent as Alexa sends it; pass every slot the intent declares, filled or empty. */
export function buildIntent(name: string, slots?: readonly Slot[]): Intent {
  const intent: Intent = { name, confirmationStatus: 'NONE' };
  // Alexa omits `slots` entirely for intents that declare none.
  if (slots !== undefined && slots.length > 0) intent.slots = Object.fromEntries(slots.map((slot) => [slot.name, slot]));
  return intent;
}

/** A declared slot the user did not fill. */
export function emptySlot(name: string): Slot {
  return { name, confirmationStatus: 'NONE' };
}

export type ResolvedSlotValue = { name: string; id: string };

/**
 * A filled slot. With `resolved` (custom slot types) it carries entity resolution as ER_SUCCESS_MATCH
 * under the skill's authority; built-in types such as AMAZON.NUMBER carry the value only.
 */
export function filledSlot(
  name: string,
  value: string,
  resolved?: { slotType: string; values: readonly ResolvedSlotValue[]; skillId?: string },
): Slot {
  if (resolved === undefined) {
    return { name, value, confirmationStatus: 'NONE', slotValue: { type: 'Simple', value } };
  }
  const resolutions = {
    resolutionsPerAuthority: [
      {
        authority: `amzn1.er-authority.echo-sdk.${resolved.skillId ?? LOCAL_SKILL_ID}.${resolved.slotType}`,
        status: { code: resolved.values.length > 0 ? ('ER_SUCCESS_MATCH' as const) : ('ER_SUCCESS_NO_MATCH' as const) },
        values: resolved.values.map((v) => ({ value: { name: v.name, id: v.id } })),
      },
    ],
  };
  return { name, value, resolutions, confirmationStatus: 'NONE', slotValue: { type: 'Simple', value, resolutions } };
}

export function newSessionId(): string {
  return `amzn1.echo-api.session.${randomUUID()}`;
}

export function newRequestId(): string {
  return `amzn1.echo-api.request.${randomUUID()}`;
}

/** Alexa's format: ISO 8601 in UTC without milliseconds, e.g. 2025-03-01T09:30:00Z. */
export function toIsoTimestamp(timestamp: Date | string): string {
  const date = typeof timestamp === 'string' ? new Date(timestamp) : timestamp;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid request timestamp: ${String(timestamp)}`);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function withDefaults(identity: Partial<EnvelopeIdentity> | undefined): EnvelopeIdentity {
  return { ...LOCAL_IDENTITY, ...identity };
}

function envelope(identity: EnvelopeIdentity, session: EnvelopeSession, request: Request): RequestEnvelope {
  const application = { applicationId: identity.skillId };
  const user = {
    userId: identity.userId,
    ...(identity.consentToken !== undefined ? { permissions: { consentToken: identity.consentToken } } : {}),
  };
  return {
    version: '1.0',
    session: {
      new: session.isNew,
      sessionId: session.sessionId,
      application,
      user,
      // A new session starts empty; afterwards Alexa echoes what the skill last returned.
      ...(!session.isNew && session.attributes !== undefined ? { attributes: session.attributes } : {}),
    },
    context: {
      System: {
        application,
        user,
        device: { deviceId: identity.deviceId, supportedInterfaces: {} },
        apiEndpoint: identity.apiEndpoint ?? ALEXA_API_ENDPOINT,
        apiAccessToken: LOCAL_API_ACCESS_TOKEN,
      },
    },
    request,
  };
}
