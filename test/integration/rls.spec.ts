import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { adminClient, appClient, tenantTables } from '../helpers/db';

/** Straight at the database as the service's role: the policies hold even if the application forgot them. */
describe('row-level security as the service role', () => {
  let admin: Client;
  let app: Client;
  const tenantA = randomUUID();
  const tenantB = randomUUID();
  const userA = randomUUID();

  beforeAll(async () => {
    admin = await adminClient();
    app = await appClient();
    await admin.query(`INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, 'A', 'x')`, [userA, `${userA}@example.test`]);
    for (const id of [tenantA, tenantB]) {
      await admin.query(
        `INSERT INTO tenants (id, name, employee_count, departments, culture, market, locations)
         VALUES ($1, 'T', 10, '{MARKETING}', 'INFORMAL', 'B2C', 1)`,
        [id],
      );
      await admin.query(`INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'OWNER')`, [id, userA]);
    }
  });
  afterAll(async () => {
    await app.end();
    await admin.end();
  });

  it('returns 0 rows from every tenant table when no tenant is set', async () => {
    const tables = [...(await tenantTables(admin)), 'tenants'];
    for (const table of tables) {
      const total = await admin.query(`SELECT count(*)::int AS n FROM ${table}`);
      const visible = await app.query(`SELECT count(*)::int AS n FROM ${table}`);
      expect({ table, visible: visible.rows[0].n }).toEqual({ table, visible: 0 });
      if (table === 'memberships' || table === 'tenants') expect(total.rows[0].n).toBeGreaterThan(0);
    }
  });

  it("shows only the set tenant's rows in every tenant table", async () => {
    await app.query('BEGIN');
    await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantA]);
    for (const table of await tenantTables(admin)) {
      const foreign = await app.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id <> $1`, [tenantA]);
      expect({ table, foreign: foreign.rows[0].n }).toEqual({ table, foreign: 0 });
    }
    const tenants = await app.query('SELECT id FROM tenants');
    expect(tenants.rows).toEqual([{ id: tenantA }]);
    await app.query('COMMIT');
  });

  it('refuses an INSERT for another tenant', async () => {
    await app.query('BEGIN');
    await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantA]);
    await expect(
      app.query(`INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'VIEWER')`, [tenantB, userA]),
    ).rejects.toThrow(/row-level security/);
    await app.query('ROLLBACK');
  });

  it('refuses an INSERT with no tenant set', async () => {
    await expect(
      app.query(
        `INSERT INTO tenants (id, name, employee_count, departments, culture, market, locations)
         VALUES ($1, 'X', 10, '{MARKETING}', 'INFORMAL', 'B2C', 1)`,
        [randomUUID()],
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('cannot move a row into another tenant by UPDATE', async () => {
    await app.query('BEGIN');
    await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantA]);
    await expect(app.query(`UPDATE memberships SET tenant_id = $1 WHERE tenant_id = $2`, [tenantB, tenantA])).rejects.toThrow(
      /row-level security/,
    );
    await app.query('ROLLBACK');
  });

  it('forgets the tenant when the transaction ends (a pooled connection carries nothing over)', async () => {
    await app.query('BEGIN');
    await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantA]);
    await app.query('COMMIT');
    const after = await app.query(`SELECT current_setting('app.tenant_id', true) AS t, (SELECT count(*)::int FROM tenants) AS n`);
    expect(after.rows[0]).toEqual({ t: '', n: 0 });
  });

  it('lets a user read only their own memberships without a tenant', async () => {
    await app.query('BEGIN');
    await app.query(`SELECT set_config('app.user_id', $1, true)`, [userA]);
    const rows = await app.query('SELECT tenant_id FROM memberships ORDER BY tenant_id');
    expect(rows.rows.map((r) => r.tenant_id).sort()).toEqual([tenantA, tenantB].sort());
    await app.query(`SELECT set_config('app.user_id', $1, true)`, [randomUUID()]);
    expect((await app.query('SELECT count(*)::int AS n FROM memberships')).rows[0].n).toBe(0);
    await app.query('COMMIT');
  });

  it("app_visible_tenants(): the set tenant, plus the user's CONSULTANT tenants only while app.portfolio is on", async () => {
    const consultant = randomUUID();
    await admin.query(`INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, 'C', 'x')`, [consultant, `${consultant}@example.test`]);
    await admin.query(`INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'CONSULTANT')`, [tenantB, consultant]);
    const visible = async (user: string, portfolio: 'on' | 'off'): Promise<string[]> => {
      await app.query('BEGIN');
      await app.query(
        `SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true), set_config('app.portfolio', $3, true)`,
        [tenantA, user, portfolio],
      );
      const { rows } = await app.query<{ t: string[] }>('SELECT app_visible_tenants()::text[] AS t');
      await app.query('COMMIT');
      return [...rows[0].t].sort();
    };
    // One session, the settings changing between calls: the function's cached plans must not keep an answer.
    expect(await visible(consultant, 'on')).toEqual([tenantA, tenantB].sort());
    expect(await visible(consultant, 'off')).toEqual([tenantA]);
    expect(await visible(userA, 'on')).toEqual([tenantA]); // userA is OWNER of tenantB, not CONSULTANT
    expect(await visible(consultant, 'on')).toEqual([tenantA, tenantB].sort());
  });

  it('calls no SQL function from a policy that PostgreSQL would parse and plan again on every statement', async () => {
    // A LANGUAGE sql function whose body has a sub-select is not inlined; before PostgreSQL 18 it is planned again
    // on each call (app_visible_tenants cost 0.10-0.18 ms per statement on assessments that way on PostgreSQL 15).
    const { rows } = await admin.query<{ name: string; body: string }>(
      `SELECT DISTINCT p.proname AS name, p.prosrc AS body
         FROM pg_policy pol
         JOIN pg_depend d ON d.classid = 'pg_policy'::regclass AND d.objid = pol.oid AND d.refclassid = 'pg_proc'::regclass
         JOIN pg_proc p ON p.oid = d.refobjid
         JOIN pg_language l ON l.oid = p.prolang
        WHERE l.lanname = 'sql'`,
    );
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['app_current_tenant']));
    const replanned = rows.filter((r) => (r.body.match(/\bselect\b/gi) ?? []).length > 1).map((r) => r.name);
    expect(replanned).toEqual([]);
  });
});
