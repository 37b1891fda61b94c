import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { UnauthenticatedError } from '../common/errors';
import { ACCESS_RULE, type AccessRule } from '../tenancy';
import { requestOf, type AuthUser } from '../tenancy';
import { isWellFormedApiKey, looksLikeApiKey, secretHash } from '../tenancy';

/**
 * Authenticates the bearer token for every operation except public ones. A bearer credential with the API-key
 * prefix is never parsed as a JWT: its hash is handed to the access guard, which resolves the key in the
 * transaction's opening (tenancy/request-scope.ts).
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = requestOf(context);
    const credential = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (credential && looksLikeApiKey(credential)) {
      if (!isWellFormedApiKey(credential)) throw new UnauthenticatedError('Malformed API key');
      request.apiKey = { hash: secretHash(credential) };
      return true;
    }
    if (rule?.kind === 'public') return true;
    return (await super.canActivate(context)) as boolean;
  }

  override getRequest(context: ExecutionContext) {
    return requestOf(context);
  }

  override handleRequest<T = AuthUser>(error: unknown, user: T | false): T {
    if (error || !user) throw new UnauthenticatedError('Missing, invalid or expired token');
    return user;
  }
}
