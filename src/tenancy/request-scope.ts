import type { Role } from './roles';

/** Who is asking and for which tenant, resolved once per request by the AccessGuard. */
export interface RequestScope {
  userId: string | null;
  /** Set only when the user is a member of the tenant named by x-tenant-id. */
  tenantId: string | null;
  role: Role | null;
}

export const SCOPE_KEY = 'smt:scope';
export const TX_KEY = 'smt:tx';
