import 'reflect-metadata';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config';
import { prepareDatabase } from './database';
import { dashboardRoot, DASHBOARD_PATH } from './dashboard';
import { drainHttpServer } from './shutdown';
import type { Server } from 'node:http';

/** E.g. "Social Maturity API ready: GraphQL http://localhost:3000/graphql · dashboard http://localhost:3000/dashboard/". */
function readyLine(origin: string, dashboard: boolean): string {
  const api = `Social Maturity API ready: GraphQL ${origin}/graphql`;
  return dashboard ? `${api} · dashboard ${origin}${DASHBOARD_PATH}/` : `${api} (no workspace: dist/web not found, run npm run build)`;
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const say = (line: string) => console.log(JSON.stringify({ level: 30, time: Date.now(), msg: line }));
  const db = await prepareDatabase(config, say);
  const app = await createApp(config, db.appUrl);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    say(`${signal}: draining in-flight requests, then closing the database pool`);
    // Drain HTTP first: Nest's own close() would end the database pool before the server stops.
    await drainHttpServer(app.getHttpServer() as Server, 10_000);
    await app.close().catch(() => undefined);
    await db.close();
    say('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await app.listen(config.port, config.host);
  say(`listening on port ${config.port} (database: ${db.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'})`);
  // The last line of the start-up is plain text, not a JSON log line: the one thing a person looks for.
  console.log(readyLine(`http://localhost:${config.port}`, dashboardRoot() !== null));
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
