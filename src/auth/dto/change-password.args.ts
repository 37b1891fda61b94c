import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';

@ArgsType()
export class ChangePasswordArgs {
  @Field({ description: "The account's current password." })
  @IsString()
  @Length(1, 200)
  currentPassword!: string;

  @Field({ description: 'The new password, at least 10 characters.' })
  @IsString()
  @Length(10, 200, { message: 'must be between 10 and 200 characters' })
  newPassword!: string;
}
