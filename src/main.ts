import 'reflect-metadata';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/config';
import { prepareDatabase } from './database/prepare';

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
    say(`${signal}: draining requests, then closing the database pool`);
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await app.listen(config.port, config.host);
  say(
    `GraphQL API ready at http://localhost:${config.port}/graphql (database: ${db.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'})`,
  );
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
