/**
 * The statements that open a request's transaction (after BEGIN, in the same round trip): RequestScope sends them,
 * and bench/peers imports them, so the baseline measures the service's opening, never a copy. Both ids must be
 * checked UUIDs (hex digits and dashes only): inlined as literals they cannot change the SQL.
 */

/**
 * Sets app.user_id only while the account exists and, given the token's issue time (a checked finite number of
 * seconds), only when the token was issued after the account's last logOutEverywhere/changePassword: a deleted
 * account's or an ended session's valid token finds no row.
 */
export function userOpeningSql(userId: string, issuedAt?: number): string {
  const session = issuedAt === undefined ? '' : ` AND u.tokens_valid_after <= to_timestamp(${issuedAt.toFixed(3)})`;
  return `SELECT set_config('app.user_id', u.id::text, true) FROM users u WHERE u.id = '${userId}'${session}`;
}

/** The membership lookup and the setting of app.tenant_id, one statement: the tenant is set only for a member. */
export function membershipOpeningSql(tenantId: string, userId: string): string {
  return (
    `SELECT m.role, set_config('app.tenant_id', m.tenant_id::text, true) ` +
    `FROM memberships m WHERE m.tenant_id = '${tenantId}' AND m.user_id = '${userId}'`
  );
}
