import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ConflictError, NotFoundError, UnauthenticatedError } from '../common/errors';
import { TenantTransaction } from '../tenancy/tenant-transaction';
import { RequestScope } from '../tenancy/request-scope';
import type { SignUpInput } from './dto/sign-up.input';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import { SharedSignInFailures } from './sign-in-failures';
import { UserEntity } from './user.entity';
import type { AuthPayload, User } from './user.model';

@Injectable()
export class AuthService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly scope: RequestScope,
    private readonly jwt: JwtService,
    private readonly signInFailures: SharedSignInFailures,
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
    await this.signInFailures.begin(email);
    const users = (await this.tx.manager()).getRepository(UserEntity);
    const user = await users
      .createQueryBuilder('u')
      .where('lower(u.email) = :email', { email: normaliseEmail(email) })
      .getOne();
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !valid) throw new UnauthenticatedError('Invalid email or password');
    await this.signInFailures.succeeded(email);
    return this.issue(user);
  }

  async me(): Promise<User> {
    const users = (await this.tx.manager()).getRepository(UserEntity);
    const user = await users.findOneBy({ id: this.scope.userId });
    if (!user) throw new NotFoundError('User');
    return { id: user.id, email: user.email, name: user.name };
  }

  private async issue(user: User): Promise<AuthPayload> {
    const token = await this.jwt.signAsync({ sub: user.id });
    return { token, user: { id: user.id, email: user.email, name: user.name } };
  }
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
