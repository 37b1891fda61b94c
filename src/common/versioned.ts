import { NotFoundError, VersionConflictError } from './errors';

/**
 * Why a conditional write (`... WHERE id = $1 AND version = $2`) matched no row, from the version the object has
 * now (null: it is not there, or is another tenant's): it moved on (VERSION_CONFLICT), or NOT_FOUND.
 */
export function conflictOrMissing(
  what: string,
  expectedVersion: number,
  currentVersion: number | null,
): VersionConflictError | NotFoundError {
  return currentVersion !== null ? new VersionConflictError(what, expectedVersion, currentVersion) : new NotFoundError(what);
}
