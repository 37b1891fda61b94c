import { SetMetadata } from '@nestjs/common';
import type { Role } from '../common/roles';

/**
 * Who may call an operation, declared beside the resolver or controller method. The AccessGuard denies
 * every operation that has no rule (deny by default).
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'user' }
  | { kind: 'tenant'; roles: readonly Role[] };

export const ACCESS_RULE = 'smt:access-rule';

export const Access = {
  /** Anyone, signed in or not (sign-up, log-in, health). */
  public: () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule),
  /** Any signed-in user; no tenant selected. */
  user: () => SetMetadata(ACCESS_RULE, { kind: 'user' } satisfies AccessRule),
  /** A member of the tenant named by x-tenant-id, holding one of these roles. */
  tenant: (roles: readonly Role[]) => SetMetadata(ACCESS_RULE, { kind: 'tenant', roles } satisfies AccessRule),
};
