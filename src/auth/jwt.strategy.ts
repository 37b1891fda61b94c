import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { isUuid, UnauthenticatedError } from '../common/errors';
import type { AuthUser } from '../tenancy/request';

export const JWT_ALGORITHM = 'HS256';

/** Bearer tokens: algorithm pinned (no `none`, no RS/HS confusion), issuer, audience and expiry checked. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwt.secret,
      algorithms: [JWT_ALGORITHM],
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
      ignoreExpiration: false,
    });
  }

  validate(payload: { sub?: unknown }): AuthUser {
    if (!isUuid(payload.sub)) throw new UnauthenticatedError('Invalid token');
    return { id: payload.sub };
  }
}
