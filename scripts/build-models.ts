// `npm run models` writes skill-package/interactionModels/custom/<locale>.json for every locale from
// interactionModels/; `--check` writes nothing and fails when a committed model is stale, missing or breaks a
// rule. Every problem is printed as "<locale>: <intent>: "<utterance>": <rule>".
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { INTENTS, INTENT_SLOTS } from '../lambda/intents';
import { buildModel, LOCALES } from '../interactionModels/build-model';
import { checkModel, type ExpectedIntents } from '../interactionModels/check-model';

export const MODEL_DIR = path.join(__dirname, '..', 'skill-package', 'interactionModels', 'custom');

/** lambda/intents.ts as the checker's expectation: every intent, with the slots INTENT_SLOTS gives it. */
export const EXPECTED_INTENTS: ExpectedIntents = Object.fromEntries(Object.values(INTENTS).map((name) => [name, INTENT_SLOTS[name] ?? []]));

export function modelJson(locale: (typeof LOCALES)[number]): string {
  return `${JSON.stringify(buildModel(locale), null, 2)}\n`;
}

function main(): void {
  const check = process.argv.includes('--check');
  let failed = false;
  mkdirSync(MODEL_DIR, { recursive: true });
  for (const locale of LOCALES) {
    const json = modelJson(locale);
    const file = path.join(MODEL_DIR, `${locale}.json`);
    for (const problem of checkModel(JSON.parse(json), { expectedIntents: EXPECTED_INTENTS })) {
      failed = true;
      console.error(`${locale}: ${problem}`);
    }
    if (check) {
      let committed: string | undefined;
      try {
        committed = readFileSync(file, 'utf8');
      } catch {
        committed = undefined;
      }
      if (committed === undefined) {
        failed = true;
        console.error(`${locale}: ${path.relative(process.cwd(), file)} is missing; run npm run models`);
        continue;
      }
      if (committed !== json) {
        failed = true;
        console.error(`${locale}: ${path.relative(process.cwd(), file)} is stale; run npm run models`);
      }
      // The committed file itself must pass too (a hand edit that is also stale is reported twice, on purpose).
      let parsed: unknown;
      try {
        parsed = JSON.parse(committed);
      } catch {
        failed = true;
        console.error(`${locale}: ${path.relative(process.cwd(), file)} is not JSON`);
        continue;
      }
      if (committed !== json) {
        for (const problem of checkModel(parsed, { expectedIntents: EXPECTED_INTENTS })) console.error(`${locale} (committed): ${problem}`);
      }
    } else {
      writeFileSync(file, json);
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  }
  if (failed) process.exit(1);
  if (check) console.log(`interaction models up to date and valid (${LOCALES.join(', ')})`);
}

if (require.main === module) main();
