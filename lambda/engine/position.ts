// Moving today's routine from one position to another: the only way a phase, its step, its set and its question change.
import type {
  AnotherSet,
  AnytimeQuestion,
  ConfirmHands,
  ContinueOrRestart,
  DayBase,
  DayProgress,
  DeliveredSet,
  EndEarlyQuestion,
  PendingQuestion,
  Position,
  RoutineState,
  OfferRest,
  SecondRound,
  SkipAfterPain,
  StepRef,
  WantSummary,
  WasSetFinished,
} from './types';

export function dayBase(today: DayProgress): DayBase {
  const { day, routine, skippedExerciseIds, doneBefore, outcomes, painReports, startedAtMs, endedEarly, afterEmergency, afterWarningSign, endReason, extraSets, leftAfterPain } = today;
  return { day, routine, skippedExerciseIds, doneBefore, outcomes, painReports, startedAtMs, endedEarly, afterEmergency, afterWarningSign, endReason, extraSets, leftAfterPain };
}

/** Today at a new position; the old position's question ends with it. */
export function at(state: RoutineState, position: Position): RoutineState {
  return { ...state, today: { ...dayBase(state.today), ...position } };
}

/** Today's own fields changed, the position kept. */
export function withDay(state: RoutineState, change: Partial<DayBase>): RoutineState {
  return { ...state, today: { ...state.today, ...change } };
}

export const choosing = (question: AnytimeQuestion | null = null): Position => ({ phase: 'choosing', current: null, delivered: null, question });
export const settingUp = (current: StepRef, lastOfSession = false): Position => ({ phase: 'settingUp', current, delivered: null, lastOfSession, question: null });
export const setDelivered = (current: StepRef, delivered: DeliveredSet, lastOfSession: boolean): Position => ({
  phase: 'setDelivered',
  current,
  delivered,
  lastOfSession,
  question: null,
});
export const stoppedForPain = (current: StepRef): Position => ({ phase: 'stoppedForPain', current, delivered: null, question: null });
export const finished = (question: WantSummary | SecondRound | OfferRest | null = null): Position => ({ phase: 'finished', current: null, delivered: null, question });

/** Asks a question that means the same wherever the routine stands. */
export function ask(state: RoutineState, question: AnytimeQuestion): RoutineState {
  return { ...state, today: { ...state.today, question } };
}

/** The same position, its question answered or dropped. */
export function unasked(state: RoutineState): RoutineState {
  return { ...state, today: { ...state.today, question: null } };
}

/** Asks about the step in progress; where there is none, the routine is left as it was and null comes back. */
export function askAboutStep(state: RoutineState, question: ContinueOrRestart): RoutineState | null {
  const { today } = state;
  if (today.phase === 'settingUp' || today.phase === 'setDelivered' || today.phase === 'stoppedForPain') return { ...state, today: { ...today, question } };
  return null;
}

export function askToFinishOtherSide(state: RoutineState, question: EndEarlyQuestion): RoutineState | null {
  const { today } = state;
  if (today.phase === 'settingUp' || today.phase === 'setDelivered') return { ...state, today: { ...today, question } };
  return null;
}

/** Asks whether the therapist has shown the hands-on way; only at a set-up, before its set. */
export function askAboutHandsAtSetUp(state: RoutineState, question: ConfirmHands): RoutineState | null {
  const { today } = state;
  return today.phase === 'settingUp' ? { ...state, today: { ...today, question } } : null;
}

/** Offers one more set of the step just heard; only once its set was delivered. */
export function askAnotherSet(state: RoutineState, question: AnotherSet): RoutineState | null {
  const { today } = state;
  return today.phase === 'setDelivered' ? { ...state, today: { ...today, question } } : null;
}

/** Holds the steps "skip" would leave out after pain; only while stopped for it. */
export function offerSkipAfterPain(state: RoutineState, question: SkipAfterPain): RoutineState | null {
  const { today } = state;
  return today.phase === 'stoppedForPain' ? { ...state, today: { ...today, question } } : null;
}

export function askWhetherSetFinished(state: RoutineState, question: WasSetFinished = { kind: 'wasSetFinished' }): RoutineState | null {
  const { today } = state;
  return today.phase === 'setDelivered' ? { ...state, today: { ...today, question } } : null;
}

/** "Finish the other side first": true while on the step after which the session ends. */
export function isLastOfSession(today: DayProgress): boolean {
  return (today.phase === 'settingUp' || today.phase === 'setDelivered') && today.lastOfSession;
}

/** What a session leaves behind when it ends: no question waiting, no "last step of this session". */
export function sessionClosed(state: RoutineState): RoutineState {
  return unasked(lastOfSessionForgotten(state));
}

/** Which questions each phase can wait on: the runtime twin of Position, for restoring a question after a turn. */
const QUESTIONS_OF: Record<Position['phase'], ReadonlySet<PendingQuestion['kind']>> = (() => {
  const anytime: PendingQuestion['kind'][] = ['chooseRoutine', 'planChange', 'leaveOutUntilReview', 'confirmReminder', 'reminderPermission', 'checkedAfterEmergency', 'checkedAfterWarningSign'];
  return {
    choosing: new Set(anytime),
    settingUp: new Set([...anytime, 'continueOrRestart', 'endEarly', 'confirmHands']),
    setDelivered: new Set([...anytime, 'continueOrRestart', 'endEarly', 'wasSetFinished', 'anotherSet']),
    stoppedForPain: new Set([...anytime, 'continueOrRestart', 'skipAfterPain']),
    finished: new Set([...anytime, 'wantSummary', 'secondRound', 'offerRest']),
  };
})();

/**
 * A question asked before an event that only informs (help, a summary) is asked again after it, if the routine still
 * stands where the question makes sense; otherwise it is dropped.
 */
export function askedAgain(state: RoutineState, question: PendingQuestion | null): RoutineState {
  if (question === null || !QUESTIONS_OF[state.today.phase].has(question.kind)) return state;
  // Checked against QUESTIONS_OF, which mirrors Position's question types.
  return { ...state, today: { ...state.today, question } as DayProgress };
}

/** "Finish the other side first" belongs to the session it was said in. */
export function lastOfSessionForgotten(state: RoutineState): RoutineState {
  const { today } = state;
  return (today.phase === 'settingUp' || today.phase === 'setDelivered') && today.lastOfSession ? { ...state, today: { ...today, lastOfSession: false } } : state;
}
