import { type INestApplication, Logger as NestLogger } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { requestIdOf } from './common/http-log';
import { graphqlBodyRefusal } from './graphql';
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
  // Fastify rather than express (issue 20: the HTTP layer's share of a request's CPU; docs/performance.md).
  // Bodies over BODY_LIMIT_KB are refused with 413 before anything else runs (JSON and urlencoded alike).
  // X-Forwarded-For counts only from the proxies TRUST_PROXY names (off by default): otherwise any client could
  // pick the address the per-IP limits count; a hop count or addresses mean to Fastify what they meant to express
  // (both use proxy-addr). One request id for Fastify, the access log and the request context (http-log.ts).
  // Fastify sends no ETag of its own and no framework banner.
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitKb * 1024,
    // A hop count is a number at run time (Fastify's docs); its types name only the other forms.
    trustProxy: config.trustProxy as string | boolean,
    genReqId: requestIdOf,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot({ config, databaseUrl }), adapter, {
    bufferLogs: true,
  });
  // First, so that every answer carries them: GraphQL, REST, 404s and the body parser's 413s alike.
  const headers = securityHeaders(config.hstsMaxAgeSeconds);
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    headers(reply.raw);
    reply.raw.setHeader('x-request-id', request.id);
    done();
  });
  // The /graphql route is Apollo's, registered before Nest's exception layer: its body parser's refusals (413, 400)
  // are answered here, in GraphQL's shape; anything else goes on to Fastify's default handling.
  adapter.getInstance().setErrorHandler((error, _request, reply) => {
    const refusal = graphqlBodyRefusal(error);
    if (!refusal) throw error;
    return reply.status(refusal.status).send(refusal.body);
  });
  app.useLogger(app.get(Logger));
  if (generated) {
    new NestLogger('Auth').log(
      `JWT_SECRET is not set: tokens are signed with the random secret ${generated.created ? 'just created' : 'kept'} in ` +
        `${generated.file} (mode 0600; it belongs to this data folder). Set JWT_SECRET to run several instances.`,
    );
  }
  return app;
}

/**
 * Readies an application for requests without listening (tests hand its server to supertest): Nest's init, then
 * Fastify's own start-up (its plugins and routes), which `listen` would otherwise run.
 */
export async function initApp(app: INestApplication): Promise<void> {
  await app.init();
  await (app as NestFastifyApplication).getHttpAdapter().getInstance().ready();
}

/**
 * Headers for every response. The API serves data, not pages to frame: no sniffing of types, no referrer, no
 * framing. HSTS only when configured (HSTS=true): it is for deployments reached over TLS only.
 */
function securityHeaders(hstsMaxAgeSeconds: number | null) {
  const hsts = hstsMaxAgeSeconds === null ? null : `max-age=${hstsMaxAgeSeconds}; includeSubDomains`;
  return (res: ServerResponse): void => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    if (hsts) res.setHeader('Strict-Transport-Security', hsts);
  };
}
