import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('User', { description: 'A person who signs in: an organisation member or a consultant.' })
export class User {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  name!: string;
}

@ObjectType('AuthPayload', { description: 'A bearer token for the Authorization header, and its user.' })
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' })
  token!: string;

  @Field(() => User)
  user!: User;
}
