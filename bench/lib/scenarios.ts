// What each measured process does: a cold launch, then the warm routine mix for several households
// (the skill), the same requests replayed (the floor), or the largest responses the skill can give.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { DEVELOPMENT_USER_KEY_SECRET } from '../../lambda/config';
import { CATALOG } from '../../lambda/catalog/catalog';
import { addDays } from '../../lambda/engine/day';
import { progressInAttributes } from '../../lambda/handlers/progress-loader';
import { doseAmount } from '../../lambda/engine/pace';
import { buildSteps, stepKey } from '../../lambda/engine/plan';
import { defaultProgram } from '../../lambda/engine/program';
import { handoutPlan, type TherapistPlan } from '../../lambda/engine/therapist-plan';
import type { DayRecord } from '../../lambda/engine/types';
import { DynamoHistoryStore } from '../../lambda/store/history-store';
import { DEFAULT_PLAN_OWNER, DynamoPlanStore } from '../../lambda/store/plan-store';
import { userKeyOf } from '../../lambda/user-key';
import { Conversation, type Exchange, type SkillInvoker } from '../../scripts/console/conversation';
import { Caregiver, INTENT, replayAction, type Action } from './caregiver';
import type { CountingProxy, SeenRequest } from './counting-proxy';
import type { Worker } from './worker-client';

export type Variant = 'skill' | 'floor';
export type Cohort = 'cold' | '1d' | '400d' | 'largest';

export type TurnRecord = {
  variant: Variant;
  run: number;
  user: string;
  cohort: Cohort;
  label: string;
  /** Which day of the warm run (every household does one routine a round); round 0 is the warm-up. */
  round: number;
  /** LaunchRequest, SessionEndedRequest or the intent's name. */
  kind: string;
  newSession: boolean;
  wallMs: number;
  cpuUs: number;
  /** Wall time awaiting DynamoDB or the Alexa APIs (union of the intervals). */
  ioMs: number;
  storeMs: number;
  apiCalls: number;
  requests: SeenRequest[];
  responseBytes: number;
  speechChars: number;
  repromptChars: number;
  endSession: boolean | null;
  /** process.hrtime (us) in the worker around the handler: the windows of a CPU profile that are turns. */
  startedUs: number;
  endedUs: number;
  error?: string;
};

export type ScenarioContext = {
  proxy: CountingProxy;
  alexaApiEndpoint: string;
  startAt: Date;
};

export const userIdOf = (run: number, who: string): string => `amzn1.ask.account.BENCH-R${run}-${who}`;
export const userKeyFor = (userId: string): string => userKeyOf(userId, DEVELOPMENT_USER_KEY_SECRET);

function kindOf(envelope: RequestEnvelope): string {
  const request = envelope.request;
  return request.type === 'IntentRequest' ? request.intent.name : request.type;
}

function speechLength(speech: unknown): number {
  const s = speech as { type?: string; ssml?: string; text?: string } | undefined;
  return s?.ssml?.length ?? s?.text?.length ?? 0;
}

/** An invoker for the console's Conversation that measures each turn and counts its DynamoDB requests. */
export function measuredInvoker(
  worker: Worker,
  proxy: CountingProxy,
  base: Pick<TurnRecord, 'variant' | 'run' | 'user' | 'cohort'>,
  sink: (record: TurnRecord) => void,
  meta: () => { label: string; round: number },
): SkillInvoker & { last: () => RequestEnvelope | undefined } {
  let lastEnvelope: RequestEnvelope | undefined;
  const invoke = async (envelope: RequestEnvelope): Promise<unknown> => {
    lastEnvelope = envelope;
    const requests = proxy.openTurn();
    let result: Awaited<ReturnType<Worker['invoke']>>;
    try {
      result = await worker.invoke(envelope);
    } finally {
      proxy.closeTurn();
    }
    const response = result.response as ResponseEnvelope | undefined;
    sink({
      ...base,
      ...meta(),
      kind: kindOf(envelope),
      newSession: envelope.session?.new ?? true,
      wallMs: result.wallMs,
      cpuUs: result.cpuUs,
      ioMs: result.ioMs,
      storeMs: result.storeMs,
      apiCalls: result.apiCalls,
      requests,
      responseBytes: result.responseJson === null ? 0 : Buffer.byteLength(result.responseJson, 'utf8'),
      speechChars: speechLength(response?.response?.outputSpeech),
      repromptChars: speechLength(response?.response?.reprompt?.outputSpeech),
      endSession: response?.response?.shouldEndSession ?? null,
      startedUs: result.startedUs,
      endedUs: result.endedUs,
      ...(result.error !== undefined ? { error: result.error } : {}),
    });
    if (result.error !== undefined) throw new Error(`the ${base.variant} handler threw: ${result.error}`);
    return response;
  };
  return Object.assign(invoke, { last: () => lastEnvelope });
}

/** The first request of a fresh process: "open range of motion coach" by a new user. */
export async function coldLaunch(worker: Worker, ctx: ScenarioContext, variant: Variant, run: number): Promise<TurnRecord> {
  let record: TurnRecord | undefined;
  const user = userIdOf(run, `COLD-${variant}`);
  const conversation = new Conversation({
    invoke: measuredInvoker(worker, ctx.proxy, { variant, run, user, cohort: 'cold' }, (r) => (record = r), () => ({ label: 'cold-launch', round: -1 })),
    identity: { userId: user, deviceId: `device-${run}-cold`, apiEndpoint: ctx.alexaApiEndpoint },
    clock: { now: () => 0 },
    startAt: ctx.startAt,
  });
  await conversation.launch();
  if (record === undefined) throw new Error('the cold launch was not recorded');
  return record;
}

export type Household = { index: number; userId: string; cohort: '1d' | '400d'; seed: number; historyDays: number };

/** Several households: the first half with one day of history, the second with 400; pairs share a script. */
export function households(run: number, count: number): Household[] {
  return Array.from({ length: count }, (_, index) => {
    const cohort = index < count / 2 ? '1d' : '400d';
    return { index, userId: userIdOf(run, `U${index}`), cohort, seed: 1 + (index % (count / 2)), historyDays: cohort === '1d' ? 1 : 400 };
  });
}

/** Past days of the everything routine, every step completed, written with the real DynamoHistoryStore.putDay. */
export async function seedHistory(client: DynamoDBClient, table: string, household: Household, startAt: Date): Promise<number> {
  const store = new DynamoHistoryStore(client, table, 400);
  const steps = buildSteps('everything', defaultProgram());
  const firstDay = startAt.toISOString().slice(0, 10);
  const records: DayRecord[] = Array.from({ length: household.historyDays }, (_, i) => {
    const day = addDays(firstDay, -(i + 1));
    const startedAtMs = Date.parse(`${day}T15:00:00Z`);
    return {
      day,
      routine: 'everything',
      outcomes: Object.fromEntries(steps.map((s) => [stepKey(s), { outcome: 'completed' as const, amount: doseAmount(s.dose) }])),
      endedEarly: false,
      endReason: null,
      painReports: [],
      startedAtMs,
      endedAtMs: startedAtMs + 40 * 60_000,
    };
  });
  const key = userKeyFor(household.userId);
  for (let i = 0; i < records.length; i += 25) {
    await Promise.all(records.slice(i, i + 25).map((record) => store.putDay(key, record)));
  }
  return records.length;
}

export type WarmResult = { records: TurnRecord[]; actions: Array<{ user: number; round: number; action: Action }> };

/**
 * The skill: households day after day (a round: each household does its routine once) until at least
 * `minTurns` turns were taken after the `warmupRounds` first rounds, in an even number of rounds. The cohorts take
 * turns household by household and which goes first alternates by round, so the 1-day and the 400-day households see
 * the same requests under the same conditions.
 * `between` runs between rounds with the number of turns so far.
 */
export async function warmSkill(
  worker: Worker,
  ctx: ScenarioContext,
  run: number,
  homes: Household[],
  minTurns: number,
  warmupRounds: number,
  between?: (turnsSoFar: number) => Promise<void>,
): Promise<WarmResult> {
  const records: TurnRecord[] = [];
  const actions: WarmResult['actions'] = [];
  let currentLabel = '';
  let round = 0;
  const caregivers = homes.map((home) => {
    const invoke = measuredInvoker(worker, ctx.proxy, { variant: 'skill', run, user: home.userId, cohort: home.cohort }, (r) => records.push(r), () => ({ label: currentLabel, round }));
    return new Caregiver({
      invoke,
      identity: { userId: home.userId, deviceId: `device-${run}-${home.index}`, apiEndpoint: ctx.alexaApiEndpoint },
      startAt: ctx.startAt,
      seed: home.seed,
      onLabel: (label) => (currentLabel = label),
      onExchange: (action: Action, _exchange: Exchange) => actions.push({ user: home.index, round, action }),
    });
  });
  // The cohorts take turns household by household (a 1-day day, then a 400-day one, ...), and which goes first
  // alternates by round over an even number of measured rounds: per-turn cost still falls slowly as V8 optimises,
  // and whichever cohort went first for a whole half-round looked dearer for it.
  const half = Math.ceil(caregivers.length / 2);
  const interleaved = (first: Caregiver[], second: Caregiver[]) => first.flatMap((caregiver, i) => [caregiver, ...(second[i] === undefined ? [] : [second[i]])]);
  let measured = 0;
  for (; measured < minTurns || (round - warmupRounds) % 2 !== 0; round += 1) {
    const before = records.length;
    const [oneDay, manyDays] = [caregivers.slice(0, half), caregivers.slice(half)];
    const ordered = round % 2 === 0 ? interleaved(oneDay, manyDays) : interleaved(manyDays, oneDay);
    for (const caregiver of ordered) await caregiver.doDay();
    if (round >= warmupRounds) measured += records.length - before;
    await between?.(records.length);
  }
  return { records, actions };
}

/** The floor: the very requests the skill was sent, replayed in the same order. */
export async function warmFloor(
  worker: Worker,
  ctx: ScenarioContext,
  run: number,
  homes: Household[],
  actions: WarmResult['actions'],
  before?: (index: number) => Promise<void>,
): Promise<TurnRecord[]> {
  const records: TurnRecord[] = [];
  let currentLabel = '';
  let currentRound = 0;
  const conversations = homes.map(
    (home) =>
      new Conversation({
        invoke: measuredInvoker(worker, ctx.proxy, { variant: 'floor', run, user: home.userId, cohort: home.cohort }, (r) => records.push(r), () => ({ label: currentLabel, round: currentRound })),
        identity: { userId: home.userId, deviceId: `device-${run}-${home.index}`, apiEndpoint: ctx.alexaApiEndpoint },
        clock: { now: () => 0 },
        startAt: ctx.startAt,
      }),
  );
  for (const [index, { user, round, action }] of actions.entries()) {
    await before?.(index);
    currentLabel = action.label;
    currentRound = round;
    await replayAction(conversations[user]!, action);
  }
  return records;
}

/** The handout's full dose from day one (build-up off), every exercise, one way or the other. */
export function largestPlan(lastWays: boolean, reviewedOn: string): TherapistPlan {
  return {
    ...handoutPlan(),
    reviewedOn,
    buildUp: false,
    exercises: CATALOG.map((e) => (lastWays && e.ways.length > 1 ? { id: e.id, way: e.ways.at(-1)!.id } : { id: e.id })),
  };
}

type SessionState = { today?: { phase?: string }; pending?: { kind?: string } | null };
const stateIn = (exchange: Exchange): SessionState | null =>
  exchange.sessionOpen ? (progressInAttributes(exchange.response?.sessionAttributes)?.state ?? null) : null;

export type LargestResult = { records: TurnRecord[]; retry: TurnRecord | null };

/**
 * The largest answers: the DEFAULT plan at the handout's dose with build-up off, "slower" until the
 * slowest pace (x2), "speak more slowly" until the slowest voice, the whole routine, the plan, what's
 * left, help and the summaries. Also one retried request (Alexa resending a request whose answer was
 * lost), which must cost a refused conditional write and one read, nothing more.
 */
export async function largestResponses(worker: Worker, ctx: ScenarioContext, client: DynamoDBClient, table: string, run: number): Promise<LargestResult> {
  const records: TurnRecord[] = [];
  let retry: TurnRecord | null = null;
  const plans = new DynamoPlanStore(client, table);
  const reviewedOn = addDays(ctx.startAt.toISOString().slice(0, 10), -10);
  for (const lastWays of [false, true]) {
    await plans.save(DEFAULT_PLAN_OWNER, largestPlan(lastWays, reviewedOn), ctx.startAt.getTime());
    const user = userIdOf(run, `LARGEST-${lastWays ? 'B' : 'A'}`);
    let label = '';
    const invoke = measuredInvoker(worker, ctx.proxy, { variant: 'skill', run, user, cohort: 'largest' }, (r) => records.push(r), () => ({ label, round: 0 }));
    const conversation = new Conversation({
      invoke,
      identity: { userId: user, deviceId: `device-${run}-largest`, apiEndpoint: ctx.alexaApiEndpoint },
      clock: { now: () => 0 },
      startAt: ctx.startAt,
    });
    const say = async (name: string, intent: Parameters<Conversation['send']>[0]) => {
      label = name;
      return conversation.send(intent);
    };
    label = 'launch';
    await conversation.launch();
    for (let i = 0; i < 6; i += 1) await say('slower', INTENT.slower());
    for (let i = 0; i < 8; i += 1) await say('speak-slower', INTENT.speakSlower());
    await say('plan', INTENT.plan());
    let exchange = await say('start', INTENT.start('everything'));
    for (let turns = 0; turns < 200; turns += 1) {
      const state = stateIn(exchange);
      if (state === null) break;
      if (state.pending?.kind === 'wantSummary') {
        exchange = await say('summary', INTENT.yes());
        continue;
      }
      if (state.pending !== null && state.pending !== undefined) {
        exchange = await say('answer', INTENT.no());
        continue;
      }
      const phase = state.today?.phase;
      if (phase === 'settingUp') exchange = await say('set-up+set', INTENT.ready());
      else if (phase === 'setDelivered') {
        if (lastWays && retry === null && turns > 6) {
          // Alexa sends the same request again (its answer was lost): same id, same session attributes.
          exchange = await say('next', INTENT.next());
          const again = invoke.last();
          if (again !== undefined) {
            label = 'retried-request';
            await invoke(structuredClone(again));
            retry = records.at(-1) ?? null;
          }
          continue;
        }
        if (turns % 7 === 3) await say('whats-left', INTENT.whatsLeft());
        exchange = await say('next', INTENT.next());
      } else if (phase === 'finished') exchange = await say('summary', INTENT.summaryToday());
      else exchange = await say('next', INTENT.next());
    }
    label = 'launch';
    conversation.wait(60_000);
    await conversation.launch();
    await say('help', INTENT.help());
    await say('plan', INTENT.plan());
    await say('week-summary', INTENT.summaryWeek());
  }
  return { records, retry };
}
