import type { Client } from 'pg';
import { addMember, createTenant, DEFAULT_PROFILE, signUp, startTestApp, type TestApp, type TestUser } from '../helpers/app';
import { adminClient, appClient } from '../helpers/db';

describe('tenants and memberships (GraphQL)', () => {
  let t: TestApp;
  let owner: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await signUp(t.gql, 'Owner');
  });
  afterAll(() => t.close());

  it('creates a tenant whose creator is OWNER, with the default cadence', async () => {
    const res = await t.gql(
      `mutation($input: CreateTenantInput!) { createTenant(input: $input) { id name myRole profile { employeeCount departments culture market locations sector reassessmentCadenceDays } } }`,
      { input: { name: '  Acme  ', profile: { ...DEFAULT_PROFILE, sector: 'Retail' } } },
      { token: owner.token },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.createTenant).toMatchObject({
      name: 'Acme',
      myRole: 'OWNER',
      profile: { ...DEFAULT_PROFILE, sector: 'Retail', reassessmentCadenceDays: 90 },
    });
  });

  it('makes the creator CONSULTANT with asConsultant', async () => {
    const consultant = await signUp(t.gql);
    const id = await createTenant(t.gql, consultant, { asConsultant: true });
    const res = await t.gql(`{ tenant { id myRole } }`, {}, { token: consultant.token, tenant: id });
    expect(res.data.tenant).toEqual({ id, myRole: 'CONSULTANT' });
  });

  it('pages myTenants with cursors and a total count', async () => {
    const user = await signUp(t.gql);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await createTenant(t.gql, user, { name: `Org ${i}` }));
    const q = `query($after: String) { myTenants(first: 2, after: $after) { totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }`;
    const first = await t.gql(q, {}, { token: user.token });
    expect(first.data.myTenants.totalCount).toBe(3);
    expect(first.data.myTenants.edges.map((e: any) => e.node.id)).toEqual(ids.slice(0, 2));
    expect(first.data.myTenants.pageInfo.hasNextPage).toBe(true);
    const second = await t.gql(q, { after: first.data.myTenants.pageInfo.endCursor }, { token: user.token });
    expect(second.data.myTenants.edges.map((e: any) => e.node.id)).toEqual([ids[2]]);
    expect(second.data.myTenants.pageInfo).toEqual({ hasNextPage: false, endCursor: second.data.myTenants.edges[0].cursor });
  });

  it('rejects a forged cursor with BAD_USER_INPUT', async () => {
    const res = await t.gql(`{ myTenants(after: "bm9wZQ") { totalCount } }`, {}, { token: owner.token });
    expect(res.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions.fields).toEqual(['after']);
  });

  it('updates the profile for OWNER, ADMIN and CONSULTANT only', async () => {
    const tenant = await createTenant(t.gql, owner);
    const viewer = await signUp(t.gql);
    const contributor = await signUp(t.gql);
    const consultant = await signUp(t.gql);
    await addMember(t.gql, owner, tenant, viewer, 'VIEWER');
    await addMember(t.gql, owner, tenant, contributor, 'CONTRIBUTOR');
    await addMember(t.gql, owner, tenant, consultant, 'CONSULTANT');
    const update = `mutation($input: TenantProfileInput!) { updateTenantProfile(input: $input) { profile { employeeCount reassessmentCadenceDays } } }`;
    const input = { ...DEFAULT_PROFILE, employeeCount: 40, reassessmentCadenceDays: 30 };
    expect((await t.gql(update, { input }, { token: viewer.token, tenant })).code).toBe('FORBIDDEN');
    expect((await t.gql(update, { input }, { token: contributor.token, tenant })).code).toBe('FORBIDDEN');
    const ok = await t.gql(update, { input }, { token: consultant.token, tenant });
    expect(ok.data.updateTenantProfile.profile).toEqual({ employeeCount: 40, reassessmentCadenceDays: 30 });
    const read = await t.gql(`{ tenant { profile { employeeCount } } }`, {}, { token: viewer.token, tenant });
    expect(read.data.tenant.profile.employeeCount).toBe(40);
  });

  // Issue 19 changed this on purpose: addMembership invites (any email, an account may not exist yet) and adds nobody.
  it('lets only OWNER/ADMIN invite through addMembership, refuses current members, and only OWNER invites OWNER', async () => {
    const tenant = await createTenant(t.gql, owner);
    const admin = await signUp(t.gql);
    const other = await signUp(t.gql);
    await addMember(t.gql, owner, tenant, admin, 'ADMIN');
    const add = `mutation($input: AddMembershipInput!) { addMembership(input: $input) }`;
    expect((await t.gql(add, { input: { email: other.email, role: 'OWNER' } }, { token: admin.token, tenant })).code).toBe(
      'FORBIDDEN',
    );
    expect((await t.gql(add, { input: { email: other.email, role: 'VIEWER' } }, { token: admin.token, tenant })).data).toEqual({
      addMembership: true,
    });
    expect((await t.gql(`{ tenant { id } }`, {}, { token: other.token, tenant })).code).toBe('FORBIDDEN');
    expect((await t.gql(add, { input: { email: admin.email, role: 'ADMIN' } }, { token: owner.token, tenant })).code).toBe(
      'CONFLICT',
    );
    expect(
      (await t.gql(add, { input: { email: 'nobody@example.test', role: 'VIEWER' } }, { token: admin.token, tenant })).data,
    ).toEqual({ addMembership: true });
    expect((await t.gql(add, { input: { email: admin.email, role: 'VIEWER' } }, { token: other.token, tenant })).code).toBe(
      'FORBIDDEN',
    );
  });

  it('removes a membership, after which access ends at once; the last OWNER stays', async () => {
    const tenant = await createTenant(t.gql, owner);
    const member = await signUp(t.gql);
    await addMember(t.gql, owner, tenant, member, 'CONTRIBUTOR');
    expect((await t.gql(`{ tenant { id } }`, {}, { token: member.token, tenant })).data.tenant.id).toBe(tenant);
    const remove = `mutation($id: ID!) { removeMembership(userId: $id) }`;
    expect((await t.gql(remove, { id: member.id }, { token: owner.token, tenant })).data.removeMembership).toBe(true);
    expect((await t.gql(`{ tenant { id } }`, {}, { token: member.token, tenant })).code).toBe('FORBIDDEN');
    expect((await t.gql(remove, { id: owner.id }, { token: owner.token, tenant })).code).toBe('CONFLICT');
  });

  it('needs the x-tenant-id header for tenant operations', async () => {
    const res = await t.gql(`{ tenant { id } }`, {}, { token: owner.token });
    expect(res.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions.fields).toEqual(['x-tenant-id']);
  });

  it('serves tenant and user fields in one operation', async () => {
    const tenant = await createTenant(t.gql, owner);
    const res = await t.gql(`{ tenant { id } me { id } myTenants { totalCount } }`, {}, { token: owner.token, tenant });
    expect(res.errors).toBeUndefined();
    expect(res.data.tenant.id).toBe(tenant);
    expect(res.data.me.id).toBe(owner.id);
  });

  describe('Tenant.members (issue 12.6)', () => {
    const MEMBERS = `query($first: Int, $after: String) {
      tenant { members(first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { role createdAt user { id email name } } }
      } }
    }`;

    it('lists who has which role, oldest first, in pages, to OWNER and ADMIN; the ids work with removeMembership', async () => {
      const tenant = await createTenant(t.gql, owner);
      const admin = await signUp(t.gql, 'Ada Admin');
      const viewer = await signUp(t.gql, 'Vic Viewer');
      await addMember(t.gql, owner, tenant, admin, 'ADMIN');
      await addMember(t.gql, owner, tenant, viewer, 'VIEWER');

      const first = await t.gql(MEMBERS, { first: 2 }, { token: admin.token, tenant });
      expect(first.errors).toBeUndefined();
      const page = first.data.tenant.members;
      expect(page.totalCount).toBe(3);
      expect(page.pageInfo.hasNextPage).toBe(true);
      expect(page.edges.map((e: any) => [e.node.user.id, e.node.role])).toEqual([
        [owner.id, 'OWNER'],
        [admin.id, 'ADMIN'],
      ]);
      expect(page.edges[1].node.user).toEqual({ id: admin.id, email: admin.email, name: 'Ada Admin' });
      const second = await t.gql(MEMBERS, { first: 2, after: page.pageInfo.endCursor }, { token: owner.token, tenant });
      expect(second.data.tenant.members.edges.map((e: any) => [e.node.user.id, e.node.role])).toEqual([[viewer.id, 'VIEWER']]);
      expect(second.data.tenant.members.pageInfo.hasNextPage).toBe(false);

      const viewerId = second.data.tenant.members.edges[0].node.user.id;
      const removed = await t.gql(`mutation($id: ID!) { removeMembership(userId: $id) }`, { id: viewerId }, { token: admin.token, tenant });
      expect(removed.data.removeMembership).toBe(true);
      expect((await t.gql(MEMBERS, {}, { token: owner.token, tenant })).data.tenant.members.totalCount).toBe(2);
    });

    it('is FORBIDDEN to CONSULTANT, CONTRIBUTOR and VIEWER, and for a tenant that is not the selected one', async () => {
      const tenant = await createTenant(t.gql, owner);
      for (const role of ['CONSULTANT', 'CONTRIBUTOR', 'VIEWER']) {
        const member = await signUp(t.gql, role);
        await addMember(t.gql, owner, tenant, member, role);
        const res = await t.gql(MEMBERS, {}, { token: member.token, tenant });
        expect(res.code).toBe('FORBIDDEN');
        expect(res.data?.tenant ?? null).toBeNull();
      }
      const unselected = await t.gql(`{ myTenants { edges { node { members { totalCount } } } } }`, {}, { token: owner.token });
      expect(unselected.code).toBe('FORBIDDEN');
    });

    it('refuses page sizes over 100 and forged cursors', async () => {
      const tenant = await createTenant(t.gql, owner);
      expect((await t.gql(MEMBERS, { first: 101 }, { token: owner.token, tenant })).code).toBe('BAD_USER_INPUT');
      const forged = await t.gql(MEMBERS, { after: 'bm9wZQ' }, { token: owner.token, tenant });
      expect(forged.code).toBe('BAD_USER_INPUT');
      expect(forged.errors?.[0].extensions.fields).toEqual(['after']);
    });
  });

  describe('the last OWNER (removals race)', () => {
    let admin: Client;
    beforeAll(async () => {
      admin = await adminClient();
    });
    afterAll(() => admin.end());

    const ownersOf = async (tenant: string): Promise<number> =>
      (
        await admin.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM memberships WHERE tenant_id = $1 AND role = 'OWNER'`,
          [tenant],
        )
      ).rows[0].n;

    it('never leaves a tenant without an OWNER when two OWNERs remove each other at once (10 tenants)', async () => {
      const remove = `mutation($id: ID!) { removeMembership(userId: $id) }`;
      const pairs: { tenant: string; a: TestUser; b: TestUser }[] = [];
      for (let i = 0; i < 10; i++) {
        const a = await signUp(t.gql, `Owner A${i}`);
        const b = await signUp(t.gql, `Owner B${i}`);
        const tenant = await createTenant(t.gql, a);
        await addMember(t.gql, a, tenant, b, 'OWNER');
        pairs.push({ tenant, a, b });
      }
      const results = await Promise.all(
        pairs.map(({ tenant, a, b }) =>
          Promise.all([
            t.gql(remove, { id: b.id }, { token: a.token, tenant }),
            t.gql(remove, { id: a.id }, { token: b.token, tenant }),
          ]),
        ),
      );
      for (const [i, [first, second]] of results.entries()) {
        expect(await ownersOf(pairs[i].tenant)).toBe(1);
        const outcomes = [first, second].map((r) => r.data?.removeMembership ?? r.code).sort();
        // The loser either raced (CONFLICT) or started after the winner had removed it (no longer a member).
        expect([
          ['CONFLICT', true],
          ['FORBIDDEN', true],
        ]).toContainEqual(outcomes);
        const conflict = [first, second].find((r) => r.code === 'CONFLICT');
        if (conflict) expect(conflict.errors?.[0].message).toBe('A tenant keeps at least one OWNER');
      }
    });

    it('refuses, in the database, the commit of a removal that raced another (deterministic interleaving)', async () => {
      const a = await signUp(t.gql, 'Owner A');
      const b = await signUp(t.gql, 'Owner B');
      const tenant = await createTenant(t.gql, a);
      await addMember(t.gql, a, tenant, b, 'OWNER');
      const first = await appClient();
      const second = await appClient();
      try {
        for (const client of [first, second]) {
          await client.query('BEGIN');
          await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
        }
        await first.query(`DELETE FROM memberships WHERE tenant_id = $1 AND user_id = $2`, [tenant, b.id]);
        // Starts before the first commits: it waits for the tenant's lock, then sees no OWNER left.
        const racing = second
          .query(`DELETE FROM memberships WHERE tenant_id = $1 AND user_id = $2`, [tenant, a.id])
          .then(
            () => second.query('COMMIT').then(() => 'committed'),
            (error: Error & { code?: string }) => error,
          );
        await first.query('COMMIT');
        const outcome = await racing;
        expect(outcome).toMatchObject({ code: '23000', message: 'A tenant keeps at least one OWNER' });
        await second.query('ROLLBACK');
      } finally {
        await first.end();
        await second.end();
      }
      expect(await ownersOf(tenant)).toBe(1);
    });

    it('refuses to demote the last OWNER in the database too', async () => {
      const a = await signUp(t.gql, 'Owner A');
      const tenant = await createTenant(t.gql, a);
      const client = await appClient();
      try {
        await client.query('BEGIN');
        await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
        await expect(
          client.query(`UPDATE memberships SET role = 'ADMIN' WHERE tenant_id = $1 AND user_id = $2`, [tenant, a.id]),
        ).rejects.toMatchObject({ code: '23000' });
        await client.query('ROLLBACK');
      } finally {
        await client.end();
      }
      expect(await ownersOf(tenant)).toBe(1);
    });
  });
});
