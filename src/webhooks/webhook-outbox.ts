import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '../tenancy/tenant-transaction';
import type { WebhookEventName } from './webhook-events';

/**
 * Writes an event for the selected tenant's subscribed endpoints into the outbox, in the request's transaction:
 * delivered after commit by the dispatcher, gone with a rollback. assessment.scored and portfolio.alert are written
 * by a trigger on assessments (no call needed); this is for events raised by code.
 */
@Injectable()
export class WebhookOutbox {
  constructor(private readonly tx: TenantTransaction) {}

  /** The number of deliveries queued (0 when no endpoint subscribes to the event). */
  async enqueue(event: WebhookEventName, payload: Record<string, unknown>): Promise<number> {
    const manager = await this.tx.manager();
    const [row] = await manager.query<{ queued: number }[]>(
      'SELECT webhook_enqueue($1, $2::jsonb) AS queued',
      [event, JSON.stringify(payload)],
    );
    return row.queued;
  }
}
