import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Length, MaxLength } from 'class-validator';

@ArgsType()
export class LogInArgs {
  @Field({ description: "The account's email (not case-sensitive)." })
  @IsString()
  @MaxLength(254)
  email!: string;

  @Field({ description: "The account's password." })
  @IsString()
  @Length(1, 200)
  password!: string;
}
