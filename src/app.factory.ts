import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/config';

/** Builds the Nest application; shared by main.ts and the end-to-end tests. */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, databaseUrl }), {
    bufferLogs: true,
    bodyParser: false,
  });
  // Bodies over the limit are refused with 413 before anything else runs.
  app.useBodyParser('json', { limit: `${config.bodyLimitKb}kb` });
  app.useBodyParser('urlencoded', { limit: `${config.bodyLimitKb}kb`, extended: false });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  // Every response is one caller's fresh data: no ETag hashing of each body, no framework banner.
  app.set('etag', false);
  app.disable('x-powered-by');
  return app;
}
