// The initial state of a new user and the roll-over to a new local day.
import { settleAs } from './moves';
import { recentStopsAsOf } from './stops';
import { choosing } from './position';
import { PACE_FACTOR } from './pace';
import { buildUpLevels } from './program';
import { summarizeDay } from './summary';
import type { DayProgress, Program, RoutineState } from './types';

export const VOICE_RATE = { normal: 100, min: 70, step: 10 } as const;
/** Relaunching within this long of the last turn goes straight back to the step in progress. */
export const RESUME_DIRECTLY_WITHIN_MS = 30 * 60 * 1000;
/** Bounds the record: more reports than this in one day keep only the latest. */
export const MAX_PAIN_REPORTS_PER_DAY = 5;
/** Alexa's alert tokens are UUIDs; the bound keeps the stored record in one write unit. */
export const MAX_ALERT_TOKEN_LENGTH = 100;
/** The longest IANA zone name is 32 characters; the Settings API's answer and the stored state share this bound. */
export const MAX_TIME_ZONE_LENGTH = 40;

export function freshDay(day: string): DayProgress {
  return {
    ...choosing(),
    day,
    routine: null,
    skippedExerciseIds: [],
    doneBefore: [],
    outcomes: {},
    painReports: [],
    startedAtMs: null,
    endedEarly: false,
    afterEmergency: false,
    afterWarningSign: false,
    endReason: null,
    extraSets: [],
    leftAfterPain: [],
  };
}

export function initialState(day: string): RoutineState {
  return {
    today: freshDay(day),
    previousDay: null,
    prefs: { paceFactor: PACE_FACTOR.initial, voiceRatePercent: VOICE_RATE.normal },
    introduced: false,
    interruptHintGiven: false,
    lastTurnAtMs: null,
    levels: {},
    recentStops: {},
    planOverrides: { excluded: [], doses: {} },
    planFollowed: null,
    lastStoppedEarly: null,
    timeZone: null,
    timeZoneCheckedOn: null,
    setUpsHeard: [],
    handsConfirmed: [],
    unfiledDay: null,
    reminder: null,
  };
}

/**
 * A new local day starts a fresh routine: what was left of the last one is remembered to mention it,
 * and the closed day moves build-up levels on.
 */
export function rollOver(state: RoutineState, day: string, program: Program): { state: RoutineState; closed: DayProgress } {
  // A set heard to the end and never confirmed (the session timed out, or was paused or stopped after it) was done.
  const old = settleAs(state, 'completed').today;
  const previousDay =
    old.routine === null
      ? state.previousDay
      : (() => {
          const summary = summarizeDay(old, program);
          return { day: old.day, routine: old.routine, done: summary.completed, planned: summary.planned, endedEarly: old.endedEarly };
        })();
  const next: RoutineState = {
    ...state,
    today: freshDay(day),
    previousDay,
    levels: buildUpLevels(state.levels, old, program, recentStopsAsOf(state.recentStops, old.day)),
    recentStops: recentStopsAsOf(state.recentStops, day),
  };
  return { state: next, closed: old };
}
