import { Inject, Injectable } from '@nestjs/common';
import { markMutationUnchanged } from '../audit';
import { BadUserInputError, NotFoundError } from '../common/errors';
import { isUuid } from '../common/ids';
import { APP_CONFIG, type AppConfig } from '../config';
import { type Connection, decodeCursor, toConnection } from '../graphql';
import { groupByKeys, RequestLoaders } from '../graphql';
import { RequestScope } from '../tenancy';
import type { RegisterWebhookInput } from './dto/register-webhook.input';
import type { WebhookDeliveriesArgs } from './dto/webhook-deliveries.args';
import { newWebhookSecret } from './signature';
import { checkWebhookUrl, WebhookUrlError } from './url-guard';
import { eventKeyOf, WEBHOOK_EVENTS } from './webhook-events';
import type {
  RegisteredWebhook,
  WebhookDelivery,
  WebhookDeliveryAttempt,
  WebhookEndpoint,
} from './webhook.model';
import { MAX_ENDPOINTS_PER_TENANT, TooManyWebhooksError } from './webhooks.errors';
import {
  type AttemptRow,
  type DeliveryRow,
  type EndpointRow,
  WebhooksRepository,
} from './webhooks.repository';

@Injectable()
export class WebhooksService {
  constructor(
    private readonly scope: RequestScope,
    private readonly repository: WebhooksRepository,
    private readonly loaders: RequestLoaders,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks the URL (https, public addresses only, resolved now) and stores the endpoint with a new secret. */
  async register(input: RegisterWebhookInput): Promise<RegisteredWebhook> {
    const url = await this.checkUrl(input.url.trim());
    if ((await this.repository.countEndpoints()) >= MAX_ENDPOINTS_PER_TENANT)
      throw new TooManyWebhooksError();
    const secret = newWebhookSecret();
    const row = await this.repository.insertEndpoint({
      url,
      events: [...new Set(input.events)].map((key) => WEBHOOK_EVENTS[key]),
      secret,
      secretHint: secret.slice(-4),
      createdBy: this.scope.userId,
    });
    return { endpoint: toEndpoint(row), secret };
  }

  /**
   * Enables a disabled endpoint again (its waiting deliveries go out, new events are queued); the caller answers
   * for it from now on. The URL is checked again under today's rules. An enabled endpoint is returned unchanged.
   */
  async enable(id: string): Promise<WebhookEndpoint> {
    const current = isUuid(id) ? await this.repository.endpoint(id) : null;
    if (!current) throw new NotFoundError('Webhook endpoint');
    if (current.disabled_at === null) {
      markMutationUnchanged(); // nothing changed: no audit row
      return toEndpoint(current);
    }
    await this.checkUrl(current.url);
    await this.repository.enableEndpoint(id, this.scope.userId);
    return toEndpoint((await this.repository.endpoint(id))!);
  }

  async list(): Promise<WebhookEndpoint[]> {
    return (await this.repository.endpoints()).map(toEndpoint);
  }

  async delete(id: string): Promise<boolean> {
    if (!isUuid(id) || !(await this.repository.deleteEndpoint(id)))
      throw new NotFoundError('Webhook endpoint');
    return true;
  }

  private async checkUrl(raw: string): Promise<string> {
    try {
      return await checkWebhookUrl(raw, this.config.webhooks);
    } catch (error) {
      if (error instanceof WebhookUrlError) throw BadUserInputError.field('url', error.message);
      throw error;
    }
  }

  async deliveries(args: WebhooksDeliveriesQuery): Promise<Connection<WebhookDelivery>> {
    if (!isUuid(args.endpointId) || !(await this.repository.endpointExists(args.endpointId))) {
      throw new NotFoundError('Webhook endpoint');
    }
    let after: { createdKey: string; id: string } | null = null;
    if (args.after) {
      const [createdKey, id] = decodeCursor(args.after, 2);
      if (typeof createdKey !== 'string' || !/^[0-9]{1,19}$/.test(createdKey) || !isUuid(id)) {
        throw BadUserInputError.field('after', 'is not a cursor returned by this API');
      }
      after = { createdKey, id };
    }
    const { rows, totalCount } = await this.repository.deliveries(args.endpointId, args.first, after);
    return toConnection(rows, args.first, totalCount, toDelivery, (row) => [row.created_key, row.id]);
  }

  /** The delivery log of every delivery in the response, in one statement. */
  attemptLog(deliveryId: string): Promise<WebhookDeliveryAttempt[]> {
    return this.loaders
      .get<string, WebhookDeliveryAttempt[]>('webhooks:attempts', async (ids) => {
        const rows = await this.repository.attemptsOf(ids);
        return groupByKeys(ids, rows, (row) => row.delivery_id).map((group) => group.map(toAttempt));
      })
      .load(deliveryId);
  }
}

type WebhooksDeliveriesQuery = Pick<WebhookDeliveriesArgs, 'endpointId' | 'first' | 'after'>;

function toEndpoint(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    events: row.events.map(eventKeyOf),
    secretHint: row.secret_hint,
    createdAt: row.created_at,
    createdBy:
      row.created_by === null
        ? null
        : { id: row.created_by, email: row.created_by_email!, name: row.created_by_name! },
    enabledBy:
      row.enabled_by === null
        ? null
        : { id: row.enabled_by, email: row.enabled_by_email!, name: row.enabled_by_name! },
    status: row.disabled_at === null ? 'ENABLED' : 'DISABLED',
    disabledAt: row.disabled_at,
    disabledReason: row.disabled_reason,
  };
}

function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    event: eventKeyOf(row.event),
    eventId: row.event_id,
    payload: JSON.stringify(row.payload),
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'PENDING' ? row.next_attempt_at : null,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    deliveredAt: row.delivered_at,
    createdAt: row.created_at,
  };
}

function toAttempt(row: AttemptRow): WebhookDeliveryAttempt {
  return {
    attempt: row.attempt,
    attemptedAt: row.attempted_at,
    statusCode: row.status_code,
    error: row.error,
    durationMs: row.duration_ms,
  };
}
