// `npm run nlu:export` writes the two caregiver corpora as annotation sets for Alexa's NLU Evaluation tool, one
// per locale: the training corpus (test/corpus/corpus.ts) as dist/nlu/<locale>.json and .csv, the frozen
// held-out corpus (test/corpus/held-out/) as its own set, dist/nlu/held-out/<locale>.json and .csv (dist/ is
// git-ignored).
// Upload one to the skill (developer console: Build > Evaluate Model > NLU Evaluation, or SMAPI / ask-cli) and
// run it against the deployed model, to see how the real Alexa NLU does on the same utterances.
//
// The format, as found (search of Amazon's documentation, 2026):
// - "NLU Evaluation Tool API" (developer.amazon.com/en-GB/docs/alexa/smapi/nlu-evaluation-tool-api.html): an
//   annotation set is JSON or CSV. JSON is
//     { "data": [ { "inputs": { "utterance": "...", "referenceTimestamp": "<UTC, optional>" },
//                   "expected": [ { "intent": { "name": "...",
//                       "slots": { "<SlotName>": { "slotValue": { "type": "Simple", "value": "..." } } } } } ] } ] }
//   An older copy of that page (developer.amazon.com/it/docs/smapi/nlu-evaluation-tool-api.html) and the SMAPI
//   model's example request for "update annotations" write a slot as { "value": "..." } instead, and give the
//   CSV form: a header "utterance,referenceTimestamp,intent,slot[<SlotName>],..." and one row per annotation.
// - "Batch Test Your NLU Model" (developer.amazon.com/en-US/docs/alexa/custom-skills/batch-test-your-nlu-model.html):
//   the utterance is what follows the invocation, without the wake word or invocation name; numbers may be
//   written as numerals or words. The expected slot value is the slot value Alexa would send: the words spoken
//   for a custom slot type (not the entity-resolution id), digits for AMAZON.NUMBER, "HH:MM" for AMAZON.TIME.
// - The SMAPI reference pages for the annotation-set and evaluation APIs now point to Amazon's "Deprecated
//   Features" page (moved August 2024), so the tool may no longer be offered; the CSV is kept because it is
//   the simplest to upload wherever a batch test is still available.
//
// The corpus keeps slot ids, not spoken words, so the spoken value is read back from the utterance: the
// longest phrase of the slot type (value or synonym, compared as the NLU stand-in compares words: stemmed)
// that resolves to the expected id. An entry whose value cannot be found stops the export rather than
// writing a wrong annotation.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { INTENT_SLOTS, SLOTS, type IntentName } from '../lambda/intents';
import { isPainHistoryQuestion } from '../interactionModels/build-model';
import { LOCALES, type Locale } from '../lambda/markets';
import { CORPUS, type CorpusEntry } from '../test/corpus/corpus';
import { HELD_OUT_CORPUS } from '../test/corpus/held-out/held-out';
import { parseInteractionModel, type InteractionModel } from './console/interaction-model';
import { stemOf } from './console/nlu-stage';
import { spokenWords, toWords } from './console/utterance-text';
import { MODEL_DIR } from './build-models';

export const NLU_DIR = path.join(__dirname, '..', 'dist', 'nlu');

export type Annotation = {
  inputs: { utterance: string };
  expected: Array<{ intent: { name: string; slots?: Record<string, { slotValue: { type: 'Simple'; value: string } }> } }>;
};

/** The words of the utterance that say the slot's expected value, as Alexa would send them. */
export function spokenSlotValue(model: InteractionModel, entry: CorpusEntry, slotName: string, expected: string): string {
  const slotType = INTENT_SLOTS[entry.intent as IntentName]?.find((s) => s.name === slotName)?.type;
  if (slotType === undefined) throw new Error(`${entry.locale} "${entry.utterance}": ${entry.intent} has no slot {${slotName}}`);
  if (slotType.startsWith('AMAZON.')) return expected; // AMAZON.NUMBER digits, AMAZON.TIME "HH:MM": as the corpus holds them
  const type = model.interactionModel.languageModel.types?.find((t) => t.name === slotType);
  const phrases = (type?.values ?? [])
    .filter((v) => (v.id ?? v.name.value) === expected)
    .flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])])
    .map((p) => spokenWords(p).map(stemOf))
    .sort((a, b) => b.length - a.length);
  const words = spokenWords(entry.utterance);
  const keys = words.map(stemOf);
  for (const phrase of phrases) {
    for (let start = 0; start + phrase.length <= words.length; start += 1) {
      if (phrase.every((key, i) => keys[start + i] === key)) return words.slice(start, start + phrase.length).join(' ');
    }
  }
  throw new Error(`${entry.locale} "${entry.utterance}": no ${slotType} phrase for "${expected}" in the utterance`);
}

/**
 * The corpus as annotations for this model. A published model (HEALTH_LOG off) has no severity slot and does not
 * answer when it last hurt: those expectations are left out (interactionModels/build-model.ts, forHealthLog).
 * With `omitted` (the held-out set, which names exercises in words the model may not know yet), a slot whose
 * value cannot be found in the utterance is left out of the annotation and reported there.
 */
export function annotationsFor(model: InteractionModel, entries: readonly CorpusEntry[], omitted?: string[]): Annotation[] {
  const declared = (intent: string) => new Set(model.interactionModel.languageModel.intents.find((i) => i.name === intent)?.slots?.map((s) => s.name) ?? []);
  const detailed = model.interactionModel.languageModel.intents.some((i) => i.slots?.some((s) => s.name === SLOTS.severity));
  return entries.filter((entry) => detailed || !isPainHistoryQuestion(entry.intent, entry.utterance)).map((entry) => {
    const slots = Object.entries(entry.slots ?? {})
      .filter(([name]) => declared(entry.intent).has(name))
      .flatMap(([name, id]) => {
        try {
          return [[name, spokenSlotValue(model, entry, name, id)] as const];
        } catch (error) {
          if (omitted === undefined) throw error;
          omitted.push((error as Error).message);
          return [];
        }
      });
    return {
      // As spoken: lower case, no punctuation (the corpus keeps the commas and question marks people type).
      inputs: { utterance: toWords(entry.utterance).join(' ') },
      expected: [
        {
          intent: {
            name: entry.intent,
            ...(slots.length > 0 ? { slots: Object.fromEntries(slots.map(([name, value]) => [name, { slotValue: { type: 'Simple' as const, value } }])) } : {}),
          },
        },
      ],
    };
  });
}

export function toCsv(annotations: readonly Annotation[]): string {
  const slotNames = [...new Set(annotations.flatMap((a) => Object.keys(a.expected[0]?.intent.slots ?? {})))].sort();
  const cell = (text: string): string => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const header = ['utterance', 'referenceTimestamp', 'intent', ...slotNames.map((n) => `slot[${n}]`)];
  const rows = annotations.map((a) => {
    const intent = a.expected[0]?.intent;
    return [a.inputs.utterance, '', intent?.name ?? '', ...slotNames.map((n) => intent?.slots?.[n]?.slotValue.value ?? '')];
  });
  return `${[header, ...rows].map((row) => row.map(cell).join(',')).join('\n')}\n`;
}

/** The annotation sets: the training corpus in dist/nlu/, the held-out corpus in dist/nlu/held-out/. */
export const ANNOTATION_SETS: ReadonlyArray<{ dir: string; corpus: readonly CorpusEntry[]; omitUnknown: boolean }> = [
  { dir: NLU_DIR, corpus: CORPUS, omitUnknown: false },
  { dir: path.join(NLU_DIR, 'held-out'), corpus: HELD_OUT_CORPUS, omitUnknown: true },
];

function main(): void {
  for (const { dir, corpus, omitUnknown } of ANNOTATION_SETS) {
    mkdirSync(dir, { recursive: true });
    for (const locale of LOCALES) {
      const entries = corpus.filter((e) => e.locale === locale);
      if (entries.length === 0) continue;
      const model = parseInteractionModel(JSON.parse(readFileSync(path.join(MODEL_DIR, `${locale}.json`), 'utf8')));
      const omitted: string[] = [];
      const annotations = annotationsFor(model, entries, omitUnknown ? omitted : undefined);
      for (const why of omitted) console.log(`  slot left out of the annotation: ${why}`);
      const base = path.join(dir, locale as Locale);
      writeFileSync(`${base}.json`, `${JSON.stringify({ data: annotations }, null, 2)}\n`);
      writeFileSync(`${base}.csv`, toCsv(annotations));
      console.log(`wrote ${path.relative(process.cwd(), base)}.json and .csv (${annotations.length} annotations)`);
    }
  }
}

if (require.main === module) main();
