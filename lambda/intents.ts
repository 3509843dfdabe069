// Intent, slot and slot-type names shared by the handlers and the interaction-model source.
export const INTENTS = {
  startRoutine: 'StartRoutineIntent',
  ready: 'ReadyIntent',
  skip: 'SkipIntent',
  goToExercise: 'GoToExerciseIntent',
  slower: 'SlowerIntent',
  faster: 'FasterIntent',
  speakSlower: 'SpeakSlowerIntent',
  speakNormal: 'SpeakNormalIntent',
  reportPain: 'ReportPainIntent',
  emergency: 'EmergencyIntent',
  summary: 'SummaryIntent',
  whatsLeft: 'WhatsLeftIntent',
  lastStoppedEarly: 'LastStoppedEarlyIntent',
  whatsNext: 'WhatsNextIntent',
  tired: 'TiredIntent',
  endEarly: 'EndEarlyIntent',
  leaveOut: 'LeaveOutIntent',
  putBack: 'PutBackIntent',
  setReps: 'SetRepsIntent',
  useHold: 'UseHoldIntent',
  whatsThePlan: 'WhatsThePlanIntent',
  setReminder: 'SetReminderIntent',
  cancelReminder: 'CancelReminderIntent',
  /** Warning signs that are not an emergency: dizzy, sick, coughing, a cramp, a pop, a red and swollen calf. */
  warningSign: 'WarningSignIntent',
  /** A code for the therapist's report page (issue 15). */
  reportCode: 'ReportCodeIntent',
  /** "Do it again": one more set of the step just counted, asked first (issue 11); "say that again" is RepeatThat. */
  doItAgain: 'DoItAgainIntent',
  /**
   * Pain called strong in words ("she's in agony", "he's screaming in pain"): the same stop as ReportPainIntent, with
   * the advice to stop for today. Its own intent, not a slot, so no open slot catches "she's in a lot of pain".
   */
  strongPain: 'StrongPainIntent',
  // Custom twins of built-ins, one engine event each, same as the built-in's (handlers/intent-events.ts): Amazon
  // matches samples added to a built-in intent only word for word, so a phrasing family that must generalise
  // lives here and the built-in keeps only Amazon's own phrases.
  nextStep: 'NextStepIntent',
  goBack: 'GoBackIntent',
  repeatThat: 'RepeatThatIntent',
  startAgain: 'StartAgainIntent',
  pauseRoutine: 'PauseRoutineIntent',
  carryOn: 'CarryOnIntent',
  agree: 'AgreeIntent',
  helpMe: 'HelpMeIntent',
  goodbye: 'GoodbyeIntent',
  next: 'AMAZON.NextIntent',
  previous: 'AMAZON.PreviousIntent',
  repeat: 'AMAZON.RepeatIntent',
  startOver: 'AMAZON.StartOverIntent',
  pause: 'AMAZON.PauseIntent',
  resume: 'AMAZON.ResumeIntent',
  yes: 'AMAZON.YesIntent',
  no: 'AMAZON.NoIntent',
  help: 'AMAZON.HelpIntent',
  stop: 'AMAZON.StopIntent',
  cancel: 'AMAZON.CancelIntent',
  navigateHome: 'AMAZON.NavigateHomeIntent',
  fallback: 'AMAZON.FallbackIntent',
} as const;

export const SLOTS = {
  routine: 'routine',
  exercise: 'exercise',
  side: 'side',
  bodyPart: 'bodyPart',
  severity: 'severity',
  /** A group of exercises: "the neck ones", "the leg exercises". */
  region: 'region',
  /** "today" or "this week", on SummaryIntent. */
  period: 'period',
  /** A repetition count, on SetRepsIntent. */
  count: 'count',
  /** AMAZON.TIME, on SetReminderIntent. */
  time: 'time',
} as const;

export const SLOT_TYPES = {
  routine: 'ROUTINE',
  exercise: 'EXERCISE',
  side: 'SIDE',
  bodyPart: 'BODY_PART',
  region: 'REGION',
  period: 'PERIOD',
  number: 'AMAZON.NUMBER',
  time: 'AMAZON.TIME',
} as const;

/**
 * What each intent is for and its slots; the interaction-model source writes samples for every one.
 * SkipIntent may carry {region} ("skip the neck ones": today only), LeaveOutIntent and PutBackIntent
 * carry {exercise} or {region} (a plan change, confirmed), SetRepsIntent {count} and {exercise}
 * ("do five elbow bends"), UseHoldIntent {exercise}, SummaryIntent {period}, SetReminderIntent {time}.
 */
export const INTENT_SLOTS: Partial<Record<IntentName, ReadonlyArray<{ name: string; type: string }>>> = {
  [INTENTS.startRoutine]: [{ name: SLOTS.routine, type: SLOT_TYPES.routine }],
  [INTENTS.goToExercise]: [
    { name: SLOTS.exercise, type: SLOT_TYPES.exercise },
    { name: SLOTS.side, type: SLOT_TYPES.side },
  ],
  [INTENTS.reportPain]: [
    { name: SLOTS.bodyPart, type: SLOT_TYPES.bodyPart },
    { name: SLOTS.severity, type: SLOT_TYPES.number },
  ],
  [INTENTS.strongPain]: [{ name: SLOTS.bodyPart, type: SLOT_TYPES.bodyPart }],
  [INTENTS.skip]: [{ name: SLOTS.region, type: SLOT_TYPES.region }],
  [INTENTS.summary]: [{ name: SLOTS.period, type: SLOT_TYPES.period }],
  [INTENTS.leaveOut]: [
    { name: SLOTS.exercise, type: SLOT_TYPES.exercise },
    { name: SLOTS.region, type: SLOT_TYPES.region },
  ],
  [INTENTS.putBack]: [
    { name: SLOTS.exercise, type: SLOT_TYPES.exercise },
    { name: SLOTS.region, type: SLOT_TYPES.region },
  ],
  [INTENTS.setReps]: [
    { name: SLOTS.count, type: SLOT_TYPES.number },
    { name: SLOTS.exercise, type: SLOT_TYPES.exercise },
  ],
  [INTENTS.useHold]: [{ name: SLOTS.exercise, type: SLOT_TYPES.exercise }],
  [INTENTS.setReminder]: [{ name: SLOTS.time, type: SLOT_TYPES.time }],
};

export type IntentName = (typeof INTENTS)[keyof typeof INTENTS];

/**
 * Each custom twin and the built-in it stands in for: the handler sends the same engine event for both
 * (test/handlers checks it), so the two are one intent to the skill. The corpora label what was meant with the
 * built-in, and the stand-in's scores count either.
 */
export const TWIN_OF_BUILT_IN: Readonly<Partial<Record<IntentName, IntentName>>> = {
  [INTENTS.nextStep]: INTENTS.next,
  [INTENTS.goBack]: INTENTS.previous,
  [INTENTS.repeatThat]: INTENTS.repeat,
  [INTENTS.startAgain]: INTENTS.startOver,
  [INTENTS.pauseRoutine]: INTENTS.pause,
  [INTENTS.carryOn]: INTENTS.resume,
  [INTENTS.agree]: INTENTS.yes,
  [INTENTS.helpMe]: INTENTS.help,
  [INTENTS.goodbye]: INTENTS.stop,
};
