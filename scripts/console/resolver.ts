// Resolves a typed utterance to an intent and slots the way Alexa would from the interaction model.
// Two stages. First an exact match: the utterance is a sample (or one of Alexa's phrases for a declared
// built-in intent) word for word, with slot values from the slot types. Failing that, the fuzzy stage
// (fuzzy-stage.ts) scores every sample against the utterance, fillers ignored and slots filled, and takes the
// best one above a threshold. What neither places is AMAZON.FallbackIntent.
import { createHash } from 'node:crypto';
import type { Intent, Slot } from 'ask-sdk-model';
import { BUILTIN_PHRASES, FALLBACK_INTENT, isAmazonBuiltin } from './builtin-intents';
import { buildIntent, emptySlot, filledSlot, LOCAL_SKILL_ID, type ResolvedSlotValue } from './envelopes';
import { createFuzzyStage, type FuzzySlotFinder, type FuzzySlotValue } from './fuzzy-stage';
import { fuzzyWords } from './fuzzy-text';
import type { InteractionModel, ModelSlotType } from './interaction-model';
import { parseSpokenNumber } from './spoken-number';
import { parseSpokenTime } from './spoken-time';
import { normaliseUtterance, tokenizeSample, toWords, type SampleToken } from './utterance-text';

export type ResolvedUtterance = {
  intent: Intent;
  /** A model sample word for word, one of Alexa's phrases for a declared built-in intent, the fuzzy stage, or nothing matched. */
  via: 'sample' | 'builtin-phrase' | 'fuzzy' | 'fallback';
  /** The sample that matched, as written in the model (or the built-in phrase); for 'fuzzy', the closest sample. */
  sample?: string;
  /** For 'fuzzy': how close the sample came, 0..1. */
  score?: number;
};

export type ResolverOptions = {
  skillId?: string;
  /** Set false for exact matching only. Default true. */
  fuzzy?: boolean;
  /** The fuzzy stage's acceptance threshold, 0..1. */
  fuzzyThreshold?: number;
};

export type Resolver = {
  resolve(utterance: string): ResolvedUtterance;
  /** Problems found in the model while compiling it, e.g. a sample naming an undeclared slot. */
  readonly warnings: readonly string[];
};

type SlotCandidate = { end: number; value: string; resolved?: ResolvedSlotValue[] };
type SlotMatcher = { freeform: boolean; slotType: string; candidates(words: string[], start: number): SlotCandidate[] };

type CompiledSample = {
  intentName: string;
  intentIndex: number;
  slotNames: string[];
  text: string;
  tokens: SampleToken[];
  literalWords: number;
  /** Its literal words, all of which an utterance must contain to match it exactly. */
  literalSet: ReadonlySet<string>;
  via: 'sample' | 'builtin-phrase';
  matchers: Map<string, SlotMatcher>;
};

type Match = {
  sample: CompiledSample;
  order: number;
  filled: Map<string, SlotCandidate>;
  freeformWords: number;
};

export function createResolver(model: InteractionModel, options: ResolverOptions = {}): Resolver {
  const skillId = options.skillId ?? LOCAL_SKILL_ID;
  const { intents, types = [] } = model.interactionModel.languageModel;
  const warnings: string[] = [];
  const typeMatchers = new Map(types.map((type) => [type.name, customTypeMatcher(type)]));
  const samples: CompiledSample[] = [];

  intents.forEach((intent, intentIndex) => {
    const matchers = new Map<string, SlotMatcher>();
    for (const slot of intent.slots ?? []) {
      const matcher = typeMatchers.get(slot.type) ?? builtinTypeMatcher(slot.type);
      if (matcher === undefined) warnings.push(`${intent.name}: slot {${slot.name}} has undefined type ${slot.type}`);
      else matchers.set(slot.name, matcher);
    }
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
      samples.push({ intentName: intent.name, intentIndex, slotNames, text, tokens, literalWords, literalSet, via, matchers });
    };
    for (const sample of intent.samples ?? []) add(sample, 'sample');
    if (isAmazonBuiltin(intent.name)) for (const phrase of BUILTIN_PHRASES[intent.name] ?? []) add(phrase, 'builtin-phrase');
  });

  const finders = new Map<string, FuzzySlotFinder>(types.map((type) => [type.name, customTypeFinder(type)]));
  finders.set('AMAZON.NUMBER', numberFinder);
  finders.set('AMAZON.TIME', timeFinder);
  const fuzzy =
    options.fuzzy === false
      ? undefined
      : createFuzzyStage(
          samples.map((sample) => ({
            intentName: sample.intentName,
            tokens: sample.tokens,
            slotTypes: new Map([...sample.matchers].map(([name, matcher]) => [name, matcher.slotType])),
          })),
          finders,
          options.fuzzyThreshold === undefined ? {} : { threshold: options.fuzzyThreshold },
        );

  const slotsOf = (sample: CompiledSample, filled: ReadonlyMap<string, SlotCandidate>): Slot[] =>
    sample.slotNames.map((slotName) => {
      const candidate = filled.get(slotName);
      if (candidate === undefined) return emptySlot(slotName);
      const slotType = sample.matchers.get(slotName)?.slotType ?? '';
      return candidate.resolved === undefined
        ? filledSlot(slotName, candidate.value)
        : filledSlot(slotName, candidate.value, { slotType, values: candidate.resolved, skillId });
    });

  return {
    warnings,
    resolve(utterance) {
      const words = toWords(normaliseUtterance(utterance));
      const matches: Match[] = [];
      const present = new Set(words);
      samples.forEach((sample, order) => {
        if (sample.tokens.length > words.length) return;
        for (const word of sample.literalSet) if (!present.has(word)) return;
        const filled = matchSample(sample, words);
        if (filled === undefined) return;
        let freeformWords = 0;
        for (const [slotName, candidate] of filled) {
          if (sample.matchers.get(slotName)?.freeform === true) freeformWords += wordCount(candidate.value);
        }
        matches.push({ sample, order, filled, freeformWords });
      });
      const best = matches.sort(compareMatches)[0];
      if (best !== undefined) {
        return { intent: buildIntent(best.sample.intentName, slotsOf(best.sample, best.filled)), via: best.sample.via, sample: best.sample.text };
      }
      const close = fuzzy?.match(words);
      const sample = close === undefined ? undefined : samples[close.templateIndex];
      if (close === undefined || sample === undefined) return { intent: buildIntent(FALLBACK_INTENT), via: 'fallback' };
      return {
        intent: buildIntent(sample.intentName, slotsOf(sample, close.filled)),
        via: 'fuzzy',
        sample: sample.text,
        score: Math.round(close.score * 1000) / 1000,
      };
    },
  };
}

/** Exact samples first, then the most literal words, then the fewest free-form words, then model order. */
function compareMatches(a: Match, b: Match): number {
  const aExact = a.filled.size === 0 ? 0 : 1;
  const bExact = b.filled.size === 0 ? 0 : 1;
  if (aExact !== bExact) return aExact - bExact;
  if (a.sample.literalWords !== b.sample.literalWords) return b.sample.literalWords - a.sample.literalWords;
  if (a.freeformWords !== b.freeformWords) return a.freeformWords - b.freeformWords;
  // A sample the model declares beats Alexa's generic phrase for a built-in.
  if (a.sample.via !== b.sample.via) return a.sample.via === 'sample' ? -1 : 1;
  return a.order - b.order;
}

/** The slot values of the first way the sample covers all the words (longest slot values tried first). */
function matchSample(sample: CompiledSample, words: string[]): Map<string, SlotCandidate> | undefined {
  const filled = new Map<string, SlotCandidate>();
  const step = (tokenIndex: number, wordIndex: number): boolean => {
    const token = sample.tokens[tokenIndex];
    if (token === undefined) return wordIndex === words.length;
    if (token.kind === 'word') return words[wordIndex] === token.word && step(tokenIndex + 1, wordIndex + 1);
    const matcher = sample.matchers.get(token.name);
    if (matcher === undefined) return false;
    for (const candidate of matcher.candidates(words, wordIndex)) {
      filled.set(token.name, candidate);
      if (step(tokenIndex + 1, candidate.end)) return true;
      filled.delete(token.name);
    }
    return false;
  };
  return step(0, 0) ? filled : undefined;
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
    freeform: false,
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

function builtinTypeMatcher(typeName: string): SlotMatcher | undefined {
  if (typeName === 'AMAZON.NUMBER') {
    return {
      freeform: false,
      slotType: typeName,
      candidates(words, start) {
        const found: SlotCandidate[] = [];
        for (let end = words.length; end > start; end -= 1) {
          const number = parseSpokenNumber(words.slice(start, end));
          if (number !== undefined) found.push({ end, value: String(number) });
        }
        return found;
      },
    };
  }
  if (typeName === 'AMAZON.TIME') {
    return {
      freeform: false,
      slotType: typeName,
      candidates(words, start) {
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
  // Other built-in types (AMAZON.SearchQuery, AMAZON.FirstName, ...) are taken as free text, ranked last.
  return {
    freeform: true,
    slotType: typeName,
    candidates(words, start) {
      const found: SlotCandidate[] = [];
      for (let end = words.length; end > start; end -= 1) found.push({ end, value: words.slice(start, end).join(' ') });
      return found;
    },
  };
}

/** The fuzzy stage's view of a custom type: its values and synonyms as fuzzy word keys, longest first. */
function customTypeFinder(type: ModelSlotType): FuzzySlotFinder {
  const byKeys = new Map<string, ResolvedSlotValue[]>();
  let longest = 0;
  for (const value of type.values) {
    const resolved = { name: value.name.value, id: value.id ?? generatedValueId(value.name.value) };
    for (const phrase of [value.name.value, ...(value.name.synonyms ?? [])]) {
      const keys = fuzzyWords(toWords(phrase)).map((w) => w.key);
      if (keys.length === 0) continue;
      const key = keys.join(' ');
      const list = byKeys.get(key) ?? [];
      if (!list.some((entry) => entry.id === resolved.id)) list.push(resolved);
      byKeys.set(key, list);
      longest = Math.max(longest, keys.length);
    }
  }
  return (words, start) => {
    const found: FuzzySlotValue[] = [];
    for (let length = Math.min(longest, words.length - start); length >= 1; length -= 1) {
      const span = words.slice(start, start + length);
      const resolved = byKeys.get(span.map((w) => w.key).join(' '));
      if (resolved !== undefined) found.push({ end: start + length, value: span.map((w) => w.raw).join(' '), resolved });
    }
    return found;
  };
}

const numberFinder: FuzzySlotFinder = (words, start) => {
  const found: FuzzySlotValue[] = [];
  for (let end = Math.min(words.length, start + 6); end > start; end -= 1) {
    const number = parseSpokenNumber(words.slice(start, end).map((w) => w.raw));
    if (number !== undefined) found.push({ end, value: String(number) });
  }
  return found;
};

/** Words a spoken time can start with; other positions are not tried. */
const TIME_STARTS = new Set(['a', 'half', 'quarter', 'noon', 'midday', 'midnight', 'twelve', 'in', 'at', 'this', 'morning', 'afternoon', 'evening', 'night', 'tonight']);

const timeFinder: FuzzySlotFinder = (words, start) => {
  const first = words[start]?.raw ?? '';
  if (!TIME_STARTS.has(first) && parseSpokenNumber([first]) === undefined) return [];
  const found: FuzzySlotValue[] = [];
  for (let end = Math.min(words.length, start + 8); end > start; end -= 1) {
    const time = parseSpokenTime(words.slice(start, end).map((w) => w.raw));
    if (time !== undefined) found.push({ end, value: time });
  }
  return found;
};

/** Alexa gives values without an id a generated one; a stable hash keeps local runs repeatable. */
function generatedValueId(value: string): string {
  return createHash('md5').update(value).digest('hex');
}

function wordCount(text: string): number {
  return text === '' ? 0 : text.split(' ').length;
}
