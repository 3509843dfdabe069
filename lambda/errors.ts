// Named error classes, so the error handler can map each to a calm spoken recovery.
export class RomSkillError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class ConfigError extends RomSkillError {}

export class CatalogError extends RomSkillError {}

/** A stored record that fails its schema; the skill resets it and says so. */
export class CorruptRecordError extends RomSkillError {
  constructor(
    message: string,
    readonly recordKind: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** DynamoDB could not be read or written; carries the table and operation, never the user id. */
export class PersistenceError extends RomSkillError {
  constructor(
    message: string,
    readonly operation: string,
    readonly tableName: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Another device (or a retried request) wrote newer progress first. */
export class WriteConflictError extends RomSkillError {}

export function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
