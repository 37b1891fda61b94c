import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { escapeLiteral } from 'pg';
import { type Connection, decodeTimeCursor, toConnection } from '../graphql/connection';
import { TenantTransaction } from '../tenancy/tenant-transaction';
import { RequestScope } from '../tenancy/request-scope';
import { apiKeyIdOf, userIdOf } from '../request/request-context';
import type { AuditEvent } from './audit-event.model';

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

@Injectable()
export class AuditService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly scope: RequestScope,
    private readonly cls: ClsService,
  ) {}

  /**
   * Records a change in the request's transaction: it commits or rolls back with the change itself. The row is
   * written with the COMMIT, in its round trip (TenantTransaction.beforeCommit), for the tenant selected now.
   */
  record(operation: string, targetId: string | null): void {
    const { tenantId, caller } = this.scope.current;
    const userId = userIdOf(caller);
    if (!tenantId) return; // account operations (signUp, logIn) belong to no tenant
    const apiKeyId = apiKeyIdOf(caller);
    const values = [tenantId, userId, operation, targetId?.slice(0, 200), this.cls.getId()?.slice(0, 100), apiKeyId].map(literal);
    this.tx.beforeCommit(
      `INSERT INTO audit_events (tenant_id, user_id, operation, target_id, request_id, api_key_id) VALUES (${values.join(', ')})`,
    );
  }

  /** The tenant's trail, newest first. */
  async trail(first: number, after?: string | null): Promise<Connection<AuditEvent>> {
    const manager = await this.tx.manager();
    const params: unknown[] = [first + 1];
    let where = '';
    if (after) {
      const [at, id] = decodeTimeCursor(after);
      params.push(at, id);
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
    return toConnection(
      rows,
      first,
      count[0].n,
      (r) => ({
        id: r.id,
        occurredAt: r.occurred_at,
        userId: r.user_id,
        operation: r.operation,
        targetId: r.target_id,
        requestId: r.request_id,
        apiKeyId: r.api_key_id,
      }),
      (r) => [r.occurred_at_text, r.id],
    );
  }
}

/** A text literal, or NULL; NUL characters (which PostgreSQL text cannot hold) are dropped from the label. */
function literal(value: string | null | undefined): string {
  return value === null || value === undefined ? 'NULL' : escapeLiteral(value.replace(/\0/g, ''));
}
