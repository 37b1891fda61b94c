import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RoleEnum } from '../graphql';
import type { Role } from '../common/roles';

@ObjectType('Invitation', {
  description: 'An invitation to join the selected tenant in a role; the invitee accepts it signed in with that email.',
})
export class Invitation {
  @Field(() => ID, { description: "The invitation's id." })
  id!: string;

  @Field({ description: 'Who is invited: only an account with this email can accept.' })
  email!: string;

  @Field(() => RoleEnum, { description: 'The role the invitee gets on accepting.' })
  role!: Role;

  @Field({ description: 'After this it can no longer be accepted (7 days after it was made).' })
  expiresAt!: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'The single-use token, only in the response that created the invitation and only when no mail is configured ' +
      '(SMTP_URL); otherwise it was emailed. Stored only as a hash.',
  })
  token!: string | null;

  @Field({ description: 'When it was made.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was accepted; null while open.' })
  acceptedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was revoked; a revoked invitation cannot be accepted.' })
  revokedAt!: Date | null;
}
