import { Client } from 'pg';
import { testUrls } from '../setup/test-database';

/** A direct connection as the owner/admin (bypasses RLS: for seeding and reading the catalog). */
export async function adminClient(): Promise<Client> {
  const client = new Client({ connectionString: testUrls().adminUrl });
  await client.connect();
  return client;
}

/** A direct connection as the service's role (subject to RLS), outside the application. */
export async function appClient(): Promise<Client> {
  const client = new Client({ connectionString: testUrls().appUrl });
  await client.connect();
  return client;
}

/** Tables of the public schema that carry a tenant_id column (every tenant-owned table). */
export async function tenantTables(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
      ORDER BY 1`,
  );
  return rows.map((r) => r.table_name);
}
