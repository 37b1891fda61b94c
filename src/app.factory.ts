import { type INestApplication, Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { loadOrCreateJwtSecret, type GeneratedSecret } from './auth';
import type { AppConfig } from './config';

/** Builds the Nest application; shared by main.ts and the end-to-end tests. */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<INestApplication> {
  // Without JWT_SECRET (never in production: config refuses that) the data folder's own random secret signs tokens.
  let generated: GeneratedSecret | null = null;
  if (!config.jwt.secret) {
    generated = await loadOrCreateJwtSecret(config.jwt.generatedSecretFile);
    config = { ...config, jwt: { ...config.jwt, secret: generated.secret } };
  }
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, databaseUrl }), {
    bufferLogs: true,
    bodyParser: false,
  });
  // First, so that every answer carries them: GraphQL, REST, 404s and the body parser's 413s alike.
  app.use(securityHeaders(config.hstsMaxAgeSeconds));
  // Bodies over the limit are refused with 413 before anything else runs.
  app.useBodyParser('json', { limit: `${config.bodyLimitKb}kb` });
  app.useBodyParser('urlencoded', { limit: `${config.bodyLimitKb}kb`, extended: false });
  app.useLogger(app.get(Logger));
  if (generated) {
    new NestLogger('Auth').log(
      `JWT_SECRET is not set: tokens are signed with the random secret ${generated.created ? 'just created' : 'kept'} in ` +
        `${generated.file} (mode 0600; it belongs to this data folder). Set JWT_SECRET to run several instances.`,
    );
  }
  // X-Forwarded-For counts only from the proxies TRUST_PROXY names (off by default): otherwise any client could
  // pick the address the per-IP limits count.
  app.set('trust proxy', config.trustProxy);
  // Every response is one caller's fresh data: no ETag hashing of each body, no framework banner.
  app.set('etag', false);
  app.disable('x-powered-by');
  return app;
}

/**
 * Headers for every response. The API serves data, not pages to frame: no sniffing of types, no referrer, no
 * framing. HSTS only when configured (HSTS=true): it is for deployments reached over TLS only.
 */
function securityHeaders(hstsMaxAgeSeconds: number | null) {
  const hsts = hstsMaxAgeSeconds === null ? null : `max-age=${hstsMaxAgeSeconds}; includeSubDomains`;
  return (_req: Request, res: Response, next: NextFunction): void => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    if (hsts) res.setHeader('Strict-Transport-Security', hsts);
    next();
  };
}
