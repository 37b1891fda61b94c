/** Contender "ours": the real application (Nest + Apollo + TypeORM), as `npm start` builds it, on the bench database. */
import 'reflect-metadata';
import { installChild, ready, requiredEnv } from '../lib/child';

installChild();

async function main(): Promise<void> {
  const { createApp } = await import('../../src/app.factory');
  const { loadConfig } = await import('../../src/config/config');
  const port = Number(requiredEnv('BENCH_PORT'));
  const config = loadConfig(process.env);
  const app = await createApp(config, requiredEnv('BENCH_APP_URL'));
  await app.listen(port, '127.0.0.1');
  ready(port);
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
