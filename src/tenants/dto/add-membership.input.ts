import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsIn, MaxLength } from 'class-validator';
import { RoleEnum } from '../../graphql';
import { ROLES, type Role } from '../../common/roles';

@InputType('AddMembershipInput', { description: 'Invites an email in a role to the selected tenant (deprecated addMembership).' })
export class AddMembershipInput {
  @Field({ description: 'The email of the person to invite.' })
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @Field(() => RoleEnum, { description: 'The role to give; only an OWNER may make someone an OWNER.' })
  @IsIn(ROLES)
  role!: Role;
}
