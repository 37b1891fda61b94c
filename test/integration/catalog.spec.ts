import type { Client } from 'pg';
import { APP_ROLE } from '../../src/database/roles';
import { adminClient, tenantTables } from '../helpers/db';

/** Reads PostgreSQL's catalog: isolation must hold by construction, for every table present and future. */
describe('database catalog', () => {
  let db: Client;
  beforeAll(async () => {
    db = await adminClient();
  });
  afterAll(() => db.end());

  it('has tenant tables to check', async () => {
    const tables = await tenantTables(db);
    expect(tables).toEqual(expect.arrayContaining(['memberships']));
  });

  it('enables and forces RLS with a tenant policy on every table with tenant_id, and on tenants', async () => {
    const tables = [...(await tenantTables(db)), 'tenants'];
    const { rows } = await db.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; policies: string[] }>(
      `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
              coalesce(array_agg(p.polname::text) FILTER (WHERE p.polname IS NOT NULL), '{}') AS policies
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_policy p ON p.polrelid = c.oid
        WHERE n.nspname = 'public' AND c.relname = ANY($1) GROUP BY c.relname, c.relrowsecurity, c.relforcerowsecurity`,
      [tables],
    );
    expect(rows).toHaveLength(tables.length);
    for (const row of rows) {
      expect({ table: row.relname, rls: row.relrowsecurity, forced: row.relforcerowsecurity }).toEqual({
        table: row.relname,
        rls: true,
        forced: true,
      });
      expect({ table: row.relname, policies: row.policies }).toEqual({
        table: row.relname,
        policies: expect.arrayContaining(['tenant_isolation']),
      });
    }
  });

  it('has every tenant_isolation policy compare the row tenant with app_current_tenant()', async () => {
    const { rows } = await db.query<{ relname: string; qual: string; check: string | null }>(
      `SELECT c.relname, pg_get_expr(p.polqual, p.polrelid) AS qual, pg_get_expr(p.polwithcheck, p.polrelid) AS check
         FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid WHERE p.polname = 'tenant_isolation'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.qual).toMatch(/(tenant_id|id) = app_current_tenant\(\)/);
      expect(row.check).toMatch(/(tenant_id|id) = app_current_tenant\(\)/);
    }
  });

  it('runs the service as a role that is not superuser, cannot bypass RLS and owns nothing', async () => {
    const role = await db.query('SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
    expect(role.rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
    const owned = await db.query(
      `SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = $1
       UNION ALL SELECT p.proname FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner WHERE r.rolname = $1
       UNION ALL SELECT n.nspname FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE r.rolname = $1`,
      [APP_ROLE],
    );
    expect(owned.rows).toEqual([]);
    const memberOf = await db.query(
      `SELECT b.rolname FROM pg_auth_members m JOIN pg_roles a ON a.oid = m.member JOIN pg_roles b ON b.oid = m.roleid
        WHERE a.rolname = $1`,
      [APP_ROLE],
    );
    expect(memberOf.rows).toEqual([]);
  });

  it('includes tenant_id in every foreign key between tenant tables', async () => {
    const { rows } = await db.query<{ name: string; from_table: string; to_table: string; from_cols: string[]; to_cols: string[] }>(
      `SELECT con.conname AS name, src.relname AS from_table, dst.relname AS to_table,
              ARRAY(SELECT a.attname::text FROM unnest(con.conkey) k JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k) AS from_cols,
              ARRAY(SELECT a.attname::text FROM unnest(con.confkey) k JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k) AS to_cols
         FROM pg_constraint con
         JOIN pg_class src ON src.oid = con.conrelid JOIN pg_class dst ON dst.oid = con.confrelid
         JOIN pg_namespace n ON n.oid = src.relnamespace
        WHERE con.contype = 'f' AND n.nspname = 'public'`,
    );
    const tenantOwned = new Set(await tenantTables(db));
    const betweenTenantTables = rows.filter((fk) => tenantOwned.has(fk.from_table) && (tenantOwned.has(fk.to_table) || fk.to_table === 'tenants'));
    expect(betweenTenantTables.length).toBeGreaterThan(0);
    for (const fk of betweenTenantTables) {
      const target = fk.to_table === 'tenants' ? 'id' : 'tenant_id';
      const position = fk.from_cols.indexOf('tenant_id');
      expect({ fk: fk.name, includesTenant: position >= 0 }).toEqual({ fk: fk.name, includesTenant: true });
      expect({ fk: fk.name, pairedWith: fk.to_cols[position] }).toEqual({ fk: fk.name, pairedWith: target });
    }
    // The only other foreign keys point at the global users table.
    const others = rows.filter((fk) => !betweenTenantTables.includes(fk));
    for (const fk of others) expect({ fk: fk.name, to: fk.to_table }).toEqual({ fk: fk.name, to: 'users' });
  });

  it('gives every tenant table a primary key that starts with tenant_id (distributable by tenant_id)', async () => {
    const { rows } = await db.query<{ relname: string; first: string }>(
      `SELECT c.relname, a.attname AS first FROM pg_constraint con
         JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = con.conkey[1]
        WHERE con.contype = 'p' AND n.nspname = 'public' AND c.relname = ANY($1)`,
      [await tenantTables(db)],
    );
    expect(rows.length).toBe((await tenantTables(db)).length);
    for (const row of rows) expect({ table: row.relname, first: row.first }).toEqual({ table: row.relname, first: 'tenant_id' });
  });
});
