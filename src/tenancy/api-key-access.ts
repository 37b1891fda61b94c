import { createHash } from 'node:crypto';
import type { AccessRule } from './access.decorator';

/**
 * What an API key may do (issue 19), decided here and nowhere else: least privilege, deny by default.
 *
 * - READ: every tenant query a VIEWER may call (what the least member reads; not the audit trail, keys, webhooks,
 *   invitations, nor the portfolio, which is a person's view across tenants).
 * - SUBMIT_ASSESSMENTS: submitAssessment and scorePreview.
 * - MANAGE_FACTS: the mutations of the organisation's facts (teams, members, responsibilities, initiatives,
 *   profile).
 * Everything else (memberships, invitations, keys, webhooks, account operations, any operation not listed) is
 * FORBIDDEN to a key, whatever its scopes. A new operation is not reachable with a key until it is listed here.
 */
export const API_KEY_SCOPES = ['READ', 'SUBMIT_ASSESSMENTS', 'MANAGE_FACTS'] as const;
export type ApiKeyScopeName = (typeof API_KEY_SCOPES)[number];

/** Operations (root fields) that a scope other than READ allows, by scope. */
export const API_KEY_OPERATIONS: Readonly<Record<Exclude<ApiKeyScopeName, 'READ'>, readonly string[]>> = {
  SUBMIT_ASSESSMENTS: ['Mutation.submitAssessment', 'Query.scorePreview'],
  MANAGE_FACTS: [
    'Mutation.createTeam',
    'Mutation.updateTeam',
    'Mutation.deleteTeam',
    'Mutation.addTeamMember',
    'Mutation.updateTeamMember',
    'Mutation.removeTeamMember',
    'Mutation.assignResponsibility',
    'Mutation.unassignResponsibility',
    'Mutation.createInitiative',
    'Mutation.updateInitiative',
    'Mutation.deleteInitiative',
    'Mutation.updateTenantProfile',
  ],
};

/**
 * Operations never open to a key, even when their rule would make them READ: they manage access, or (the
 * portfolio) read a person's tenants across tenants, which a key of one tenant has nothing to do with.
 */
const NEVER_FOR_KEYS = new Set([
  'Query.apiKeys',
  'Query.invitations',
  'Query.webhooks',
  'Query.webhookDeliveries',
  'Query.portfolio',
]);

/**
 * The scopes that allow an operation to a key: `operation` is `Query.x`/`Mutation.x` for GraphQL, `GET` for a
 * REST read (exports). Empty: no key may call it.
 */
export function scopesAllowing(operation: string, rule: AccessRule): ApiKeyScopeName[] {
  if (rule.kind !== 'tenant' || NEVER_FOR_KEYS.has(operation)) return [];
  const allowed: ApiKeyScopeName[] = [];
  const isRead = operation.startsWith('Query.') || operation === 'GET';
  if (isRead && rule.roles.includes('VIEWER')) allowed.push('READ');
  for (const [scope, operations] of Object.entries(API_KEY_OPERATIONS)) {
    if (operations.includes(operation)) allowed.push(scope as ApiKeyScopeName);
  }
  return allowed;
}

/** Recognised before any JWT parsing: a bearer credential with this prefix is an API key, never a token. */
export const API_KEY_PREFIX = 'smt_live_';
/** 32 random bytes (256 bits) in base64url: 43 characters. */
const API_KEY_PATTERN = /^smt_live_[A-Za-z0-9_-]{43}$/;

export function looksLikeApiKey(credential: string): boolean {
  return credential.startsWith(API_KEY_PREFIX);
}

export function isWellFormedApiKey(credential: string): boolean {
  return API_KEY_PATTERN.test(credential);
}

/** The SHA-256 of a secret (an API key's, an invitation's token), hex: what is stored and looked up. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
