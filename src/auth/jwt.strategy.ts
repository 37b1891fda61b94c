import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type AppConfig } from '../config';
import { UnauthenticatedError } from '../common/errors';
import { isUuid } from '../common/ids';
import type { AuthUser } from '../tenancy';
import { jwtSecretOf } from './jwt-secret';

export const JWT_ALGORITHM = 'HS256';

/**
 * Bearer tokens: algorithm pinned (no `none`, no RS/HS confusion), issuer and audience checked, and an expiry
 * required: a token without `exp` is refused (jsonwebtoken alone would accept it for ever), as is one issued
 * (`iat`) longer ago than the configured lifetime.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not the string: given a string or Buffer, jsonwebtoken first tries (and fails) to parse it as a
      // public key on every verification, an exception per request (issue 7's profile: ~4% of the CPU of a read).
      // passport-jwt hands it to jsonwebtoken as is; its types only list string | Buffer.
      secretOrKey: createSecretKey(Buffer.from(jwtSecretOf(config), 'utf8')) as unknown as Buffer,
      algorithms: [JWT_ALGORITHM],
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
      ignoreExpiration: false,
      jsonWebTokenOptions: { maxAge: config.jwt.expiresInSeconds },
    });
  }

  validate(payload: { sub?: unknown; exp?: unknown; iat?: unknown }): AuthUser {
    if (typeof payload.exp !== 'number') throw new UnauthenticatedError('Invalid token');
    if (!isUuid(payload.sub)) throw new UnauthenticatedError('Invalid token');
    // maxAge makes jsonwebtoken require a numeric iat; bounded here because it is inlined into SQL as a literal.
    const iat = payload.iat;
    if (typeof iat !== 'number' || !Number.isFinite(iat) || iat < 0 || iat > 1e11) throw new UnauthenticatedError('Invalid token');
    return { id: payload.sub, issuedAt: iat };
  }
}
