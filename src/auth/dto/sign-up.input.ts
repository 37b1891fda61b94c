import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

@InputType('SignUpInput', { description: 'A new account.' })
export class SignUpInput {
  @Field({ description: 'The sign-in email; one account per address (not case-sensitive).' })
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @Field({ description: 'At least 10 characters.' })
  @IsString()
  @Length(10, 200, { message: 'must be between 10 and 200 characters' })
  password!: string;

  @Field({ description: 'The name shown to others, 1 to 100 characters.' })
  @IsString()
  @Length(1, 100, { message: 'must be between 1 and 100 characters' })
  name!: string;
}
