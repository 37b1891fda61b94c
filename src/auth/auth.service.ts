import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ConflictError, NotFoundError, UnauthenticatedError } from '../common/errors';
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

  private async issue(user: User): Promise<AuthPayload> {
    const token = await this.jwt.signAsync({ sub: user.id });
    return { token, user: { id: user.id, email: user.email, name: user.name } };
  }
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
