import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { mapError } from '../../src/graphql/format-error';
import { adminClient, appClient } from '../helpers/db';

/**
 * PostgreSQL's real errors, raised as the service's role, mapped by mapError: what a client would be told if the
 * error escaped any service, wherever it arises.
 */
describe("PostgreSQL's errors as mapError maps them", () => {
  let admin: Client;
  let app: Client;
  const tenant = randomUUID();
  const owner = randomUUID();

  beforeAll(async () => {
    admin = await adminClient();
    app = await appClient();
    await admin.query(`INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, 'O', 'x')`, [owner, `${owner}@example.test`]);
    await admin.query(
      `INSERT INTO tenants (id, name, employee_count, departments, culture, market, locations)
       VALUES ($1, 'T', 10, '{MARKETING}', 'INFORMAL', 'B2C', 1)`,
      [tenant],
    );
    await admin.query(`INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'OWNER')`, [tenant, owner]);
  });
  afterAll(async () => {
    await admin.query('DELETE FROM tenants WHERE id = $1', [tenant]);
    await admin.query('DELETE FROM users WHERE id = $1', [owner]);
    await app.end();
    await admin.end();
  });

  /** Runs `sql` as the owner inside the tenant, rolled back; returns what it raised. */
  const raised = async (sql: string, params: unknown[] = []): Promise<unknown> => {
    await app.query('BEGIN');
    try {
      await app.query(`SELECT set_config('app.user_id', $1, true), set_config('app.tenant_id', $2, true)`, [owner, tenant]);
      await app.query(sql, params);
      return null;
    } catch (error) {
      return error;
    } finally {
      await app.query('ROLLBACK');
    }
  };

  it("removing the last OWNER past the service's check (the membership trigger) is CONFLICT, in the contract's words", async () => {
    const error = await raised('DELETE FROM memberships WHERE tenant_id = $1 AND user_id = $2', [tenant, owner]);
    expect(error).toMatchObject({ code: '23000', constraint: 'tenant_keeps_an_owner' });
    expect(mapError(error)).toEqual({ code: 'CONFLICT', message: 'A tenant keeps at least one OWNER', fields: [], internal: false });
  });

  it('demoting the last OWNER likewise', async () => {
    const error = await raised(`UPDATE memberships SET role = 'ADMIN' WHERE tenant_id = $1 AND user_id = $2`, [tenant, owner]);
    expect(mapError(error)).toMatchObject({ code: 'CONFLICT', message: 'A tenant keeps at least one OWNER' });
  });

  it.each([
    ['a malformed uuid', `SELECT * FROM teams WHERE id = $1`, ['not-a-uuid'], 'BAD_USER_INPUT'],
    ['a +99 offset', `SELECT $1::timestamptz`, ['2026-11-26 10:44:45+99'], 'BAD_USER_INPUT'],
    ['a NUL in text', `SELECT $1::text`, ['a\u0000b'], 'BAD_USER_INPUT'],
    ['an int out of range', `SELECT $1::int`, ['99999999999'], 'BAD_USER_INPUT'],
    ['a duplicate membership', `INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'VIEWER')`, [tenant, owner], 'CONFLICT'],
    ['an unknown table (a defect)', `SELECT * FROM no_such_table`, [], 'INTERNAL_SERVER_ERROR'],
  ])('%s: %s', async (_name, sql, params, code) => {
    const error = await raised(sql, params);
    expect(error).not.toBeNull();
    const mapped = mapError(error);
    expect(mapped.code).toBe(code);
    expect(mapped.message).not.toMatch(/syntax|relation|violates|uuid|constraint|for type|memberships|0x00/i);
  });
});
