// The generated en-US interaction model, as committed under skill-package/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseInteractionModel } from '../../scripts/console/interaction-model';

export function committedModel(locale = 'en-US') {
  const file = path.join(__dirname, '..', '..', 'skill-package', 'interactionModels', 'custom', `${locale}.json`);
  return parseInteractionModel(JSON.parse(readFileSync(file, 'utf8')));
}
