/** The events an endpoint can subscribe to: GraphQL names and the names on the wire (x-smt-event). */
export const WEBHOOK_EVENTS = {
  ASSESSMENT_SCORED: 'assessment.scored',
  PORTFOLIO_ALERT: 'portfolio.alert',
  ACTION_OVERDUE: 'action.overdue',
  CAMPAIGN_CLOSED: 'campaign.closed',
  CAMPAIGN_EXPIRED: 'campaign.expired',
} as const;

export type WebhookEventKey = keyof typeof WEBHOOK_EVENTS;
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[WebhookEventKey];

export const WEBHOOK_EVENT_KEYS = Object.keys(WEBHOOK_EVENTS) as WebhookEventKey[];

export function eventKeyOf(name: string): WebhookEventKey {
  const key = WEBHOOK_EVENT_KEYS.find((k) => WEBHOOK_EVENTS[k] === name);
  if (!key) throw new Error(`Unknown webhook event ${name}`);
  return key;
}
