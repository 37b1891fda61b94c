import type { TestingModule } from '@nestjs/testing';
import { Client } from 'pg';
import { UnauthenticatedError } from '../../src/common/errors';
import { currentRequestContext, runInNewRequestContext } from '../../src/request';
import { RequestScope, TenantTransaction } from '../../src/tenancy';
import { adminClient, mediumModule, seedTenant, seedUser } from './medium-module';

/** RequestScope (who is asking) and TenantTransaction (the connection and its commit) on a real PostgreSQL. */
describe('tenancy (medium: real providers and database, no HTTP)', () => {
  let moduleRef: TestingModule;
  let scope: RequestScope;
  let tx: TenantTransaction;
  let admin: Client;
  let owner: { userId: string; tenantId: string };
  /** Every round trip to PostgreSQL (pg Client.query), observed, not replaced. */
  const roundTrips = jest.spyOn(Client.prototype, 'query');

  beforeAll(async () => {
    moduleRef = await mediumModule();
    scope = moduleRef.get(RequestScope);
    tx = moduleRef.get(TenantTransaction);
    admin = await adminClient();
    owner = await seedTenant(admin);
  });
  afterAll(async () => {
    roundTrips.mockRestore();
    await admin.end();
    await moduleRef.close();
  });

  /** What the transaction sees as its tenant and user. */
  async function settings(): Promise<{ tenant: string | null; user: string | null }> {
    const manager = await tx.manager();
    const [row] = await manager.query<{ tenant: string | null; user: string | null }[]>(
      `SELECT nullif(current_setting('app.tenant_id', true), '') AS tenant, nullif(current_setting('app.user_id', true), '') AS user`,
    );
    return row;
  }

  it('a member gets the tenant and the role of the membership, in the transaction and in the scope', async () => {
    const seen = await scope.run(owner.userId, owner.tenantId, async () => ({ ...(await settings()), ...scope.current }));
    expect(seen).toMatchObject({ tenant: owner.tenantId, user: owner.userId, tenantId: owner.tenantId, role: 'OWNER' });
  });

  it('a non-member gets no tenant: the settings stay empty and the tenant tables show nothing', async () => {
    const stranger = await seedUser(admin);
    const seen = await scope.run(stranger, owner.tenantId, async (manager) => ({
      ...(await settings()),
      tenantId: scope.current.tenantId,
      role: scope.current.role,
      tenants: (await manager.query<{ id: string }[]>('SELECT id FROM tenants WHERE id = $1', [owner.tenantId])).length,
    }));
    expect(seen).toEqual({ tenant: null, user: stranger, tenantId: null, role: null, tenants: 0 });
  });

  it('a deleted account is refused (UNAUTHENTICATED) although its id is well formed', async () => {
    const gone = await seedUser(admin);
    await admin.query('DELETE FROM users WHERE id = $1', [gone]);
    await expect(scope.run(gone, owner.tenantId, () => settings())).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('opens in one round trip: BEGIN, the user and the membership as one query', async () => {
    const sent = await runInNewRequestContext(async () => {
      roundTrips.mockClear();
      await scope.resolve(owner.userId, owner.tenantId);
      const calls = roundTrips.mock.calls.map(([text]) => String(typeof text === 'string' ? text : (text as { text: string }).text));
      await tx.finish('rollback');
      return calls;
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^BEGIN; SELECT set_config\('app.user_id'.*; SELECT m.role, set_config\('app.tenant_id'/s);
  });

  it('beforeCommit statements run with the COMMIT, in its round trip', async () => {
    const marker = `medium-${Date.now()}`;
    await scope.run(owner.userId, owner.tenantId, () => {
      tx.beforeCommit(
        `INSERT INTO audit_events (tenant_id, user_id, operation, target_id) VALUES ('${owner.tenantId}', '${owner.userId}', 'medium', '${marker}')`,
      );
      expect(currentRequestContext()?.transaction.runner).toBeTruthy();
      roundTrips.mockClear();
      return Promise.resolve();
    });
    expect(roundTrips.mock.calls.map(([text]) => String(text))).toEqual([expect.stringMatching(/^INSERT INTO audit_events .*; COMMIT$/s)]);
    const { rows } = await admin.query('SELECT operation FROM audit_events WHERE target_id = $1', [marker]);
    expect(rows).toEqual([{ operation: 'medium' }]);
  });

  it('a failure among the beforeCommit statements rolls the whole transaction back', async () => {
    const name = `Rolled back ${Date.now()}`;
    await expect(
      scope.run(owner.userId, owner.tenantId, async (manager) => {
        await manager.query('INSERT INTO teams (name) VALUES ($1)', [name]);
        tx.beforeCommit('SELECT 1 / 0');
      }),
    ).rejects.toThrow(/division by zero/);
    const { rows } = await admin.query('SELECT id FROM teams WHERE name = $1', [name]);
    expect(rows).toEqual([]);
  });
});
