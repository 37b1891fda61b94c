import { ClsServiceManager } from 'nestjs-cls';

const UNCHANGED_KEY = 'smt:audit-unchanged';

/**
 * Declares that the current mutation changed nothing (an idempotent replay answered from the first result),
 * so it gets no audit row: a replay stores nothing.
 */
export function markMutationUnchanged(): void {
  const cls = ClsServiceManager.getClsService();
  if (cls.isActive()) cls.set(UNCHANGED_KEY, true);
}

export function mutationWasUnchanged(): boolean {
  const cls = ClsServiceManager.getClsService();
  return cls.isActive() && cls.get<boolean | undefined>(UNCHANGED_KEY) === true;
}
