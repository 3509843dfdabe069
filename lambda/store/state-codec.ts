// The routine state as it is stored and carried in the session: one short JSON string. Keys are one or two
// letters, exercises their catalog code, days an offset from the state's own day, times base 36, and defaults
// are left out, so the progress item stays in one write unit (1 KB) on the busiest day (see the size test).
// Decoding never trusts the text: whatever it cannot read comes back as a value RoutineStateSchema refuses,
// so a damaged record is reported as such, never half-read.
import { addDays, daysBetween } from '../engine/day';
import { PACE_FACTOR } from '../engine/pace';
import { VOICE_RATE } from '../engine/state';
import type { PendingQuestion, PlanChange, RoutineState } from '../engine/types';
import {
  codeOf,
  decodeDoses,
  decodeIds,
  decodeLevels,
  decodeOutcomes,
  decodePainReports,
  decodeStep,
  decodeStops,
  encodeDoses,
  encodeIds,
  encodeLevels,
  encodeOutcomes,
  encodePainReports,
  encodeStep,
  encodeStops,
  idOf,
  letterCodec,
} from './codec';


const ROUTINE = letterCodec({ legs: 'l', arms: 'a', everything: 'e' });
const PHASE = letterCodec({ choosing: 'c', settingUp: 'u', setDelivered: 'd', stoppedForPain: 'p', finished: 'f' });
/** Bit 1 was 'paused', which nothing read; it is left unused. */
const FLAG = { introduced: 2, interruptHintGiven: 4, lastOfSession: 8 } as const;

const time = (ms: number): string => ms.toString(36);
/** A number read back from base 36, or NaN (which the schema refuses). */
const untime = (value: unknown): number => (typeof value === 'string' && /^-?[0-9a-z]+$/.test(value) ? parseInt(value, 36) : Number.NaN);

type Stored = Record<string, unknown>;

/** Leaves out keys whose value is the default, so an ordinary state costs a few dozen bytes. */
function compact(entries: Record<string, unknown>): Stored {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined && value !== null && value !== '' && value !== 0));
}

// States are immutable: a turn encodes its state once for the write and the session together. And a warm
// container mostly hears the same household next, handing back (in the session, or from the table at the next
// launch) the very text it wrote last: that text's state is known without decoding and validating it again.
const encoded = new WeakMap<RoutineState, string>();
let lastEncoded: { text: string; state: RoutineState } | null = null;

export function encodeState(state: RoutineState): string {
  let text = encoded.get(state);
  if (text === undefined) {
    text = encodeFresh(state);
    encoded.set(state, text);
  }
  lastEncoded = { text, state };
  return text;
}

/** The state this container last encoded to exactly this text, if it did. */
export function stateLastEncodedAs(text: string): RoutineState | undefined {
  return lastEncoded?.text === text ? lastEncoded.state : undefined;
}

function encodeFresh(state: RoutineState): string {
  const today = state.today;
  const offset = (day: string) => daysBetween(day, today.day);
  const lastOfSession = (today.phase === 'settingUp' || today.phase === 'setDelivered') && today.lastOfSession;
  const flags = (state.introduced ? FLAG.introduced : 0) | (state.interruptHintGiven ? FLAG.interruptHintGiven : 0) | (lastOfSession ? FLAG.lastOfSession : 0);
  return JSON.stringify(
    compact({
      d: today.day,
      r: today.routine === null ? null : ROUTINE.encode(today.routine),
      p: PHASE.encode(today.phase),
      c: today.current === null ? null : encodeStep(today.current),
      dl: today.delivered === null ? null : [time(today.delivered.atMs), today.delivered.endsAtMs - today.delivered.atMs, today.delivered.amount],
      k: encodeIds(today.skippedExerciseIds),
      o: encodeOutcomes(today.outcomes),
      pr: encodePainReports(today.painReports),
      sa: today.startedAtMs === null ? null : time(today.startedAtMs),
      e: today.endedEarly ? 1 : 0,
      er: today.endReason === 'fatigue' ? 'f' : null,
      pv: state.previousDay === null ? null : [offset(state.previousDay.day), ROUTINE.encode(state.previousDay.routine), state.previousDay.done, state.previousDay.planned],
      pf: state.prefs.paceFactor === PACE_FACTOR.initial ? null : state.prefs.paceFactor,
      vr: state.prefs.voiceRatePercent === VOICE_RATE.normal ? null : state.prefs.voiceRatePercent,
      q: today.question === null ? null : encodePending(today.question),
      f: flags,
      lt: state.lastTurnAtMs === null ? null : time(state.lastTurnAtMs),
      lv: encodeLevels(state.levels),
      rs: encodeStops(state.recentStops, today.day),
      ox: encodeIds(state.planOverrides.excluded),
      od: encodeDoses(state.planOverrides.doses),
      ls: state.lastStoppedEarly === null ? null : [offset(state.lastStoppedEarly.day), encodeStep(state.lastStoppedEarly.step)],
      tz: state.timeZone,
      rm: state.reminder === null ? null : [state.reminder.alertToken, state.reminder.hour, state.reminder.minute],
    }),
  );
}

/** The state encodeState wrote, still unknown until RoutineStateSchema parses it; throws on text that is not JSON. */
export function decodeState(text: string): unknown {
  const stored: unknown = JSON.parse(text);
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return stored;
  const s = stored as Stored;
  const day = typeof s.d === 'string' ? s.d : '';
  const back = (offset: unknown) => (typeof offset === 'number' && Number.isInteger(offset) && day !== '' ? addDays(day, -offset) : '');
  const flags = typeof s.f === 'number' ? s.f : 0;
  const phase = PHASE.decode(s.p);
  const today: Record<string, unknown> = {
    day,
    routine: s.r === undefined ? null : ROUTINE.decode(s.r),
    phase,
    question: s.q === undefined ? null : decodePending(s.q),
    ...(phase === 'settingUp' || phase === 'setDelivered' ? { lastOfSession: (flags & FLAG.lastOfSession) !== 0 } : {}),
    current: s.c === undefined ? null : decodeStep(s.c),
    delivered: decodeDelivered(s.dl),
    skippedExerciseIds: decodeIds(s.k),
    outcomes: decodeOutcomes(s.o),
    painReports: decodePainReports(s.pr),
    startedAtMs: s.sa === undefined ? null : untime(s.sa),
    endedEarly: s.e === 1,
    endReason: s.er === 'f' ? 'fatigue' : null,
  };
  const state: Record<keyof RoutineState, unknown> = {
    today,
    previousDay: s.pv === undefined ? null : tuple(s.pv, ([offset, routine, done, planned]) => ({ day: back(offset), routine: ROUTINE.decode(routine), done, planned })),
    prefs: { paceFactor: s.pf ?? PACE_FACTOR.initial, voiceRatePercent: s.vr ?? VOICE_RATE.normal },
    introduced: (flags & FLAG.introduced) !== 0,
    interruptHintGiven: (flags & FLAG.interruptHintGiven) !== 0,
    lastTurnAtMs: s.lt === undefined ? null : untime(s.lt),
    levels: decodeLevels(s.lv),
    recentStops: decodeStops(s.rs, day),
    planOverrides: { excluded: decodeIds(s.ox), doses: decodeDoses(s.od) },
    lastStoppedEarly: s.ls === undefined ? null : tuple(s.ls, ([offset, step]) => ({ day: back(offset), step: decodeStep(step) })),
    timeZone: s.tz ?? null,
    reminder: s.rm === undefined ? null : tuple(s.rm, ([alertToken, hour, minute]) => ({ alertToken, hour, minute })),
  };
  return state;
}

/** Reads a stored array positionally; anything else decodes to a value the schema refuses. */
function tuple<T>(value: unknown, read: (items: unknown[]) => T): T | undefined {
  return Array.isArray(value) ? read(value) : undefined;
}

function decodeDelivered(value: unknown): unknown {
  if (value === undefined) return null;
  return tuple(value, ([atMs, lengthMs, amount]) => {
    const at = untime(atMs);
    return { atMs: at, endsAtMs: typeof lengthMs === 'number' ? at + lengthMs : Number.NaN, amount };
  });
}

// A pending question: its kind, then its fields in a fixed order, exercises as codes.
function encodePending(pending: PendingQuestion): unknown[] {
  switch (pending.kind) {
    case 'chooseRoutine':
    case 'wasSetFinished':
    case 'repeatAfterPain':
    case 'wantSummary':
      return [pending.kind];
    case 'continueOrRestart':
      return [pending.kind, pending.routine];
    case 'secondRound':
      return [pending.kind, pending.routine];
    case 'planChange':
      return [pending.kind, ...encodePlanChange(pending.change)];
    case 'leaveOutUntilReview':
      return [pending.kind, codeOf(pending.exerciseId)];
    case 'endEarly':
      return [pending.kind, encodeStep(pending.otherSide)];
    case 'confirmReminder':
    case 'reminderPermission':
      return [pending.kind, pending.hour, pending.minute];
  }
}

function decodePending(value: unknown): unknown {
  return tuple(value, ([kind, a, b, c]) => {
    switch (kind) {
      case 'chooseRoutine':
      case 'wasSetFinished':
      case 'repeatAfterPain':
      case 'wantSummary':
        return { kind };
      case 'continueOrRestart':
      case 'secondRound':
        return { kind, routine: a };
      case 'planChange':
        return { kind, change: decodePlanChange(a, b, c) };
      case 'leaveOutUntilReview':
        return { kind, exerciseId: idOf(a) };
      case 'endEarly':
        return { kind, otherSide: decodeStep(a) };
      case 'confirmReminder':
      case 'reminderPermission':
        return { kind, hour: a, minute: b };
      default:
        return undefined;
    }
  });
}

function encodePlanChange(change: PlanChange): unknown[] {
  switch (change.kind) {
    case 'leaveOut':
    case 'putBack':
      return [change.kind, encodeIds(change.exerciseIds), change.group];
    case 'setReps':
      return [change.kind, codeOf(change.exerciseId), change.reps];
    case 'useHold':
      return [change.kind, codeOf(change.exerciseId)];
  }
}

function decodePlanChange(kind: unknown, a: unknown, b: unknown): unknown {
  switch (kind) {
    case 'leaveOut':
    case 'putBack':
      return { kind, exerciseIds: decodeIds(a), group: b };
    case 'setReps':
      return { kind, exerciseId: idOf(a), reps: b };
    case 'useHold':
      return { kind, exerciseId: idOf(a) };
    default:
      return undefined;
  }
}
