import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { User } from '../auth';
import { ConnectionType } from '../graphql';
import { WEBHOOK_EVENT_KEYS, WEBHOOK_EVENTS, type WebhookEventKey } from './webhook-events';

export const WebhookEventEnum = Object.fromEntries(WEBHOOK_EVENT_KEYS.map((k) => [k, k])) as {
  [K in WebhookEventKey]: K;
};
registerEnumType(WebhookEventEnum, {
  name: 'WebhookEvent',
  description: 'What a webhook endpoint is told about (the x-smt-event header carries the dotted name).',
  valuesMap: {
    ASSESSMENT_SCORED: {
      description: `${WEBHOOK_EVENTS.ASSESSMENT_SCORED}: an assessment was submitted and scored.`,
    },
    PORTFOLIO_ALERT: {
      description: `${WEBHOOK_EVENTS.PORTFOLIO_ALERT}: the overall score dropped by 10 points or more against the previous assessment.`,
    },
    ACTION_OVERDUE: {
      description: `${WEBHOOK_EVENTS.ACTION_OVERDUE}: an open action of the action plan passed its due date (once per action).`,
    },
    CAMPAIGN_CLOSED: {
      description: `${WEBHOOK_EVENTS.CAMPAIGN_CLOSED}: a campaign closed and its aggregate became the period's assessment (counts and ids, never answers).`,
    },
    CAMPAIGN_EXPIRED: {
      description: `${WEBHOOK_EVENTS.CAMPAIGN_EXPIRED}: a campaign's closing time passed with fewer than minResponses responses.`,
    },
  },
});

export const WEBHOOK_DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];
export const WebhookDeliveryStatusEnum = Object.fromEntries(WEBHOOK_DELIVERY_STATUSES.map((s) => [s, s])) as {
  [K in WebhookDeliveryStatus]: K;
};
registerEnumType(WebhookDeliveryStatusEnum, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a delivery stands.',
  valuesMap: {
    PENDING: { description: 'Not delivered yet; tried again at nextAttemptAt.' },
    DELIVERED: { description: 'The endpoint answered 2xx.' },
    FAILED: { description: 'Every attempt failed; no more retries.' },
  },
});

export const WEBHOOK_ENDPOINT_STATUSES = ['ENABLED', 'DISABLED'] as const;
export type WebhookEndpointStatus = (typeof WEBHOOK_ENDPOINT_STATUSES)[number];
export const WebhookEndpointStatusEnum = Object.fromEntries(WEBHOOK_ENDPOINT_STATUSES.map((s) => [s, s])) as {
  [K in WebhookEndpointStatus]: K;
};
registerEnumType(WebhookEndpointStatusEnum, {
  name: 'WebhookEndpointStatus',
  description: 'Whether an endpoint receives deliveries.',
  valuesMap: {
    ENABLED: { description: 'Events are queued and delivered.' },
    DISABLED: {
      description:
        'Nothing is delivered: new events are not queued for it and queued deliveries wait until an OWNER or ADMIN ' +
        're-enables it (enableWebhookEndpoint).',
    },
  },
});

@ObjectType('WebhookEndpoint', {
  description: "An HTTPS endpoint told about the tenant's events, signed with its secret.",
})
export class WebhookEndpoint {
  @Field(() => ID, { description: 'The endpoint; deliveries are listed by it.' })
  id!: string;

  @Field({ description: 'Where deliveries are POSTed.' })
  url!: string;

  @Field(() => [WebhookEventEnum], { description: 'The events it receives.' })
  events!: WebhookEventKey[];

  @Field({
    description: 'The last characters of the secret, to tell secrets apart; the secret itself is shown once.',
  })
  secretHint!: string;

  @Field({ description: 'When it was registered.' })
  createdAt!: Date;

  @Field(() => User, {
    nullable: true,
    description: 'Who registered it; null when that account no longer exists.',
  })
  createdBy!: User | null;

  @Field(() => User, {
    nullable: true,
    description:
      'Who re-enabled it last, if anyone. The member who answers for an endpoint is this one, else createdBy: ' +
      'when their membership ends or their role stops managing webhooks, the endpoint is disabled.',
  })
  enabledBy!: User | null;

  @Field(() => WebhookEndpointStatusEnum, { description: 'Whether it receives deliveries.' })
  status!: WebhookEndpointStatus;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was disabled; null while ENABLED.' })
  disabledAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was disabled; null while ENABLED.' })
  disabledReason!: string | null;
}

@ObjectType('RegisteredWebhook', { description: 'A new endpoint with its signing secret, shown this once.' })
export class RegisteredWebhook {
  @Field(() => WebhookEndpoint, { description: 'The endpoint as stored.' })
  endpoint!: WebhookEndpoint;

  @Field({
    description:
      'Verify each delivery: x-smt-signature is "t=<unix seconds>,v1=<hex HMAC-SHA256 of t + "." + raw body>", ' +
      'keyed with this secret; refuse a t more than 5 minutes off (docs/api.md, Webhooks). It cannot be read again.',
  })
  secret!: string;
}

@ObjectType('WebhookDeliveryAttempt', { description: 'One try of a delivery, from the delivery log.' })
export class WebhookDeliveryAttempt {
  @Field(() => Int, { description: '1 for the first try.' })
  attempt!: number;

  @Field({ description: 'When the try started.' })
  attemptedAt!: Date;

  @Field(() => Int, {
    nullable: true,
    description: "The endpoint's HTTP status; null when it gave no answer.",
  })
  statusCode!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the try failed (HTTP status, refused address, timeout).',
  })
  error!: string | null;

  @Field(() => Int, { nullable: true, description: 'How long the try took.' })
  durationMs!: number | null;
}

@ObjectType('WebhookDelivery', {
  description: 'One event sent (or to be sent) to one endpoint, with its retries.',
})
export class WebhookDelivery {
  @Field(() => ID, { description: 'Also sent as x-smt-delivery; the same on every retry.' })
  id!: string;

  @Field(() => WebhookEventEnum, { description: 'What happened.' })
  event!: WebhookEventKey;

  @Field(() => ID, {
    description: 'The event (the body\'s "id"), shared by its deliveries to several endpoints.',
  })
  eventId!: string;

  @Field({ description: 'The event data (the body\'s "data"), as JSON.' })
  payload!: string;

  @Field(() => WebhookDeliveryStatusEnum, { description: 'Where the delivery stands.' })
  status!: WebhookDeliveryStatus;

  @Field(() => Int, { description: 'Attempts made (or started) so far.' })
  attempts!: number;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'The next try, while PENDING.' })
  nextAttemptAt!: Date | null;

  @Field(() => Int, { nullable: true, description: "The endpoint's HTTP status at the last try." })
  lastStatusCode!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last try failed.' })
  lastError!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the endpoint accepted it.' })
  deliveredAt!: Date | null;

  @Field({ description: 'When the event was queued for this endpoint (in the transaction that caused it).' })
  createdAt!: Date;
}

export const WebhookDeliveryConnection = ConnectionType(WebhookDelivery, 'WebhookDelivery');
