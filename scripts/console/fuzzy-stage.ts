// The resolver's second stage, for utterances no sample covers word for word: every sample is scored against
// the utterance and the best one above a threshold wins, as Alexa's NLU generalises from samples.
//
// How a sample is scored:
// - Both sides go through fuzzy-text.ts: typed digits spoken, contractions expanded, filler words dropped ("um",
//   "okay", "please", "alexa", "now", "just"), light stemming, she/he/her/his/mom/dad as one token, and a small
//   thesaurus ("moment" = "minute" = "sec", "finished" = "done", "ouch" = "ow").
// - Each word has a weight: its inverse intent frequency over the model's samples (ln(1 + intents / intents
//   using it)), grammar words at a quarter of that; so "the" or "she" count little and "hurt", "skip" or
//   "breathe" a lot, and a word no sample uses weighs as much as the rarest, so out-of-domain speech ("play
//   some music") finds nothing to lean on.
// - Sample and utterance are aligned in order (a weighted longest common subsequence, by dynamic programming).
//   A sample word meets an utterance word when their keys are equal (or one edit apart, for long words); a
//   {slot} meets a span of the utterance that is a value of the slot's type (custom values and synonyms,
//   spoken numbers, spoken times), which fills the slot.
// - Recall = aligned sample weight / sample weight; precision = aligned utterance weight / utterance weight;
//   score = their F-measure with recall weighted 1.5 times (a caregiver's extra words cost less than a missing
//   sample word), 0 when precision is under 0.25. The best score at or above 0.6 wins; below it, nothing.
// - Among samples of the winning intent scoring within 0.1 of the winner, the one filling most slots is taken
//   (Alexa fills what it can). Ties go to the higher aligned weight, then to model order: deterministic.
// - Speed: a cheap upper bound (every sample word present anywhere, every utterance word such a word could
//   meet) skips most samples before any alignment; the whole test corpus resolves in well under a second.
import type { ResolvedSlotValue } from './envelopes';
import { editDistance, fuzzyWords, type FuzzyWord } from './fuzzy-text';
import type { SampleToken } from './utterance-text';

export type FuzzySlotValue = { end: number; value: string; resolved?: ResolvedSlotValue[] };
/** Slot values of one type that start at `start` in the (fuzzy) words of an utterance. */
export type FuzzySlotFinder = (words: readonly FuzzyWord[], start: number) => FuzzySlotValue[];

export type FuzzyTemplateInput = {
  intentName: string;
  tokens: readonly SampleToken[];
  /** Slot name to slot type name, for the slots this sample's intent declares. */
  slotTypes: ReadonlyMap<string, string>;
};

export type FuzzyMatch = { templateIndex: number; score: number; filled: Map<string, FuzzySlotValue> };

export const DEFAULT_FUZZY_THRESHOLD = 0.6;
/** What a filled {slot} weighs on the sample side. */
const SLOT_WEIGHT = 2.5;
/** A sample of the winning intent this close to the winner that fills more of its slots is taken instead. */
const SLOT_PREFERENCE_MARGIN = 0.1;
/** Credit for two long words one edit apart ("hamstring" / "hamstrings" after stemming differ by nothing). */
const NEAR_WORD_CREDIT = 0.75;

/** Grammar words that say little about the request; they count at a fraction of their frequency weight. */
const STOP_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'is', 'are', 'am', 'be', 'it', 'this', 'that', 'to', 'of', 'for', 'on', 'in', 'at', 'and', 'with',
  'me', 'my', 'i', 'you', 'we', 'us', '<person>', 'do', 'can', 'will', 'would', 'have', 'there', 'some', 'your', 'our',
]);

const BETA = 1.5;
const PRECISION_FLOOR = 0.25;
const STOP_WORD_FACTOR = 0.25;
/**
 * How well a sample fits: the F-measure of recall (how much of the sample the utterance says) and precision
 * (how much of the utterance the sample explains), recall weighted BETA times as much, so a caregiver's extra
 * words cost less than a missing sample word; below PRECISION_FLOOR the utterance is mostly about something else.
 */
function combine(recall: number, precision: number): number {
  if (recall <= 0 || precision <= 0 || precision < PRECISION_FLOOR) return 0;
  const b2 = BETA * BETA;
  return ((1 + b2) * precision * recall) / (b2 * precision + recall);
}

type Item = { kind: 'word'; key: string; id: number; weight: number } | { kind: 'slot'; name: string; type: string; weight: number };
type Template = {
  index: number;
  intentName: string;
  items: Item[];
  total: number;
  /** The word items' vocabulary ids and weights, and the slot items' types and weights, for the fast bound. */
  wordIds: Int32Array;
  wordWeights: Float64Array;
  slotTypes: readonly string[];
  slotWeight: number;
};

export type FuzzyStage = {
  match(words: readonly string[]): FuzzyMatch | undefined;
};

export function createFuzzyStage(
  inputs: readonly FuzzyTemplateInput[],
  finders: ReadonlyMap<string, FuzzySlotFinder>,
  options: { threshold?: number } = {},
): FuzzyStage {
  const threshold = options.threshold ?? DEFAULT_FUZZY_THRESHOLD;

  // Every sample as items (word keys and slots), and the intents that use each word key.
  const intentsByKey = new Map<string, Set<string>>();
  const raw = inputs.map((input) => {
    const items: Array<{ kind: 'word'; key: string } | { kind: 'slot'; name: string; type: string }> = [];
    let run: string[] = [];
    const flush = (): void => {
      for (const word of fuzzyWords(run)) items.push({ kind: 'word', key: word.key });
      run = [];
    };
    for (const token of input.tokens) {
      if (token.kind === 'word') {
        run.push(token.word);
        continue;
      }
      flush();
      const type = input.slotTypes.get(token.name);
      if (type !== undefined && finders.has(type)) items.push({ kind: 'slot', name: token.name, type });
      else return undefined; // a slot this stage cannot fill: the sample cannot be matched fuzzily
    }
    flush();
    for (const item of items) {
      if (item.kind !== 'word') continue;
      const set = intentsByKey.get(item.key) ?? new Set<string>();
      set.add(input.intentName);
      intentsByKey.set(item.key, set);
    }
    return items;
  });
  const intentCount = Math.max(1, new Set(inputs.map((i) => i.intentName)).size);
  const unknownWeight = Math.log(1 + intentCount);
  const weightOf = (key: string): number => {
    const df = intentsByKey.get(key)?.size ?? 0;
    const idf = df === 0 ? unknownWeight : Math.log(1 + intentCount / df);
    return STOP_WORDS.has(key) ? STOP_WORD_FACTOR * idf : idf;
  };

  // The sample vocabulary, numbered, so an utterance's word similarities are one table lookup in the alignment.
  const vocabulary = [...intentsByKey.keys()].sort();
  const vocabId = new Map(vocabulary.map((key, id) => [key, id]));
  const longByLength = new Map<number, number[]>();
  vocabulary.forEach((key, id) => {
    if (key.length < 5) return;
    const list = longByLength.get(key.length) ?? [];
    list.push(id);
    longByLength.set(key.length, list);
  });
  const nearCache = new Map<string, number[]>();
  /** Vocabulary ids one edit away from a long word (never the word itself). */
  const nearIds = (key: string): number[] => {
    let ids = nearCache.get(key);
    if (ids === undefined) {
      ids = [];
      if (key.length >= 5) {
        for (const length of [key.length - 1, key.length, key.length + 1]) {
          for (const id of longByLength.get(length) ?? []) {
            const other = vocabulary[id] as string;
            if (other !== key && editDistance(key, other, 1) <= 1) ids.push(id);
          }
        }
      }
      if (nearCache.size > 10_000) nearCache.clear();
      nearCache.set(key, ids);
    }
    return ids;
  };

  // One template per distinct item sequence (many samples collapse once fillers and contractions are gone).
  const templates: Template[] = [];
  const seen = new Set<string>();
  raw.forEach((items, index) => {
    if (items === undefined || items.length === 0) return;
    const signature = `${inputs[index]?.intentName}|${items.map((i) => (i.kind === 'word' ? i.key : `{${i.name}}`)).join(' ')}`;
    if (seen.has(signature)) return;
    seen.add(signature);
    const weighted: Item[] = items.map((i) =>
      i.kind === 'word' ? { ...i, id: vocabId.get(i.key) ?? -1, weight: weightOf(i.key) } : { ...i, weight: SLOT_WEIGHT },
    );
    templates.push({
      index,
      intentName: inputs[index]?.intentName ?? '',
      items: weighted,
      total: weighted.reduce((sum, i) => sum + i.weight, 0),
      wordIds: Int32Array.from(weighted.flatMap((i) => (i.kind === 'word' ? [i.id] : []))),
      wordWeights: Float64Array.from(weighted.flatMap((i) => (i.kind === 'word' ? [i.weight] : []))),
      slotTypes: weighted.flatMap((i) => (i.kind === 'slot' ? [i.type] : [])),
      slotWeight: SLOT_WEIGHT,
    });
  });
  const longest = Math.max(1, ...templates.map((t) => t.items.length));

  return {
    match(rawWords) {
      const words = fuzzyWords(rawWords);
      const n = words.length;
      if (n === 0) return undefined;
      const weights = words.map((w) => weightOf(w.key));
      const utteranceTotal = weights.reduce((sum, w) => sum + w, 0);
      const prefix = new Float64Array(n + 1);
      weights.forEach((w, i) => (prefix[i + 1] = (prefix[i] ?? 0) + w));

      // sim[id * n + i]: credit factor for vocabulary word `id` meeting utterance word i.
      const sim = new Float32Array(vocabulary.length * n);
      const present = new Uint8Array(vocabulary.length);
      const presentIds: number[] = [];
      const mark = (id: number): void => {
        if (present[id] === 1) return;
        present[id] = 1;
        presentIds.push(id);
      };
      words.forEach((word, i) => {
        const exact = vocabId.get(word.key);
        if (exact !== undefined) {
          sim[exact * n + i] = 1;
          mark(exact);
        }
        for (const id of nearIds(word.key)) {
          if ((sim[id * n + i] ?? 0) < NEAR_WORD_CREDIT) sim[id * n + i] = NEAR_WORD_CREDIT;
          mark(id);
        }
      });
      const spansByType = new Map<string, FuzzySlotValue[][]>();
      const spansOf = (type: string): FuzzySlotValue[][] => {
        let spans = spansByType.get(type);
        if (spans === undefined) {
          const finder = finders.get(type);
          spans = words.map((_, start) => (finder === undefined ? [] : finder(words, start)));
          spansByType.set(type, spans);
        }
        return spans;
      };
      const hasSpans = new Map<string, boolean>();
      const typeHasSpans = (type: string): boolean => {
        let has = hasSpans.get(type);
        if (has === undefined) {
          has = spansOf(type).some((list) => list.length > 0);
          hasSpans.set(type, has);
        }
        return has;
      };

      // Which utterance positions each present vocabulary word, and each slot type's values, could cover.
      const bitsOf = (from: number, to: number): number => (to - from >= 31 ? 0x7fffffff : ((1 << (to - from)) - 1) << from);
      const wordMask = new Int32Array(vocabulary.length);
      for (const id of presentIds) {
        for (let i = 0; i < n && i < 31; i += 1) if ((sim[id * n + i] ?? 0) > 0) wordMask[id] = (wordMask[id] ?? 0) | (1 << i);
      }
      const slotMask = new Map<string, number>();
      const maskOfType = (type: string): number => {
        let mask = slotMask.get(type);
        if (mask === undefined) {
          mask = 0;
          spansOf(type).forEach((list, start) => list.forEach((span) => (mask = (mask ?? 0) | bitsOf(Math.min(start, 31), Math.min(span.end, 31)))));
          slotMask.set(type, mask);
        }
        return mask;
      };
      const uncapped = n > 31;
      const buffer = new Float64Array((longest + 1) * (n + 1));
      const sideBuffer = new Float64Array((longest + 1) * (n + 1));
      let best: { template: Template; score: number; credit: number } | undefined;
      const near: Array<{ template: Template; score: number }> = [];
      for (const template of templates) {
        // Cheap upper bound first: every sample word that could meet something, every utterance word.
        let reachable = 0;
        let mask = 0;
        const ids = template.wordIds;
        for (let w = 0; w < ids.length; w += 1) {
          const id = ids[w] as number;
          if (id >= 0 && present[id] === 1) {
            reachable += template.wordWeights[w] as number;
            mask |= wordMask[id] as number;
          }
        }
        for (const type of template.slotTypes) {
          if (typeHasSpans(type)) {
            reachable += template.slotWeight;
            mask |= maskOfType(type);
          }
        }
        if (reachable === 0) continue;
        let reachableWords = 0;
        if (uncapped) reachableWords = utteranceTotal;
        else for (let i = 0; i < n; i += 1) if ((mask & (1 << i)) !== 0) reachableWords += weights[i] ?? 0;
        const bound = combine(reachable / template.total, reachableWords / utteranceTotal);
        if (bound < threshold || (best !== undefined && bound < best.score - SLOT_PREFERENCE_MARGIN)) continue;
        const aligned = align(template.items, n, prefix, sim, spansOf, buffer, sideBuffer, undefined);
        const credit = aligned.credit;
        const score = combine(aligned.sampleCredit / template.total, (credit - aligned.sampleCredit) / utteranceTotal);
        if (score >= threshold && template.slotTypes.length > 0) near.push({ template, score });
        if (best === undefined || score > best.score + 1e-9 || (Math.abs(score - best.score) <= 1e-9 && credit > best.credit + 1e-9)) {
          best = { template, score, credit };
        }
      }
      if (best === undefined || best.score < threshold) return undefined;
      const fill = (template: Template): Map<string, FuzzySlotValue> => {
        const filled = new Map<string, FuzzySlotValue>();
        align(template.items, n, prefix, sim, spansOf, buffer, sideBuffer, filled);
        return filled;
      };
      // Alexa fills what it can: among the winning intent's samples that come close, the one filling most slots.
      let chosen = { template: best.template, score: best.score, filled: fill(best.template) };
      for (const candidate of near) {
        const winner = best;
        if (candidate.template.intentName !== winner.template.intentName || candidate.score < winner.score - SLOT_PREFERENCE_MARGIN) continue;
        if (candidate.template === chosen.template) continue;
        const filled = fill(candidate.template);
        if (filled.size > chosen.filled.size || (filled.size === chosen.filled.size && candidate.score > chosen.score + 1e-9)) {
          chosen = { template: candidate.template, score: candidate.score, filled };
        }
      }
      return { templateIndex: chosen.template.index, score: chosen.score, filled: chosen.filled };
    },
  };
}

/**
 * Weighted longest common subsequence of sample items and utterance words, with slots taking whole spans.
 * Returns the aligned weight (both sides); with `filled`, also records which span each slot took.
 */
function align(
  items: readonly Item[],
  n: number,
  prefix: Float64Array,
  sim: Float32Array,
  spansOf: (type: string) => FuzzySlotValue[][],
  score: Float64Array,
  side: Float64Array,
  filled: Map<string, FuzzySlotValue> | undefined,
): { credit: number; sampleCredit: number } {
  const m = items.length;
  const width = n + 1;
  score.fill(0, 0, (m + 1) * width);
  side.fill(0, 0, (m + 1) * width);
  for (let k = m - 1; k >= 0; k -= 1) {
    const item = items[k] as Item;
    const row = k * width;
    const next = row + width;
    const spans = item.kind === 'slot' ? spansOf(item.type) : undefined;
    score[row + n] = score[next + n] ?? 0;
    side[row + n] = side[next + n] ?? 0;
    for (let i = n - 1; i >= 0; i -= 1) {
      // Skipping the sample item or the word; ties keep the sample side higher.
      let value = score[next + i] ?? 0;
      let sampleSide = side[next + i] ?? 0;
      const skipWord = score[row + i + 1] ?? 0;
      if (skipWord > value + 1e-12 || (Math.abs(skipWord - value) <= 1e-12 && (side[row + i + 1] ?? 0) > sampleSide)) {
        value = skipWord;
        sampleSide = side[row + i + 1] ?? 0;
      }
      if (item.kind === 'word') {
        const s = item.id < 0 ? 0 : (sim[item.id * n + i] ?? 0);
        if (s > 0) {
          const taken = s * (item.weight + ((prefix[i + 1] ?? 0) - (prefix[i] ?? 0))) + (score[next + i + 1] ?? 0);
          if (taken > value + 1e-12) {
            value = taken;
            sampleSide = s * item.weight + (side[next + i + 1] ?? 0);
          }
        }
      } else {
        for (const span of spans?.[i] ?? []) {
          const taken = item.weight + ((prefix[span.end] ?? 0) - (prefix[i] ?? 0)) + (score[next + span.end] ?? 0);
          if (taken > value + 1e-12) {
            value = taken;
            sampleSide = item.weight + (side[next + span.end] ?? 0);
          }
        }
      }
      score[row + i] = value;
      side[row + i] = sampleSide;
    }
  }
  if (filled !== undefined) {
    // Walk the table forward, taking a slot's span whenever that is what produced the cell's value.
    let k = 0;
    let i = 0;
    while (k < m && i < n) {
      const item = items[k] as Item;
      const here = score[k * width + i] ?? 0;
      const next = (k + 1) * width;
      if (item.kind === 'slot') {
        const span = (spansOf(item.type)[i] ?? []).find(
          (s) => Math.abs(item.weight + ((prefix[s.end] ?? 0) - (prefix[i] ?? 0)) + (score[next + s.end] ?? 0) - here) < 1e-9,
        );
        if (span !== undefined) {
          filled.set(item.name, span);
          k += 1;
          i = span.end;
          continue;
        }
      } else {
        const s = item.id < 0 ? 0 : (sim[item.id * n + i] ?? 0);
        if (s > 0 && Math.abs(s * (item.weight + ((prefix[i + 1] ?? 0) - (prefix[i] ?? 0))) + (score[next + i + 1] ?? 0) - here) < 1e-9) {
          k += 1;
          i += 1;
          continue;
        }
      }
      if (Math.abs((score[next + i] ?? 0) - here) < 1e-9) k += 1;
      else i += 1;
    }
  }
  return { credit: score[0] ?? 0, sampleCredit: side[0] ?? 0 };
}
