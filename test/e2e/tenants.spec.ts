import { addMember, createTenant, DEFAULT_PROFILE, signUp, startTestApp, type TestApp, type TestUser } from '../helpers/app';

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

  it('lets only OWNER/ADMIN add members, refuses duplicates and unknown accounts, and only OWNER grants OWNER', async () => {
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
    expect((await t.gql(add, { input: { email: other.email, role: 'ADMIN' } }, { token: admin.token, tenant })).code).toBe(
      'CONFLICT',
    );
    expect(
      (await t.gql(add, { input: { email: 'nobody@example.test', role: 'VIEWER' } }, { token: admin.token, tenant })).code,
    ).toBe('NOT_FOUND');
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
});
