import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../graphql';

@ObjectType('AuditEvent', { description: 'One successful change to the tenant: who, what, when, on which object.' })
export class AuditEvent {
  @Field(() => ID, { description: "The event's id." })
  id!: string;

  @Field({ description: 'When the change was committed (its transaction time).' })
  occurredAt!: Date;

  @Field(() => ID, { nullable: true, description: 'The user who made the change.' })
  userId!: string | null;

  @Field({ description: 'The GraphQL mutation, e.g. submitAssessment.' })
  operation!: string;

  @Field(() => String, { nullable: true, description: 'The id of the object changed, where there is one.' })
  targetId!: string | null;

  @Field(() => String, { nullable: true, description: 'The request id (x-request-id), to match the logs.' })
  requestId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The API key that made the change (its id, never its secret); null for a user.' })
  apiKeyId!: string | null;
}

export const AuditEventConnection = ConnectionType(AuditEvent, 'AuditEvent');
