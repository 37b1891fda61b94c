import { Module } from '@nestjs/common';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookOutbox } from './webhook-outbox';
import { WebhookSender } from './webhook-sender';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksResolver } from './webhooks.resolver';
import { WebhooksService } from './webhooks.service';

@Module({
  providers: [
    WebhooksRepository,
    WebhooksService,
    WebhooksResolver,
    WebhookOutbox,
    WebhookSender,
    WebhookDispatcher,
  ],
  exports: [WebhookOutbox, WebhookDispatcher],
})
export class WebhooksModule {}
