import { randomUUID } from 'node:crypto';
import { createTenant, signUp, startTestApp, type TestApp } from '../helpers/app';
import {
  addTeamMember,
  createTeam,
  MEMBER,
  ok,
  tenantWithRoles,
  type TenantWithRoles,
} from '../helpers/structure';

const RESPONSIBILITIES = [
  'CHANNEL_MANAGEMENT',
  'CONTENT_MARKETING',
  'AUDIENCE_ENGAGEMENT',
  'REPUTATION_MANAGEMENT',
  'INTERNAL_REPORTING',
  'POLICY_ROLE_MODEL',
  'TOOLING',
  'KNOWLEDGE_SHARING',
  'COMMUNITY_MANAGEMENT',
];
const ASSIGNMENT = `responsibility ownerKind department member { id name department }`;
const ASSIGN = `mutation($input: AssignResponsibilityInput!) { assignResponsibility(input: $input) { ${ASSIGNMENT} } }`;
const UNASSIGN = `mutation($r: Responsibility!) { unassignResponsibility(responsibility: $r) }`;
const READ = `{ tenant { responsibilities { ${ASSIGNMENT} } unownedResponsibilities } }`;

describe('responsibility ownership (GraphQL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** A fresh tenant per test: ownership is tenant-wide state. */
  async function setUp(): Promise<
    TenantWithRoles & { as: { token: string; tenant: string }; memberId: string; teamId: string }
  > {
    const org = await tenantWithRoles(t.gql);
    const teamId = await createTeam(t.gql, org.owner, org.tenant);
    const memberId = await addTeamMember(t.gql, org.owner, org.tenant, teamId, { name: 'Mia' });
    return { ...org, as: { token: org.owner.token, tenant: org.tenant }, memberId, teamId };
  }

  const read = async (options: { token: string; tenant: string }) =>
    ok(await t.gql(READ, {}, options)).tenant;

  it('assigns a member, a department and the agency, and lists them in contract order beside the unowned ones', async () => {
    const { as, memberId } = await setUp();
    const byMember = await t.gql(
      ASSIGN,
      { input: { responsibility: 'TOOLING', ownerKind: 'MEMBER', memberId } },
      as,
    );
    expect(ok(byMember).assignResponsibility).toEqual({
      responsibility: 'TOOLING',
      ownerKind: 'MEMBER',
      department: null,
      member: { id: memberId, name: 'Mia', department: MEMBER.department },
    });
    const byDepartment = await t.gql(
      ASSIGN,
      { input: { responsibility: 'REPUTATION_MANAGEMENT', ownerKind: 'DEPARTMENT', department: 'PR' } },
      as,
    );
    expect(ok(byDepartment).assignResponsibility).toEqual({
      responsibility: 'REPUTATION_MANAGEMENT',
      ownerKind: 'DEPARTMENT',
      department: 'PR',
      member: null,
    });
    ok(
      await t.gql(
        ASSIGN,
        { input: { responsibility: 'CHANNEL_MANAGEMENT', ownerKind: 'AGENCY', memberId: null } },
        as,
      ),
    );

    const tenant = await read(as);
    expect(tenant.responsibilities).toEqual([
      { responsibility: 'CHANNEL_MANAGEMENT', ownerKind: 'AGENCY', department: null, member: null },
      { responsibility: 'REPUTATION_MANAGEMENT', ownerKind: 'DEPARTMENT', department: 'PR', member: null },
      {
        responsibility: 'TOOLING',
        ownerKind: 'MEMBER',
        department: null,
        member: { id: memberId, name: 'Mia', department: MEMBER.department },
      },
    ]);
    expect(tenant.unownedResponsibilities).toEqual(
      RESPONSIBILITIES.filter((r) => !['CHANNEL_MANAGEMENT', 'REPUTATION_MANAGEMENT', 'TOOLING'].includes(r)),
    );
  });

  it('replaces the owner on a second assignment (upsert)', async () => {
    const { as, memberId } = await setUp();
    ok(await t.gql(ASSIGN, { input: { responsibility: 'TOOLING', ownerKind: 'MEMBER', memberId } }, as));
    ok(
      await t.gql(
        ASSIGN,
        { input: { responsibility: 'TOOLING', ownerKind: 'DEPARTMENT', department: 'IT' } },
        as,
      ),
    );
    expect((await read(as)).responsibilities).toEqual([
      { responsibility: 'TOOLING', ownerKind: 'DEPARTMENT', department: 'IT', member: null },
    ]);
  });

  it('accepts a member of any of the tenant’s teams (ownership is tenant-wide)', async () => {
    const { as, owner, tenant } = await setUp();
    const spoke = await createTeam(t.gql, owner, tenant, 'Spoke');
    const spokeMember = await addTeamMember(t.gql, owner, tenant, spoke, {
      name: 'Sam',
      department: 'SALES',
    });
    const res = await t.gql(
      ASSIGN,
      { input: { responsibility: 'CONTENT_MARKETING', ownerKind: 'MEMBER', memberId: spokeMember } },
      as,
    );
    expect(ok(res).assignResponsibility.member).toEqual({
      id: spokeMember,
      name: 'Sam',
      department: 'SALES',
    });
  });

  it('unassigns: true when it had an owner, false when already unowned; it shows as unowned', async () => {
    const { as } = await setUp();
    ok(await t.gql(ASSIGN, { input: { responsibility: 'TOOLING', ownerKind: 'AGENCY' } }, as));
    expect(ok(await t.gql(UNASSIGN, { r: 'TOOLING' }, as)).unassignResponsibility).toBe(true);
    expect(ok(await t.gql(UNASSIGN, { r: 'TOOLING' }, as)).unassignResponsibility).toBe(false);
    const tenant = await read(as);
    expect(tenant.responsibilities).toEqual([]);
    expect(tenant.unownedResponsibilities).toEqual(RESPONSIBILITIES);
  });

  it('leaves the responsibilities of a removed member (or of a deleted team) visibly unowned, never dangling', async () => {
    const { as, memberId, owner, tenant } = await setUp();
    const otherTeam = await createTeam(t.gql, owner, tenant, 'Other');
    const otherMember = await addTeamMember(t.gql, owner, tenant, otherTeam, { name: 'Olga' });
    ok(await t.gql(ASSIGN, { input: { responsibility: 'TOOLING', ownerKind: 'MEMBER', memberId } }, as));
    ok(
      await t.gql(
        ASSIGN,
        { input: { responsibility: 'KNOWLEDGE_SHARING', ownerKind: 'MEMBER', memberId } },
        as,
      ),
    );
    ok(
      await t.gql(
        ASSIGN,
        { input: { responsibility: 'INTERNAL_REPORTING', ownerKind: 'MEMBER', memberId: otherMember } },
        as,
      ),
    );
    ok(await t.gql(ASSIGN, { input: { responsibility: 'AUDIENCE_ENGAGEMENT', ownerKind: 'AGENCY' } }, as));

    ok(await t.gql(`mutation($id: ID!) { removeTeamMember(id: $id) }`, { id: memberId }, as));
    let read1 = await read(as);
    expect(read1.responsibilities.map((a: { responsibility: string }) => a.responsibility)).toEqual([
      'AUDIENCE_ENGAGEMENT',
      'INTERNAL_REPORTING',
    ]);
    expect(read1.unownedResponsibilities).toEqual(expect.arrayContaining(['TOOLING', 'KNOWLEDGE_SHARING']));

    ok(await t.gql(`mutation($id: ID!) { deleteTeam(id: $id) }`, { id: otherTeam }, as));
    read1 = await read(as);
    expect(read1.responsibilities).toEqual([
      { responsibility: 'AUDIENCE_ENGAGEMENT', ownerKind: 'AGENCY', department: null, member: null },
    ]);
    expect(read1.unownedResponsibilities).toEqual(
      RESPONSIBILITIES.filter((r) => r !== 'AUDIENCE_ENGAGEMENT'),
    );
  });

  describe('rejects a wrong owner and stores nothing', () => {
    let org: Awaited<ReturnType<typeof setUp>>;
    let before: unknown;
    beforeAll(async () => {
      org = await setUp();
      ok(
        await t.gql(
          ASSIGN,
          { input: { responsibility: 'TOOLING', ownerKind: 'DEPARTMENT', department: 'IT' } },
          org.as,
        ),
      );
      before = await read(org.as);
    });

    it.each([
      ['MEMBER without memberId', { ownerKind: 'MEMBER' }, ['memberId']],
      [
        'MEMBER with a department too',
        { ownerKind: 'MEMBER', memberId: 'MEMBER', department: 'SALES' },
        ['department'],
      ],
      ['DEPARTMENT without department', { ownerKind: 'DEPARTMENT' }, ['department']],
      [
        'DEPARTMENT with a memberId too',
        { ownerKind: 'DEPARTMENT', department: 'SALES', memberId: 'MEMBER' },
        ['memberId'],
      ],
      ['AGENCY with a memberId', { ownerKind: 'AGENCY', memberId: 'MEMBER' }, ['memberId']],
      ['AGENCY with a department', { ownerKind: 'AGENCY', department: 'PR' }, ['department']],
      [
        'AGENCY with both',
        { ownerKind: 'AGENCY', department: 'PR', memberId: 'MEMBER' },
        ['memberId', 'department'],
      ],
      ['an unknown ownerKind', { ownerKind: 'BOARD' }, ['ownerKind']],
      ['an unknown department', { ownerKind: 'DEPARTMENT', department: 'FINANCE' }, ['department']],
      [
        'an unknown responsibility',
        { responsibility: 'SOCIAL_SELLING', ownerKind: 'AGENCY' },
        ['responsibility'],
      ],
    ])('%s: BAD_USER_INPUT', async (_label, fields, expected) => {
      const input: Record<string, unknown> = { responsibility: 'TOOLING', ...fields };
      if (input.memberId === 'MEMBER') input.memberId = org.memberId;
      const res = await t.gql(ASSIGN, { input }, org.as);
      expect(res.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields).toEqual(expected.map((f) => `input.${f}`));
      expect(await read(org.as)).toEqual(before);
    });

    it.each([['not-a-uuid'], [randomUUID()]])('an unknown memberId %p: NOT_FOUND', async (memberId) => {
      const res = await t.gql(
        ASSIGN,
        { input: { responsibility: 'TOOLING', ownerKind: 'MEMBER', memberId } },
        org.as,
      );
      expect(res.code).toBe('NOT_FOUND');
      expect(await read(org.as)).toEqual(before);
    });

    it("another tenant's member: NOT_FOUND, and that tenant is untouched", async () => {
      const ownerB = await signUp(t.gql, 'Owner B');
      const tenantB = await createTenant(t.gql, ownerB);
      const teamB = await createTeam(t.gql, ownerB, tenantB);
      const memberB = await addTeamMember(t.gql, ownerB, tenantB, teamB);
      const res = await t.gql(
        ASSIGN,
        { input: { responsibility: 'TOOLING', ownerKind: 'MEMBER', memberId: memberB } },
        org.as,
      );
      expect(res.code).toBe('NOT_FOUND');
      expect(await read(org.as)).toEqual(before);
      const readB = await read({ token: ownerB.token, tenant: tenantB });
      expect(readB.responsibilities).toEqual([]);
    });
  });

  it('refuses assign and unassign to a VIEWER with FORBIDDEN, changing nothing; the VIEWER can read', async () => {
    const { as, viewer, tenant, memberId } = await setUp();
    ok(await t.gql(ASSIGN, { input: { responsibility: 'TOOLING', ownerKind: 'AGENCY' } }, as));
    const asViewer = { token: viewer.token, tenant };
    const assign = await t.gql(
      ASSIGN,
      { input: { responsibility: 'TOOLING', ownerKind: 'MEMBER', memberId } },
      asViewer,
    );
    expect(assign.code).toBe('FORBIDDEN');
    expect((await t.gql(UNASSIGN, { r: 'TOOLING' }, asViewer)).code).toBe('FORBIDDEN');
    expect((await read(asViewer)).responsibilities).toEqual([
      { responsibility: 'TOOLING', ownerKind: 'AGENCY', department: null, member: null },
    ]);
  });

  it('lets a CONTRIBUTOR assign', async () => {
    const { contributor, tenant } = await setUp();
    const res = await t.gql(
      ASSIGN,
      { input: { responsibility: 'TOOLING', ownerKind: 'AGENCY' } },
      { token: contributor.token, tenant },
    );
    expect(ok(res).assignResponsibility.ownerKind).toBe('AGENCY');
  });

  it('reads member-owned responsibilities in the same number of SQL statements for 1 and for 9 owners', async () => {
    const counts: Record<number, number> = {};
    for (const size of [1, 9]) {
      const { as, owner, tenant } = await setUp();
      for (const responsibility of RESPONSIBILITIES.slice(0, size)) {
        const team = await createTeam(t.gql, owner, tenant, `Team for ${responsibility}`);
        const memberId = await addTeamMember(t.gql, owner, tenant, team, {
          name: `Owner of ${responsibility}`,
        });
        ok(await t.gql(ASSIGN, { input: { responsibility, ownerKind: 'MEMBER', memberId } }, as));
      }
      const res = await t.gql(READ, {}, as);
      const assignments = ok(res).tenant.responsibilities;
      expect(assignments).toHaveLength(size);
      for (const a of assignments) expect(a.member.name).toBe(`Owner of ${a.responsibility}`);
      counts[size] = res.sqlStatements;
    }
    console.info(
      `SQL statements for Tenant.responsibilities with member owners: 1 = ${counts[1]}, 9 = ${counts[9]}`,
    );
    expect(counts[1]).toBeGreaterThan(0);
    expect(counts[9]).toBe(counts[1]);
  });
});
