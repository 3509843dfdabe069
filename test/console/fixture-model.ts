// The fixture interaction model, parsed, for console tests (independent of the generated skill model).
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { parseInteractionModel, type InteractionModel } from '../../scripts/console/interaction-model';

export const FIXTURE_MODEL_PATH = path.join(__dirname, 'fixtures', 'en-US.model.json');

export function fixtureModel(): InteractionModel {
  return parseInteractionModel(JSON.parse(readFileSync(FIXTURE_MODEL_PATH, 'utf8')));
}
