// Drives the pure engine in tests: a clock that moves, a context, and a run of events.
import { CATALOG } from '../../lambda/catalog/catalog';
import { initialState } from '../../lambda/engine/state';
import { transition } from '../../lambda/engine/transition';
import type { PlanReading } from '../../lambda/engine/therapist-plan';
import type { Act, CloseAct, ContentAct, PromptAct, RoutineEvent, RoutineState, TransitionResult, TurnInput } from '../../lambda/engine/types';

/** A turn's acts in one list, in the order they play: what is said, the effects, then the prompt or close. */
export function actsOf(result: Pick<TransitionResult, 'say' | 'then' | 'effects'>): Act[] {
  return [...result.say, ...result.effects, result.then];
}

/** The other way: a list of acts ending in a prompt or a close, as a turn to render. */
export function turnOf(acts: readonly Act[]): { say: ContentAct[]; then: PromptAct | CloseAct } {
  const then = acts.at(-1);
  if (then === undefined || (then.type !== 'Prompt' && then.type !== 'Close')) throw new Error('a turn ends with a prompt or a close');
  const say = acts.slice(0, -1).filter((a): a is ContentAct => a.type !== 'CreateReminder' && a.type !== 'DeleteReminder' && a.type !== 'Prompt' && a.type !== 'Close');
  return { say, then };
}

export const DAY_ONE = '2026-12-01';
export const T0 = Date.parse('2026-12-01T15:00:00Z');

export type Driver = {
  state: RoutineState;
  nowMs: number;
  today: string;
  last: TransitionResult;
  send(event: RoutineEvent, options?: { newSession?: boolean; afterMs?: number }): Act[];
};

/** Hands-on exercises a caregiver without a plan must first confirm (catalog handsNeedConfirmation). */
export const HANDS_ON_IDS: string[] = CATALOG.filter((e) => e.handsNeedConfirmation).map((e) => e.id);

/**
 * Each event arrives `afterMs` later (default: long enough for any set to have finished playing). The default state is
 * a caregiver who has said the therapist showed them the hands-on exercises; pass `state: initialState(DAY_ONE)` for
 * one who has not been asked yet.
 */
export function driver(options: { plan?: PlanReading; recordHealthDetails?: boolean; state?: RoutineState } = {}): Driver {
  const d: Driver = {
    state: options.state ?? { ...initialState(DAY_ONE), handsConfirmed: HANDS_ON_IDS },
    nowMs: T0,
    today: DAY_ONE,
    last: { state: initialState(DAY_ONE), say: [], then: { type: 'Close', reason: 'goodbye' }, effects: [], closedDay: null },
    send(event, sendOptions = {}) {
      d.nowMs += sendOptions.afterMs ?? 5 * 60 * 1000;
      const ctx: TurnInput = {
        nowMs: d.nowMs,
        today: d.today,
        newSession: sendOptions.newSession ?? false,
        recordHealthDetails: options.recordHealthDetails ?? false,
        plan: options.plan ?? null,
        timeZone: null,
      };
      d.last = transition(d.state, event, ctx);
      d.state = d.last.state;
      return actsOf(d.last);
    },
  };
  return d;
}

export function actTypes(acts: readonly Act[]): string[] {
  return acts.map((a) => a.type);
}

export function find<T extends Act['type']>(acts: readonly Act[], type: T): Extract<Act, { type: T }> | undefined {
  return acts.find((a): a is Extract<Act, { type: T }> => a.type === type);
}

export function lastAct(acts: readonly Act[]): Act | undefined {
  return acts.at(-1);
}
