import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/database/embedded';
import { runMigrations } from '../../src/database/migrate';
import { appUrlFor, provisionRoles, withDatabase } from '../../src/database/provision';
import { EMBEDDED_TEST_DIR, EMBEDDED_TEST_PORT, TEST_APP_PASSWORD, TEST_DATABASE_PREFIX } from './test-database';

/**
 * Prepares a fresh database for this run on a real PostgreSQL: DATABASE_URL's server when set, else an
 * embedded one (reused when another run already started it). Each run gets its own database, so runs on one
 * machine do not disturb each other. Only migrations run here: importing GraphQL-decorated classes would
 * pollute the type registry.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.SKIP_DB === '1') return;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embeddedUrl = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_TEST_PORT}/postgres`;
    if (await canConnect(embeddedUrl)) {
      serverUrl = embeddedUrl;
    } else {
      const server = await startEmbeddedPostgres({ dataDir: EMBEDDED_TEST_DIR, port: EMBEDDED_TEST_PORT });
      (globalThis as { __embeddedPg?: { stop: () => Promise<void> } }).__embeddedPg = server;
      serverUrl = server.adminUrl();
    }
  }
  const database = `${TEST_DATABASE_PREFIX}${process.pid}`;
  const maintenance = new Client({ connectionString: serverUrl });
  await maintenance.connect();
  try {
    const { rows } = await maintenance.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${TEST_DATABASE_PREFIX}%`],
    );
    for (const { datname } of rows) {
      const pid = Number(datname.slice(TEST_DATABASE_PREFIX.length));
      if (pid === process.pid || !alive(pid)) await maintenance.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
    await maintenance.query(`CREATE DATABASE ${database}`);
  } finally {
    await maintenance.end();
  }
  const adminUrl = withDatabase(serverUrl, database);
  await provisionRoles(adminUrl, TEST_APP_PASSWORD);
  await runMigrations(adminUrl);
  process.env.SMT_TEST_SERVER_URL = serverUrl;
  process.env.SMT_TEST_DATABASE = database;
  process.env.SMT_TEST_ADMIN_URL = adminUrl;
  process.env.SMT_TEST_APP_URL = appUrlFor(adminUrl, TEST_APP_PASSWORD);
}

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
