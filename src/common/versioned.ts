import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { NotFoundError, VersionConflictError } from './errors';

/**
 * Why a conditional write (`... WHERE id = $1 AND version = $2`) matched no row: the object moved on
 * (VERSION_CONFLICT) or is not there, or is another tenant's (NOT_FOUND).
 */
export async function conflictOrMissing<E extends ObjectLiteral & { id: string; version: number }>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  what: string,
  id: string,
  expectedVersion: number,
): Promise<VersionConflictError | NotFoundError> {
  const current = await manager
    .createQueryBuilder(entity, 'v')
    .select('v.version', 'version')
    .where('v.id = :id', { id })
    .getRawOne<{ version: number }>();
  return current ? new VersionConflictError(what, expectedVersion, current.version) : new NotFoundError(what);
}
