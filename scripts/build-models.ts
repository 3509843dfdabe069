// `npm run models` writes skill-package/interactionModels/custom/<locale>.json for every locale from
// interactionModels/ (the published profile: HEALTH_LOG off), and each stage's own copy of the skill package
// (scripts/stages.ts, git-ignored); `--check` writes nothing and fails when a committed model is stale, missing
// or breaks a rule, or a stage's model breaks one. Every problem is printed as "<locale>: <intent>: "<utterance>": <rule>".
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { INTENTS, INTENT_SLOTS } from '../lambda/intents';
import { buildModel, DETAILED_ONLY_SLOTS, LOCALES, type HealthLog } from '../interactionModels/build-model';
import { checkModel, type ExpectedIntents } from '../interactionModels/check-model';
import { STAGE_PACKAGES, writeStagePackage } from './stages';

export const MODEL_DIR = path.join(__dirname, '..', 'skill-package', 'interactionModels', 'custom');

/** lambda/intents.ts as the checker's expectation: every intent, with the slots INTENT_SLOTS gives it that the profile may hear. */
export function expectedIntents(healthLog: HealthLog): ExpectedIntents {
  return Object.fromEntries(
    Object.values(INTENTS).map((name) => [
      name,
      (INTENT_SLOTS[name] ?? []).filter((slot) => healthLog === 'detailed' || !(DETAILED_ONLY_SLOTS[name] ?? []).includes(slot.name)),
    ]),
  );
}

/** The published profile's expectation (the committed models). */
export const EXPECTED_INTENTS: ExpectedIntents = expectedIntents('off');

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
  for (const stage of STAGE_PACKAGES) {
    for (const locale of LOCALES) {
      const model = buildModel(locale, { healthLog: stage.healthLog, invocationName: stage.invocationName });
      for (const problem of checkModel(model, { expectedIntents: expectedIntents(stage.healthLog) })) {
        failed = true;
        console.error(`${stage.profile} ${locale}: ${problem}`);
      }
    }
    if (!check && !failed) {
      const written = writeStagePackage(stage);
      console.log(`stage ${stage.profile}: ${stage.dir} ${written.length === 0 ? 'up to date' : `(${written.length} files written)`}`);
    }
  }
  if (failed) process.exit(1);
  if (check) console.log(`interaction models up to date and valid (${LOCALES.join(', ')})`);
}

if (require.main === module) main();
