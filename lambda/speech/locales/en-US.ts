// Every sentence the skill speaks in US English. Written for us; the handout's facts, our own words.
import type { PreviousDay, RoutineChoice } from '../../engine/types';

const ROUTINE_NAMES: Record<RoutineChoice, string> = { legs: 'leg', arms: 'arm', everything: 'full' };

export const EN_US = {
  therapist: 'therapist',
  intro: (therapist: string) =>
    `Welcome to Range of Motion Coach. I'll guide you through the exercises the ${therapist} prescribed, one step at a time. ` +
    `This is not medical advice. If the ${therapist} taught you steps to relax tight muscles first, do those before we start.`,
  welcome: 'Welcome back to Range of Motion Coach.',
  newDay: (previous: PreviousDay) =>
    `Welcome back. Last time, ${previous.planned - previous.done} of the ${previous.planned} steps of the ${ROUTINE_NAMES[previous.routine]} routine were left unfinished. Today starts fresh.`,
  welcomeBack: 'Welcome back.',
  routineStarted: (routine: RoutineChoice, stepCount: number) =>
    `Let's do the ${ROUTINE_NAMES[routine]} routine. That's ${stepCount} steps. Move slowly, and watch their face as you go.`,
  startOnSide: (side: string) => `We'll start on the ${side} side.`,
  moveRound: (side: string) => `Now move round to the ${side} side.`,
  doseReps: (count: string) => `${count} slow repetitions.`,
  doseOneRep: 'One slow repetition.',
  doseHold: (seconds: string) => `One hold of ${seconds} seconds.`,
  doseHoldAsTolerated: (seconds: string) => `Hold only as long as it stays comfortable, up to ${seconds} seconds.`,
  wince: "If they wince, stop at once. Don't wait for the count.",
  generalCues: [
    'Move only to the point of resistance, and never force a movement.',
    'Keep the limb supported the whole time.',
    'One joint at a time. Steady the joint with one hand, and move with the other.',
    'If a joint is painful or swollen, move it extra gently.',
  ],
  interruptHint: 'To stop during a set, say Alexa, then stop, or Alexa, that hurts.',
  stageAgain: 'Same again.',
  holdMoveIn: 'Slowly move into the stretch, only to the point of resistance.',
  holdNow: 'Hold it there.',
  holdEaseBack: 'And slowly ease back.',
  setFinished: (step: string) => `That's the set for ${step}.`,
  skipped: (exercise: string) => `Okay, ${exercise} is skipped for today.`,
  painStop: (therapist: string) =>
    `Stop the movement now, and don't go any further. Let the ${therapist} know this one hurt.`,
  painStopNoStep: (therapist: string) => `Stop moving, and don't go any further. Let the ${therapist} know it hurt.`,
  emergency: 'Stop the exercise now. Call your local emergency number on a phone, right away.',
  paceSlower: "Okay, slower. I'll give each movement more time.",
  paceFaster: "Okay, a little quicker, but still slow and steady.",
  paceSlowest: 'This is the slowest pace I have.',
  paceFastest: 'This is already the quickest pace. The movements should stay slow and steady.',
  voiceSlower: "Okay, I'll speak more slowly.",
  voiceSlowest: "I'm speaking as slowly as I can.",
  voiceNormal: "Okay, I'll speak at my normal speed.",
  paused: 'Paused, and your place is saved. To pick up again, say: Alexa, open range of motion coach.',
  goodbye: 'Okay. Your progress is saved. Goodbye.',
  routineFinished: "That was the last one. Today's routine is done.",
  alreadyDoneToday: "Today's routine is already done.",
  summaryNothing: 'Nothing has been done yet today.',
  summaryCounts: (done: number, planned: number, routine: RoutineChoice) =>
    `Today: ${done} of ${planned} steps of the ${ROUTINE_NAMES[routine]} routine done.`,
  summaryList: (label: string, names: string[]) => `${label}: ${names.join('; ')}.`,
  summaryLabels: { stoppedEarly: 'Stopped early', cutShort: 'Cut short', skipped: 'Skipped' },
  summaryRemaining: (count: number) => (count === 1 ? 'One step is left.' : `${count} steps are left.`),
  summaryCardTitle: "Today's range of motion",
  notUnderstood: "Sorry, I didn't catch that.",
  progressReset: "I couldn't read the saved progress, so we're starting fresh today.",
  errorApology: 'Sorry, something went wrong on my side.',
  errorPrompt: { speech: 'Please say that again, or say stop.', reprompt: 'Say that again, or say stop.' },
  notAvailable: {
    noRoutine: "We haven't started a routine yet.",
    noQuestion: "I didn't ask a question just then.",
    atFirstStep: "This is the first step, so there's nothing before it.",
    setAlreadyDone: 'That set is done.',
    routineDone: "Today's routine is finished.",
  },
  notInRoutine: (exercise: string, routine: RoutineChoice) => `${exercise} isn't part of the ${ROUTINE_NAMES[routine]} routine.`,
  help: {
    choosing: 'I guide the range of motion exercises, and count every repetition and hold for you.',
    settingUp: "I've just described how to get into position. When you're ready, I'll count the whole set.",
    setDelivered: 'I just counted a set.',
    stoppedForPain: 'We stopped because it hurt.',
    finished: "Today's routine is done.",
    commands:
      "During a routine you can say next, repeat, go back, skip, slower, or pause. If anything hurts, say that hurts. You can interrupt me at any time by saying Alexa first.",
  },
  prompts: {
    chooseRoutine: { speech: 'Which routine today: legs, arms, or everything?', reprompt: 'Say legs, arms, or everything.' },
    sayReady: { speech: 'Say ready when your hands are in place.', reprompt: 'Say ready to start the set, skip, or pause.' },
    afterSetNext: (next: string) => `Next is ${next}. Say next when you're ready, or repeat to do this one again.`,
    afterSetLast: 'That was the last step. Say next to finish, or repeat to do it again.',
    afterSetReprompt: 'Say next, repeat, or pause.',
    afterPainNext: (next: string) => `Next is ${next}, only if that is comfortable. Say next to move on, skip, or pause.`,
    afterPainLast: 'That was the last step. Say next to finish, or pause.',
    afterPainReprompt: 'Say next to move on, skip, or pause.',
    routineDone: { speech: 'You can ask for a summary, or say stop.', reprompt: 'Say summary, or stop.' },
    continueOrRestart: (step: string) => `You were on ${step}. Say continue, or start over.`,
    continueOrRestartReprompt: 'Say continue, or start over.',
    wasSetFinished: (step: string) => `Last time I counted the set for ${step}. Did you finish it? Say yes or no.`,
    repeatAfterPain: (step: string) => `That hurt a moment ago. Only if it is comfortable now, do you want to try ${step} again, gently? Say yes or no.`,
    yesOrNo: 'Say yes or no.',
    wantSummary: { speech: 'Would you like a short summary?', reprompt: 'Would you like a summary? Say yes or no.' },
    secondRound: {
      speech: 'The routine is already done today, and once a day is the advice. Do you want to go through it again anyway?',
      reprompt: 'Do you want to do the routine again today? Say yes or no.',
    },
  },
};

export type LocaleStrings = typeof EN_US;
