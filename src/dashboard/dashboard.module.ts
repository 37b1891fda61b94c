import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
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

function setHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', DASHBOARD_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  // Revalidate every time (ETag): a new release is picked up at once, ES modules included.
  res.setHeader('Cache-Control', 'no-cache');
}

/**
 * The workspace: the static files Vite built from web/ (React, urql, ECharts) under /dashboard.
 * Express's static middleware serves them before Nest's router, so no guard runs: the files are public, and
 * everything they show comes from the GraphQL API, which checks the caller's token and tenant as always.
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
      imports: [
        ServeStaticModule.forRoot({
          rootPath: root,
          serveRoot: DASHBOARD_PATH,
          // index.html for /dashboard/ only: a missing file is a 404, not the page.
          renderPath: '/',
          serveStaticOptions: { index: 'index.html', redirect: true, fallthrough: true, setHeaders },
        }),
      ],
    };
  }
}
