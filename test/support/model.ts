// The generated interaction models: as committed under skill-package/ (the published profile), and the
// HEALTH_LOG=detailed variant that keeps every sample as written.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildModel } from '../../interactionModels/build-model';
import type { Locale } from '../../lambda/markets';
import { parseInteractionModel } from '../../scripts/console/interaction-model';

export function committedModel(locale = 'en-US') {
  const file = path.join(__dirname, '..', '..', 'skill-package', 'interactionModels', 'custom', `${locale}.json`);
  return parseInteractionModel(JSON.parse(readFileSync(file, 'utf8')));
}

export function detailedModel(locale: Locale = 'en-US') {
  return parseInteractionModel(buildModel(locale, { healthLog: 'detailed' }));
}
