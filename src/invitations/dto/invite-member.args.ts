import { ArgsType, Field } from '@nestjs/graphql';
import { IsEmail, IsIn, MaxLength } from 'class-validator';
import { RoleEnum } from '../../graphql';
import { ROLES, type Role } from '../../common/roles';

@ArgsType()
export class InviteMemberArgs {
  @Field({ description: 'The email of the person to invite (an account may not exist yet).' })
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @Field(() => RoleEnum, { description: 'The role they get on accepting; only an OWNER may invite an OWNER.' })
  @IsIn(ROLES)
  role!: Role;
}
