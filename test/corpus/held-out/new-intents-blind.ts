// Blind held-out rows for the intents added after the first held-out corpus was frozen (issue 11 and 15): written by
// someone who had not seen the sample utterances or the training corpus, and never used to revise the samples.
// When a miss among them is used to fix the model, the row moves to the training corpus and a new unseen row replaces it.
// The writer labelled strong pain as ReportPainIntent with a strength slot; the model made it its own intent
// (StrongPainIntent, same kind), so those rows were relabelled to it, words unchanged, before the first score.
import { INTENTS } from '../../../lambda/intents';
import type { IntentName } from '../../../lambda/intents';
import type { CorpusEntry } from '../corpus';

/** Another set of the exercise just counted (not "say that again"). */
const DO_IT_AGAIN = INTENTS.doItAgain;

type Slots = Record<string, string>;
const entry =
  (locale: CorpusEntry['locale']) =>
  (utterance: string, intent: IntentName, slots?: Slots): CorpusEntry =>
    (slots === undefined ? { locale, utterance, intent } : { locale, utterance, intent, slots }) as CorpusEntry;
const us = entry('en-US');
const gb = entry('en-GB');
const au = entry('en-AU');
const ca = entry('en-CA');
const ind = entry('en-IN');

export const NEW_INTENTS_HELD_OUT: readonly CorpusEntry[] = [
  // Another set of the same exercise, straight after one was counted (16).
  us('okay do that again', DO_IT_AGAIN),
  us("let's go again on that one", DO_IT_AGAIN),
  us('um can we do another round of those', DO_IT_AGAIN),
  us('she can do one more set', DO_IT_AGAIN),
  us('he wants to do it one more time', DO_IT_AGAIN),
  us("let's repeat that exercise", DO_IT_AGAIN),
  us('same one again please', DO_IT_AGAIN),
  us('do another set of that', DO_IT_AGAIN),
  us("okay so let's run through that one again", DO_IT_AGAIN),
  us('um one more set of that please', DO_IT_AGAIN),
  gb('could we have another go at that one', DO_IT_AGAIN),
  gb("let's have another go at her arm", DO_IT_AGAIN),
  au("righto let's do that lot again", DO_IT_AGAIN),
  ca("let's do another set of those eh", DO_IT_AGAIN),
  ind('do the same exercise once again', DO_IT_AGAIN),
  ind('please do one more set of the same', DO_IT_AGAIN),

  // Say the instructions again: nothing more is done (10).
  us('sorry what was that', INTENTS.repeatThat),
  us("i didn't catch that", INTENTS.repeatThat),
  us('um can you say that again', INTENTS.repeatThat),
  us("what'd you say", INTENTS.repeatThat),
  us('the dog was barking what did you say', INTENTS.repeatThat),
  us('come again i missed the instructions', INTENTS.repeatThat),
  gb("pardon i didn't hear you", INTENTS.repeatThat),
  au('what was the last bit you said', INTENTS.repeatThat),
  ca('can you tell me the steps again', INTENTS.repeatThat),
  ind('please say the instructions once more', INTENTS.repeatThat),

  // Severe pain in words, no number (12).
  us("she's in agony", INTENTS.strongPain),
  us("he's screaming in pain", INTENTS.strongPain),
  us("um she's crying it hurts so bad", INTENTS.strongPain),
  us('his knee is excruciating', INTENTS.strongPain, { bodyPart: 'knee' }),
  us('the pain in her hip is unbearable', INTENTS.strongPain, { bodyPart: 'hip' }),
  us('okay stop her shoulder is in terrible pain', INTENTS.strongPain, { bodyPart: 'shoulder' }),
  us("it's the worst pain he's ever had in his foot", INTENTS.strongPain, { bodyPart: 'foot' }),
  gb("he's in absolute agony with his ankle", INTENTS.strongPain, { bodyPart: 'ankle' }),
  gb("she's got really bad pain in her wrist", INTENTS.strongPain, { bodyPart: 'wrist' }),
  au("he's howling it's agony", INTENTS.strongPain),
  ca('she has tears in her eyes her elbow hurts so much', INTENTS.strongPain, { bodyPart: 'elbow' }),
  ind('she is having very severe pain in her neck', INTENTS.strongPain, { bodyPart: 'neck' }),

  // Warning signs that are not an emergency (14).
  us("she says she's dizzy", INTENTS.warningSign),
  us('um he feels kind of faint', INTENTS.warningSign),
  us("he's a bit lightheaded", INTENTS.warningSign),
  us("she's a little short of breath", INTENTS.warningSign),
  us("he won't stop coughing", INTENTS.warningSign),
  us('i heard a pop in her knee', INTENTS.warningSign),
  us('something clicked in his shoulder', INTENTS.warningSign),
  us('okay so her calf looks red and swollen', INTENTS.warningSign),
  gb("he's gone very pale", INTENTS.warningSign),
  gb("she's feeling a bit queasy", INTENTS.warningSign),
  au("he's all clammy and sweaty", INTENTS.warningSign),
  ca('her calf feels hot to the touch', INTENTS.warningSign),
  ind('he is feeling giddy', INTENTS.warningSign),
  ind('she is feeling like vomiting', INTENTS.warningSign),

  // The code for the therapist's report page (8).
  us("what's the report code", INTENTS.reportCode),
  us('um i need the code for the therapist', INTENTS.reportCode),
  us('give me the code for her progress page', INTENTS.reportCode),
  us('what code do i type in on the website', INTENTS.reportCode),
  gb('can i have the code for the physio', INTENTS.reportCode),
  au("the physio wants to see how he's going what's the code", INTENTS.reportCode),
  ca('i need the access code for the report page', INTENTS.reportCode),
  ind('kindly tell me the code for the report', INTENTS.reportCode),
];

/**
 * Blind rows that turned out to be samples or training rows already, written independently before these rows were
 * read: "sorry what was that", "i didn't catch that", "do that again", "one more set of that" (samples) and the training
 * row "same one again" long before (a filler like "okay" or "um" aside); the two
 * strong-pain phrasings as samples of StrongPainIntent in the same change, before this file was opened. They stay,
 * counted.
 */
export const BLIND_ROWS_ALREADY_SEEN: readonly string[] = ['sorry what was that', "i didn't catch that", 'okay do that again', 'um one more set of that please', 'same one again please', "she's in agony", "he's screaming in pain"];
