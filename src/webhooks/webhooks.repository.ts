import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '../tenancy';
import type { WebhookDeliveryStatus } from './webhook.model';

export interface EndpointRow {
  id: string;
  url: string;
  events: string[];
  secret_hint: string;
  created_at: Date;
  disabled_at: Date | null;
  disabled_reason: string | null;
  created_by: string | null;
  created_by_email: string | null;
  created_by_name: string | null;
  enabled_by: string | null;
  enabled_by_email: string | null;
  enabled_by_name: string | null;
}

/** An endpoint with who registered and who re-enabled it (users: no tenant data, readable by the service). */
const ENDPOINT_SELECT = `
  SELECT e.id, e.url, e.events, e.secret_hint, e.created_at, e.disabled_at, e.disabled_reason,
         cu.id AS created_by, cu.email AS created_by_email, cu.name AS created_by_name,
         eu.id AS enabled_by, eu.email AS enabled_by_email, eu.name AS enabled_by_name
    FROM webhook_endpoints e
    LEFT JOIN users cu ON cu.id = e.created_by
    LEFT JOIN users eu ON eu.id = e.enabled_by`;

export interface DeliveryRow {
  id: string;
  event: string;
  event_id: string;
  payload: Record<string, unknown>;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
  /** created_at in microseconds since 1970, for cursors. */
  created_key: string;
}

export interface AttemptRow {
  delivery_id: string;
  attempt: number;
  attempted_at: Date;
  status_code: number | null;
  error: string | null;
  duration_ms: number | null;
}

/**
 * The selected tenant's endpoints and deliveries, on the request's transaction (row-level security). The service's
 * role may not read the secret column: only the dispatcher's function returns it.
 */
@Injectable()
export class WebhooksRepository {
  constructor(private readonly tx: TenantTransaction) {}

  async countEndpoints(): Promise<number> {
    const [row] = await this.rows<{ n: number }>('SELECT count(*)::int AS n FROM webhook_endpoints', []);
    return row.n;
  }

  async insertEndpoint(endpoint: {
    url: string;
    events: string[];
    secret: string;
    secretHint: string;
    createdBy: string;
  }): Promise<EndpointRow> {
    const [row] = await this.rows<{ id: string }>(
      `INSERT INTO webhook_endpoints (url, events, secret, secret_hint, created_by) VALUES ($1, $2, $3, $4, $5)
       RETURNING id`,
      [endpoint.url, endpoint.events, endpoint.secret, endpoint.secretHint, endpoint.createdBy],
    );
    return (await this.endpoint(row.id))!;
  }

  async endpoint(id: string): Promise<EndpointRow | null> {
    const [row] = await this.rows<EndpointRow>(`${ENDPOINT_SELECT} WHERE e.id = $1`, [id]);
    return row ?? null;
  }

  /** Enables the endpoint again; the caller answers for it from now on. False when there is no such endpoint. */
  async enableEndpoint(id: string, enabledBy: string): Promise<boolean> {
    const [, affected] = await this.rows<unknown>(
      `UPDATE webhook_endpoints SET disabled_at = NULL, disabled_reason = NULL, enabled_by = $2
        WHERE id = $1 AND disabled_at IS NOT NULL`,
      [id, enabledBy],
    );
    return affected === 1;
  }

  endpoints(): Promise<EndpointRow[]> {
    return this.rows<EndpointRow>(`${ENDPOINT_SELECT} ORDER BY e.created_at, e.id`, []);
  }

  async endpointExists(id: string): Promise<boolean> {
    return (await this.rows('SELECT 1 FROM webhook_endpoints WHERE id = $1', [id])).length === 1;
  }

  /** Deletes the endpoint with its deliveries and their log (cascade). */
  async deleteEndpoint(id: string): Promise<boolean> {
    // TypeORM answers a DELETE with [rows, affected].
    const [, affected] = await this.rows<unknown>('DELETE FROM webhook_endpoints WHERE id = $1', [id]);
    return affected === 1;
  }

  /** A page of an endpoint's deliveries, newest first, and their total. */
  async deliveries(
    endpointId: string,
    first: number,
    after: { createdKey: string; id: string } | null,
  ): Promise<{ rows: DeliveryRow[]; totalCount: number }> {
    const params: unknown[] = [endpointId, first + 1];
    let page = '';
    if (after) {
      params.push(after.createdKey, after.id);
      page = `AND (d.created_at, d.id) < (timestamptz 'epoch' + $3::bigint * interval '1 microsecond', $4::uuid)`;
    }
    const [rows, counted] = await Promise.all([
      this.rows<DeliveryRow>(
        `SELECT d.id, e.event, e.id AS event_id, e.payload, d.status, d.attempts, d.next_attempt_at, d.last_status_code,
                d.last_error, d.delivered_at, d.created_at,
                (extract(epoch FROM d.created_at) * 1000000)::bigint::text AS created_key
           FROM webhook_deliveries d JOIN webhook_events e ON e.tenant_id = d.tenant_id AND e.id = d.event_id
          WHERE d.endpoint_id = $1 ${page}
          ORDER BY d.created_at DESC, d.id DESC LIMIT $2`,
        params,
      ),
      this.rows<{ n: number }>('SELECT count(*)::int AS n FROM webhook_deliveries WHERE endpoint_id = $1', [
        endpointId,
      ]),
    ]);
    return { rows, totalCount: counted[0].n };
  }

  attemptsOf(deliveryIds: readonly string[]): Promise<AttemptRow[]> {
    return this.rows<AttemptRow>(
      `SELECT delivery_id, attempt, attempted_at, status_code, error, duration_ms FROM webhook_delivery_attempts
        WHERE delivery_id = ANY($1::uuid[]) ORDER BY delivery_id, attempt`,
      [deliveryIds],
    );
  }

  private async rows<R>(sql: string, params: unknown[]): Promise<R[]> {
    const manager = await this.tx.manager();
    return manager.query<R[]>(sql, params);
  }
}
