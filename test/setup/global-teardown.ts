import { Client } from 'pg';
import { TEST_DATABASE_PREFIX } from './test-database';

/** Drops this run's database; stops the embedded server this run started unless another run still uses it. */
export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env.SMT_TEST_SERVER_URL;
  const database = process.env.SMT_TEST_DATABASE;
  if (!serverUrl || !database) return;
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  let othersRunning: number;
  try {
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_database WHERE datname LIKE $1`,
      [`${TEST_DATABASE_PREFIX}%`],
    );
    othersRunning = rows[0].n;
  } finally {
    await client.end();
  }
  const server = (globalThis as { __embeddedPg?: { stop: () => Promise<void> } }).__embeddedPg;
  if (server && othersRunning === 0) await server.stop();
}
