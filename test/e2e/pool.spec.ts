import { addMember, createTenant, DEFAULT_PROFILE, signUp, startTestApp, type TestApp, type TestUser } from '../helpers/app';
import { adminClient } from '../helpers/db';

const updateProfile = `mutation($input: TenantProfileInput!) { updateTenantProfile(input: $input) { profile { locations } } }`;

describe('connection pool under pressure', () => {
  let t: TestApp;
  let owner: TestUser;
  let tenant: string;

  beforeAll(async () => {
    t = await startTestApp({ DB_POOL_SIZE: '2', DB_POOL_WAIT_MS: '300' });
    owner = await signUp(t.gql);
    tenant = await createTenant(t.gql, owner);
  });
  afterAll(() => t.close());

  it('tells excess requests the service is busy while slow requests hold the pool, then recovers', async () => {
    const admin = await adminClient();
    await admin.query('BEGIN');
    await admin.query('SELECT id FROM tenants WHERE id = $1 FOR UPDATE', [tenant]);
    // Two slow requests take both connections: their UPDATE waits for the row lock.
    const slow = [1, 2].map((locations) =>
      t.gql(updateProfile, { input: { ...DEFAULT_PROFILE, locations } }, { token: owner.token, tenant }),
    );
    await new Promise((r) => setTimeout(r, 200));
    const excess = await Promise.all([1, 2, 3].map(() => t.gql(`{ tenant { id } }`, {}, { token: owner.token, tenant })));
    expect(excess.map((r) => r.code)).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
    expect(excess[0].errors?.[0].message).toMatch(/busy/);
    await admin.query('COMMIT');
    await admin.end();
    const done = await Promise.all(slow);
    expect(done.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect((await t.gql(`{ tenant { id } }`, {}, { token: owner.token, tenant })).data.tenant.id).toBe(tenant);
  });
});

describe('pool reuse never carries a tenant from one request to the next', () => {
  let t: TestApp;
  const users: TestUser[] = [];
  const tenants: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ DB_POOL_SIZE: '2', DB_POOL_WAIT_MS: '10000' });
    for (const name of ['A', 'B']) {
      const user = await signUp(t.gql, name);
      users.push(user);
      tenants.push(await createTenant(t.gql, user, { name: `Tenant ${name}` }));
    }
    const viewer = await signUp(t.gql);
    await addMember(t.gql, users[0], tenants[0], viewer, 'VIEWER');
    users.push(viewer);
  });
  afterAll(() => t.close());

  it('answers 1,000 interleaved requests of two tenants on 2 connections, some failing mid-transaction, each with its own data', async () => {
    const read = `{ tenant { id name } myTenants { totalCount edges { node { id } } } }`;
    let index = 0;
    const outcomes = { ok: 0, forbidden: 0, badInput: 0, other: [] as string[] };
    const worker = async () => {
      while (index < 1000) {
        const i = index++;
        const who = i % 2;
        const kind = i % 10;
        if (kind === 3) {
          // A mutation that fails after the transaction began (validation runs after the membership check).
          const res = await t.gql(updateProfile, { input: { ...DEFAULT_PROFILE, locations: 0 } }, { token: users[who].token, tenant: tenants[who] });
          if (res.code === 'BAD_USER_INPUT') outcomes.badInput++;
          else outcomes.other.push(`${i}: ${JSON.stringify(res.body)}`);
        } else if (kind === 7) {
          // Asking for the other tenant: the membership check fails inside the transaction.
          const res = await t.gql(read, {}, { token: users[who].token, tenant: tenants[1 - who] });
          if (res.code === 'FORBIDDEN') outcomes.forbidden++;
          else outcomes.other.push(`${i}: ${JSON.stringify(res.body)}`);
        } else if (kind === 9) {
          // A VIEWER's write is refused; the viewer belongs to A only.
          const res = await t.gql(updateProfile, { input: DEFAULT_PROFILE }, { token: users[2].token, tenant: tenants[0] });
          if (res.code === 'FORBIDDEN') outcomes.forbidden++;
          else outcomes.other.push(`${i}: ${JSON.stringify(res.body)}`);
        } else {
          const res = await t.gql(read, {}, { token: users[who].token, tenant: tenants[who] });
          const ok =
            res.data?.tenant.id === tenants[who] &&
            res.data.myTenants.totalCount === 1 &&
            res.data.myTenants.edges[0].node.id === tenants[who];
          if (ok) outcomes.ok++;
          else outcomes.other.push(`${i}: ${JSON.stringify(res.body)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(outcomes.other).toEqual([]);
    expect(outcomes).toEqual({ ok: 700, forbidden: 200, badInput: 100, other: [] });
  }, 120_000);
});
