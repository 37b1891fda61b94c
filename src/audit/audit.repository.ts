import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '../tenancy';
import type { AuditEvent } from './audit-event.model';
import { auditRowSql, type AuditRowValues } from './audit-sql';

interface AuditRow {
  id: string;
  occurred_at: Date;
  occurred_at_text: string;
  user_id: string | null;
  operation: string;
  target_id: string | null;
  request_id: string | null;
  api_key_id: string | null;
}

/** A page position of the trail: occurred_at as PostgreSQL's text (exact to the microsecond), then the id. */
export interface AuditTrailKey {
  occurredAt: string;
  id: string;
}

/** audit_events, through the request's transaction (row-level security: the selected tenant's rows only). */
@Injectable()
export class AuditRepository {
  constructor(private readonly tx: TenantTransaction) {}

  /** Queues the row for the COMMIT, in its round trip: it commits or rolls back with the change itself. */
  queue(row: AuditRowValues): void {
    this.tx.beforeCommit(auditRowSql(row));
  }

  /** A page of the trail, newest first, with each row's cursor key, and the total. */
  async page(first: number, after: AuditTrailKey | null): Promise<{ rows: (AuditEvent & { key: AuditTrailKey })[]; totalCount: number }> {
    const manager = await this.tx.manager();
    const params: unknown[] = [first + 1];
    let where = '';
    if (after) {
      params.push(after.occurredAt, after.id);
      where = `WHERE (occurred_at, id) < ($2::timestamptz, $3::uuid)`;
    }
    const [rows, count] = await Promise.all([
      manager.query<AuditRow[]>(
        `SELECT id, occurred_at, occurred_at::text AS occurred_at_text, user_id, operation, target_id, request_id,
                api_key_id
           FROM audit_events ${where} ORDER BY occurred_at DESC, id DESC LIMIT $1`,
        params,
      ),
      manager.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM audit_events`),
    ]);
    return {
      rows: rows.map((r) => ({
        id: r.id,
        occurredAt: r.occurred_at,
        userId: r.user_id,
        operation: r.operation,
        targetId: r.target_id,
        requestId: r.request_id,
        apiKeyId: r.api_key_id,
        key: { occurredAt: r.occurred_at_text, id: r.id },
      })),
      totalCount: count[0].n,
    };
  }
}
