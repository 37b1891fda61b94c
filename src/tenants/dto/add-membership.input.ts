import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsIn, MaxLength } from 'class-validator';
import { RoleEnum } from '../../graphql';
import { ROLES, type Role } from '../../common/roles';

@InputType('AddMembershipInput', { description: 'Gives an existing account a role in the selected tenant.' })
export class AddMembershipInput {
  @Field({ description: 'The email of an existing account.' })
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @Field(() => RoleEnum, { description: 'The role to give; only an OWNER may make someone an OWNER.' })
  @IsIn(ROLES)
  role!: Role;
}
