// The exercise catalog: exercises.ts, typed against the schema and frozen. It is source code, not input, so it
// is validated where a bad entry can still be fixed (test/catalog, and `npm run build` refuses to bundle it)
// rather than with zod at every cold start.
import { CatalogError } from '../errors';
import { deepFreeze } from './deep-freeze';
import { EXERCISE_DATA } from './exercises';
import type { Exercise } from './schema';

export const CATALOG: readonly Exercise[] = deepFreeze(EXERCISE_DATA);

export const EXERCISE_IDS: readonly string[] = Object.freeze(CATALOG.map((exercise) => exercise.id));

const BY_ID: ReadonlyMap<string, Exercise> = new Map(CATALOG.map((exercise) => [exercise.id, exercise]));

export function findExercise(id: string): Exercise | undefined {
  return BY_ID.get(id);
}

export function exerciseById(id: string): Exercise {
  const exercise = BY_ID.get(id);
  if (exercise === undefined) throw new CatalogError(`Unknown exercise id: ${id}`);
  return exercise;
}

/** The exercises a caregiver means by a group name ("the neck ones"). */
export function exerciseIdsInGroup(group: string): string[] {
  return CATALOG.filter((exercise) => exercise.group === group).map((exercise) => exercise.id);
}
