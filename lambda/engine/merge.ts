// What happens when two writers meet: another device or session wrote first, or a request is replayed. Pure: the
// save loop in lambda/handlers/save-turn.ts only reads the stored record again and asks this module what to write.
import { transition } from './transition';
import type { RoutineEvent, RoutineState, TransitionResult, TurnInput } from './types';

/** The first turn's content, then the follow-up's, whose prompt or close ends the response (its effects were run). */
export function mergeTurns(first: TransitionResult, second: TransitionResult): TransitionResult {
  return { state: second.state, say: [...first.say, ...second.say], then: second.then, effects: second.effects, closedDay: first.closedDay ?? second.closedDay };
}

export function replay(state: RoutineState, events: readonly RoutineEvent[], turnInput: TurnInput): TransitionResult {
  const [first, ...rest] = events;
  let result = transition(state, first!, turnInput);
  for (const event of rest) result = mergeTurns(result, transition(result.state, event, turnInput));
  return result;
}

/** Events that mean the same wherever the routine stands (or that must never be dropped: pain, emergencies). */
const ANYWHERE: ReadonlySet<RoutineEvent['type']> = new Set<RoutineEvent['type']>([
  'Launched',
  'StartRoutineRequested',
  'ResumeRequested',
  'PauseRequested',
  'StopRequested',
  'PainReported',
  'EmergencyReported',
  'WarningSignReported',
  'EndEarlyRequested',
  'PaceChangeRequested',
  'VoiceRateChangeRequested',
  'SummaryRequested',
  'WhatsLeftRequested',
  'LastStoppedEarlyRequested',
  'WhatsNextRequested',
  'HelpRequested',
  'FallbackHeard',
  'PlanRequested',
  'PlanChangeRequested',
  'ReminderRequested',
  'ReminderCancelRequested',
  'ReminderCreated',
  'ReminderDeleted',
  'ReminderFailed',
  'ReminderPermissionAnswered',
  'ReplayedRequest',
]);

/** Where the routine stands: what "ready", "next" or "yes" act on. */
const positionOf = (state: RoutineState) =>
  JSON.stringify([state.today.day, state.today.routine, state.today.phase, state.today.current, state.today.delivered?.atMs ?? null, state.today.question?.kind ?? null]);

/**
 * Another device or session wrote first. Its record wins, and this turn's event is applied to it again when the
 * routine stands where this turn found it (or the event means the same anywhere). When the routine moved on
 * there, a step command is not applied to a step the caregiver here never heard: the answer takes them to where
 * the routine now is. Either way the steps this session recorded today and the stored record lacks are kept,
 * and a day only this session worked on is kept whole.
 */
export function reconcile(fresh: RoutineState, base: RoutineState, ours: TransitionResult, events: readonly RoutineEvent[], turnInput: TurnInput): TransitionResult {
  const [first, ...rest] = events;
  const mine = ours.state.today;
  const storedKnowsToday = fresh.today.day === turnInput.today && fresh.today.routine !== null;
  if (!storedKnowsToday && mine.day === turnInput.today && mine.routine !== null) {
    // The stored record has nothing of today: today is this session's; everything else is the stored record's.
    const rolled = transition(fresh, { type: 'ReplayedRequest' }, turnInput);
    const today = { today: mine, interruptHintGiven: ours.state.interruptHintGiven };
    return { say: ours.say, then: ours.then, effects: ours.effects, state: { ...rolled.state, ...today, introduced: true }, closedDay: rolled.closedDay ?? ours.closedDay };
  }
  const movedOn = !(first === undefined || ANYWHERE.has(first.type) || positionOf(fresh) === positionOf(base));
  if (!movedOn) return keepOutcomes(replay(fresh, events, turnInput), ours.state);
  const resumed = replay(fresh, [{ type: 'ResumeRequested' }, ...rest], turnInput);
  return keepOutcomes({ ...resumed, say: [{ type: 'MovedOnElsewhere' }, ...resumed.say] }, ours.state);
}

/** Adds the outcomes of today that this session recorded and the other writer's record does not have. */
export function keepOutcomes(result: TransitionResult, ours: RoutineState): TransitionResult {
  const theirs = result.state.today;
  if (theirs.day !== ours.today.day) return result;
  const missing = Object.entries(ours.today.outcomes).filter(([key]) => theirs.outcomes[key] === undefined);
  if (missing.length === 0) return result;
  return { ...result, state: { ...result.state, today: { ...theirs, outcomes: { ...theirs.outcomes, ...Object.fromEntries(missing) } } } };
}

