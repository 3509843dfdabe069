// The reliability rig: the real skill (real Dynamo stores) talking to dynalite through the fault proxy, and
// simulated Echo devices that send real envelopes on a per-user simulated clock. Used by test/reliability and
// by `npm run soak`.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Intent, RequestEnvelope, ResponseEnvelope, SessionEndedReason } from 'ask-sdk-model';
import { DEVELOPMENT_USER_KEY_SECRET } from '../../lambda/config';
import type { RoutineState } from '../../lambda/engine/types';
import { progressInAttributes } from '../../lambda/handlers/progress-loader';
import type { SkillDeps } from '../../lambda/handlers/skill-deps';
import type { LogFields, Logger } from '../../lambda/logger';
import { createMetrics } from '../../lambda/metrics';
import { buildSkill } from '../../lambda/skill';
import { createDynamoClient, documentClient } from '../../lambda/store/client';
import { DynamoHistoryStore } from '../../lambda/store/history-store';
import { DynamoProgressStore } from '../../lambda/store/progress-store';
import type { ProgressRecord } from '../../lambda/store/progress-store';
import { ensureTable } from '../../lambda/store/table';
import { DynamoUserRecords } from '../../lambda/store/user-records';
import { userKeyOf } from '../../lambda/user-key';
import {
  buildIntent,
  buildIntentRequest,
  buildLaunchRequest,
  buildSessionEndedRequest,
  emptySlot,
  filledSlot,
  LOCAL_SKILL_ID,
} from '../console/envelopes';
import { estimateResponseSpeechMs } from '../console/speech-duration';
import { startFaultProxy, type FaultHook, type FaultProxy, type SeededPlan } from '../local/fault-proxy';

export type LogLine = { level: string; event: string; fields: LogFields };

export type RigOptions = {
  /** The dynalite endpoint the proxy forwards to. */
  dynamoEndpoint: string;
  plan?: SeededPlan | FaultHook | null;
  healthLog?: 'off' | 'detailed';
  /** Keep log lines (for assertions); off for the soak, whose volume would only cost memory. */
  keepLogs?: boolean;
};

export type Rig = {
  proxy: FaultProxy;
  table: string;
  /** Straight to dynalite, past the proxy: for setting up and checking, never faulted. */
  direct: DynamoDBClient;
  /** The progress store past the proxy. */
  progress: DynamoProgressStore;
  history: DynamoHistoryStore;
  logs: LogLine[];
  /** The EMF lines the skill wrote (lambda/metrics.ts), one per invocation that counted something. */
  metricLines: string[];
  /** What the skill was built with (for calling handler functions directly). */
  deps: SkillDeps;
  /** skill.invoke, timed; whatever it throws is caught and returned. */
  invoke(envelope: RequestEnvelope): Promise<Invocation>;
  userKey(userId: string): string;
  stored(userId: string): Promise<ProgressRecord | null>;
  /** Every item of the table as plain maps, read past the proxy. */
  scanAll(): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
};

export type Invocation = { response?: ResponseEnvelope; error?: unknown; latencyMs: number };

export async function startRig(options: RigOptions): Promise<Rig> {
  const direct = createDynamoClient({ region: 'us-east-1', dynamoEndpoint: options.dynamoEndpoint });
  const table = `rom-rel-${randomUUID().slice(0, 8)}`;
  await ensureTable(direct, table);
  const proxy = await startFaultProxy({ target: options.dynamoEndpoint, plan: options.plan ?? null });
  const client = createDynamoClient({ region: 'us-east-1', dynamoEndpoint: proxy.endpoint });
  const logs: LogLine[] = [];
  const keep = options.keepLogs ?? true;
  const capture = (level: string) => (event: string, fields: LogFields = {}) => {
    if (keep || level !== 'info') logs.push({ level, event, fields });
  };
  const logger: Logger = { info: capture('info'), warn: capture('warn'), error: capture('error') };
  const metricLines: string[] = [];
  const progress = new DynamoProgressStore(client, table);
  const history = new DynamoHistoryStore(client, table);
  const deps: SkillDeps = {
    stores: { progress, users: new DynamoUserRecords(client, table), history },
    logger,
    metrics: createMetrics('skill', (line) => metricLines.push(line)),
    config: { healthLog: options.healthLog ?? 'off', userKeySecret: DEVELOPMENT_USER_KEY_SECRET, skillId: undefined },
    clock: () => Date.parse('2026-12-01T15:00:00Z'),
    deviceTimeZone: async () => null,
    reminders: { createDaily: async () => ({ ok: false, reason: 'error' }), remove: async () => ({ ok: true }) },
  };
  const skill = buildSkill(deps);
  const directProgress = new DynamoProgressStore(direct, table);
  return {
    proxy,
    table,
    direct,
    progress,
    history,
    logs,
    metricLines,
    deps,
    async invoke(envelope) {
      const started = performance.now();
      try {
        const response = await skill.invoke(envelope);
        return { response, latencyMs: performance.now() - started };
      } catch (error) {
        return { error, latencyMs: performance.now() - started };
      }
    },
    userKey: (userId) => userKeyOf(userId, DEVELOPMENT_USER_KEY_SECRET),
    stored: (userId) => directProgress.load(userKeyOf(userId, DEVELOPMENT_USER_KEY_SECRET)),
    async scanAll() {
      const items: Array<Record<string, unknown>> = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await documentClient(direct).send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start !== undefined);
      return items;
    },
    async close() {
      client.destroy();
      direct.destroy();
      await proxy.close();
    },
  };
}

/** The intents the simulated caregiver says, as Alexa would resolve them. */
export const INTENT = {
  start: (routine: 'legs' | 'arms' | 'everything' = 'legs') =>
    buildIntent('StartRoutineIntent', [filledSlot('routine', routine, { slotType: 'ROUTINE', values: [{ name: routine, id: routine }] })]),
  ready: () => buildIntent('ReadyIntent'),
  next: () => buildIntent('AMAZON.NextIntent'),
  yes: () => buildIntent('AMAZON.YesIntent'),
  no: () => buildIntent('AMAZON.NoIntent'),
  pause: () => buildIntent('AMAZON.PauseIntent'),
  stop: () => buildIntent('AMAZON.StopIntent'),
  whatsLeft: () => buildIntent('WhatsLeftIntent'),
  pain: () => buildIntent('ReportPainIntent', [emptySlot('bodyPart'), emptySlot('severity')]),
} as const;

/** One person's account: the simulated clock is the user's, shared by every device they talk to. */
export class SimUser {
  nowMs: number;
  private requests = 0;
  constructor(
    readonly userId: string,
    startAt = '2026-12-01T15:00:00Z',
  ) {
    this.nowMs = Date.parse(startAt);
  }
  nextRequestId(): string {
    this.requests += 1;
    return `amzn1.echo-api.request.${this.userId}.${this.requests}`;
  }
  /** Time passes with nobody speaking. */
  wait(ms: number): void {
    this.nowMs += ms;
  }
}

export type Turn = {
  envelope: RequestEnvelope;
  response?: ResponseEnvelope;
  error?: unknown;
  latencyMs: number;
  /** The plain text Alexa says ('' when nothing). */
  text: string;
  /** shouldEndSession as the skill set it (undefined when it set nothing). */
  shouldEndSession: boolean | undefined;
  /** The routine state the reply carries in its session attributes, when it keeps the session open. */
  state: RoutineState | null;
  /** How long the reply takes to play. */
  speechMs: number;
};

/** Between the end of a reply and the next request. */
export const THINK_MS = 500;

type OpenSession = { sessionId: string; attributes: Record<string, unknown> | undefined; requests: number };

/** One Echo of a user: sessions, carried session attributes, real envelopes. */
export class Device {
  private session: OpenSession | null = null;
  constructor(
    readonly rig: Rig,
    readonly user: SimUser,
    readonly deviceId: string,
  ) {}

  get sessionOpen(): boolean {
    return this.session !== null;
  }

  /** The session attributes Alexa would send with the next request (what the last reply left). */
  get sessionAttributes(): Record<string, unknown> | undefined {
    return this.session?.attributes;
  }

  launch(): Promise<Turn> {
    this.session = this.newSession();
    return this.exchange((stamp, session) => buildLaunchRequest({ identity: this.identity(), stamp, session }));
  }

  oneShot(intent: Intent): Promise<Turn> {
    this.session = this.newSession();
    return this.exchange((stamp, session) => buildIntentRequest({ identity: this.identity(), stamp, session, intent }));
  }

  send(intent: Intent): Promise<Turn> {
    if (this.session === null) throw new Error('no open session on this device');
    return this.exchange((stamp, session) => buildIntentRequest({ identity: this.identity(), stamp, session, intent }));
  }

  /** The microphone timed out (or the user said exit): Alexa sends a SessionEndedRequest. */
  async end(reason: SessionEndedReason = 'EXCEEDED_MAX_REPROMPTS'): Promise<Turn> {
    if (this.session === null) throw new Error('no open session to end');
    const turn = await this.exchange((stamp, session) => buildSessionEndedRequest({ identity: this.identity(), stamp, session, reason }));
    this.session = null;
    return turn;
  }

  /** The device loses the session without telling the skill (the Echo lost power, the network went). */
  forget(): void {
    this.session = null;
  }

  /** Alexa sends the same request twice at once (a retry before the first was answered); the session goes on from the first. */
  async sendTwiceAtOnce(intent: Intent, options: { newSession?: boolean } = {}): Promise<[Turn, Turn]> {
    if (options.newSession === true) this.session = this.newSession();
    let copy: Promise<Turn> | undefined;
    const first = this.exchange((stamp, session) => {
      const envelope = buildIntentRequest({ identity: this.identity(), stamp, session, intent });
      copy = this.resend(structuredClone(envelope));
      return envelope;
    });
    const [a, b] = await Promise.all([first, Promise.resolve().then(() => copy!)]);
    return [a, b];
  }

  /** Sends an envelope as it is (Alexa's retry of one already sent), timed; the session is not touched. */
  async resend(envelope: RequestEnvelope): Promise<Turn> {
    return toTurn(envelope, await this.rig.invoke(envelope));
  }

  private identity() {
    return { userId: this.user.userId, deviceId: this.deviceId, skillId: LOCAL_SKILL_ID, locale: 'en-US' };
  }

  private newSession(): OpenSession {
    return { sessionId: `amzn1.echo-api.session.${randomUUID()}`, attributes: undefined, requests: 0 };
  }

  private async exchange(build: (stamp: { requestId: string; timestamp: Date }, session: { sessionId: string; isNew: boolean; attributes?: Record<string, unknown> }) => RequestEnvelope): Promise<Turn> {
    const session = this.session;
    if (session === null) throw new Error('no open session');
    const envelope = build(
      { requestId: this.user.nextRequestId(), timestamp: new Date(this.user.nowMs) },
      { sessionId: session.sessionId, isNew: session.requests === 0, ...(session.attributes !== undefined ? { attributes: session.attributes } : {}) },
    );
    session.requests += 1;
    const turn = toTurn(envelope, await this.rig.invoke(envelope));
    // The next request is sent after this reply has played and half a second of thought (a barge-in moves the
    // clock back itself). Real latency is left out so a seed replays the same timestamps.
    this.user.nowMs += turn.speechMs + THINK_MS;
    if (envelope.request.type === 'SessionEndedRequest') return turn;
    if (turn.response === undefined || turn.shouldEndSession !== false) this.session = null;
    else session.attributes = turn.response.sessionAttributes;
    return turn;
  }
}

function toTurn(envelope: RequestEnvelope, invocation: Invocation): Turn {
  const response = invocation.response?.response;
  const speech = response?.outputSpeech;
  const ssml = speech?.type === 'SSML' ? speech.ssml : speech?.type === 'PlainText' ? speech.text : '';
  const carried = progressInAttributes(invocation.response?.sessionAttributes);
  return {
    envelope,
    ...(invocation.response !== undefined ? { response: invocation.response } : {}),
    ...(invocation.error !== undefined ? { error: invocation.error } : {}),
    latencyMs: invocation.latencyMs,
    text: plain(ssml),
    shouldEndSession: response?.shouldEndSession,
    state: carried?.state ?? null,
    speechMs: estimateResponseSpeechMs(response),
  };
}

const ENTITIES: Record<string, string> = { '&apos;': "'", '&quot;': '"', '&lt;': '<', '&gt;': '>', '&amp;': '&' };
export function plain(ssml: string): string {
  return ssml
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(apos|quot|lt|gt|amp);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
}

/** A turn Alexa could play: speech, an explicit shouldEndSession, nothing thrown. */
export function isAnswered(turn: Turn): boolean {
  return turn.error === undefined && turn.response !== undefined && turn.text !== '' && typeof turn.shouldEndSession === 'boolean';
}

/** Completed step keys of a state. */
export function completedSteps(state: Pick<RoutineState, 'today'> | null | undefined): string[] {
  if (state === null || state === undefined) return [];
  return Object.entries(state.today.outcomes)
    .filter(([, outcome]) => outcome.outcome === 'completed')
    .map(([key]) => key)
    .sort();
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
