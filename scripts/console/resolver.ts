// Resolves a typed utterance to an intent and slots the way Alexa would from the interaction model: the local
// console's NLU stand-in. Three stages, as Alexa prefers an exact sample:
// 1. exact: the utterance is a sample (or one of Alexa's phrases for a declared built-in intent) word for word,
//    slot values from the slot types (ER_SUCCESS_MATCH); failing that, a sample whose literal words all match and
//    whose custom slot holds words the type does not list (sent as said, ER_SUCCESS_NO_MATCH, as Alexa does);
// 2. the classifier (nlu-stage.ts, nlp.js), trained from the same model; its slots are the phrases of each slot's
//    type found in the utterance;
// 3. AMAZON.FallbackIntent when the classifier says out of domain or is less sure than the model's
//    fallbackIntentSensitivity allows.
// It is not Alexa's NLU, only a repeatable stand-in for it: see the README's corpus section.
import { createHash } from 'node:crypto';
import type { Intent, Slot } from 'ask-sdk-model';
import { BUILTIN_PHRASES, FALLBACK_INTENT, isAmazonBuiltin } from './builtin-intents';
import { buildIntent, emptySlot, filledSlot, LOCAL_SKILL_ID, type ResolvedSlotValue } from './envelopes';
import type { InteractionModel, ModelSlotType } from './interaction-model';
import { createClassifier, NONE, type Classifier } from './nlu-stage';
import { parseSpokenNumber } from './spoken-number';
import { parseSpokenTime } from './spoken-time';
import { normaliseUtterance, spokenWords, tokenizeSample, toWords, type SampleToken } from './utterance-text';

export type ResolvedUtterance = {
  intent: Intent;
  /** A model sample word for word (slots filled or not), one of Alexa's phrases for a built-in, the classifier, or nothing. */
  via: 'sample' | 'builtin-phrase' | 'classifier' | 'fallback';
  /** The sample that matched, as written in the model (or the built-in phrase). */
  sample?: string;
  /** For 'classifier' (and a 'fallback' it declined): its confidence in the intent, 0..1. */
  score?: number;
};

export type FallbackSensitivity = 'LOW' | 'MEDIUM' | 'HIGH';

/** The classifier's confidence below which an utterance goes to AMAZON.FallbackIntent, by the model's sensitivity. */
export const FALLBACK_THRESHOLDS: Readonly<Record<FallbackSensitivity, number>> = { LOW: 0.3, MEDIUM: 0.45, HIGH: 0.6 };

export type ResolverOptions = {
  skillId?: string;
  /** Set false for exact matching only. Default true. */
  classifier?: boolean;
  /** A trained classifier for this model (from the cache, nlu-cache.ts); trained here when absent. */
  trained?: Classifier;
  /** Overrides the model's fallbackIntentSensitivity. */
  sensitivity?: FallbackSensitivity;
};

export type Resolver = {
  resolve(utterance: string): ResolvedUtterance;
  /** Problems found in the model while compiling it, e.g. a sample naming an undeclared slot. */
  readonly warnings: readonly string[];
};

type SlotCandidate = { end: number; value: string; resolved?: ResolvedSlotValue[] };
type SlotMatcher = { custom: boolean; slotType: string; candidates(words: string[], start: number): SlotCandidate[] };

type CompiledSample = {
  intentName: string;
  slotNames: string[];
  text: string;
  tokens: SampleToken[];
  literalWords: number;
  /** Its literal words, all of which an utterance must contain to match it exactly. */
  literalSet: ReadonlySet<string>;
  via: 'sample' | 'builtin-phrase';
  matchers: Map<string, SlotMatcher>;
};

type Match = { sample: CompiledSample; order: number; filled: Map<string, SlotCandidate>; unlisted: number };

/** The longest custom slot value the exact stage takes as said when the type does not list it. */
const MAX_UNLISTED_WORDS = 4;
/** Words that start a reference, not a name: "skip this one today" has no unlisted region "this one". */
const NOT_A_VALUE_START: ReadonlySet<string> = new Set(['this', 'that', 'it', 'these', 'those', 'them', 'one']);

export function createResolver(model: InteractionModel, options: ResolverOptions = {}): Resolver {
  const skillId = options.skillId ?? LOCAL_SKILL_ID;
  const { intents, types = [] } = model.interactionModel.languageModel;
  const sensitivity = options.sensitivity ?? model.interactionModel.languageModel.modelConfiguration?.fallbackIntentSensitivity?.level ?? 'LOW';
  const threshold = FALLBACK_THRESHOLDS[sensitivity];
  const warnings: string[] = [];
  const typeMatchers = new Map(types.map((type) => [type.name, customTypeMatcher(type)]));
  const samples: CompiledSample[] = [];
  const slotsByIntent = new Map<string, Map<string, SlotMatcher>>();

  for (const intent of intents) {
    const matchers = new Map<string, SlotMatcher>();
    for (const slot of intent.slots ?? []) {
      const matcher = typeMatchers.get(slot.type) ?? builtinTypeMatcher(slot.type);
      if (matcher === undefined) warnings.push(`${intent.name}: slot {${slot.name}} has undefined type ${slot.type}`);
      else matchers.set(slot.name, matcher);
    }
    slotsByIntent.set(intent.name, matchers);
    const slotNames = (intent.slots ?? []).map((slot) => slot.name);
    const add = (text: string, via: CompiledSample['via']): void => {
      const tokens = tokenizeSample(text);
      const missing = tokens.find((token) => token.kind === 'slot' && !matchers.has(token.name));
      if (missing?.kind === 'slot') {
        warnings.push(`${intent.name}: sample "${text}" uses {${missing.name}}, which is not a usable slot`);
        return;
      }
      if (tokens.length === 0) return;
      const literalWords = tokens.filter((token) => token.kind === 'word').length;
      const literalSet = new Set(tokens.flatMap((token) => (token.kind === 'word' ? [token.word] : [])));
      samples.push({ intentName: intent.name, slotNames, text, tokens, literalWords, literalSet, via, matchers });
    };
    for (const sample of intent.samples ?? []) add(sample, 'sample');
    if (isAmazonBuiltin(intent.name)) for (const phrase of BUILTIN_PHRASES[intent.name] ?? []) add(phrase, 'builtin-phrase');
  }

  const classifier = options.classifier === false ? undefined : (options.trained ?? createClassifier(model));

  const slotsOf = (intentName: string, filled: ReadonlyMap<string, SlotCandidate>): Slot[] => {
    const matchers = slotsByIntent.get(intentName) ?? new Map<string, SlotMatcher>();
    return [...matchers].map(([slotName, matcher]) => {
      const candidate = filled.get(slotName);
      if (candidate === undefined) return emptySlot(slotName);
      return matcher.custom
        ? filledSlot(slotName, candidate.value, { slotType: matcher.slotType, values: candidate.resolved ?? [], skillId })
        : filledSlot(slotName, candidate.value);
    });
  };

  return {
    warnings,
    resolve(utterance) {
      const words = toWords(normaliseUtterance(utterance)).filter((word) => !HESITATIONS.has(word));
      if (words.length === 0) return { intent: buildIntent(FALLBACK_INTENT), via: 'fallback' };
      const answer = (match: Match): ResolvedUtterance => ({
        intent: buildIntent(match.sample.intentName, slotsOf(match.sample.intentName, match.filled)),
        via: match.sample.via,
        sample: match.sample.text,
      });
      const listed = exactMatch(samples, words, false);
      if (listed !== undefined) return answer(listed);
      const top = classifier?.classify(utterance)[0];
      // A carrier phrase with a value its type does not list is taken as said only when the classifier hears
      // the same intent: "my mom says her back hurts" is not "my {bodyPart} hurts" with four words of body part.
      const unlisted = exactMatch(samples, words, true);
      if (unlisted !== undefined && (classifier === undefined || top?.intent === unlisted.sample.intentName)) return answer(unlisted);
      if (top === undefined || top.intent === NONE || top.score < threshold) {
        return { intent: buildIntent(FALLBACK_INTENT), via: 'fallback', ...(top !== undefined && top.intent !== NONE ? { score: round(top.score) } : {}) };
      }
      const filled = findSlots(slotsByIntent.get(top.intent) ?? new Map(), spokenWords(utterance));
      return { intent: buildIntent(top.intent, slotsOf(top.intent, filled)), via: 'classifier', score: round(top.score) };
    },
  };
}

/** Hesitations a speech recogniser leaves out; dropped before matching samples word for word. */
const HESITATIONS: ReadonlySet<string> = new Set(['um', 'umm', 'uh', 'uhh', 'uhm', 'er', 'erm', 'hmm', 'mm']);

const round = (score: number): number => Math.round(score * 1000) / 1000;

/** The best sample the words match exactly (with `unlisted`: only matches that need an unlisted custom value). */
function exactMatch(samples: readonly CompiledSample[], words: string[], unlisted: boolean): Match | undefined {
  const present = new Set(words);
  const matches: Match[] = [];
  samples.forEach((sample, order) => {
    if (sample.tokens.length > words.length) return;
    if (unlisted && sample.literalWords < 2) return;
    for (const word of sample.literalSet) if (!present.has(word)) return;
    const filled = matchSample(sample, words, unlisted);
    if (filled === undefined) return;
    matches.push({ sample, order, filled, unlisted: [...filled.values()].filter((c) => c.resolved?.length === 0).length });
  });
  return matches.sort(compareMatches)[0];
}

function compareMatches(a: Match, b: Match): number {
  if (a.unlisted !== b.unlisted) return a.unlisted - b.unlisted;
  const aExact = a.filled.size === 0 ? 0 : 1;
  const bExact = b.filled.size === 0 ? 0 : 1;
  if (aExact !== bExact) return aExact - bExact;
  if (a.sample.literalWords !== b.sample.literalWords) return b.sample.literalWords - a.sample.literalWords;
  // A sample the model declares beats Alexa's generic phrase for a built-in.
  if (a.sample.via !== b.sample.via) return a.sample.via === 'sample' ? -1 : 1;
  return a.order - b.order;
}

/**
 * The slot values of the first way the sample covers all the words (longest slot values tried first). With
 * `unlisted`, a custom slot may also hold up to MAX_UNLISTED_WORDS words its type does not list.
 */
function matchSample(sample: CompiledSample, words: string[], unlisted: boolean): Map<string, SlotCandidate> | undefined {
  const filled = new Map<string, SlotCandidate>();
  const step = (tokenIndex: number, wordIndex: number): boolean => {
    const token = sample.tokens[tokenIndex];
    if (token === undefined) return wordIndex === words.length;
    if (token.kind === 'word') return words[wordIndex] === token.word && step(tokenIndex + 1, wordIndex + 1);
    const matcher = sample.matchers.get(token.name);
    if (matcher === undefined) return false;
    const candidates = matcher.candidates(words, wordIndex);
    if (unlisted && matcher.custom && !NOT_A_VALUE_START.has(words[wordIndex] ?? '')) {
      for (let end = Math.min(words.length, wordIndex + MAX_UNLISTED_WORDS); end > wordIndex; end -= 1) {
        // A span holding a value the type lists plus other words ("everything today") is not an unlisted value.
        const span = words.slice(wordIndex, end);
        if (span.some((_, i) => matcher.candidates(span, i).length > 0)) continue;
        candidates.push({ end, value: span.join(' '), resolved: [] });
      }
    }
    for (const candidate of candidates) {
      filled.set(token.name, candidate);
      if (step(tokenIndex + 1, candidate.end)) return true;
      filled.delete(token.name);
    }
    return false;
  };
  return step(0, 0) ? filled : undefined;
}

/** For the classifier's intent: each slot is the first phrase of its type in the words, longest first, none overlapping. */
function findSlots(matchers: ReadonlyMap<string, SlotMatcher>, words: string[]): Map<string, SlotCandidate> {
  const filled = new Map<string, SlotCandidate>();
  const taken = new Set<number>();
  // Custom types first: "ten elbow bends" is a count and an exercise, "the right leg" a side.
  const order = [...matchers].sort(([, a], [, b]) => Number(b.custom) - Number(a.custom));
  for (const [slotName, matcher] of order) {
    search: for (let start = 0; start < words.length; start += 1) {
      if (taken.has(start)) continue;
      for (const candidate of matcher.candidates(words, start)) {
        const span = Array.from({ length: candidate.end - start }, (_, i) => start + i);
        if (span.some((i) => taken.has(i))) continue;
        if (!matcher.custom && words[start] === 'one' && start > 0 && ['this', 'that', 'the', 'next', 'last', 'which', 'another', 'previous'].includes(words[start - 1] ?? '')) continue;
        // "the butterfly one", "her hip one": after a slot phrase, "one" names which, it is no count.
        if (!matcher.custom && words[start] === 'one' && taken.has(start - 1)) continue;
        for (const i of span) taken.add(i);
        filled.set(slotName, candidate);
        break search;
      }
    }
  }
  return filled;
}

function customTypeMatcher(type: ModelSlotType): SlotMatcher {
  const byPhrase = new Map<string, ResolvedSlotValue[]>();
  let longest = 0;
  for (const value of type.values) {
    const resolved = { name: value.name.value, id: value.id ?? generatedValueId(value.name.value) };
    for (const phrase of [value.name.value, ...(value.name.synonyms ?? [])]) {
      const words = toWords(phrase);
      if (words.length === 0) continue;
      const key = words.join(' ');
      const list = byPhrase.get(key) ?? [];
      if (!list.some((entry) => entry.id === resolved.id)) list.push(resolved);
      byPhrase.set(key, list);
      longest = Math.max(longest, words.length);
    }
  }
  return {
    custom: true,
    slotType: type.name,
    candidates(words, start) {
      const found: SlotCandidate[] = [];
      for (let length = Math.min(longest, words.length - start); length >= 1; length -= 1) {
        const value = words.slice(start, start + length).join(' ');
        const resolved = byPhrase.get(value);
        if (resolved !== undefined) found.push({ end: start + length, value, resolved });
      }
      return found;
    },
  };
}

/** Words a spoken time can start with; other positions are not tried. */
const TIME_STARTS = new Set(['a', 'half', 'quarter', 'noon', 'midday', 'midnight', 'twelve', 'in', 'at', 'this', 'morning', 'afternoon', 'evening', 'night', 'tonight']);

function builtinTypeMatcher(typeName: string): SlotMatcher | undefined {
  if (typeName === 'AMAZON.NUMBER') {
    return {
      custom: false,
      slotType: typeName,
      candidates(words, start) {
        const found: SlotCandidate[] = [];
        for (let end = Math.min(words.length, start + 6); end > start; end -= 1) {
          const number = parseSpokenNumber(words.slice(start, end));
          if (number !== undefined) found.push({ end, value: String(number) });
        }
        return found;
      },
    };
  }
  if (typeName === 'AMAZON.TIME') {
    return {
      custom: false,
      slotType: typeName,
      candidates(words, start) {
        const first = words[start] ?? '';
        if (!TIME_STARTS.has(first) && parseSpokenNumber([first]) === undefined) return [];
        const found: SlotCandidate[] = [];
        for (let end = Math.min(words.length, start + 8); end > start; end -= 1) {
          const time = parseSpokenTime(words.slice(start, end));
          if (time !== undefined) found.push({ end, value: time });
        }
        return found;
      },
    };
  }
  if (!isAmazonBuiltin(typeName)) return undefined;
  // Other built-in types (AMAZON.SearchQuery, AMAZON.FirstName, ...) are taken as free text.
  return {
    custom: false,
    slotType: typeName,
    candidates(words, start) {
      const found: SlotCandidate[] = [];
      for (let end = words.length; end > start; end -= 1) found.push({ end, value: words.slice(start, end).join(' ') });
      return found;
    },
  };
}

/** Alexa gives values without an id a generated one; a stable hash keeps local runs repeatable. */
function generatedValueId(value: string): string {
  return createHash('md5').update(value).digest('hex');
}
