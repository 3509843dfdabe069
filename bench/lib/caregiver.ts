// A scripted caregiver: real request envelopes (scripts/console/envelopes.ts) through the console's
// session and clock simulator (scripts/console/conversation.ts), so session attributes are carried
// as Alexa carries them and each request is stamped after the previous answer finished playing.
// It follows the skill's own state (read from the session attributes it returns) to say the next
// natural thing: set-ups, "ready" for the set, "next", now and then "repeat" or "that hurts" over
// the set, the summary at the end, sometimes a weekly summary, and sometimes walking away mid-routine.
// Everything it does is recorded as actions, so a floor process can be sent the same requests.
import type { Intent, Slot } from 'ask-sdk-model';
import { progressInAttributes } from '../../lambda/handlers/progress-loader';
import { INTENT_SLOTS, INTENTS, SLOTS } from '../../lambda/intents';
import { Conversation, type Exchange, type SkillInvoker } from '../../scripts/console/conversation';
import { buildIntent, emptySlot, filledSlot, type EnvelopeIdentity } from '../../scripts/console/envelopes';

export type Action =
  | { kind: 'launch'; label: string; waitMs?: number }
  | { kind: 'oneShot'; intent: Intent; label: string; waitMs?: number }
  | { kind: 'send'; intent: Intent; label: string; bargeInMs?: number }
  | { kind: 'end'; label: string };

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** An intent as Alexa sends it: every declared slot present, filled ones entity-resolved. */
export function intent(name: string, filled: Record<string, { value: string; id: string }> = {}): Intent {
  const declared = INTENT_SLOTS[name as keyof typeof INTENT_SLOTS] ?? [];
  const slots: Slot[] = declared.map((slot) => {
    const value = filled[slot.name];
    if (value === undefined) return emptySlot(slot.name);
    const builtIn = slot.type.startsWith('AMAZON.');
    return builtIn ? filledSlot(slot.name, value.value) : filledSlot(slot.name, value.value, { slotType: slot.type, values: [{ name: value.value, id: value.id }] });
  });
  return buildIntent(name, slots);
}

export const INTENT = {
  start: (routine: string) => intent(INTENTS.startRoutine, { [SLOTS.routine]: { value: routine, id: routine } }),
  ready: () => intent(INTENTS.ready),
  next: () => intent(INTENTS.next),
  repeat: () => intent(INTENTS.repeat),
  pain: () => intent(INTENTS.reportPain),
  yes: () => intent(INTENTS.yes),
  no: () => intent(INTENTS.no),
  resume: () => intent(INTENTS.resume),
  summaryToday: () => intent(INTENTS.summary, { [SLOTS.period]: { value: 'today', id: 'today' } }),
  summaryWeek: () => intent(INTENTS.summary, { [SLOTS.period]: { value: 'this week', id: 'week' } }),
  slower: () => intent(INTENTS.slower),
  speakSlower: () => intent(INTENTS.speakSlower),
  plan: () => intent(INTENTS.whatsThePlan),
  whatsLeft: () => intent(INTENTS.whatsLeft),
  help: () => intent(INTENTS.help),
} as const;

/** mulberry32: the same choices in every run, so skill and floor runs see the same requests. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type SkillState = { today?: { phase?: string; routine?: string | null }; pending?: { kind?: string } | null };

function stateOf(exchange: Exchange | undefined): SkillState | null {
  return exchange?.sessionOpen ? (progressInAttributes(exchange.response?.sessionAttributes)?.state ?? null) : null;
}

export type CaregiverOptions = {
  invoke: SkillInvoker;
  identity: Partial<EnvelopeIdentity>;
  startAt: Date;
  seed: number;
  /** Called before each request with what the caregiver is about to say. */
  onLabel?: (label: string) => void;
  /** Called after each exchange with the action that caused it. */
  onExchange: (action: Action, exchange: Exchange) => void;
};

const ROUTINES = ['legs', 'arms', 'everything'] as const;
const P_REPEAT_SETUP = 0.06;
const P_REPEAT_SET = 0.06;
const P_PAIN = 0.04;
const MAX_TURNS_A_DAY = 260;

/** One simulated household: a caregiver and an Echo, day after day. */
export class Caregiver {
  readonly conversation: Conversation;
  private readonly random: () => number;
  private day = 0;

  constructor(private readonly options: CaregiverOptions) {
    this.conversation = new Conversation({
      invoke: options.invoke,
      identity: options.identity,
      // The user answers the moment the answer has played; the skill's clock is the request timestamp.
      clock: { now: () => 0 },
      startAt: options.startAt,
    });
    this.random = prng(options.seed);
  }

  private async act(action: Action): Promise<Exchange> {
    const c = this.conversation;
    this.options.onLabel?.(action.label);
    let exchange: Exchange;
    if (action.kind === 'launch') {
      if (action.waitMs !== undefined) c.wait(action.waitMs);
      exchange = await c.launch();
    } else if (action.kind === 'oneShot') {
      if (action.waitMs !== undefined) c.wait(action.waitMs);
      exchange = await c.oneShot(action.intent);
    } else if (action.kind === 'send') {
      if (action.bargeInMs !== undefined) c.bargeIn(action.bargeInMs);
      exchange = await c.send(action.intent);
    } else {
      exchange = await c.endSession('EXCEEDED_MAX_REPROMPTS');
    }
    if (exchange.error !== undefined) throw exchange.error;
    this.options.onExchange(action, exchange);
    return exchange;
  }

  /** Time until this household's next day starts at the same hour as the first. */
  private waitForDay(day: number): number {
    const target = this.options.startAt.getTime() + day * DAY_MS;
    const last = this.conversation.lastTimestamp?.getTime() ?? this.options.startAt.getTime();
    return Math.max(0, target - last);
  }

  /** One day: launch, a routine with the natural detours, the summary; returns the turns taken. */
  async doDay(): Promise<number> {
    const day = this.day;
    this.day += 1;
    const routine = ROUTINES[(this.options.seed + day) % ROUTINES.length]!;
    const walkAwayAfterSets = day % 4 === 2 ? 4 : -1;
    let turns = 0;
    let sets = 0;
    let exchange = await this.act({ kind: 'launch', label: 'launch', ...(day > 0 ? { waitMs: this.waitForDay(day) } : {}) });
    turns += 1;
    while (turns < MAX_TURNS_A_DAY) {
      const state = stateOf(exchange);
      if (state === null) break;
      const pending = state.pending?.kind ?? null;
      const phase = state.today?.phase ?? 'choosing';
      let action: Action;
      if (pending === 'chooseRoutine') action = { kind: 'send', intent: INTENT.start(routine), label: 'start' };
      else if (pending === 'continueOrRestart') action = { kind: 'send', intent: INTENT.yes(), label: 'continue' };
      else if (pending === 'wasSetFinished') action = { kind: 'send', intent: INTENT.yes(), label: 'answer' };
      else if (pending === 'wantSummary') action = { kind: 'send', intent: INTENT.yes(), label: 'summary' };
      else if (pending !== null) action = { kind: 'send', intent: INTENT.no(), label: 'answer' };
      else if (phase === 'choosing') action = { kind: 'send', intent: INTENT.start(routine), label: 'start' };
      else if (phase === 'settingUp') {
        action =
          this.random() < P_REPEAT_SETUP
            ? { kind: 'send', intent: INTENT.repeat(), label: 'repeat' }
            : { kind: 'send', intent: INTENT.ready(), label: 'set' };
      } else if (phase === 'setDelivered') {
        if (sets === walkAwayAfterSets) {
          // The microphone times out mid-routine; they come back ten minutes later and carry on.
          await this.act({ kind: 'end', label: 'session-ended' });
          turns += 1;
          sets += 1;
          exchange = await this.act({ kind: 'launch', label: 'launch', waitMs: 10 * 60_000 });
          turns += 1;
          continue;
        }
        const roll = this.random();
        if (roll < P_PAIN) {
          action = { kind: 'send', intent: INTENT.pain(), label: 'pain', bargeInMs: Math.round(exchange.speechMs / 2) };
        } else if (roll < P_PAIN + P_REPEAT_SET) {
          action = { kind: 'send', intent: INTENT.repeat(), label: 'repeat' };
        } else {
          action = { kind: 'send', intent: INTENT.next(), label: 'next' };
        }
      } else if (phase === 'stoppedForPain') action = { kind: 'send', intent: INTENT.next(), label: 'next' };
      else if (phase === 'finished') action = { kind: 'send', intent: INTENT.summaryToday(), label: 'summary' };
      else action = { kind: 'send', intent: INTENT.next(), label: 'next' };
      if (action.label === 'set') sets += 1;
      exchange = await this.act(action);
      turns += 1;
    }
    if (day % 3 === 1) {
      // "Alexa, ask range of motion coach how did we do this week", an hour later.
      await this.act({ kind: 'oneShot', intent: INTENT.summaryWeek(), label: 'week-summary', waitMs: HOUR_MS });
      turns += 1;
    }
    return turns;
  }
}

/** Sends one recorded action to another skill (the floor), which carries its own session attributes. */
export async function replayAction(conversation: Conversation, action: Action): Promise<Exchange | null> {
  let exchange: Exchange;
  if (action.kind === 'launch') {
    if (action.waitMs !== undefined) conversation.wait(action.waitMs);
    exchange = await conversation.launch();
  } else if (action.kind === 'oneShot') {
    if (action.waitMs !== undefined) conversation.wait(action.waitMs);
    exchange = await conversation.oneShot(action.intent);
  } else if (action.kind === 'send') {
    exchange = conversation.sessionOpen ? await conversation.send(action.intent) : await conversation.launch();
  } else {
    if (!conversation.sessionOpen) return null;
    exchange = await conversation.endSession('EXCEEDED_MAX_REPROMPTS');
  }
  if (exchange.error !== undefined) throw exchange.error;
  return exchange;
}
