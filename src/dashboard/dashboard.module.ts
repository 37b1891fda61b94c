import { existsSync } from 'node:fs';
import path from 'node:path';
import { type DynamicModule, Inject, Injectable, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DashboardRedirectController } from './dashboard-redirect.controller';
import { RespondRedirectController } from './respond-redirect.controller';

/** Where the workspace (the web front end) is served. */
export const DASHBOARD_PATH = '/dashboard';

/**
 * Only this origin: the workspace's bundled scripts and styles are files of its own (React sets element styles
 * through the CSSOM, which this allows; ECharts is bundled), and it talks to /graphql and /exports on the same
 * origin. No inline script or style, nothing from a CDN.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * The built workspace (dist/web, written by `npm run build` / `npm run web:build` from web/): the nearest one above
 * this file (src/dashboard, dist/src/dashboard, ...).
 */
export function dashboardRoot(from = __dirname): string | null {
  for (let dir = from, up = 0; up < 6; dir = path.dirname(dir), up++) {
    const candidate = path.join(dir, 'dist', 'web');
    if (existsSync(path.join(candidate, 'index.html'))) return candidate;
  }
  return null;
}

function setHeaders(reply: FastifyReply): void {
  reply.header('Content-Security-Policy', DASHBOARD_CSP);
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('Referrer-Policy', 'no-referrer');
  // Revalidate every time (ETag): a new release is picked up at once, ES modules included.
  reply.header('Cache-Control', 'no-cache');
}

const DASHBOARD_ROOT = Symbol('dashboard root');

/**
 * Serves the built files with Fastify's static plugin (registered before the application is ready): `/dashboard`
 * redirects to `/dashboard/`, which is index.html; a missing file goes to the application's 404.
 */
@Injectable()
class DashboardFiles implements OnModuleInit {
  constructor(
    private readonly adapter: HttpAdapterHost,
    @Inject(DASHBOARD_ROOT) private readonly root: string,
  ) {}

  async onModuleInit(): Promise<void> {
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    await fastify.register(fastifyStatic, {
      root: this.root,
      prefix: `${DASHBOARD_PATH}/`,
      index: 'index.html',
      redirect: true,
      // Revalidation by ETag (setHeaders' no-cache); no other caching headers of the plugin's own.
      cacheControl: false,
      setHeaders,
    });
  }
}

/**
 * The workspace: the static files Vite built from web/ (React, urql, ECharts) under /dashboard.
 * Fastify's static plugin serves them on routes of their own, outside Nest's router, so no guard runs: the files
 * are public, and everything they show comes from the GraphQL API, which checks the caller's token and tenant as always.
 * `GET /` redirects (302) to the dashboard, `GET /respond/<token>` (a respondent's link) to its page there.
 */
@Module({})
export class DashboardModule {
  static register(root: string | null = dashboardRoot()): DynamicModule {
    if (!root) {
      new Logger('Dashboard').warn('dist/web not found (run npm run build): the workspace is not served');
      return { module: DashboardModule };
    }
    return {
      module: DashboardModule,
      controllers: [DashboardRedirectController, RespondRedirectController],
      providers: [{ provide: DASHBOARD_ROOT, useValue: root }, DashboardFiles],
    };
  }
}
