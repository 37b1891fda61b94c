import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { BadUserInputError, ConflictError, NotFoundError, UnauthenticatedError } from '../common/errors';
import { RequestScope } from '../tenancy';
import type { SignUpInput } from './dto/sign-up.input';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import { SharedSignInFailures } from './sign-in-failures';
import type { AuthPayload, User } from './user.model';
import { UsersRepository } from './users.repository';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly scope: RequestScope,
    private readonly jwt: JwtService,
    private readonly signInFailures: SharedSignInFailures,
  ) {}

  async signUp(input: SignUpInput): Promise<AuthPayload> {
    const email = normaliseEmail(input.email);
    const passwordHash = await hashPassword(input.password);
    const user = await this.users.insertUnlessTaken(email, input.name.trim(), passwordHash);
    if (!user) throw new ConflictError('An account with this email already exists');
    return this.issue(user);
  }

  /** Refused with RATE_LIMITED while the email has too many recent failures (existing account or not). */
  async logIn(email: string, password: string): Promise<AuthPayload> {
    await this.signInFailures.begin(email);
    const user = await this.users.findByEmail(normaliseEmail(email));
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !valid) throw new UnauthenticatedError('Invalid email or password');
    await this.signInFailures.succeeded(email);
    return this.issue(user);
  }

  async me(): Promise<User> {
    const user = await this.users.find(this.scope.userId);
    if (!user) throw new NotFoundError('User');
    return { id: user.id, email: user.email, name: user.name };
  }

  /**
   * Checks the current password, stores the new one and ends every session: tokens issued before now are refused
   * (users.tokens_valid_after, checked in the request's opening statement). Returns a fresh token.
   */
  async changePassword(currentPassword: string, newPassword: string): Promise<AuthPayload> {
    const user = await this.users.findWithPasswordHash(this.scope.userId);
    if (!user) throw new NotFoundError('User');
    // The same failure limiter as logIn: a stolen token cannot be used to guess the password quickly.
    await this.signInFailures.begin(user.email);
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw BadUserInputError.field('currentPassword', 'is not the current password');
    }
    await this.signInFailures.succeeded(user.email);
    const validAfter = sessionBoundary();
    await this.users.changePassword(user.id, await hashPassword(newPassword), validAfter);
    return this.issue(user, validAfter);
  }

  /** Ends every session of the signed-in user: every token issued so far is refused from the next request on. */
  async logOutEverywhere(): Promise<boolean> {
    await this.users.endSessions(this.scope.userId, sessionBoundary());
    return true;
  }

  /**
   * A token whose iat carries milliseconds (a NumericDate may be fractional), so that a session ended in the same
   * second as a sign-in is told apart. `at` pins the iat (the token issued by changePassword starts its new session).
   */
  private async issue(user: User, at: Date = new Date()): Promise<AuthPayload> {
    const token = await this.jwt.signAsync({ sub: user.id, iat: at.getTime() / 1000 });
    return { token, user: { id: user.id, email: user.email, name: user.name } };
  }
}

/** Tokens issued before this instant are refused: one millisecond after every token issued so far. */
function sessionBoundary(): Date {
  return new Date(Date.now() + 1);
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
