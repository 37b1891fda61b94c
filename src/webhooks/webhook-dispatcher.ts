import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config';
import { retryDelayMs } from './backoff';
import { SIGNATURE_HEADER, signWebhook } from './signature';
import { WebhookSender } from './webhook-sender';

interface ClaimedDelivery {
  tenant_id: string;
  delivery_id: string;
  attempt: number;
  url: string;
  secret: string;
  event: string;
  event_id: string;
  payload: Record<string, unknown>;
  occurred_at: Date;
}

/** The JSON body of a delivery: the same bytes on every attempt of it. */
export function webhookBody(
  delivery: Pick<ClaimedDelivery, 'event' | 'event_id' | 'payload' | 'occurred_at' | 'tenant_id'>,
): string {
  return JSON.stringify({
    id: delivery.event_id,
    type: delivery.event,
    occurredAt: delivery.occurred_at.toISOString(),
    tenantId: delivery.tenant_id,
    data: delivery.payload,
  });
}

/**
 * Delivers the outbox after commit, in the background: claims due deliveries across tenants (SECURITY DEFINER
 * webhook_claim_deliveries: FOR UPDATE SKIP LOCKED, so several instances share the work, and a lease, so a delivery
 * whose instance died is retried), POSTs each signed body and records the attempt with its next try
 * (base * factor^(attempt-1)) or the final failure. State lives in the database only: a restart loses nothing.
 * Started on bootstrap when configured (WEBHOOKS_DISPATCHER; off under NODE_ENV=test), stopped and drained before
 * the database pool closes.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('WebhookDispatcher');
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<number> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sender: WebhookSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.webhooks.dispatcher) this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stops polling and waits for the deliveries in flight to be recorded. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.current?.catch(() => undefined);
  }

  /** Claims and delivers one batch of due deliveries; the number handled. */
  runOnce(): Promise<number> {
    const run = (this.current ?? Promise.resolve(0)).catch(() => 0).then(() => this.deliverBatch());
    this.current = run;
    return run.finally(() => {
      if (this.current === run) this.current = null;
    });
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      this.runOnce()
        .catch((error: unknown) => {
          this.logger.error(
            `webhook dispatch failed: ${error instanceof Error ? error.message : String(error)}`,
          );
          return 0;
        })
        .then((handled) => {
          if (this.running)
            this.schedule(
              handled >= this.config.webhooks.batchSize ? 0 : this.config.webhooks.pollIntervalMs,
            );
        })
        .catch(() => undefined);
    }, delayMs);
    this.timer.unref();
  }

  private async deliverBatch(): Promise<number> {
    const { batchSize, timeoutMs } = this.config.webhooks;
    await this.enqueueOverdueActions();
    const claimed = await this.dataSource.query<ClaimedDelivery[]>(
      'SELECT * FROM webhook_claim_deliveries($1, $2)',
      [
        batchSize,
        // The lease outlives an attempt: only a dead instance lets it run out.
        2 * timeoutMs + 5000,
      ],
    );
    const results = await Promise.allSettled(claimed.map((delivery) => this.deliver(delivery)));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    // An attempt that could not be recorded stays claimed: it is retried when its lease runs out.
    if (failed) throw failed.reason;
    return claimed.length;
  }

  /**
   * action.overdue (issue 17): marks open actions past their due date as notified and enqueues their event in one
   * statement (SECURITY DEFINER actions_notify_overdue), so each action is announced once, across instances.
   */
  private async enqueueOverdueActions(): Promise<void> {
    await this.dataSource.query('SELECT actions_notify_overdue($1)', [this.config.webhooks.batchSize]);
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const { webhooks } = this.config;
    const body = webhookBody(delivery);
    // Signed at each attempt: the time in the signature is when this attempt was sent.
    const timestamp = Math.floor(Date.now() / 1000);
    const outcome = await this.sender.send({
      url: delivery.url,
      body,
      timeoutMs: webhooks.timeoutMs,
      policy: webhooks,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'social-maturity-api-webhooks/1',
        'x-smt-event': delivery.event,
        'x-smt-delivery': delivery.delivery_id,
        'x-smt-attempt': String(delivery.attempt),
        'x-smt-timestamp': String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(delivery.secret, body, timestamp),
      },
    });
    const retryInMs = outcome.delivered ? null : retryDelayMs(delivery.attempt, webhooks);
    if (!outcome.delivered) {
      this.logger.warn(
        `delivery ${delivery.delivery_id} attempt ${delivery.attempt} failed (${outcome.error ?? 'no answer'})` +
          (retryInMs === null ? ': giving up' : `: retry in ${retryInMs} ms`),
      );
    }
    await this.dataSource.query('SELECT webhook_record_attempt($1, $2, $3, $4, $5, $6, $7, $8)', [
      delivery.tenant_id,
      delivery.delivery_id,
      delivery.attempt,
      outcome.statusCode,
      outcome.error,
      outcome.durationMs,
      outcome.delivered,
      retryInMs,
    ]);
  }
}
