import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '../tenancy/tenant-transaction';
import type { WebhookDeliveryStatus } from './webhook.model';

export interface EndpointRow {
  id: string;
  url: string;
  events: string[];
  secret_hint: string;
  created_at: Date;
}

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
    const [row] = await this.rows<EndpointRow>(
      `INSERT INTO webhook_endpoints (url, events, secret, secret_hint, created_by) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, url, events, secret_hint, created_at`,
      [endpoint.url, endpoint.events, endpoint.secret, endpoint.secretHint, endpoint.createdBy],
    );
    return row;
  }

  endpoints(): Promise<EndpointRow[]> {
    return this.rows<EndpointRow>(
      'SELECT id, url, events, secret_hint, created_at FROM webhook_endpoints ORDER BY created_at, id',
      [],
    );
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
