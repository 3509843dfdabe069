// Validates catalog data against exercise-schema.ts. Run by test/catalog and by `npm run build`, which refuses to
// bundle a catalog that fails; the skill itself never loads this, so zod costs nothing at cold start.
import '../zod-locale';
import { CatalogError } from '../errors';
import { deepFreeze } from './deep-freeze';
import { CatalogSchema } from './exercise-schema';
import type { Exercise } from './schema';

/** Validates catalog data; throws CatalogError listing every issue with its path. */
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
