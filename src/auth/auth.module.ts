import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { JWT_ALGORITHM, JwtStrategy } from './jwt.strategy';

@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwt.secret,
        signOptions: {
          algorithm: JWT_ALGORITHM,
          issuer: config.jwt.issuer,
          audience: config.jwt.audience,
          expiresIn: config.jwt.expiresInSeconds,
        },
        verifyOptions: { algorithms: [JWT_ALGORITHM], issuer: config.jwt.issuer, audience: config.jwt.audience },
      }),
    }),
  ],
  providers: [AuthService, AuthResolver, JwtStrategy],
})
export class AuthModule {}
