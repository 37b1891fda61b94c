/** Membership roles, from the contract. */
export const ROLES = ['OWNER', 'ADMIN', 'CONSULTANT', 'CONTRIBUTOR', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

/** Everyone who may change the organisation's facts: all but VIEWER. */
export const EDITORS: readonly Role[] = ['OWNER', 'ADMIN', 'CONSULTANT', 'CONTRIBUTOR'];
export const MEMBERSHIP_ADMINS: readonly Role[] = ['OWNER', 'ADMIN'];
export const PROFILE_EDITORS: readonly Role[] = ['OWNER', 'ADMIN', 'CONSULTANT'];
export const ALL_ROLES: readonly Role[] = ROLES;
