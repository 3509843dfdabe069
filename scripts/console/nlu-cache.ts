// The trained classifier of a model, cached under .data/nlu/ keyed by the model's hash (nlu-stage.ts), so the
// console and the corpus tests train a model once and load it afterwards. A missing, stale or unreadable file
// is retrained and rewritten; the cache is written whole (a temporary file renamed), so parallel test workers
// never read half a file.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { InteractionModel } from './interaction-model';
import { createClassifier, modelHash, type Classifier, type ClassifierJson } from './nlu-stage';

export const NLU_CACHE_DIR = path.join(__dirname, '..', '..', '.data', 'nlu');

export function cachedClassifier(model: InteractionModel, dir: string = NLU_CACHE_DIR): Classifier {
  const file = path.join(dir, `${modelHash(model)}.json`);
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as ClassifierJson;
    return createClassifier(model, json);
  } catch {
    // not cached yet, or unreadable: train
  }
  const classifier = createClassifier(model);
  try {
    mkdirSync(dir, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(classifier.toJSON()));
    renameSync(temporary, file);
  } catch {
    // a read-only checkout still works, it only trains every time
  }
  return classifier;
}
