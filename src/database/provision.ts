import { Client } from 'pg';
import { APP_ROLE, OWNER_ROLE } from './roles';

/**
 * Creates the two roles when missing and grants what each needs. Runs with the admin connection
 * (DATABASE_URL); idempotent. The app role is not superuser, has no BYPASSRLS and owns nothing, so the
 * row-level security policies written by the migrations hold for every query the service makes.
 */
export async function provisionRoles(adminUrl: string, appPassword: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext('smt:provision'))`);
    await createRoleIfMissing(client, OWNER_ROLE, 'NOLOGIN NOSUPERUSER NOBYPASSRLS');
    await createRoleIfMissing(client, APP_ROLE, 'LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE');
    await client.query(`ALTER ROLE ${APP_ROLE} WITH LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD ${client.escapeLiteral(appPassword)}`);
    const { rows } = await client.query<{ rolsuper: boolean }>(
      'SELECT rolsuper FROM pg_roles WHERE rolname = current_user',
    );
    if (!rows[0]?.rolsuper) await client.query(`GRANT ${OWNER_ROLE} TO current_user`);
    await client.query(`GRANT USAGE, CREATE ON SCHEMA public TO ${OWNER_ROLE}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await client.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${OWNER_ROLE} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`,
    );
    await client.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${OWNER_ROLE} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}`,
    );
  } finally {
    await client.query(`SELECT pg_advisory_unlock(hashtext('smt:provision'))`).catch(() => undefined);
    await client.end();
  }
}

async function createRoleIfMissing(client: Client, role: string, attributes: string): Promise<void> {
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  if (rowCount) return;
  try {
    await client.query(`CREATE ROLE ${role} ${attributes}`);
  } catch (e) {
    // Another process created it between the check and the CREATE: that is fine.
    if ((e as { code?: string }).code !== '42710') throw e;
  }
}

/** Creates a database when missing (used for the embedded server and the test database). */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** The app role's URL on the same server and database as the admin URL. */
export function appUrlFor(adminUrl: string, appPassword: string): string {
  const url = new URL(adminUrl);
  url.username = APP_ROLE;
  url.password = appPassword;
  return url.toString();
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
