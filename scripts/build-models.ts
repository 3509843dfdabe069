// `npm run models` writes skill-package/interactionModels/custom/<locale>.json from interactionModels/;
// `--check` fails when a committed model is stale or breaks a rule.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildModel, LOCALES } from '../interactionModels/build-model';
import { checkModel } from '../interactionModels/check-model';

const outDir = path.join(__dirname, '..', 'skill-package', 'interactionModels', 'custom');
const check = process.argv.includes('--check');
let failed = false;

mkdirSync(outDir, { recursive: true });
for (const locale of LOCALES) {
  const model = buildModel(locale);
  const json = `${JSON.stringify(model, null, 2)}\n`;
  const file = path.join(outDir, `${locale}.json`);
  for (const problem of checkModel(model)) {
    failed = true;
    console.error(`${locale}: ${problem}`);
  }
  if (check) {
    let committed = '';
    try {
      committed = readFileSync(file, 'utf8');
    } catch {
      // A missing file is stale too.
    }
    if (committed !== json) {
      failed = true;
      console.error(`${locale}: ${path.relative(process.cwd(), file)} is stale; run npm run models`);
    }
  } else {
    writeFileSync(file, json);
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
if (failed) process.exit(1);
if (check) console.log(`interaction models up to date and valid (${LOCALES.join(', ')})`);
