import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { APP_ROLE, OWNER_ROLE } from '../../src/database/roles';
import { insertAssessment, insertMembership, insertTenant, SNAPSHOT } from '../helpers/clients';
import { adminClient, appClient } from '../helpers/db';

/** The policies and functions of migration 1764150003000, straight at the database as the service's role. */
describe('portfolio, benchmark and webhook policies', () => {
  let admin: Client;
  let app: Client;
  const consultant = randomUUID();
  const stranger = randomUUID();
  let client: string;
  let owned: string;
  let unrelated: string;

  async function asUser<T>(user: string, work: () => Promise<T>): Promise<T> {
    await app.query('BEGIN');
    try {
      await app.query(`SELECT set_config('app.user_id', $1, true)`, [user]);
      return await work();
    } finally {
      await app.query('ROLLBACK');
    }
  }
  const assessedTenants = async () =>
    (await app.query<{ tenant_id: string }>('SELECT DISTINCT tenant_id FROM assessments')).rows
      .map((r) => r.tenant_id)
      .sort();

  beforeAll(async () => {
    admin = await adminClient();
    app = await appClient();
    for (const user of [consultant, stranger]) {
      await admin.query(`INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, 'U', 'x')`, [
        user,
        `${user}@example.test`,
      ]);
    }
    client = await insertTenant(admin);
    owned = await insertTenant(admin);
    unrelated = await insertTenant(admin);
    await insertMembership(admin, client, consultant, 'CONSULTANT');
    await insertMembership(admin, owned, consultant, 'OWNER');
    await insertAssessment(admin, client, { overallScore: 30, submittedAt: new Date('2020-01-01T00:00:00Z') });
    for (const tenant of [client, owned, unrelated])
      await insertAssessment(admin, tenant, { overallScore: 42 });
  });
  afterAll(async () => {
    await app.end();
    await admin.end();
  });

  it("hides a consultant's clients' assessments unless app.portfolio is on, and then shows only CONSULTANT tenants", async () => {
    await asUser(consultant, async () => {
      expect(await assessedTenants()).toEqual([]);
      await app.query(`SELECT set_config('app.portfolio', 'on', true)`);
      // No WHERE clause at all: the policy alone admits the CONSULTANT tenant, not the OWNER one nor a stranger's.
      expect(await assessedTenants()).toEqual([client]);
      const tenants = (await app.query<{ id: string }>('SELECT id FROM tenants')).rows.map((r) => r.id);
      expect(tenants).not.toContain(unrelated);
    });
    await asUser(stranger, async () => {
      await app.query(`SELECT set_config('app.portfolio', 'on', true)`);
      expect(await assessedTenants()).toEqual([]);
    });
  });

  it("admits the rows by CONSULTANT membership in the SELECT-only policy itself (without the app role's other policies)", async () => {
    const { rows } = await admin.query<{ relname: string; cmd: string; qual: string }>(
      `SELECT c.relname, p.polcmd AS cmd, pg_get_expr(p.polqual, p.polrelid) AS qual
         FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid WHERE p.polname = 'consultant_portfolio_read' ORDER BY 1`,
    );
    expect(rows.map((r) => [r.relname, r.cmd])).toEqual([
      ['assessments', 'r'],
      ['tenants', 'r'],
    ]);
    for (const { qual } of rows) {
      expect(qual).toContain(`current_setting('app.portfolio'::text, true) = 'on'::text`);
      expect(qual).toContain('m.user_id = app_current_user()');
      expect(qual).toContain(`m.role = 'CONSULTANT'::text`);
    }
    // A role that only the PUBLIC policies apply to sees exactly what consultant_portfolio_read admits.
    const probe = `smt_probe_${process.pid}`;
    await admin.query(`DROP ROLE IF EXISTS ${probe}`);
    await admin.query(
      `CREATE ROLE ${probe} NOLOGIN; GRANT SELECT ON assessments, tenants, memberships TO ${probe}`,
    );
    try {
      await admin.query('BEGIN');
      await admin.query(`SET LOCAL ROLE ${probe}`);
      await admin.query(
        `SELECT set_config('app.user_id', $1, true), set_config('app.portfolio', 'on', true)`,
        [consultant],
      );
      const visible = await admin.query<{ tenant_id: string }>('SELECT DISTINCT tenant_id FROM assessments');
      expect(visible.rows.map((r) => r.tenant_id)).toEqual([client]);
      await admin.query('ROLLBACK');
    } finally {
      await admin.query('ROLLBACK').catch(() => undefined);
      await admin.query(`REVOKE ALL ON assessments, tenants, memberships FROM ${probe}; DROP ROLE ${probe}`);
    }
  });

  it('widens reads for consultant_portfolio() alone and switches the flag off again', async () => {
    await asUser(consultant, async () => {
      const rows = await app.query<{ tenant_id: string; latest_overall_score: number }>(
        'SELECT * FROM consultant_portfolio(false, false, false)',
      );
      expect(rows.rows.map((r) => [r.tenant_id, r.latest_overall_score])).toEqual([[client, 42]]);
      expect((await app.query(`SELECT current_setting('app.portfolio', true) AS flag`)).rows[0].flag).toBe(
        'off',
      );
      expect(await assessedTenants()).toEqual([]);
    });
  });

  it('reads the large JSON columns only when the projection asks for them', async () => {
    type Row = Record<string, unknown> & { latest_result: Record<string, unknown> & { dimensions: unknown[] } };
    await asUser(consultant, async () => {
      const [summary] = (await app.query<Row>('SELECT * FROM consultant_portfolio(false, false, false)')).rows;
      expect(Object.keys(summary.latest_result)).toEqual(['dimensions']);
      expect(summary.latest_result.dimensions).toHaveLength(7);
      expect(summary).toMatchObject({
        latest_overall_score: 42,
        latest_answers: null,
        previous_overall_score: 30,
        previous_result: null,
        previous_answers: null,
      });
      expect(summary.previous_id).toEqual(expect.any(String));

      const [full] = (await app.query<Row>('SELECT * FROM consultant_portfolio(true, true, true)')).rows;
      expect(full.latest_result.dimensions).toEqual(summary.latest_result.dimensions);
      expect(full.latest_result).toHaveProperty('findings');
      expect(full.latest_answers).toEqual(SNAPSHOT.answers);
      expect(full.previous_result).toMatchObject({ overallScore: 30 });
      expect(full.previous_answers).toEqual(SNAPSHOT.answers);

      const [answersOnly] = (await app.query<Row>('SELECT * FROM consultant_portfolio(false, true, false)')).rows;
      expect(answersOnly.latest_answers).toEqual(SNAPSHOT.answers);
      expect(answersOnly.previous_result).toBeNull();
    });
  });

  it('never lets the flag write: the portfolio policies are SELECT only', async () => {
    await asUser(consultant, async () => {
      await app.query(`SELECT set_config('app.portfolio', 'on', true)`);
      await expect(
        app.query(`UPDATE tenants SET name = 'hijacked' WHERE id = $1`, [client]),
      ).resolves.toMatchObject({ rowCount: 0 });
    });
  });

  it('runs the cross-tenant functions as the owner with a fixed search_path, callable only by the service role', async () => {
    const { rows } = await admin.query<{
      proname: string;
      definer: boolean;
      owner: string;
      config: string[];
      args: number;
      public_exec: boolean;
      app_exec: boolean;
    }>(
      `SELECT p.proname, p.prosecdef AS definer, r.rolname AS owner, p.proconfig AS config, p.pronargs AS args,
              has_function_privilege('public', p.oid, 'EXECUTE') AS public_exec,
              has_function_privilege($1, p.oid, 'EXECUTE') AS app_exec
         FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner
        WHERE p.proname IN ('tenant_benchmark_release', 'webhook_claim_deliveries', 'webhook_record_attempt') ORDER BY 1`,
      [APP_ROLE],
    );
    expect(rows.map((r) => r.proname)).toEqual([
      'tenant_benchmark_release',
      'webhook_claim_deliveries',
      'webhook_record_attempt',
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({
        definer: true,
        owner: OWNER_ROLE,
        config: ['search_path=public'],
        public_exec: false,
        app_exec: true,
      });
    }
    // The benchmark takes nothing from the caller: the band comes from app.tenant_id.
    expect(rows[0].args).toBe(0);
  });

  it('answers nothing from tenant_benchmark_release() without a selected tenant', async () => {
    await asUser(consultant, async () => {
      expect((await app.query('SELECT * FROM tenant_benchmark_release()')).rows).toEqual([]);
    });
  });

  it("keeps endpoint secrets and the delivery state out of the service role's reach", async () => {
    await app.query('BEGIN');
    try {
      await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [client]);
      await app.query('SAVEPOINT s');
      await expect(app.query('SELECT secret FROM webhook_endpoints')).rejects.toThrow(/permission denied/);
      await app.query('ROLLBACK TO SAVEPOINT s');
      await expect(app.query(`UPDATE webhook_deliveries SET status = 'DELIVERED'`)).rejects.toThrow(
        /permission denied/,
      );
      await app.query('ROLLBACK TO SAVEPOINT s');
      await expect(
        app.query(
          `INSERT INTO webhook_delivery_attempts (tenant_id, delivery_id, attempt) VALUES ($1, $2, 1)`,
          [client, randomUUID()],
        ),
      ).rejects.toThrow(/permission denied/);
      await app.query('ROLLBACK TO SAVEPOINT s');
      await expect(
        app.query('SELECT id, url, events, secret_hint FROM webhook_endpoints'),
      ).resolves.toBeTruthy();
    } finally {
      await app.query('ROLLBACK');
    }
  });
});
