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
});
