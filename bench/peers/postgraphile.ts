/**
 * Peer (b): PostGraphile 5 (Grafast + grafserv on node:http) over the same database, connected as the app role
 * (row-level security applies). The tenant comes in through makePgService's pgSettings: the JWT is verified the
 * same way and its subject becomes app.user_id; the x-tenant-id header becomes app.tenant_id. PostGraphile
 * cannot check the membership before setting it (pgSettings is synchronous): it does less than the app here.
 */
import { installChild, ready, requiredEnv } from '../lib/child';

installChild();

import { createServer, type IncomingMessage } from 'node:http';
import { createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';

/* eslint-disable @typescript-eslint/no-require-imports -- subpath exports, which this tsconfig's resolution does not read */
const { postgraphile } = require('postgraphile') as { postgraphile: (preset: unknown) => PostGraphileInstance };
const { PostGraphileAmberPreset } = require('postgraphile/presets/amber') as { PostGraphileAmberPreset: unknown };
const { makePgService } = require('postgraphile/adaptors/pg') as { makePgService: (o: unknown) => unknown };
const { grafserv } = require('grafserv/node') as { grafserv: unknown };

interface PostGraphileInstance {
  createServ(grafserv: unknown): { addTo(server: unknown): Promise<void> | void; ready(): Promise<void> };
  release(): Promise<void>;
}

/** A KeyObject, as the application passes it (a string makes jsonwebtoken try a public-key parse each time). */
const secret = createSecretKey(Buffer.from(requiredEnv('JWT_SECRET'), 'utf8'));
const issuer = requiredEnv('JWT_ISSUER');
const audience = requiredEnv('JWT_AUDIENCE');

function settingsOf(req: IncomingMessage | undefined): Record<string, string> {
  const header = req?.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : '';
  let sub = '';
  try {
    const claims = jwt.verify(token, secret, { algorithms: ['HS256'], issuer, audience }) as { sub?: unknown };
    if (typeof claims.sub === 'string') sub = claims.sub;
  } catch {
    sub = '';
  }
  const tenant = req?.headers['x-tenant-id'];
  const settings: Record<string, string> = { 'app.user_id': sub };
  if (sub && typeof tenant === 'string') settings['app.tenant_id'] = tenant;
  // The consultant's dashboard: the portfolio policy's flag, as consultant_portfolio() sets it.
  if (sub && req?.headers['x-portfolio'] === 'on') settings['app.portfolio'] = 'on';
  return settings;
}

async function main(): Promise<void> {
  const preset = {
    extends: [PostGraphileAmberPreset],
    pgServices: [
      makePgService({
        connectionString: requiredEnv('BENCH_APP_URL'),
        schemas: ['public'],
        poolConfig: { max: Number(process.env.DB_POOL_SIZE ?? 10) },
        pgSettings: (ctx: { node?: { req?: IncomingMessage } }) => settingsOf(ctx.node?.req),
      }),
    ],
    grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false, maxRequestLength: 100_000 },
    grafast: { explain: false },
  };
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  server.on('error', (e) => {
    console.error(e);
    process.exit(1);
  });
  await serv.addTo(server);
  await serv.ready();
  const port = Number(requiredEnv('BENCH_PORT'));
  server.listen(port, '127.0.0.1', () => ready(port));
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
