// Steps that ended before their end, whatever ended them (pain, an emergency, "next" or "stop" mid-set): the record
// keeps that they did, never why, so it is no pain log (the published profile keeps no health record).
import { daysBetween } from './day';
import type { RoutineState, StepOutcome } from './types';

/** Stops older than a week no longer count toward "stopped twice within 7 days". */
export const RECENT_STOP_DAYS = 7;
/** The latest stops kept per exercise: "twice within 7 days" needs no more. */
export const RECENT_STOPS_KEPT = 2;

export function recentStopsAsOf(stops: RoutineState['recentStops'], day: string): RoutineState['recentStops'] {
  const kept = Object.entries(stops)
    .map(([id, days]) => [id, days.filter((d) => daysBetween(d, day) < RECENT_STOP_DAYS).slice(-RECENT_STOPS_KEPT)] as const)
    .filter(([, days]) => days.length > 0);
  return Object.fromEntries(kept);
}

/** A step that did not run to its end: stopped for any reason, or moved past before its set was over. */
export const endedBeforeItsEnd = (outcome: StepOutcome): boolean => outcome === 'stoppedEarly' || outcome === 'cutShort';
