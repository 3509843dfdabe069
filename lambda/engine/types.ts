// Types of the routine engine: the stored state, the caregiver's events and the acts to convey.
import type { Dose, Side } from '../catalog/schema';

export const ROUTINES = ['legs', 'arms', 'everything'] as const;
export type RoutineChoice = (typeof ROUTINES)[number];

/** One step of a routine: one exercise on one side (side null for exercises that are not sided). */
export type StepRef = { exerciseId: string; side: Side | null };

/** A step as planned for today: which way of doing it and how much. */
export type PlannedStep = StepRef & { wayId: string; dose: Dose };

export const STEP_OUTCOMES = ['completed', 'cutShort', 'stoppedEarly', 'skipped'] as const;
export type StepOutcome = (typeof STEP_OUTCOMES)[number];

export type OutcomeRecord = {
  outcome: StepOutcome;
  /** Repetitions, or hold seconds, that were delivered in the set (0 when none was). */
  amount: number;
};

export const PHASES = ['choosing', 'settingUp', 'setDelivered', 'stoppedForPain', 'finished'] as const;
/**
 * choosing: no routine picked today. settingUp: the set-up was spoken, waiting for "ready".
 * setDelivered: the whole set was sent; it is confirmed by the next step command.
 * stoppedForPain: the step was stopped early; waiting for the caregiver. finished: all steps done.
 */
export type Phase = (typeof PHASES)[number];

export type PendingQuestion =
  | { kind: 'chooseRoutine' }
  | { kind: 'continueOrRestart'; routine: RoutineChoice | null }
  | { kind: 'wasSetFinished' }
  | { kind: 'repeatAfterPain' }
  | { kind: 'wantSummary' }
  | { kind: 'secondRound'; routine: RoutineChoice };

export type DeliveredSet = {
  atMs: number;
  /** When the movements of the set end; a step command before this interrupted the set. */
  endsAtMs: number;
  amount: number;
};

/** Health details; kept only when the deployment opted in with HEALTH_LOG=detailed. */
export type PainReport = { stepKey: string | null; bodyPart: string | null; severity: number | null; atMs: number };

export type DayProgress = {
  /** The local date, YYYY-MM-DD, in the device's time zone. */
  day: string;
  routine: RoutineChoice | null;
  phase: Phase;
  current: StepRef | null;
  delivered: DeliveredSet | null;
  skippedExerciseIds: string[];
  outcomes: Record<string, OutcomeRecord>;
  painReports: PainReport[];
  startedAtMs: number | null;
  endedEarly: boolean;
};

export type PreviousDay = { day: string; routine: RoutineChoice; done: number; planned: number };

export type Preferences = {
  /** Multiplies the catalog pace: 1 is the catalog floor, 2 is twice as slow. */
  paceFactor: number;
  /** The voice's own speaking rate, in percent of normal. */
  voiceRatePercent: number;
};

export type RoutineState = {
  today: DayProgress;
  previousDay: PreviousDay | null;
  prefs: Preferences;
  pending: PendingQuestion | null;
  paused: boolean;
  introduced: boolean;
  /** The interrupt hint ("say Alexa first") is given once per session. */
  interruptHintGiven: boolean;
  lastTurnAtMs: number | null;
};

/** What the therapist's plan (and, later, build-up) decides; passed in, never stored in the state. */
export type Program = {
  firstSide: Side;
  legsFirst: boolean;
  exerciseIds: readonly string[];
  sides: Record<string, readonly Side[]>;
  doses: Record<string, Dose>;
  ways: Record<string, string>;
};

export type TurnContext = {
  nowMs: number;
  today: string;
  newSession: boolean;
  recordHealthDetails: boolean;
  program: Program;
};

export type RoutineEvent =
  | { type: 'Launched' }
  | { type: 'StartRoutineRequested'; routine: RoutineChoice | null }
  | { type: 'ReadyRequested' }
  | { type: 'NextRequested' }
  | { type: 'PreviousRequested' }
  | { type: 'RepeatRequested' }
  | { type: 'SkipRequested' }
  | { type: 'GoToRequested'; exerciseId: string; side: Side | null }
  | { type: 'PauseRequested' }
  | { type: 'ResumeRequested' }
  | { type: 'StartOverRequested' }
  | { type: 'PainReported'; bodyPart: string | null; severity: number | null }
  | { type: 'EmergencyReported' }
  | { type: 'PaceChangeRequested'; direction: 'slower' | 'faster' }
  | { type: 'VoiceRateChangeRequested'; direction: 'slower' | 'normal' }
  | { type: 'YesSaid' }
  | { type: 'NoSaid' }
  | { type: 'SummaryRequested' }
  | { type: 'HelpRequested' }
  | { type: 'StopRequested' }
  | { type: 'FallbackHeard' };

export type DaySummary = {
  routine: RoutineChoice | null;
  planned: number;
  completed: number;
  cutShort: StepRef[];
  stoppedEarly: StepRef[];
  skipped: StepRef[];
  remaining: StepRef[];
};

export type PromptKind =
  | 'chooseRoutine'
  | 'sayReady'
  | 'afterSet'
  | 'afterPain'
  | 'routineDone'
  | 'continueOrRestart'
  | 'wasSetFinished'
  | 'repeatAfterPain'
  | 'wantSummary'
  | 'secondRound';

export type CloseReason = 'goodbye' | 'paused' | 'emergency';

export type Act =
  | { type: 'Intro' }
  | { type: 'Welcome' }
  | { type: 'NewDay'; previous: PreviousDay }
  | { type: 'WelcomeBack'; step: StepRef }
  | { type: 'RoutineStarted'; routine: RoutineChoice; stepCount: number }
  | {
      type: 'SetUp';
      step: PlannedStep;
      sideChanged: boolean;
      /** False when the patient is already in this exercise's starting position, so it is not said again. */
      mentionPosition: boolean;
      stepNumber: number;
      stepCount: number;
    }
  | { type: 'Set'; step: PlannedStep; paceFactor: number; interruptHint: boolean }
  | { type: 'SetFinished'; step: PlannedStep; next: StepRef | null }
  | { type: 'Skipped'; exerciseId: string }
  | { type: 'PainStop'; step: StepRef | null; next: StepRef | null }
  | { type: 'Emergency' }
  | { type: 'PaceChanged'; direction: 'slower' | 'faster'; paceFactor: number; limit: 'slowest' | 'fastest' | null }
  | { type: 'VoiceRateChanged'; voiceRatePercent: number; limit: 'slowest' | null }
  | { type: 'Paused' }
  | { type: 'RoutineFinished'; summary: DaySummary }
  | { type: 'AlreadyDoneToday'; summary: DaySummary }
  | { type: 'Summary'; summary: DaySummary }
  | { type: 'Help'; phase: Phase }
  | { type: 'NotUnderstood'; phase: Phase }
  | { type: 'NotAvailableNow'; reason: 'noRoutine' | 'noQuestion' | 'atFirstStep' | 'setAlreadyDone' | 'routineDone' }
  | { type: 'NotInRoutine'; exerciseId: string; routine: RoutineChoice }
  | { type: 'Goodbye' }
  | { type: 'Prompt'; prompt: PromptKind; next: StepRef | null }
  | { type: 'Close'; reason: CloseReason };

export type TransitionResult = {
  state: RoutineState;
  acts: Act[];
  /** Set when the turn rolled over to a new local day: the day that just closed, for history. */
  closedDay: DayProgress | null;
};
