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
} as const;

export const SLOT_TYPES = {
  routine: 'ROUTINE',
  exercise: 'EXERCISE',
  side: 'SIDE',
  bodyPart: 'BODY_PART',
  number: 'AMAZON.NUMBER',
} as const;

export type IntentName = (typeof INTENTS)[keyof typeof INTENTS];
