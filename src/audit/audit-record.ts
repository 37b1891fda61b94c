import { currentRequestContext, type AuditRecord } from '../request';

/**
 * The audit record of the mutation running now, a field of the request context: the AuditInterceptor opens one
 * for each root Mutation field (they run one after another) and writes its row when the mutation succeeds. A
 * service states what the interceptor cannot know through the two functions below.
 */

/** Opens the record of a mutation about to run (AuditInterceptor only). */
export function beginAuditRecord(operation: string): AuditRecord | null {
  const context = currentRequestContext();
  if (!context) return null;
  context.audit = { operation, unchanged: false };
  return context.audit;
}

/**
 * Declares that the current mutation changed nothing (an idempotent replay answered from the first result),
 * so it gets no audit row: a replay stores nothing.
 */
export function markMutationUnchanged(): void {
  const record = currentRequestContext()?.audit;
  if (record) record.unchanged = true;
}

/** States the id of the object the current mutation changed (null: none), instead of the interceptor's guess. */
export function setAuditTarget(targetId: string | null): void {
  const record = currentRequestContext()?.audit;
  if (record) record.targetId = targetId;
}
