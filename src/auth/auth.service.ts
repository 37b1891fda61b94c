import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { BadUserInputError, ConflictError, NotFoundError, UnauthenticatedError } from '../common/errors';
import { TenantTransaction } from '../tenancy/tenant-transaction';
import { RequestScope } from '../tenancy/request-scope';
import type { SignUpInput } from './dto/sign-up.input';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import { SignInFailureLimiter } from './sign-in-failures';
import { UserEntity } from './user.entity';
import type { AuthPayload, User } from './user.model';

@Injectable()
export class AuthService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly scope: RequestScope,
    private readonly jwt: JwtService,
    private readonly signInFailures: SignInFailureLimiter,
  ) {}

  async signUp(input: SignUpInput): Promise<AuthPayload> {
    const email = normaliseEmail(input.email);
    const users = (await this.tx.manager()).getRepository(UserEntity);
    const passwordHash = await hashPassword(input.password);
    const inserted = await users
      .createQueryBuilder()
      .insert()
      .values({ email, name: input.name.trim(), passwordHash })
      .orIgnore()
      .returning(['id', 'email', 'name'])
      .execute();
    const row = inserted.raw as { id: string; email: string; name: string }[];
    if (row.length === 0) throw new ConflictError('An account with this email already exists');
    return this.issue(row[0]);
  }

  /** Refused with RATE_LIMITED while the email has too many recent failures (existing account or not). */
  async logIn(email: string, password: string): Promise<AuthPayload> {
    this.signInFailures.begin(email);
    const users = (await this.tx.manager()).getRepository(UserEntity);
    const user = await users
      .createQueryBuilder('u')
      .where('lower(u.email) = :email', { email: normaliseEmail(email) })
      .getOne();
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !valid) throw new UnauthenticatedError('Invalid email or password');
    this.signInFailures.succeeded(email);
    return this.issue(user);
  }

  async me(): Promise<User> {
    const users = (await this.tx.manager()).getRepository(UserEntity);
    const user = await users.findOneBy({ id: this.scope.userId });
    if (!user) throw new NotFoundError('User');
    return { id: user.id, email: user.email, name: user.name };
  }

  /**
   * Checks the current password, stores the new one and ends every session: tokens issued before now are refused
   * (users.tokens_valid_after, checked in the request's opening statement). Returns a fresh token.
   */
  async changePassword(currentPassword: string, newPassword: string): Promise<AuthPayload> {
    const manager = await this.tx.manager();
    const user = await manager.getRepository(UserEntity).findOneBy({ id: this.scope.userId });
    if (!user) throw new NotFoundError('User');
    // The same failure limiter as logIn: a stolen token cannot be used to guess the password quickly.
    this.signInFailures.begin(user.email);
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw BadUserInputError.field('currentPassword', 'is not the current password');
    }
    this.signInFailures.succeeded(user.email);
    const validAfter = sessionBoundary();
    await manager.query(`UPDATE users SET password_hash = $2, tokens_valid_after = $3 WHERE id = $1`, [
      user.id,
      await hashPassword(newPassword),
      validAfter,
    ]);
    return this.issue(user, validAfter);
  }

  /** Ends every session of the signed-in user: every token issued so far is refused from the next request on. */
  async logOutEverywhere(): Promise<boolean> {
    const manager = await this.tx.manager();
    await manager.query(`UPDATE users SET tokens_valid_after = $2 WHERE id = $1`, [this.scope.userId, sessionBoundary()]);
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
