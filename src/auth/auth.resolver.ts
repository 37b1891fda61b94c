import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Audited } from '../audit';
import { Access } from '../tenancy';
import { AuthService } from './auth.service';
import { ChangePasswordArgs } from './dto/change-password.args';
import { LogInArgs } from './dto/log-in.args';
import { SignUpInput } from './dto/sign-up.input';
import { AuthPayload, User } from './user.model';

@Resolver(() => User)
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AuthPayload, { description: 'Creates an account and returns a token.' })
  @Access.public()
  @Audited.none()
  signUp(@Args('input', { description: 'The new account.' }) input: SignUpInput): Promise<AuthPayload> {
    return this.auth.signUp(input);
  }

  @Mutation(() => AuthPayload, { description: 'Exchanges email and password for a token.' })
  @Access.public()
  @Audited.none()
  logIn(@Args() args: LogInArgs): Promise<AuthPayload> {
    return this.auth.logIn(args.email, args.password);
  }

  @Mutation(() => AuthPayload, {
    description: 'Changes the password (the current one required); every token issued before stops working. Returns a new token.',
  })
  @Access.user()
  @Audited.none()
  changePassword(@Args() args: ChangePasswordArgs): Promise<AuthPayload> {
    return this.auth.changePassword(args.currentPassword, args.newPassword);
  }

  @Mutation(() => Boolean, { description: 'Ends every session: every token issued so far stops working.' })
  @Access.user()
  @Audited.none()
  logOutEverywhere(): Promise<boolean> {
    return this.auth.logOutEverywhere();
  }

  @Query(() => User, { description: 'The signed-in user.' })
  @Access.user()
  me(): Promise<User> {
    return this.auth.me();
  }
}
