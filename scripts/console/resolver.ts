// Resolves a typed utterance to an intent and slots the way Alexa would from the interaction model.
// Exact sample match only (no fuzzy NLU): what does not fit a sample or built-in phrase is AMAZON.FallbackIntent.
import { createHash } from 'node:crypto';
import type { Intent, Slot } from 'ask-sdk-model';
import { BUILTIN_PHRASES, FALLBACK_INTENT, isAmazonBuiltin } from './builtin-intents';
import { buildIntent, emptySlot, filledSlot, LOCAL_SKILL_ID, type ResolvedSlotValue } from './envelopes';
import type { InteractionModel, ModelSlotType } from './interaction-model';
import { parseSpokenNumber } from './spoken-number';
import { normaliseUtterance, tokenizeSample, toWords, type SampleToken } from './utterance-text';

export type ResolvedUtterance = {
  intent: Intent;
  /** A model sample, one of Alexa's phrases for a declared built-in intent, or nothing matched. */
  via: 'sample' | 'builtin-phrase' | 'fallback';
  /** The sample that matched, as written in the model (or the built-in phrase). */
  sample?: string;
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
  via: 'sample' | 'builtin-phrase';
  matchers: Map<string, SlotMatcher>;
};

type Match = {
  sample: CompiledSample;
  order: number;
  filled: Map<string, SlotCandidate>;
  freeformWords: number;
};

export function createResolver(model: InteractionModel, options: { skillId?: string } = {}): Resolver {
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
      samples.push({ intentName: intent.name, intentIndex, slotNames, text, tokens, literalWords, via, matchers });
    };
    for (const sample of intent.samples ?? []) add(sample, 'sample');
    if (isAmazonBuiltin(intent.name)) for (const phrase of BUILTIN_PHRASES[intent.name] ?? []) add(phrase, 'builtin-phrase');
  });

  return {
    warnings,
    resolve(utterance) {
      const words = toWords(normaliseUtterance(utterance));
      const matches: Match[] = [];
      samples.forEach((sample, order) => {
        const filled = matchSample(sample, words);
        if (filled === undefined) return;
        let freeformWords = 0;
        for (const [slotName, candidate] of filled) {
          if (sample.matchers.get(slotName)?.freeform === true) freeformWords += wordCount(candidate.value);
        }
        matches.push({ sample, order, filled, freeformWords });
      });
      const best = matches.sort(compareMatches)[0];
      if (best === undefined) return { intent: buildIntent(FALLBACK_INTENT), via: 'fallback' };
      const slots: Slot[] = best.sample.slotNames.map((slotName) => {
        const candidate = best.filled.get(slotName);
        if (candidate === undefined) return emptySlot(slotName);
        const slotType = best.sample.matchers.get(slotName)?.slotType ?? '';
        return candidate.resolved === undefined
          ? filledSlot(slotName, candidate.value)
          : filledSlot(slotName, candidate.value, { slotType, values: candidate.resolved, skillId });
      });
      return { intent: buildIntent(best.sample.intentName, slots), via: best.sample.via, sample: best.sample.text };
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

/** Alexa gives values without an id a generated one; a stable hash keeps local runs repeatable. */
function generatedValueId(value: string): string {
  return createHash('md5').update(value).digest('hex');
}

function wordCount(text: string): number {
  return text === '' ? 0 : text.split(' ').length;
}
