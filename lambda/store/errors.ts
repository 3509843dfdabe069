// The store's own named errors, beside the shared ones in lambda/errors.ts.
import { PersistenceError, RomSkillError } from '../errors';

/** A record written by a newer schema than this code knows: it is reported and left as it is, never overwritten. */
export class NewerRecordError extends RomSkillError {
  constructor(
    readonly recordKind: string,
    readonly schemaVersion: number,
  ) {
    super(`Stored ${recordKind} has schema version ${schemaVersion}, newer than this code reads`);
  }
}

/** Deleting a user's items left some behind after every round: the caller must fail, so the deletion is retried. */
export class IncompleteDeleteError extends PersistenceError {
  constructor(
    readonly left: number,
    tableName: string,
  ) {
    super(`${left} item(s) of the user were not deleted`, 'BatchWriteItem', tableName);
  }
}
