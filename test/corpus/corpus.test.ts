// How caregivers talk, resolved by the console's resolver against the samples as written (the HEALTH_LOG=detailed
// model of each entry's locale; the published profile is checked in test/model/published-profile.test.ts):
// at least 95% right (intent and slot ids), every pain report and every emergency right, and never one for
// the other. The misses and the score are printed.
import { INTENTS } from '../../lambda/intents';
import { LOCALES } from '../../lambda/markets';
import { expandContractions, FILLER_WORDS } from '../../scripts/console/fuzzy-text';
import { toWords } from '../../scripts/console/utterance-text';
import { detailedModel } from '../support/model';
import { CORPUS, CorpusEntrySchema, DEVELOPMENT, HELD_OUT } from './corpus';
import { evaluate, missTable, resolverFor, type Outcome } from './evaluate';

/** Lower case, no punctuation, contractions expanded, fillers gone: "Okay, what's next?" is "what is next". */
function normalise(text: string): string {
  return expandContractions(toWords(text)).filter((w) => !FILLER_WORDS.has(w)).join(' ');
}

const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)}%`;
const rightOf = (outcomes: readonly Outcome[]): number => outcomes.filter((o) => o.right).length;

describe('the caregiver corpus', () => {
  let outcomes: Outcome[] = [];
  let firstPassMs = 0;

  beforeAll(() => {
    for (const locale of LOCALES) resolverFor(locale);
    const start = performance.now();
    outcomes = evaluate(CORPUS);
    firstPassMs = performance.now() - start;
  });

  it('is well formed: at least 250 entries in en-US, en-GB and en-IN, every intent, some out of domain', () => {
    for (const entry of CORPUS) expect(CorpusEntrySchema.parse(entry)).toEqual(entry);
    expect(CORPUS.length).toBeGreaterThanOrEqual(250);
    const locales = new Set(CORPUS.map((e) => e.locale));
    for (const locale of ['en-US', 'en-GB', 'en-IN']) expect(locales).toContain(locale);
    const intents = new Set(CORPUS.map((e) => e.intent));
    for (const intent of Object.values(INTENTS)) expect([intent, intents.has(intent)]).toEqual([intent, true]);
    expect(CORPUS.filter((e) => e.intent === INTENTS.fallback).length).toBeGreaterThanOrEqual(15);
    const keys = CORPUS.map((e) => `${e.locale} ${normalise(e.utterance)}`);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  it('copies no utterance into the samples: none is a sample of any locale, after normalising', () => {
    const samples = new Set<string>();
    for (const locale of LOCALES) {
      for (const intent of detailedModel(locale).interactionModel.languageModel.intents) {
        for (const sample of intent.samples ?? []) samples.add(normalise(sample));
      }
    }
    expect(CORPUS.filter((e) => samples.has(normalise(e.utterance))).map((e) => e.utterance)).toEqual([]);
  });

  it('resolves at least 95% right, printing the misses and the score', () => {
    const right = rightOf(outcomes);
    const misses = missTable(outcomes);
    const byVia = outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o.via]: (acc[o.via] ?? 0) + 1 }), {});
    const heldOut = outcomes.slice(DEVELOPMENT.length);
    console.log(
      [
        `corpus: ${right}/${outcomes.length} right (${percent(right, outcomes.length)})`,
        `  development set ${rightOf(outcomes.slice(0, DEVELOPMENT.length))}/${DEVELOPMENT.length}, held-out set ${rightOf(heldOut)}/${HELD_OUT.length}`,
        `  resolved via ${JSON.stringify(byVia)} in ${firstPassMs.toFixed(0)} ms`,
        misses.length === 0 ? '  no misses' : `  misses:\n${formatTable(misses)}`,
      ].join('\n'),
    );
    expect(right / outcomes.length).toBeGreaterThanOrEqual(0.95);
  });

  it('gets every pain report and every emergency right', () => {
    const safety = outcomes.filter((o) => o.entry.intent === INTENTS.reportPain || o.entry.intent === INTENTS.emergency);
    expect(safety.length).toBeGreaterThanOrEqual(60);
    expect(missTable(safety)).toEqual([]);
  });

  it('never takes an emergency for pain, or pain for an emergency', () => {
    const crossed = outcomes.filter(
      (o) =>
        (o.entry.intent === INTENTS.emergency && o.intent === INTENTS.reportPain) ||
        (o.entry.intent !== INTENTS.emergency && o.intent === INTENTS.emergency) ||
        (o.entry.intent === INTENTS.reportPain && o.intent !== INTENTS.reportPain),
    );
    expect(missTable(crossed)).toEqual([]);
  });

  it('uses the fuzzy stage for most of the corpus: it tests generalising, not looking samples up', () => {
    const fuzzy = outcomes.filter((o) => o.via === 'fuzzy').length;
    expect(fuzzy / outcomes.length).toBeGreaterThan(0.6);
  });

  // Speed is a benchmark's business, not a test's: the time is printed above, never asserted.
  it('is deterministic: the whole corpus again gives the same answers', () => {
    expect(evaluate(CORPUS)).toEqual(outcomes);
  });
});

function formatTable(rows: ReadonlyArray<Record<string, string>>): string {
  const columns = Object.keys(rows[0] ?? {});
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) => `  | ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => r[c] ?? '')))].join('\n');
}
