import { escapeLiteral } from 'pg';

/** One audit row as it is written. */
export interface AuditRowValues {
  tenantId: string;
  userId: string | null;
  operation: string;
  targetId: string | null | undefined;
  requestId: string | null | undefined;
  /** The API key that acted (never its secret), or none for a person's token. */
  apiKeyId?: string | null;
}

/**
 * The INSERT of an audit row, with literal values: it travels with the COMMIT in one simple-protocol round trip
 * (TenantTransaction.beforeCommit), which takes no parameters. AuditRepository queues it; bench/peers imports it.
 */
export function auditRowSql(row: AuditRowValues): string {
  const values = [row.tenantId, row.userId, row.operation, row.targetId?.slice(0, 200), row.requestId?.slice(0, 100)];
  if (!row.apiKeyId) {
    return `INSERT INTO audit_events (tenant_id, user_id, operation, target_id, request_id) VALUES (${values.map(literal).join(', ')})`;
  }
  return `INSERT INTO audit_events (tenant_id, user_id, operation, target_id, request_id, api_key_id) VALUES (${[...values, row.apiKeyId].map(literal).join(', ')})`;
}

/** A text literal, or NULL; NUL characters (which PostgreSQL text cannot hold) are dropped from the label. */
function literal(value: string | null | undefined): string {
  return value === null || value === undefined ? 'NULL' : escapeLiteral(value.replace(/\0/g, ''));
}
