import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Audited } from '../audit';
import type { Connection } from '../graphql';
import { Access } from '../tenancy';
import type { Role } from '../common/roles';
import { RegisterWebhookInput } from './dto/register-webhook.input';
import { WebhookDeliveriesArgs } from './dto/webhook-deliveries.args';
import {
  RegisteredWebhook,
  WebhookDelivery,
  WebhookDeliveryAttempt,
  WebhookDeliveryConnection,
  WebhookEndpoint,
} from './webhook.model';
import { WebhooksService } from './webhooks.service';

/** Who manages a tenant's webhooks: its owners, admins and consultants. */
export const WEBHOOK_MANAGERS: readonly Role[] = ['OWNER', 'ADMIN', 'CONSULTANT'];
/** Who may re-enable an endpoint that was disabled because its member left: the tenant's own OWNERs and ADMINs. */
export const ENDPOINT_ENABLERS: readonly Role[] = ['OWNER', 'ADMIN'];

@Resolver(() => WebhookDelivery)
export class WebhooksResolver {
  constructor(private readonly service: WebhooksService) {}

  @Mutation(() => RegisteredWebhook, {
    description:
      'Registers an https endpoint for events of the selected tenant; the signing secret is in the answer, once. ' +
      'The host must resolve to public addresses only.',
  })
  @Access.tenant(WEBHOOK_MANAGERS)
  @Audited.none()
  registerWebhook(
    @Args('input', { description: 'The URL and the events.' }) input: RegisterWebhookInput,
  ): Promise<RegisteredWebhook> {
    return this.service.register(input);
  }

  @Mutation(() => Boolean, {
    description: 'Deletes an endpoint with its pending deliveries and delivery log.',
  })
  @Access.tenant(WEBHOOK_MANAGERS)
  @Audited.arg('id')
  deleteWebhook(
    @Args('id', { type: () => ID, description: 'The endpoint to delete.' }) id: string,
  ): Promise<boolean> {
    return this.service.delete(id);
  }

  @Mutation(() => WebhookEndpoint, {
    description:
      'Re-enables an endpoint that was disabled (its registrant left the tenant or lost a managing role). Its ' +
      'waiting deliveries go out and new events are queued again; the caller answers for it from now on. The URL ' +
      'is checked again. An enabled endpoint is returned unchanged.',
  })
  @Access.tenant(ENDPOINT_ENABLERS)
  @Audited.arg('id')
  enableWebhookEndpoint(
    @Args('id', { type: () => ID, description: 'The endpoint to enable.' }) id: string,
  ): Promise<WebhookEndpoint> {
    return this.service.enable(id);
  }

  @Query(() => [WebhookEndpoint], {
    description: "The selected tenant's webhook endpoints, oldest first, enabled and disabled.",
  })
  @Access.tenant(WEBHOOK_MANAGERS)
  webhooks(): Promise<WebhookEndpoint[]> {
    return this.service.list();
  }

  @Query(() => WebhookDeliveryConnection, { description: "An endpoint's deliveries, newest first." })
  @Access.tenant(WEBHOOK_MANAGERS)
  webhookDeliveries(@Args() args: WebhookDeliveriesArgs): Promise<Connection<WebhookDelivery>> {
    return this.service.deliveries(args);
  }

  @ResolveField(() => [WebhookDeliveryAttempt], { description: 'Every attempt, first to last.' })
  attemptLog(@Parent() delivery: WebhookDelivery): Promise<WebhookDeliveryAttempt[]> {
    return this.service.attemptLog(delivery.id);
  }
}
