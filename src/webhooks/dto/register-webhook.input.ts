import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, MaxLength } from 'class-validator';
import { WEBHOOK_EVENT_KEYS, type WebhookEventKey } from '../webhook-events';
import { WebhookEventEnum } from '../webhook.model';

@InputType('RegisterWebhookInput', { description: 'Where to send which events.' })
export class RegisterWebhookInput {
  @Field({ description: 'An https URL whose host resolves to public addresses only.' })
  @IsString()
  @MaxLength(2000)
  url!: string;

  @Field(() => [WebhookEventEnum], { description: 'At least one event to receive.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_KEYS.length * 2)
  @IsIn(WEBHOOK_EVENT_KEYS, { each: true })
  events!: WebhookEventKey[];
}
