// The console's NLU stand-in, second stage: a statistical intent classifier trained from the locale's generated
// interaction model with nlp.js (@nlpjs/neural, the classifier behind nlp.js's NluNeural, and the English stemmer
// of @nlpjs/lang-en-min). It is trained on
// - every sample of every custom intent, with its slots filled from the slot values and synonyms (a few fillings
//   per sample, so every value is seen),
// - the common phrases of the AMAZON built-ins the model declares (builtin-intents.ts), but never the samples a
//   model adds to a built-in: Amazon says those trigger the built-in only on an exact match (the first stage),
// - a generic out-of-domain set (out-of-domain.ts) as the class "None", standing in for the out-of-domain data
//   Alexa's fallback model is trained with.
// Features are stems, pairs of neighbouring stems, and the slot types of the phrases in the utterance: a span
// that is a value or synonym of a custom slot type becomes that type ("@EXERCISE"), a number "@NUMBER", so a
// carrier phrase learnt with one exercise generalises to every other. Words the classifier never saw count
// towards "None", as in nlp.js's NluNeural. The answer is the best intent with its share of the score; the
// resolver sends AMAZON.FallbackIntent for "None" and below the threshold of the model's fallbackIntentSensitivity.
//
// It is not Alexa's NLU: Alexa's models, built-in intent data and fallback data are Amazon's and unpublished.
import { createHash } from 'node:crypto';
import { StemmerEn } from '@nlpjs/lang-en-min';
import { NeuralNetwork, type NeuralInput, type NeuralJson } from '@nlpjs/neural';
import { BUILTIN_PHRASES, FALLBACK_INTENT, isAmazonBuiltin } from './builtin-intents';
import type { InteractionModel, ModelSlotType } from './interaction-model';
import { OUT_OF_DOMAIN } from './out-of-domain';
import { parseSpokenNumber } from './spoken-number';
import { spokenWords, tokenizeSample } from './utterance-text';

export const NONE = 'None';
/** Bump when features or training change, so cached networks are retrained. */
export const STAND_IN_VERSION = 'nlpjs-neural-2';

export type Classification = { intent: string; score: number };

export type Classifier = {
  /** Intents best first with their share of the score (summing to 1); "None" is out of domain. */
  classify(utterance: string): Classification[];
  toJSON(): ClassifierJson;
};

export type ClassifierJson = { version: string; hash: string; network: NeuralJson };

const stemmer = new StemmerEn();
const PERSON_WORDS: ReadonlySet<string> = new Set([
  'she', 'he', 'they', 'her', 'his', 'him', 'their', 'them', 'hers', 'herself', 'himself', 'mom', 'mum', 'mummy', 'mommy',
  'dad', 'daddy', 'papa', 'mother', 'father', 'wife', 'husband', 'patient', 'madam', 'sir', 'grandma', 'grandpa', 'nan',
]);
/** Words that say "which one" before "one", so "this one" is not the number 1. */
const NOT_A_NUMBER_BEFORE_ONE: ReadonlySet<string> = new Set(['this', 'that', 'the', 'next', 'last', 'which', 'each', 'every', 'another', 'previous', 'other', 'no']);

type PhraseIndex = { byPhrase: Map<string, Set<string>>; longest: number };

/** The phrases of every custom slot type, as word sequences, to the types they belong to. */
function phraseIndex(types: readonly ModelSlotType[]): PhraseIndex {
  const byPhrase = new Map<string, Set<string>>();
  let longest = 0;
  for (const type of types) {
    for (const value of type.values) {
      for (const phrase of [value.name.value, ...(value.name.synonyms ?? [])]) {
        const words = spokenWords(phrase).map(stemOf);
        if (words.length === 0) continue;
        const key = words.join(' ');
        const set = byPhrase.get(key) ?? new Set<string>();
        set.add(type.name);
        byPhrase.set(key, set);
        longest = Math.max(longest, words.length);
      }
    }
  }
  return { byPhrase, longest };
}

export function stemOf(word: string): string {
  return /^[a-z]+$/.test(word) ? stemmer.stemWord(word) : word;
}

/** Stems with slot phrases replaced by their types: "she says her knee hurts" -> say @BODY_PART hurt. */
export function featureTokens(utterance: string, index: PhraseIndex): string[] {
  // Who the caregiver talks about is never what the request is: she, his, mum and madam carry no feature.
  const words = spokenWords(utterance).filter((word) => !PERSON_WORDS.has(word));
  const stems = words.map(stemOf);
  const out: string[] = [];
  for (let i = 0; i < stems.length; ) {
    let matched = 0;
    for (let length = Math.min(index.longest, stems.length - i); length >= 1 && matched === 0; length -= 1) {
      const types = index.byPhrase.get(stems.slice(i, i + length).join(' '));
      if (types !== undefined) {
        out.push([...types].sort().map((t) => `@${t}`).join('|'));
        matched = length;
      }
    }
    // "the knee one", "the neck ones": "one" after a slot phrase names which, it counts nothing.
    const namesWhich = (words[i] === 'one' || words[i] === 'ones') && out.length > 0 && (out[out.length - 1] as string).startsWith('@') && out[out.length - 1] !== '@NUMBER';
    if (matched === 0 && !namesWhich) {
      let end = i;
      while (end < words.length && isNumberWord(words, end)) end += 1;
      if (end > i && parseSpokenNumber(words.slice(i, end)) !== undefined) {
        out.push('@NUMBER');
        matched = end - i;
      }
    }
    if (matched === 0) {
      out.push(stems[i] as string);
      matched = 1;
    }
    i += matched;
  }
  return out;
}

function isNumberWord(words: readonly string[], i: number): boolean {
  const word = words[i] as string;
  if (word === 'one' && i > 0 && NOT_A_NUMBER_BEFORE_ONE.has(words[i - 1] as string)) return false;
  return parseSpokenNumber([word]) !== undefined || (word === 'and' && i > 0);
}

function featuresOf(tokens: readonly string[]): NeuralInput {
  const features: NeuralInput = {};
  tokens.forEach((token, i) => {
    features[token] = 1;
    const next = tokens[i + 1];
    if (next !== undefined) features[`${token}+${next}`] = 1;
  });
  return features;
}

/** Values to fill a sample's slots with while training: every value and synonym of the type, in turn. */
function fillers(model: InteractionModel): Map<string, string[]> {
  const { types = [] } = model.interactionModel.languageModel;
  const byType = new Map<string, string[]>(
    types.map((type) => [type.name, type.values.flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])])]),
  );
  byType.set('AMAZON.NUMBER', ['three', 'five', 'eight', 'ten', 'six', 'two']);
  byType.set('AMAZON.TIME', ['nine a m', 'six thirty p m', 'noon', 'seven in the morning', 'eight p m']);
  return byType;
}

const FILLINGS_PER_SAMPLE = 3;

/** The labelled utterances the classifier learns from. */
export function trainingUtterances(model: InteractionModel): Array<{ utterance: string; intent: string }> {
  const { intents } = model.interactionModel.languageModel;
  const values = fillers(model);
  const out: Array<{ utterance: string; intent: string }> = [];
  let turn = 0;
  for (const intent of intents) {
    if (intent.name === FALLBACK_INTENT) continue;
    if (isAmazonBuiltin(intent.name)) {
      for (const phrase of BUILTIN_PHRASES[intent.name] ?? []) out.push({ utterance: phrase, intent: intent.name });
      continue;
    }
    const typeOf = new Map((intent.slots ?? []).map((slot) => [slot.name, slot.type]));
    for (const sample of intent.samples ?? []) {
      const tokens = tokenizeSample(sample);
      const slotted = tokens.some((t) => t.kind === 'slot');
      for (let k = 0; k < (slotted ? FILLINGS_PER_SAMPLE : 1); k += 1) {
        turn += 1;
        const words = tokens.map((token, j) => {
          if (token.kind === 'word') return token.word;
          const list = values.get(typeOf.get(token.name) ?? '') ?? [];
          return list.length === 0 ? token.name : (list[(turn * 7 + j * 3) % list.length] as string);
        });
        out.push({ utterance: words.join(' '), intent: intent.name });
      }
    }
  }
  for (const phrase of OUT_OF_DOMAIN) out.push({ utterance: phrase, intent: NONE });
  return out;
}

type Example = { input: NeuralInput; output: Record<string, number> };

function examplesOf(model: InteractionModel, index: PhraseIndex): Example[] {
  return trainingUtterances(model).map(({ utterance, intent }) => ({ input: featuresOf(featureTokens(utterance, index)), output: { [intent]: 1 } }));
}

/** What the trained network depends on: the examples it learns from (so any change to them or their features retrains) and the settings. */
function examplesHash(examples: readonly Example[]): string {
  return createHash('sha256').update(STAND_IN_VERSION).update(JSON.stringify(NETWORK_SETTINGS)).update(JSON.stringify(examples)).digest('hex').slice(0, 16);
}

export function modelHash(model: InteractionModel): string {
  return examplesHash(examplesOf(model, phraseIndex(model.interactionModel.languageModel.types ?? [])));
}

/** nlp.js's defaults, with fewer iterations: it converges on these models well before 400. */
const NETWORK_SETTINGS = { iterations: 400, errorThresh: 0.00005, deltaErrorThresh: 0.000001, learningRate: 0.6, momentum: 0.5, alpha: 0.07 };

/** Trains a classifier for the model, or loads one from its JSON (a cache keyed by modelHash). */
export function createClassifier(model: InteractionModel, cached?: ClassifierJson): Classifier {
  const index = phraseIndex(model.interactionModel.languageModel.types ?? []);
  const examples = examplesOf(model, index);
  const hash = examplesHash(examples);
  const network = new NeuralNetwork({ ...NETWORK_SETTINGS });
  if (cached !== undefined && cached.hash === hash && cached.version === STAND_IN_VERSION) network.fromJSON(cached.network);
  else network.train(examples);
  const known = new Set((network.toJSON().features ?? []) as string[]);
  return {
    classify(utterance) {
      const tokens = featureTokens(utterance, index);
      // Numbers and nothing else ("1234 5678") ask for nothing: no intent of this model is a bare number.
      if (tokens.every((t) => t === '@NUMBER' || parseSpokenNumber([t]) !== undefined)) return [{ intent: NONE, score: 1 }];
      const features = featuresOf(tokens);
      const unknown = tokens.filter((t) => !known.has(t)).length;
      const input: NeuralInput = {};
      for (const [key, value] of Object.entries(features)) if (known.has(key)) input[key] = value;
      const raw = Object.keys(input).length === 0 ? { [NONE]: 1 } : (network.run(input) ?? { [NONE]: 1 });
      // Unknown words make "None" likelier, as nlp.js's NluNeural does with its none feature.
      const scores = Object.entries(raw).map(([intent, score]) => ({ intent, score: intent === NONE ? score + 0.05 * unknown : score }));
      const total = scores.reduce((sum, s) => sum + s.score ** 2, 0);
      return scores
        .map((s) => ({ intent: s.intent, score: total > 0 ? s.score ** 2 / total : 0 }))
        .filter((s) => s.score > 0)
        .sort((a, b) => b.score - a.score || a.intent.localeCompare(b.intent));
    },
    toJSON: () => ({ version: STAND_IN_VERSION, hash, network: network.toJSON() }),
  };
}
