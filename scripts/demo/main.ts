import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Client } from 'pg';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/config';
import { prepareDatabase } from '../../src/database/prepare';
import { loadDemo } from './load';
import { report } from './summary';

async function isReachable(url: string): Promise<boolean> {
  const probe = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await probe.connect();
    await probe.end();
    return true;
  } catch {
    return false;
  }
}

export async function main(): Promise<void> {
  const started = Date.now();
  const env: NodeJS.ProcessEnv = {
    // The API's own request log would drown the summary; errors reach the loader as GraphQL errors anyway.
    LOG_LEVEL: 'fatal',
    // The loader makes about a thousand requests a minute as one user; the limits protect a public API.
    RATE_LIMIT_PER_IP: '1000000',
    RATE_LIMIT_PER_USER: '1000000',
    ...process.env,
  };
  // `npm start` may already run the embedded server on its port: then load into that one.
  if (!env.DATABASE_URL) {
    const running = `postgres://postgres:postgres@127.0.0.1:${env.EMBEDDED_PG_PORT ?? 54329}/social_maturity`;
    if (await isReachable(running)) env.DATABASE_URL = running;
  }
  const config = loadConfig(env);
  const say = (line: string) => console.log(line);
  say('Preparing the database…');
  const db = await prepareDatabase(config, say);
  const app = await createApp(config, db.appUrl);
  try {
    await app.listen(0, '127.0.0.1');
    const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
    say(`API running in this process on port ${port}; loading the demo through GraphQL…`);
    const now = new Date();
    const result = await loadDemo(`http://127.0.0.1:${port}`, db.adminUrl, now);
    say(report(result, config.port, started, now));
  } finally {
    await app.close();
    await db.close();
  }
}
