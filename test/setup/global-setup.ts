import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/database/embedded';
import { runMigrations } from '../../src/database/migrate';
import { appUrlFor, provisionRoles, withDatabase } from '../../src/database/provision';
import { EMBEDDED_TEST_DIR, EMBEDDED_TEST_PORT, TEST_APP_PASSWORD, TEST_DATABASE } from './test-database';

/**
 * Prepares a fresh test database on a real PostgreSQL: DATABASE_URL's server when set, else an embedded one.
 * Only migrations run here (no GraphQL-decorated classes are imported: that would pollute the type registry).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.SKIP_DB === '1') return;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const server = await startEmbeddedPostgres({ dataDir: EMBEDDED_TEST_DIR, port: EMBEDDED_TEST_PORT });
    (globalThis as { __embeddedPg?: { stop: () => Promise<void> } }).__embeddedPg = server;
    serverUrl = server.adminUrl();
  }
  const maintenance = new Client({ connectionString: serverUrl });
  await maintenance.connect();
  try {
    await maintenance.query(`DROP DATABASE IF EXISTS ${TEST_DATABASE} WITH (FORCE)`);
    await maintenance.query(`CREATE DATABASE ${TEST_DATABASE}`);
  } finally {
    await maintenance.end();
  }
  const adminUrl = withDatabase(serverUrl, TEST_DATABASE);
  await provisionRoles(adminUrl, TEST_APP_PASSWORD);
  await runMigrations(adminUrl);
  process.env.SMT_TEST_ADMIN_URL = adminUrl;
  process.env.SMT_TEST_APP_URL = appUrlFor(adminUrl, TEST_APP_PASSWORD);
}
