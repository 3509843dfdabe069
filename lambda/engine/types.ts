// Types of the routine engine: the stored state, the caregiver's events and the acts to convey.
import type { Dose, Side } from '../catalog/schema';
import type { PlanReading } from './therapist-plan';

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

/** A change the caregiver asked for by voice; it narrows the therapist's plan or restores it, never raises it. */
export type PlanChange =
  | { kind: 'leaveOut'; exerciseIds: string[]; group: string | null }
  | { kind: 'putBack'; exerciseIds: string[]; group: string | null }
  | { kind: 'setReps'; exerciseId: string; reps: number }
  | { kind: 'useHold'; exerciseId: string };

/** Questions that make sense wherever the routine stands. */
export type AnytimeQuestion =
  | { kind: 'chooseRoutine' }
  | { kind: 'planChange'; change: PlanChange }
  | { kind: 'leaveOutUntilReview'; exerciseId: string }
  | { kind: 'confirmReminder'; hour: number; minute: number }
  | { kind: 'reminderPermission'; hour: number; minute: number }
  | { kind: 'checkedAfterEmergency' }
  | { kind: 'checkedAfterWarningSign' };
/** Questions about a step in progress. */
export type ContinueOrRestart = { kind: 'continueOrRestart'; routine: RoutineChoice | null };
export type EndEarlyQuestion = { kind: 'endEarly'; otherSide: StepRef };
export type WasSetFinished = { kind: 'wasSetFinished' };
/** "Do it again" after a set: one more set of this step, of this dose, within the plan's dose for the day. */
export type AnotherSet = { kind: 'anotherSet'; dose: Dose };
/**
 * After pain: "skip" leaves these steps out for the rest of today. Only the steps are held, never the body part named
 * or how much it hurt, and only until the next answer.
 */
export type SkipAfterPain = { kind: 'skipAfterPain'; steps: StepRef[] };
/** Without the therapist's plan, hands-on exercises the handout only describes as active ones wait for a yes. */
export type ConfirmHands = { kind: 'confirmHands'; exerciseIds: string[] };
/** Questions about a finished routine. */
export type WantSummary = { kind: 'wantSummary' };
export type SecondRound = { kind: 'secondRound'; routine: RoutineChoice };
/** A part of the day's plan is done and the rest is not: do the rest now? */
export type OfferRest = { kind: 'offerRest'; routine: RoutineChoice };

export type PendingQuestion =
  | AnytimeQuestion
  | ContinueOrRestart
  | EndEarlyQuestion
  | WasSetFinished
  | AnotherSet
  | SkipAfterPain
  | ConfirmHands
  | WantSummary
  | SecondRound
  | OfferRest;

export type ReminderRef = { alertToken: string; hour: number; minute: number };

export type DeliveredSet = {
  atMs: number;
  /** When the movements of the set end; a step command before this interrupted the set. */
  endsAtMs: number;
  amount: number;
};

/** Health details; kept only when the deployment opted in with HEALTH_LOG=detailed. */
export type PainReport = { stepKey: string | null; bodyPart: string | null; severity: number | null; atMs: number };

/**
 * Where today's routine stands, and the one question it waits on. Each phase holds exactly what it needs, and each
 * question only where it means something: a set is "finished?" only once delivered, a second round only once finished. A combination outside this union does not compile.
 * lastOfSession: the caregiver asked to finish this other side and then stop ("finish the other side first").
 */
export type Position =
  | { phase: 'choosing'; current: null; delivered: null; question: AnytimeQuestion | null }
  | { phase: 'settingUp'; current: StepRef; delivered: null; lastOfSession: boolean; question: AnytimeQuestion | ContinueOrRestart | EndEarlyQuestion | ConfirmHands | null }
  | {
      phase: 'setDelivered';
      current: StepRef;
      delivered: DeliveredSet;
      lastOfSession: boolean;
      question: AnytimeQuestion | ContinueOrRestart | EndEarlyQuestion | WasSetFinished | AnotherSet | null;
    }
  | { phase: 'stoppedForPain'; current: StepRef; delivered: null; question: AnytimeQuestion | ContinueOrRestart | SkipAfterPain | null }
  | { phase: 'finished'; current: null; delivered: null; question: AnytimeQuestion | WantSummary | SecondRound | OfferRest | null };

export type DayProgress = Position & DayBase;

/** What a day holds whatever its position. */
export type DayBase = {
  /** The local date, YYYY-MM-DD, in the device's time zone. */
  day: string;
  routine: RoutineChoice | null;
  skippedExerciseIds: string[];
  /**
   * Steps done (or stopped) today before the routine in progress began, which it leaves out: once a day is per
   * exercise, so the arms after the legs, or "everything" after the legs, is only what is left.
   */
  doneBefore: string[];
  outcomes: Record<string, OutcomeRecord>;
  painReports: PainReport[];
  startedAtMs: number | null;
  endedEarly: boolean;
  /** An emergency was reported today: nothing starts again today until the caregiver says they have been checked. */
  afterEmergency: boolean;
  /** A warning sign was reported today: nothing starts again today until the caregiver says it has passed. */
  afterWarningSign: boolean;
  /** Why the caregiver ended early; kept only with HEALTH_LOG=detailed. */
  endReason: 'fatigue' | null;
  /** Steps given their one extra set today ("do it again"): one each, within the plan's dose. */
  extraSets: string[];
  /** Steps left out for the rest of today after pain, at the caregiver's word; recorded as skipped, never why. */
  leftAfterPain: string[];
};

/** endedEarly: the caregiver chose to stop early, which is not "left unfinished" the next day. */
export type PreviousDay = { day: string; routine: RoutineChoice; done: number; planned: number; endedEarly: boolean };

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
  introduced: boolean;
  /** The interrupt hint ("say Alexa first") is given once per session. */
  interruptHintGiven: boolean;
  lastTurnAtMs: number | null;
  /** Build-up level per exercise and kind of dose ("hip-rotation:reps" -> 4). */
  levels: Record<string, number>;
  /** Local days on which each exercise was stopped early, within the last week. */
  recentStops: Record<string, string[]>;
  /** The caregiver's narrowing of the therapist's plan by voice. */
  planOverrides: { excluded: string[]; doses: Record<string, Dose> };
  /**
   * The plan the routine last followed, so the voice changes are known to be made against it: its reviewedOn, or
   * null inside for the handout's routine. Null: not known yet (a new user, or a record from before this field).
   */
  planFollowed: { reviewedOn: string | null } | null;
  lastStoppedEarly: { day: string; step: StepRef } | null;
  /** The device's time zone as last read from the Settings API. */
  timeZone: string | null;
  /** The local day the Settings API last answered: a launch waits for it at most once a day. */
  timeZoneCheckedOn: string | null;
  /**
   * A closed day whose history write did not land: the handler files it at a later turn, then clears it. The engine
   * only carries it (and counts it in the week's summary).
   */
  unfiledDay: DayRecord | null;
  reminder: ReminderRef | null;
  /**
   * Exercises whose full set-up the caregiver has heard: later set-ups are short (name, side, dose, one cue). Kept
   * with the progress, so after a month away the full set-ups come back.
   */
  setUpsHeard: string[];
  /**
   * Without the therapist's plan: the hands-on exercises (catalog handsNeedConfirmation) the caregiver said the
   * therapist has shown them. A "no" is a voice plan change instead (planOverrides.excluded), so it is asked once.
   */
  handsConfirmed: string[];
};

/** What the therapist's plan (and, later, build-up) decides; passed in, never stored in the state. */
export type Program = {
  firstSide: Side;
  legsFirst: boolean;
  exerciseIds: readonly string[];
  sides: Record<string, readonly Side[]>;
  /** Today's dose: the target, or lower while building up. */
  doses: Record<string, Dose>;
  /** The plan's dose after the caregiver's narrowing: where build-up is heading. */
  targetDoses: Record<string, Dose>;
  /** The therapist's dose, before any voice change: the ceiling of every voice change. */
  planDoses: Record<string, Dose>;
  ways: Record<string, string>;
  paceFactors: Record<string, number>;
  buildUp: boolean;
  /** Exercises the therapist's plan holds (before the caregiver left any out). */
  planExerciseIds: readonly string[];
  /** When the therapist last reviewed the plan; null without a plan file. */
  reviewedOn: string | null;
};

/** What the handler knows about the turn; the engine derives the program from the plan and the state. */
export type TurnInput = {
  nowMs: number;
  today: string;
  newSession: boolean;
  recordHealthDetails: boolean;
  /** 'unknown' fails closed: nothing that starts or moves the routine, or speaks of the plan, runs until it is read. */
  plan: PlanReading;
  /** The device's zone when the Settings API answered this turn; null keeps the cached one. */
  timeZone: string | null;
};

/** The day this very turn closed is not in the history read before it, so summaries add it. */
export type TurnContext = TurnInput & { program: Program; justClosed: DayProgress | null; planKnown: boolean };

/** One past day, as stored in history, for summaries. */
export type DayRecord = {
  day: string;
  routine: RoutineChoice | null;
  outcomes: Record<string, OutcomeRecord>;
  endedEarly: boolean;
  endReason: 'fatigue' | null;
  painReports: PainReport[];
  startedAtMs: number | null;
  endedAtMs: number | null;
};

export type RoutineEvent =
  | { type: 'Launched' }
  | { type: 'StartRoutineRequested'; routine: RoutineChoice | null }
  | { type: 'ReadyRequested' }
  | { type: 'NextRequested' }
  | { type: 'PreviousRequested' }
  | { type: 'RepeatRequested' }
  /** "Do it again": one more set of the step just heard, confirmed first. */
  | { type: 'AnotherSetRequested' }
  | { type: 'SkipRequested' }
  | { type: 'GoToRequested'; exerciseId: string; side: Side | null }
  | { type: 'PauseRequested' }
  | { type: 'ResumeRequested' }
  | { type: 'StartOverRequested' }
  /** strongWords: "agony", "screaming", "crying": heard for the advice, never kept. */
  | { type: 'PainReported'; bodyPart: string | null; severity: number | null; strongWords?: boolean }
  | { type: 'EmergencyReported' }
  /** Dizzy, sick, coughing, a cramp, a pop, a red and swollen calf: the exercise stops and they rest. */
  | { type: 'WarningSignReported' }
  | { type: 'PaceChangeRequested'; direction: 'slower' | 'faster' }
  | { type: 'VoiceRateChangeRequested'; direction: 'slower' | 'normal' }
  | { type: 'YesSaid' }
  | { type: 'NoSaid' }
  | { type: 'SummaryRequested'; period: 'today' | 'week'; history: DayRecord[] }
  | { type: 'WhatsLeftRequested' }
  | { type: 'LastStoppedEarlyRequested' }
  | { type: 'WhatsNextRequested' }
  | { type: 'EndEarlyRequested'; reason: 'fatigue' | null }
  | { type: 'PlanChangeRequested'; change: PlanChange }
  /** "Only two reps", "hold this one instead": about the exercise in progress. */
  | { type: 'CurrentExerciseChangeRequested'; change: { kind: 'setReps'; reps: number } | { kind: 'useHold' } }
  | { type: 'PlanRequested' }
  | { type: 'SkipGroupRequested'; group: string; exerciseIds: string[] }
  | { type: 'ReminderRequested'; time: { hour: number; minute: number } | null }
  | { type: 'ReminderCancelRequested' }
  | { type: 'ReminderCreated'; alertToken: string; hour: number; minute: number }
  | { type: 'ReminderDeleted' }
  /** askForPermission: false right after the caregiver answered Alexa's permission question, so it is never asked twice. */
  /** noZone: the device's time zone is not known yet, and a reminder in a guessed zone would ring at the wrong hour. */
  | { type: 'ReminderFailed'; reason: 'permission' | 'error' | 'noZone'; hour: number; minute: number; askForPermission: boolean }
  | { type: 'ReminderPermissionAnswered'; granted: boolean }
  /** "Give me a report code"; ReportCodeIssued is the handler's answer to the CreateReportCode effect (code null: it failed). */
  | { type: 'ReportCodeRequested' }
  | { type: 'ReportCodeIssued'; code: string | null; address: string | null }
  | { type: 'HelpRequested' }
  | { type: 'StopRequested' }
  | { type: 'FallbackHeard' }
  /** Alexa sent a request again that was already applied: answer from where the routine is, change nothing. */
  | { type: 'ReplayedRequest' };

/** One step of the day's plan as the therapist's card lists it: what was planned, what was done, how it ended. */
export type SummaryRow = { step: StepRef; dose: Dose; outcome: StepOutcome | 'notReached'; amount: number };

export type DaySummary = {
  routine: RoutineChoice | null;
  /** Every step of the day's plan, in routine order. */
  rows: SummaryRow[];
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
  | 'wantSummary'
  | 'secondRound'
  | 'confirmPlanChange'
  | 'leaveOutUntilReview'
  | 'endEarly'
  | 'confirmReminder'
  | 'checkedAfterEmergency'
  | 'checkedAfterWarningSign'
  | 'offerRest'
  | 'confirmHands'
  | 'anotherSet';

/**
 * What "skip" would leave out after pain: the rest of the limb on that side, the rest of an unsided group, or the
 * steps that move the body part the caregiver named (on that side). Said, never stored.
 */
export type SkipScope =
  | { kind: 'limb'; region: 'legs' | 'arms'; side: Side }
  | { kind: 'group'; group: string }
  | { kind: 'part'; part: string; side: Side | null };

export type WeekSummary = {
  /** Local days, of the 7 ending today, with at least one completed step. */
  daysExercised: number;
  stoppedEarly: Array<{ day: string; step: StepRef }>;
  /** Days this week that ended early for fatigue (known only with HEALTH_LOG=detailed). */
  fatigueDays: number;
  /** Days this week the caregiver ended early, for whatever reason: the default mode keeps that much. */
  endedEarlyDays: number;
};

/** A pain report as spoken in a summary; present only with HEALTH_LOG=detailed. */
export type PainDetail = { step: StepRef | null; bodyPart: string | null; severity: number | null };

/** permissionRequest: Alexa takes over to ask for the reminders permission, then hands back. */
export type CloseReason = 'goodbye' | 'paused' | 'emergency' | 'permissionRequest';

/** What a turn conveys: speech decides how it sounds. */
export type ContentAct =
  /** withPlan: a therapist's plan file is in use; without one the routine is the handout's general exercises. */
  | { type: 'Intro'; withPlan: boolean }
  | { type: 'Welcome' }
  | { type: 'NewDay'; previous: PreviousDay }
  | { type: 'WelcomeBack'; step: StepRef }
  /** onlyWhatIsLeft: part of this routine was already done today, and is left out. */
  /** minutes: about how long the routine takes, sets and set-ups, to the nearest five. */
  | { type: 'RoutineStarted'; routine: RoutineChoice; stepCount: number; minutes: number; onlyWhatIsLeft: boolean }
  | {
      type: 'SetUp';
      step: PlannedStep;
      sideChanged: boolean;
      /** False when the patient is already in this exercise's starting position, so it is not said again. */
      mentionPosition: boolean;
      /** The full set-up is said the first time a caregiver hears this exercise, and on "say that again"; then a short one. */
      brief: boolean;
      /** The same exercise was set up on the other side earlier in this routine: "same again on their left leg". */
      secondSide: boolean;
      /** No set has been counted yet this session: "never force" and the wince rule are said in full. */
      firstOfSession: boolean;
      stepNumber: number;
      stepCount: number;
    }
  | { type: 'Set'; step: PlannedStep; paceFactor: number; interruptHint: boolean }
  | { type: 'SetFinished'; step: PlannedStep; next: StepRef | null }
  | { type: 'Skipped'; exerciseId: string }
  /** strong: a severity of 7 or more was heard (only a HEALTH_LOG=detailed model hears one); advice, never stored. */
  | { type: 'PainStop'; step: StepRef | null; next: StepRef | null; strong: boolean; skip: SkipScope | null }
  /** "Skip" after pain: these many steps are left for today. */
  | { type: 'LeftAfterPain'; count: number }
  /** Without the therapist's plan: has the therapist shown the caregiver this hands-on way? */
  | { type: 'HandsCheck'; exerciseIds: string[] }
  /** "Do it again" refused: the plan's dose is reached today, or the one extra set was had. */
  | { type: 'AnotherSetRefused'; step: StepRef; reason: 'fullDose' | 'once' }
  | { type: 'Emergency' }
  /** A step stopped for pain is not done again that day, whichever way it is asked for. */
  | { type: 'NotAgainToday'; exerciseId: string }
  /** A launch the same day as an emergency: asked first whether they have been checked and are comfortable. */
  | { type: 'AfterEmergencyCheck' }
  /** A launch the same day as a warning sign: asked first whether it has passed. */
  | { type: 'AfterWarningSignCheck' }
  /** "Ready" before a routine is chosen: last time's routine is named, and the choice asked for. */
  | { type: 'LastRoutineOffered'; routine: RoutineChoice }
  | { type: 'WarningSign' }
  /** The rest of today's plan is left for later. */
  | { type: 'RestLater' }
  | { type: 'AfterEmergencyStop' }
  | { type: 'AfterWarningSignStop' }
  | { type: 'PaceChanged'; direction: 'slower' | 'faster'; paceFactor: number; limit: 'slowest' | 'fastest' | null }
  | { type: 'VoiceRateChanged'; voiceRatePercent: number; limit: 'slowest' | null }
  | { type: 'Paused' }
  /** rest: the part of today's plan still to do after this routine, if any. */
  | { type: 'RoutineFinished'; summary: DaySummary; rest: RoutineChoice | null }
  | { type: 'AlreadyDoneToday'; summary: DaySummary; rest: RoutineChoice | null }
  /** reviewedOn: when the therapist last reviewed the plan (null: the handout's routine, no plan file). */
  | { type: 'Summary'; today: string; summary: DaySummary; week: WeekSummary | null; pain: PainDetail[]; reviewedOn: string | null }
  | { type: 'WhatsLeft'; remaining: StepRef[] }
  | { type: 'LastStoppedEarly'; last: { day: string; step: StepRef } | null; today: string }
  | { type: 'WhatsNext'; next: StepRef | null }
  /** tired: said because they are tired, so the advice on fatigue comes with it (said, never stored by default). */
  | { type: 'EndedEarly'; tired: boolean }
  | { type: 'PlanChanged'; change: PlanChange }
  | { type: 'PlanChangeRefused'; change: PlanChange; reason: 'aboveDose' | 'notInPlan' | 'nothingToChange' | 'declined' | 'holdNotAllowed' }
  | { type: 'PlanDescribed'; program: Program; excluded: string[] }
  | { type: 'ReviewSuggested'; reviewedOn: string }
  /** The therapist's plan is newer than the one the routine followed; the voice changes made against that were cleared. */
  | { type: 'NewPlanInUse'; reviewedOn: string; voiceChangesCleared: boolean }
  | { type: 'TherapistSuggested'; exerciseId: string }
  | { type: 'SkippedGroup'; group: string }
  /** Another device moved the routine on; this one is taken to where it now is. */
  | { type: 'MovedOnElsewhere' }
  | { type: 'ReminderSet'; hour: number; minute: number }
  | { type: 'ReminderCancelled' }
  | { type: 'NoReminder' }
  | { type: 'ReminderFailed'; reason: 'error' | 'noZone' }
  | { type: 'ReminderNeedsTime' }
  | { type: 'ReminderDeclined' }
  | { type: 'AskReminderPermission' }
  | { type: 'ReminderPermissionCard' }
  | { type: 'Help'; phase: Phase }
  | { type: 'NotUnderstood'; phase: Phase }
  | { type: 'NotAvailableNow'; reason: 'noRoutine' | 'noQuestion' | 'atFirstStep' | 'setAlreadyDone' | 'routineDone' }
  | { type: 'NotInRoutine'; exerciseId: string; routine: RoutineChoice }
  /** The therapist's plan could not be read this turn: nothing that depends on it is done until it can be. */
  | { type: 'PlanUnavailable' }
  /** Today's plan has no exercise in the routine asked for (a plan of arm exercises, asked for the legs). */
  | { type: 'NothingPlanned'; routine: RoutineChoice }
  /** A code for the therapist's report page, said in groups, with the page's address on a card; code null: none could be made. */
  | { type: 'ReportCode'; code: string | null; address: string | null }
  | { type: 'Goodbye' };

/** The turn keeps the microphone open with a question or what can be said next... */
export type PromptAct = {
  type: 'Prompt';
  prompt: PromptKind;
  next: StepRef | null;
  change?: PlanChange;
  /** The hands-on exercises asked about (confirmHands), or how much one more set would be (anotherSet). */
  exerciseIds?: string[];
  dose?: Dose;
  time?: { hour: number; minute: number };
  replaces?: { hour: number; minute: number };
  /** The routine a prompt offers (the rest of today's plan). */
  routine?: RoutineChoice;
};
/** ...or closes the session on purpose. */
export type CloseAct = { type: 'Close'; reason: CloseReason };

/** I/O the handler carries out after the turn, reporting back as an event (the Reminders API). */
export type Effect =
  /** replacing: the alert token of the reminder the new one replaces; it is deleted first, so there is never a second. */
  | { type: 'CreateReminder'; hour: number; minute: number; askForPermission: boolean; replacing: string | null }
  | { type: 'DeleteReminder'; alertToken: string }
  /** A new code for the report page, replacing the previous one (the handler draws and stores it). */
  | { type: 'CreateReportCode' };

/** Every kind of act, flattened in the order a turn has them (content, effects, then its one prompt or close). */
export type Act = ContentAct | Effect | PromptAct | CloseAct;

/**
 * One turn: what to say, exactly one initiative (a prompt that keeps the session open, or a close), and the effects
 * the handler must carry out. Keeping them apart makes the turn's protocol a type, not a convention.
 */
export type TransitionResult = {
  state: RoutineState;
  say: ContentAct[];
  then: PromptAct | CloseAct;
  effects: Effect[];
  /** Set when the turn rolled over to a new local day: the day that just closed, for history. */
  closedDay: DayProgress | null;
};
