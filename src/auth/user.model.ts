import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('User', { description: 'A person who signs in: an organisation member or a consultant.' })
export class User {
  @Field(() => ID, { description: "The user's id." })
  id!: string;

  @Field({ description: 'The sign-in email.' })
  email!: string;

  @Field({ description: 'The name shown to others.' })
  name!: string;
}

@ObjectType('AuthPayload', { description: 'A bearer token for the Authorization header, and its user.' })
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' })
  token!: string;

  @Field(() => User, { description: 'The signed-in user.' })
  user!: User;
}
