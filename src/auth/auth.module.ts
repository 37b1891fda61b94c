import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, type AppConfig } from '../config';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { UsersRepository } from './users.repository';
import { jwtSecretOf } from './jwt-secret';
import { SharedRedis } from '../redis';
import { SharedSignInFailures, SignInFailureLimiter } from './sign-in-failures';
import { JWT_ALGORITHM, JwtStrategy } from './jwt.strategy';

@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: jwtSecretOf(config),
        signOptions: {
          algorithm: JWT_ALGORITHM,
          issuer: config.jwt.issuer,
          audience: config.jwt.audience,
          expiresIn: config.jwt.expiresInSeconds,
        },
        verifyOptions: { algorithms: [JWT_ALGORITHM], issuer: config.jwt.issuer, audience: config.jwt.audience, maxAge: config.jwt.expiresInSeconds },
      }),
    }),
  ],
  providers: [
    UsersRepository,
    AuthService,
    AuthResolver,
    JwtStrategy,
    {
      provide: SharedSignInFailures,
      inject: [APP_CONFIG, SharedRedis],
      useFactory: (config: AppConfig, redis: SharedRedis) =>
        new SharedSignInFailures(redis, new SignInFailureLimiter(config.signInFailures), config.signInFailures),
    },
  ],
})
export class AuthModule implements OnApplicationShutdown {
  constructor(@Inject(SharedSignInFailures) private readonly signInFailures: SharedSignInFailures) {}

  onApplicationShutdown(): void {
    this.signInFailures.close();
  }
}
