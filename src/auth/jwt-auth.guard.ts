import { type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { UnauthenticatedError } from '../common/errors';
import { APP_CONFIG, type AppConfig } from '../config';
import { ACCESS_RULE, type AccessRule } from '../tenancy';
import { requestOf, type AuthUser } from '../tenancy';
import { isWellFormedApiKey, looksLikeApiKey, secretHash } from '../tenancy';
import { VerifiedTokens } from './verified-tokens';

/**
 * Authenticates the bearer token for every operation except public ones. A bearer credential with the API-key
 * prefix is never parsed as a JWT: its hash is handed to the access guard, which resolves the key in the
 * transaction's opening (tenancy/request-scope.ts).
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  /** Tokens this process verified already (verified-tokens.ts): a repeated token skips passport and jsonwebtoken. */
  private readonly verified: VerifiedTokens;

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    this.verified = new VerifiedTokens(config.jwt.expiresInSeconds);
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
    const known = credential ? this.verified.get(credential) : undefined;
    if (known) {
      request.user = known;
      return true;
    }
    const activated = (await super.canActivate(context)) as boolean;
    if (activated && credential && request.user) this.verified.remember(credential, request.user);
    return activated;
  }

  override getRequest(context: ExecutionContext) {
    return requestOf(context);
  }

  override handleRequest<T = AuthUser>(error: unknown, user: T | false): T {
    if (error || !user) throw new UnauthenticatedError('Missing, invalid or expired token');
    return user;
  }
}
