// The exercise catalog, validated once at cold start. A bad entry stops the skill loading
// rather than letting it speak a half-formed instruction.
import { CatalogError } from '../errors';
import { EXERCISE_DATA } from './exercises';
import { CatalogSchema, type Exercise } from './schema';

/** Validates catalog data; throws CatalogError listing every issue with its path. Exported for tests. */
export function parseCatalog(data: unknown): readonly Exercise[] {
  const parsed = CatalogSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => {
      const path = issue.path.map(String).join('.') || '(catalog)';
      return `${path}${describeEntry(data, issue.path[0])}: ${issue.message}`;
    });
    throw new CatalogError(`Invalid exercise catalog: ${issues.join('; ')}`, { cause: parsed.error });
  }
  return deepFreeze(parsed.data);
}

/** Names the entry an issue belongs to, e.g. " (hip-rotation)", when its id can be read. */
function describeEntry(data: unknown, index: PropertyKey | undefined): string {
  if (!Array.isArray(data) || typeof index !== 'number') return '';
  const entry: unknown = data[index];
  if (typeof entry === 'object' && entry !== null && 'id' in entry && typeof entry.id === 'string') {
    return ` (${entry.id})`;
  }
  return '';
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export const CATALOG: readonly Exercise[] = parseCatalog(EXERCISE_DATA);

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
