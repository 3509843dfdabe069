// Every sentence the skill speaks in US English. Written for us; the handout's facts, our own words.
import type { PreviousDay, RoutineChoice } from '../../engine/types';

const ROUTINE_NAMES: Record<RoutineChoice, string> = { legs: 'leg', arms: 'arm', everything: 'full' };
/** A routine as a part of the day's plan ("the arm exercises are still to do"). */
const PART_NAMES: Record<RoutineChoice, string> = { legs: 'leg exercises', arms: 'arm exercises', everything: 'exercises' };

export const EN_US = {
  therapist: 'therapist',
  emergencyNumber: 'nine one one',
  intro: (therapist: string) =>
    `Welcome to Range of Motion Coach. I'll guide you through the exercises the ${therapist} prescribed, one step at a time. ` +
    `This is not medical advice. If the ${therapist} taught you steps to relax tight muscles first, do those before we start.`,
  /** Said once, with the first welcome: every set-up speaks of it. */
  resistanceExplained: 'Each movement goes only as far as the point of resistance: where the limb first starts to feel tight or stiff.',
  introWithoutPlan: (therapist: string) =>
    `Welcome to Range of Motion Coach. I'll guide you through the general exercises from the handout, one step at a time. ` +
    `Please check with the ${therapist} which of them suit this person. This is not medical advice. ` +
    `If the ${therapist} taught you steps to relax tight muscles first, do those before we start.`,
  welcome: 'Welcome back to Range of Motion Coach.',
  newDay: (previous: PreviousDay) =>
    `Welcome back. Last time, ${previous.planned - previous.done} of the ${previous.planned} steps of the ${ROUTINE_NAMES[previous.routine]} routine were left unfinished. Today starts fresh.`,
  welcomeBack: 'Welcome back.',
  routineStarted: (routine: RoutineChoice, stepCount: number, minutes: number) =>
    `Let's do the ${ROUTINE_NAMES[routine]} routine. That's ${stepCount === 1 ? 'one step' : `${stepCount} steps`}, about ${minutes} minutes. Move slowly, and watch their face as you go.`,
  /** A long whole routine: the handout's point on fatigue, and the legs and arms can be done apart. */
  longRoutine: 'If that is too long in one go, you can do the legs and the arms at different times of the day.',
  nothingPlanned: (routine: RoutineChoice, therapist: string) =>
    `The ${therapist}'s plan has no ${ROUTINE_NAMES[routine]} exercises, so there's nothing to do there.`,
  // Sides are always the patient's: the caregiver faces them, so "the right side" alone is ambiguous.
  startOnSide: (side: string, limb: string) => `We'll start with their ${side} ${limb}. Stand on their ${side} side.`,
  walkRound: (side: string) => `Walk round to their ${side} side.`,
  nameWithSide: (name: string, side: string, limb: string) => `${name}, their ${side} ${limb}.`,
  sameAgain: (side: string, limb: string) => `Same again on their ${side} ${limb}.`,
  doseReps: (count: string) => `${count} slow repetitions.`,
  doseOneRep: 'One slow repetition.',
  doseHold: (seconds: string) => `One hold of ${seconds} seconds.`,
  doseHoldAsTolerated: (seconds: string) => `Hold only as long as it stays comfortable, up to ${seconds} seconds.`,
  /** An exercise done in two stages (the heel cord: knee bent, then straight), e.g. "Two holds of ten seconds: first ..., then straight." */
  doseTwoStages: (each: string, first: string, second: string) => `Two ${each}: first ${first}, then ${second}.`,
  stagedHolds: (seconds: string) => `holds of ${seconds} seconds`,
  stagedReps: (count: string) => (count === 'one' ? 'sets of one slow repetition' : `sets of ${count} slow repetitions`),
  /** Said in full at the first set-up of a session; the handout gives the reason not to force. */
  safetyRules: "Never force a movement: too much force can damage the joint. If they wince, stop at once; don't wait for the count.",
  winceShort: 'Watch their face, and stop if they wince.',
  /** The handout's general points, by the tag an exercise lists them with in the catalog (schema.ts GENERAL_CUES). */
  generalCues: {
    resistance: 'Move only to the point of resistance.',
    supported: 'Keep the limb supported the whole time.',
    oneJoint: 'One joint at a time: steady it with one hand, and move with the other.',
    swollen: 'If a joint is painful or swollen, move it extra gently.',
  },
  /** A general cue is left out when the set-up already said this word. */
  generalCueKeyWords: { resistance: 'resistance', supported: 'support', oneJoint: 'steady', swollen: 'swollen' },
  stageAgain: 'Same again.',
  setFinished: (step: string) => `That's the set for ${step}.`,
  skipped: (exercise: string) => `Okay, ${exercise} is skipped for today.`,
  painStop: (therapist: string) =>
    `Stop the movement now, and don't go any further. Gently ease the limb back to where it was resting, and keep it supported. Let the ${therapist} know this one hurt.`,
  strongPain: "That sounds strong. It's best to stop for today, and to call the doctor if it doesn't settle.",
  painStopNoStep: (therapist: string) => `Stop moving, and don't go any further. Let the ${therapist} know it hurt.`,
  emergency: (number: string) => `Stop the exercise now, and keep them still and supported. Call ${number} on a phone, right away.`,
  skipAfterPain: (what: string) => `To leave out ${what} for today, say skip.`,
  skipScopeLimb: (side: string, limb: string) => `the rest of their ${side} ${limb}`,
  skipScopePart: (part: string) => `the steps that move their ${part}`,
  skipScopeGroup: (group: string) => `the rest of the ${group}`,
  leftAfterPain: (count: number) => (count === 1 ? "Okay, I'll leave that step for today." : `Okay, I'll leave those ${count} steps for today.`),
  handsCheck: (what: string, plural: boolean) =>
    `Next would be ${what}. The handout describes ${plural ? 'these as movements' : 'this as a movement'} they make themselves, so the way to guide ${plural ? 'them' : 'it'} with your hands should come from a therapist.`,
  handsCheckNeck: 'the neck exercises',
  anotherSetOnce: (step: string) => `We've already done an extra set of ${step} today, so let's leave it there.`,
  anotherSetFullDose: (exercise: string) => `That's the plan's full amount of ${exercise} for today, so let's not do more.`,
  notAgainToday: (exercise: string) => `${exercise} hurt earlier, so we'll leave it for today.`,
  warningSign: (number: string) =>
    `Stop the exercise and let them rest, supported and comfortable. If it doesn't pass within a few minutes, or it comes back, call the doctor. If they struggle to breathe or have chest pain, call ${number}.`,
  afterEmergencyCheck: 'Earlier today I told you to call for help.',
  afterEmergencyStop: "Then let's leave the exercises for today. Let them rest, and call the doctor if you're unsure. Goodbye.",
  afterWarningSignCheck: 'Earlier today we stopped for a warning sign.',
  afterWarningSignStop: "Then let's leave the exercises for today. Let them rest, and call the doctor if it doesn't pass or comes back. Goodbye.",
  paceSlower: "Okay, slower. I'll give each movement more time.",
  paceFaster: "Okay, a little quicker, but still slow and steady.",
  paceSlowest: 'This is the slowest pace I have.',
  paceFastest: 'This is already the quickest pace. The movements should stay slow and steady.',
  voiceSlower: "Okay, I'll speak more slowly.",
  voiceSlowest: "I'm speaking as slowly as I can.",
  voiceNormal: "Okay, I'll speak at my normal speed.",
  paused: 'Paused, and your place is saved. To pick up again, say: Alexa, open range of motion coach.',
  goodbye: 'Okay. Your progress is saved. Goodbye.',
  // When the turn's write failed for good: the session ends, so nothing catches up, and the caregiver is told.
  pausedUnsaved: "Paused. I couldn't save your place just now, so next time we may start a step or two back. To pick up again, say: Alexa, open range of motion coach.",
  goodbyeUnsaved: "Okay. I couldn't save the last steps just now, so next time we may start a step or two back. Goodbye.",
  endedEarlyUnsaved: "Okay, we'll stop here for today. I couldn't save the last steps just now. Goodbye.",
  routineFinished: "That was the last one. Today's routine is done.",
  routinePassedOver: 'That was the last one in order, but some steps were passed over.',
  partFinished: (routine: RoutineChoice) => `That was the last one. The ${PART_NAMES[routine]} are done for today.`,
  alreadyDoneToday: "Today's routine is already done.",
  partDoneToday: (done: RoutineChoice) => `The ${PART_NAMES[done]} are done for today.`,
  lastRoutineOffered: (routine: RoutineChoice) => `Last time it was the ${ROUTINE_NAMES[routine]} routine.`,
  restLater: "Okay, later then. Open Range of Motion Coach when you're ready for the rest.",
  routineLeftStarted: (routine: RoutineChoice, stepCount: number, minutes: number) =>
    `Let's do what's left of the ${ROUTINE_NAMES[routine]} routine. That's ${stepCount === 1 ? 'one step' : `${stepCount} steps`}, about ${minutes} minutes. Move slowly, and watch their face as you go.`,
  summaryNothing: 'Nothing has been done yet today.',
  summaryCounts: (done: number, planned: number, routine: RoutineChoice) =>
    `Today: ${done} of ${planned} steps of the ${ROUTINE_NAMES[routine]} routine done.`,
  summaryList: (label: string, names: string[]) => `${label}: ${names.join('; ')}.`,
  summaryLabels: { stoppedEarly: 'Stopped early', cutShort: 'Cut short', skipped: 'Skipped' },
  summaryRemaining: (count: number) => (count === 1 ? 'One step is left.' : `${count} steps are left.`),
  summaryCardTitle: "Today's range of motion",
  cardHeading: (date: string, routine: string) => `${date}: ${routine}`,
  cardRoutine: { legs: 'leg exercises', arms: 'arm exercises', everything: 'all exercises' } as Record<RoutineChoice, string>,
  cardOutcome: { completed: 'done', cutShort: 'cut short', stoppedEarly: 'stopped before the end', skipped: 'skipped', notReached: 'not reached' } as Record<string, string>,
  cardDose: (reps: number | null, holdSeconds: number | null) => (reps !== null ? `${reps} reps` : `${holdSeconds} s hold`),
  cardRow: (step: string, outcome: string, done: string | null, planned: string) => `- ${step}: ${outcome}${done === null ? '' : `, ${done}`} (plan ${planned})`,
  cardDays: (days: number) => `Days exercised in the last 7: ${days}`,
  cardReviewed: (date: string, therapist: string) => `Plan last reviewed by the ${therapist}: ${date}`,
  cardNoPlan: (therapist: string) => `No plan file from the ${therapist}: the handout's general routine`,
  weekCardTitle: "This week's range of motion",
  weekDays: (days: number) => `This week: exercises on ${days} of the last 7 days.`,
  weekStops: (items: string[]) => `Stopped early this week: ${items.join('; ')}.`,
  endedEarlyAdvice: (days: number, therapist: string) =>
    `The routine ended early on ${days} days this week. If it often tires them, the ${therapist} can shorten it.`,
  fatigueAdvice: (days: number, therapist: string) =>
    `Tiredness ended the routine on ${days} days this week. If the exercises are tiring, the advice is to talk to the ${therapist}.`,
  painDetail: (step: string, bodyPart: string | null, severity: number | null) =>
    [step, bodyPart === null ? null : `${bodyPart}`, severity === null ? null : `${severity} out of 10`].filter((x) => x !== null).join(', '),
  painDetailsLabel: 'Pain reported today',
  whatsLeftNone: 'Nothing is left for today.',
  whatsLeft: (count: number, names: string[], more: number) =>
    `${count === 1 ? 'One step is' : `${count} steps are`} left: ${names.join('; ')}${more > 0 ? `, and ${more} more` : ''}.`,
  lastStopNone: 'Nothing has had to stop early lately.',
  lastStop: (step: string, when: string) => `The last early stop was ${step}, ${when}.`,
  whenToday: 'today',
  whenYesterday: 'yesterday',
  whenOn: (date: string) => `on ${date}`,
  whatsNext: (step: string) => `Next is ${step}.`,
  whatsNextNone: "That's the last step for today.",
  endedEarly: "Okay, we'll stop here for today. Everything so far is saved. Goodbye.",
  restAdvice: (therapist: string) => `Resting is the right call. If the routine often tires them, the ${therapist} can make it shorter.`,
  groupNames: { legs: 'leg exercises', trunk: 'lower back exercise', arms: 'arm exercises', neck: 'neck exercises' } as Record<string, string>,
  skippedGroup: (group: string) => `Okay, the ${group} are skipped for today.`,
  planLeftOut: (what: string, plural: boolean) => `Done. ${what} will be left out until you put ${plural ? 'them' : 'it'} back.`,
  planPutBack: (what: string, plural: boolean) => `Done. ${what} ${plural ? 'are' : 'is'} back in the plan.`,
  planReps: (exercise: string, reps: number) => `Done. ${exercise} is now ${reps} repetitions.`,
  planHold: (exercise: string) => `Done. ${exercise} is now done as a hold.`,
  planHoldNotAllowed: (exercise: string) =>
    `${exercise} moves two ways, so it stays as repetitions. Only the stretches can be done as a hold.`,
  planAboveDose: (therapist: string) =>
    `I can't raise that by voice. Going above the plan's dose needs a new plan file from the ${therapist}.`,
  planNotInPlan: (what: string, therapist: string) => `${what} isn't in the ${therapist}'s plan, so only a new plan file can add it.`,
  planNothingToChange: "That's already how the plan is.",
  planDeclined: 'Okay, the plan stays as it is.',
  planCount: (count: number) => `The plan has ${count} exercises.`,
  planLeftOutList: (names: string[]) => `Left out for now: ${names.join('; ')}.`,
  planOneSide: (names: string[]) => `Only one side: ${names.join('; ')}.`,
  planBuildingUp: (names: string[]) => `Still building up: ${names.join('; ')}.`,
  planMostBuildingUp: (count: number) => `${count} exercises are still building up toward the plan's dose.`,
  planReviewed: (date: string, therapist: string) => `The ${therapist} last reviewed it ${date}.`,
  planNoFile: (therapist: string) => `It is the handout's full routine; the ${therapist} hasn't set a plan file.`,
  newPlanInUse: (date: string, therapist: string, voiceChangesCleared: boolean) =>
    `The ${therapist}'s new plan, reviewed ${date}, is in use` +
    (voiceChangesCleared ? '; the changes made by voice to the earlier plan are set aside.' : '.'),
  reviewSuggested: (therapist: string) =>
    `The plan was last reviewed more than three months ago. It may be time to ask the ${therapist} to look at it again.`,
  spokenTime: (hour: number, minute: number) =>
    `${hour % 12 === 0 ? 12 : hour % 12}${minute === 0 ? '' : `:${String(minute).padStart(2, '0')}`} ${hour < 12 ? 'a.m.' : 'p.m.'}`,
  reminderSet: (time: string) => `Done. Every day at ${time}, I'll remind you it's time for the routine.`,
  reminderCancelled: 'The daily reminder is cancelled.',
  noReminder: "There's no daily reminder set.",
  reminderFailed: "Sorry, I couldn't change the reminder just now. Everything else still works.",
  planUnavailable: "I can't reach the exercise plan just now, so let's not start anything yet. Please try again in a minute.",
  reminderNoZone: "I couldn't check this device's time zone just now, so I haven't set the reminder. Please ask again in a minute.",
  reminderNeedsTime: 'What time each day? You can say, for example: remind me every day at ten a.m.',
  reminderDeclined: 'Okay, no reminder.',
  reminderPermission: 'To set reminders, I need your permission first.',
  reminderPermissionCard: "To allow reminders, open the Alexa app. I've sent a card there.",
  reminderLabel: "Time for today's range of motion routine.",
  reportCode: {
    digitWords: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
    said: (first: string, second: string) =>
      `Your report code is: ${first}, ${second}. Again: ${first}, ${second}. It works once, within ten minutes. I've put it on a card in the Alexa app, with the page's address.`,
    failed: "Sorry, I couldn't make a report code just now. Please ask again in a minute.",
    cardTitle: 'Report code for the therapist',
    card: (code: string, address: string | null) =>
      `Code: ${code}\nOpen ${address ?? 'the report page'} on a phone or computer and type the code. It works once, within ten minutes.`,
  },
  therapistSuggested: (exercise: string, therapist: string) =>
    `That's the second time this week ${exercise} had to stop. It would be good to talk to the ${therapist} about it.`,
  notUnderstood: "Sorry, I didn't catch that.",
  /** Said first when a word was not caught inside a routine: how to stop comes before anything else. */
  notUnderstoodInRoutine: "Sorry, I didn't catch that. If something is wrong, say stop, that hurts, or emergency.",
  movedOnElsewhere: 'The routine moved on from another device, so here is where it is now.',
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
      "During a routine you can say next, say that again, go back, skip, slower, or pause. After a set, do it again asks for one more. If anything hurts, say that hurts. If something is seriously wrong, like chest pain or trouble breathing, say emergency. You can interrupt me at any time by saying Alexa first.",
  },
  prompts: {
    chooseRoutine: { speech: 'Which routine today: legs, arms, or everything?', reprompt: 'Say legs, arms, or everything.' },
    sayReady: { speech: 'Say ready when your hands are in place.', reprompt: 'Say ready to start the set, skip, or pause.' },
    afterSetNext: (next: string) => `Next is ${next}. Say next when you're ready.`,
    afterSetLast: 'That was the last step. Say next to finish.',
    afterSetReprompt: 'Say next, go back, or pause.',
    confirmHands: (what: string, plural: boolean) =>
      `Has the therapist shown you how to ${what}? Say yes to do ${plural ? 'them' : 'it'}, or no to leave ${plural ? 'them' : 'it'} out.`,
    confirmHandsNeck: 'move their neck',
    confirmHandsExercise: (exercise: string) => `do the ${exercise} with them`,
    confirmHandsReprompt: 'Has a therapist shown you how? Say yes or no.',
    anotherSet: (step: string, amount: string) => `One more set of ${step}, ${amount}? Say yes or no.`,
    anotherSetReps: (n: string) => (n === 'one' ? 'one repetition' : `${n} repetitions`),
    anotherSetHold: (n: string) => `a hold of ${n} seconds`,
    afterPainNext: (next: string) => `Next is ${next}, only if that is comfortable. When they're settled, say next. Or say stop to rest for today.`,
    afterPainLast: "That was the last step. Say next to finish, or stop to rest for today.",
    afterPainReprompt: 'Say next when they are settled, skip, or stop to rest for today.',
    routineDone: { speech: 'You can ask for a summary, or say stop.', reprompt: 'Say summary, or stop.' },
    continueOrRestart: (step: string) => `You were on ${step}. Say continue, or start over.`,
    continueOrRestartReprompt: 'Say continue, or start over.',
    wasSetFinished: (step: string) => `Last time I counted the set for ${step}. Did you finish it? Say yes or no.`,
    yesOrNo: 'Say yes or no.',
    wantSummary: { speech: 'Would you like a short summary?', reprompt: 'Would you like a summary? Say yes or no.' },
    confirmLeaveOut: (what: string) => `Leave out ${what} until you put it back? Say yes or no.`,
    confirmPutBack: (what: string) => `Put ${what} back into the plan? Say yes or no.`,
    confirmReps: (exercise: string, reps: number) => `Set ${exercise} to ${reps} repetitions? Say yes or no.`,
    confirmHold: (exercise: string) => `Do ${exercise} as a hold instead of repetitions? Say yes or no.`,
    leaveOutUntilReview: (exercise: string, therapist: string) =>
      `Would you like to leave ${exercise} out until you've talked to the ${therapist}? Say yes or no.`,
    endEarly: (step: string) => `Would you like to finish ${step} first? Say yes, or say stop to end now.`,
    offerRest: (rest: RoutineChoice) => ({
      speech: `Do you want to do the ${rest === 'everything' ? 'rest of the exercises' : PART_NAMES[rest]} now? Say yes, or no for later.`,
      reprompt: 'Say yes to carry on now, or no for later.',
    }),
    checkedAfterEmergency: 'Have they been checked, and are they comfortable now? Say yes to carry on, or no to rest for today.',
    safetyCheckReprompt: 'Say yes to carry on, or no to rest for today.',
    checkedAfterWarningSign: 'Has it passed completely, and are they comfortable now? Say yes to carry on, or no to rest for today.',
    confirmReminder: (time: string) => `Shall I set a reminder every day at ${time} for the routine? Say yes or no.`,
    replaceReminder: (old: string, time: string) =>
      `You already have a daily reminder at ${old}. Shall I move it to ${time} every day? Say yes or no.`,
    endEarlyReprompt: 'Say yes to finish the other side, or stop to end now.',
    secondRound: {
      speech: 'The routine is already done today, and once a day is the advice. Do you want to go through it again anyway?',
      reprompt: 'Do you want to do the routine again today? Say yes or no.',
    },
  },
};

export type LocaleStrings = typeof EN_US;
