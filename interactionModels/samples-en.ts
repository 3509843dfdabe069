// Sample utterances in English, per intent. Phrasing differences between markets are layered on later.
import { INTENTS, SLOTS } from '../lambda/intents';

const r = `{${SLOTS.routine}}`;
const x = `{${SLOTS.exercise}}`;
const side = `{${SLOTS.side}}`;
const part = `{${SLOTS.bodyPart}}`;
const level = `{${SLOTS.severity}}`;

/** Expands "a|b c" style shorthand is avoided on purpose: every sample is written out so it can be read. */
export const SAMPLES_EN: Record<string, readonly string[]> = {
  [INTENTS.startRoutine]: [
    `start the ${r}`, `start ${r}`, `start the ${r} exercises`, `start ${r} exercises`, `start the ${r} routine`,
    `do the ${r}`, `do ${r}`, `do the ${r} exercises`, `do the ${r} routine`, `let's do the ${r}`, `let's do ${r}`,
    `let's do the ${r} exercises`, `begin the ${r} exercises`, `begin the ${r}`, `${r}`, `the ${r}`, `${r} please`,
    `${r} today`, `the ${r} please`, `we'll do ${r}`, `we'll do the ${r}`, `let's start with the ${r}`,
    `start`, `start a routine`, `start the exercises`, `start the routine`, `let's begin`, `begin`, `start exercising`,
    `let's get started`, `do the exercises`, `do our exercises`,
  ],
  [INTENTS.ready]: [
    'ready', "i'm ready", "we're ready", 'go', 'go ahead', 'okay go', 'hands are in place', 'my hands are in place',
    "we're in position", 'in position', "let's go", 'ready to go', 'okay ready', 'all set', "we're all set",
    'start the set', 'begin the set', 'count it', 'start counting', 'ready now', 'yes ready', 'set',
  ],
  [INTENTS.skip]: [
    'skip', 'skip this', 'skip this one', 'skip it', 'skip this exercise', 'skip that one', 'skip that',
    'leave this one out today', 'not this one today', "we'll skip this one", 'pass on this one', "let's skip this one",
  ],
  [INTENTS.goToExercise]: [
    `go to ${x}`, `go to the ${x}`, `go to ${x} on the ${side}`, `go to the ${side} ${x}`, `go to the ${x} on the ${side}`,
    `do the ${x}`, `let's do the ${x} now`, `switch to ${x}`, `switch to the ${x}`, `jump to ${x}`, `jump to the ${x}`,
    `${x}`, `the ${x} now`, `do the ${x} on the ${side}`, `do the ${side} ${x}`, `${side} ${x}`, `can we do the ${x}`,
    `take me to ${x}`, `take me to the ${x}`,
  ],
  [INTENTS.slower]: [
    'slower', 'slow down', 'go slower', 'a bit slower', 'move slower', 'slower please', "that's too fast", 'too fast',
    'slow it down', 'take it slower', 'slow the pace', 'a little slower', 'slow down the count', 'count slower',
  ],
  [INTENTS.faster]: [
    'faster', 'a bit faster', 'go faster', 'speed up', "that's too slow", 'too slow', 'quicker', 'a little quicker',
    'pick up the pace', 'a little faster', 'count faster',
  ],
  [INTENTS.speakSlower]: [
    'speak more slowly', 'speak slower', 'talk slower', 'talk more slowly', "you're talking too fast",
    "you're speaking too fast", 'slow your voice down', 'speak slowly', 'talk slowly', 'say it more slowly',
  ],
  [INTENTS.speakNormal]: [
    'speak normally', 'talk normally', 'normal speed', 'speak at normal speed', 'talk at normal speed', 'speak faster',
    'talk faster', 'normal voice', 'your normal speed',
  ],
  [INTENTS.reportPain]: [
    'that hurts', 'it hurts', 'ow', 'ouch', 'owww', 'that hurts her', 'that hurts him', "she's in pain", "he's in pain",
    `it hurts her ${part}`, `it hurts his ${part}`, `her ${part} hurts`, `his ${part} hurts`, `she says her ${part} hurts`,
    `he says his ${part} hurts`, 'stop that hurts', 'ow stop', 'stop it hurts', 'pain', "she's hurting", "he's hurting",
    "that's painful", "it's painful", `pain in her ${part}`, `pain in his ${part}`, `she's in pain about a ${level}`,
    `he's in pain about a ${level}`, `pain level ${level}`, `it's a ${level} out of ten`, `about a ${level}`,
    "that's too far", 'too far', 'she winced', 'he winced', `my ${part} hurts`, `it hurts my ${part}`,
    'she says it hurts', 'he says it hurts', 'that hurt', 'it hurt', `her ${part} is sore`, `his ${part} is sore`,
    'she is in pain', 'he is in pain', 'she says that hurts', 'he says that hurts', `it hurts her ${part} about a ${level}`,
  ],
  [INTENTS.emergency]: [
    "she can't breathe", "he can't breathe", "they can't breathe", "she's not breathing", "he's not breathing",
    "he's choking", "she's choking", 'he fell', 'she fell', "she's fallen", "he's fallen", 'call an ambulance',
    'get an ambulance', 'emergency', 'this is an emergency', "it's an emergency", 'call nine one one', 'call for help',
    'she passed out', 'he passed out', "she's unconscious", "he's unconscious", "she's having a seizure",
    "he's having a seizure", 'she has chest pain', 'he has chest pain', 'she is choking', 'he is choking',
    "she can't swallow", "he can't swallow", 'she is not breathing', 'he is not breathing',
  ],
  [INTENTS.summary]: [
    'give me a summary', 'summary', 'a summary', 'how did we do', 'how are we doing', 'how did we do today',
    'what have we done', 'what have we done today', 'what did we do today', 'how much is left', "what's left",
    'tell me how we did', 'summarize', 'progress report', 'give me the summary', 'summary please', 'how far have we got',
  ],
  [INTENTS.next]: ['next one', 'next exercise', 'move on', "let's move on", "we're done with this one", 'done', 'finished', 'all done with that one', 'the next one'],
  [INTENTS.previous]: ['back', 'previous one', 'go back one', 'the one before', 'last one again'],
  [INTENTS.repeat]: ['again', 'do that again', 'one more time', 'repeat that', 'do it again', 'do that one again', 'same again'],
  [INTENTS.startOver]: ['start over', 'restart', 'start from the beginning', 'from the top', 'start again from the beginning'],
  [INTENTS.pause]: ['hold on', 'wait', 'take a break', 'pause the routine', 'pause for now', 'we need a break'],
  [INTENTS.resume]: ['continue', 'keep going', 'carry on', "let's continue", 'pick up where we left off', 'resume the routine'],
  [INTENTS.yes]: [],
  [INTENTS.no]: [],
  [INTENTS.help]: ['what can i say', 'what do i say', 'help me'],
  [INTENTS.stop]: [],
  [INTENTS.cancel]: [],
  [INTENTS.navigateHome]: [],
  [INTENTS.fallback]: [],
};

export const INTENT_SLOTS: Record<string, ReadonlyArray<{ name: string; type: string }>> = {
  [INTENTS.startRoutine]: [{ name: SLOTS.routine, type: 'ROUTINE' }],
  [INTENTS.goToExercise]: [{ name: SLOTS.exercise, type: 'EXERCISE' }, { name: SLOTS.side, type: 'SIDE' }],
  [INTENTS.reportPain]: [{ name: SLOTS.bodyPart, type: 'BODY_PART' }, { name: SLOTS.severity, type: 'AMAZON.NUMBER' }],
};
