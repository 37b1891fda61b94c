import { randomUUID } from 'node:crypto';
import { createTenant, signUp, startTestApp, type TestApp } from '../helpers/app';
import {
  addTeamMember,
  createTeam,
  createTeamsWithMembers,
  MEMBER,
  ok,
  tenantWithRoles,
  type TenantWithRoles,
} from '../helpers/structure';

const TEAM = `id name version members { id teamId name department external insight experience affinity }`;
const READ_TEAM = `query($id: ID!) { team(id: $id) { ${TEAM} } }`;
const CREATE_TEAM = `mutation($input: CreateTeamInput!) { createTeam(input: $input) { ${TEAM} } }`;
const UPDATE_TEAM = `mutation($input: UpdateTeamInput!) { updateTeam(input: $input) { id name version } }`;
const DELETE_TEAM = `mutation($id: ID!, $expectedVersion: Int) { deleteTeam(id: $id, expectedVersion: $expectedVersion) }`;
const ADD_MEMBER = `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { id teamId name department external insight experience affinity } }`;
const UPDATE_MEMBER = `mutation($input: UpdateTeamMemberInput!) { updateTeamMember(input: $input) { id name department external insight experience affinity } }`;
const REMOVE_MEMBER = `mutation($id: ID!) { removeTeamMember(id: $id) }`;
const TENANT_TEAMS = `{ tenant { teams { ${TEAM} } } }`;

describe('teams and team members (GraphQL)', () => {
  let t: TestApp;
  let org: TenantWithRoles;
  let as: { token: string; tenant: string };

  beforeAll(async () => {
    t = await startTestApp();
    org = await tenantWithRoles(t.gql);
    as = { token: org.owner.token, tenant: org.tenant };
  });
  afterAll(() => t.close());

  const readTeam = async (id: string, options = as) => ok(await t.gql(READ_TEAM, { id }, options)).team;

  describe('happy paths', () => {
    it('creates a team with no members at version 1, trimming its name', async () => {
      const res = await t.gql(CREATE_TEAM, { input: { name: '  Central team  ' } }, as);
      expect(ok(res).createTeam).toEqual({
        id: expect.any(String),
        name: 'Central team',
        version: 1,
        members: [],
      });
      expect(await readTeam(res.data.createTeam.id)).toEqual(res.data.createTeam);
    });

    it('adds members (in-house and agency) and lists them on the team and on Tenant.teams; each addition bumps the version', async () => {
      const tenant = await createTenant(t.gql, org.owner);
      const options = { token: org.owner.token, tenant };
      const teamId = await createTeam(t.gql, org.owner, tenant, 'Central team');
      const spokeId = await createTeam(t.gql, org.owner, tenant, 'Sales spoke');
      const added = await t.gql(ADD_MEMBER, { input: { ...MEMBER, name: ' Mia ', teamId } }, options);
      expect(ok(added).addTeamMember).toEqual({ id: expect.any(String), teamId, ...MEMBER, name: 'Mia' });
      const agency = {
        name: 'Agency Al',
        department: 'OTHER',
        external: true,
        insight: 5,
        experience: 5,
        affinity: 1,
      };
      const agencyId = ok(await t.gql(ADD_MEMBER, { input: { ...agency, teamId } }, options)).addTeamMember
        .id;
      const salesId = await addTeamMember(t.gql, org.owner, tenant, spokeId, {
        name: 'Sam',
        department: 'SALES',
      });

      const team = await readTeam(teamId, options);
      expect(team.version).toBe(3);
      expect(team.members.map((m: { id: string }) => m.id)).toEqual([added.data.addTeamMember.id, agencyId]);
      expect(team.members[1]).toEqual({ id: agencyId, teamId, ...agency });

      const teams = ok(await t.gql(TENANT_TEAMS, {}, options)).tenant.teams;
      expect(teams.map((x: { name: string }) => x.name)).toEqual(['Central team', 'Sales spoke']);
      expect(teams[1].members).toEqual([
        { id: salesId, teamId: spokeId, ...MEMBER, name: 'Sam', department: 'SALES' },
      ]);
      expect(ok(await t.gql(`{ teams { id } }`, {}, options)).teams.map((x: { id: string }) => x.id)).toEqual(
        [teamId, spokeId],
      );
    });

    it('renames a team at the expected version and bumps the version; a stale version changes nothing', async () => {
      const id = await createTeam(t.gql, org.owner, org.tenant, 'Old name');
      const renamed = await t.gql(UPDATE_TEAM, { input: { id, expectedVersion: 1, name: 'New name' } }, as);
      expect(ok(renamed).updateTeam).toEqual({ id, name: 'New name', version: 2 });
      const stale = await t.gql(UPDATE_TEAM, { input: { id, expectedVersion: 1, name: 'Stale name' } }, as);
      expect(stale.code).toBe('VERSION_CONFLICT');
      expect(await readTeam(id)).toMatchObject({ name: 'New name', version: 2 });
    });

    it('updates only the member fields given and bumps the team version', async () => {
      const teamId = await createTeam(t.gql, org.owner, org.tenant);
      const memberId = await addTeamMember(t.gql, org.owner, org.tenant, teamId);
      const res = await t.gql(
        UPDATE_MEMBER,
        { input: { id: memberId, insight: 1, external: true, name: ' Mia B ' } },
        as,
      );
      expect(ok(res).updateTeamMember).toEqual({
        ...MEMBER,
        id: memberId,
        insight: 1,
        external: true,
        name: 'Mia B',
      });
      const team = await readTeam(teamId);
      expect(team.version).toBe(3);
      expect(team.members).toEqual([
        { ...MEMBER, id: memberId, teamId, insight: 1, external: true, name: 'Mia B' },
      ]);
    });

    it('removes a member, bumping the team version; removing again is NOT_FOUND', async () => {
      const teamId = await createTeam(t.gql, org.owner, org.tenant);
      const memberId = await addTeamMember(t.gql, org.owner, org.tenant, teamId);
      const keptId = await addTeamMember(t.gql, org.owner, org.tenant, teamId, { name: 'Kept' });
      expect(ok(await t.gql(REMOVE_MEMBER, { id: memberId }, as)).removeTeamMember).toBe(true);
      const team = await readTeam(teamId);
      expect(team.version).toBe(4);
      expect(team.members.map((m: { id: string }) => m.id)).toEqual([keptId]);
      expect((await t.gql(REMOVE_MEMBER, { id: memberId }, as)).code).toBe('NOT_FOUND');
      expect((await t.gql(UPDATE_MEMBER, { input: { id: memberId, insight: 2 } }, as)).code).toBe(
        'NOT_FOUND',
      );
    });

    it('deletes a team with its members, with or without expectedVersion; a stale version keeps it', async () => {
      const id = await createTeam(t.gql, org.owner, org.tenant);
      const memberId = await addTeamMember(t.gql, org.owner, org.tenant, id);
      expect((await t.gql(DELETE_TEAM, { id, expectedVersion: 1 }, as)).code).toBe('VERSION_CONFLICT');
      expect((await readTeam(id)).members).toHaveLength(1);
      expect(ok(await t.gql(DELETE_TEAM, { id, expectedVersion: 2 }, as)).deleteTeam).toBe(true);
      expect((await t.gql(READ_TEAM, { id }, as)).code).toBe('NOT_FOUND');
      expect((await t.gql(REMOVE_MEMBER, { id: memberId }, as)).code).toBe('NOT_FOUND');

      const other = await createTeam(t.gql, org.owner, org.tenant);
      expect(ok(await t.gql(DELETE_TEAM, { id: other }, as)).deleteTeam).toBe(true);
      expect((await t.gql(DELETE_TEAM, { id: other }, as)).code).toBe('NOT_FOUND');
    });

    it('lets a CONTRIBUTOR write and a VIEWER read', async () => {
      const contributor = { token: org.contributor.token, tenant: org.tenant };
      const id = ok(await t.gql(CREATE_TEAM, { input: { name: 'By contributor' } }, contributor)).createTeam
        .id;
      ok(await t.gql(ADD_MEMBER, { input: { ...MEMBER, teamId: id } }, contributor));
      const viewed = await readTeam(id, { token: org.viewer.token, tenant: org.tenant });
      expect(viewed).toMatchObject({ name: 'By contributor', version: 2 });
      expect(viewed.members).toHaveLength(1);
    });
  });

  describe('validation: rejected with BAD_USER_INPUT naming the field, nothing stored', () => {
    let teamId: string;
    beforeAll(async () => {
      teamId = await createTeam(t.gql, org.owner, org.tenant, 'Validation team');
    });

    it.each([
      ['insight', 0],
      ['insight', 6],
      ['experience', 0],
      ['experience', 6],
      ['affinity', 0],
      ['affinity', 6],
      ['insight', 2.5],
      ['department', 'FINANCE'],
      ['name', ''],
      ['name', '   '],
      ['name', 'x'.repeat(101)],
      ['external', null],
    ])('addTeamMember with %s = %p', async (field, value) => {
      const res = await t.gql(ADD_MEMBER, { input: { ...MEMBER, teamId, [field]: value } }, as);
      expect(res.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields).toEqual([`input.${field}`]);
      expect(await readTeam(teamId)).toMatchObject({ version: 1, members: [] });
    });

    it.each([[''], ['  '], ['x'.repeat(101)]])('createTeam with name %p', async (name) => {
      const before = ok(await t.gql(`{ teams { id } }`, {}, as)).teams.length;
      const res = await t.gql(CREATE_TEAM, { input: { name } }, as);
      expect(res.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields).toEqual(['input.name']);
      expect(ok(await t.gql(`{ teams { id } }`, {}, as)).teams).toHaveLength(before);
    });

    it.each([
      ['name', ' '],
      ['name', null],
      ['insight', 0],
      ['affinity', 6],
      ['experience', null],
      ['department', 'FINANCE'],
      ['external', null],
    ])('updateTeamMember with %s = %p', async (field, value) => {
      const id = await createTeam(t.gql, org.owner, org.tenant);
      const memberId = await addTeamMember(t.gql, org.owner, org.tenant, id);
      const res = await t.gql(UPDATE_MEMBER, { input: { id: memberId, [field]: value } }, as);
      expect(res.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields).toEqual([`input.${field}`]);
      expect(await readTeam(id)).toMatchObject({ version: 2, members: [{ id: memberId, ...MEMBER }] });
    });

    it('updateTeam with a blank name or an expectedVersion below 1', async () => {
      const id = await createTeam(t.gql, org.owner, org.tenant, 'Kept name');
      const blank = await t.gql(UPDATE_TEAM, { input: { id, expectedVersion: 1, name: ' ' } }, as);
      expect(blank.code).toBe('BAD_USER_INPUT');
      expect(blank.errors?.[0].extensions.fields).toEqual(['input.name']);
      const zero = await t.gql(UPDATE_TEAM, { input: { id, expectedVersion: 0, name: 'Other' } }, as);
      expect(zero.code).toBe('BAD_USER_INPUT');
      expect(zero.errors?.[0].extensions.fields).toEqual(['input.expectedVersion']);
      expect(await readTeam(id)).toMatchObject({ name: 'Kept name', version: 1 });
    });
  });

  it.each([['not-a-uuid'], [randomUUID()], ['00000000-0000-0000-0000-000000000000']])(
    'treats the unknown id %p as NOT_FOUND everywhere',
    async (id) => {
      expect((await t.gql(READ_TEAM, { id }, as)).code).toBe('NOT_FOUND');
      expect((await t.gql(UPDATE_TEAM, { input: { id, expectedVersion: 1, name: 'x' } }, as)).code).toBe(
        'NOT_FOUND',
      );
      expect((await t.gql(DELETE_TEAM, { id }, as)).code).toBe('NOT_FOUND');
      expect((await t.gql(DELETE_TEAM, { id, expectedVersion: 1 }, as)).code).toBe('NOT_FOUND');
      expect((await t.gql(ADD_MEMBER, { input: { ...MEMBER, teamId: id } }, as)).code).toBe('NOT_FOUND');
      expect((await t.gql(UPDATE_MEMBER, { input: { id, insight: 2 } }, as)).code).toBe('NOT_FOUND');
      expect((await t.gql(UPDATE_MEMBER, { input: { id } }, as)).code).toBe('NOT_FOUND');
      expect((await t.gql(REMOVE_MEMBER, { id }, as)).code).toBe('NOT_FOUND');
    },
  );

  it('refuses every write to a VIEWER with FORBIDDEN and changes nothing', async () => {
    const id = await createTeam(t.gql, org.owner, org.tenant, 'Viewer proof');
    const memberId = await addTeamMember(t.gql, org.owner, org.tenant, id);
    const viewer = { token: org.viewer.token, tenant: org.tenant };
    const writes: [string, Record<string, unknown>][] = [
      [CREATE_TEAM, { input: { name: 'By viewer' } }],
      [UPDATE_TEAM, { input: { id, expectedVersion: 2, name: 'By viewer' } }],
      [DELETE_TEAM, { id }],
      [ADD_MEMBER, { input: { ...MEMBER, teamId: id } }],
      [UPDATE_MEMBER, { input: { id: memberId, insight: 1 } }],
      [REMOVE_MEMBER, { id: memberId }],
    ];
    for (const [query, variables] of writes) {
      const res = await t.gql(query, variables, viewer);
      expect({ query, code: res.code }).toEqual({ query, code: 'FORBIDDEN' });
    }
    expect(await readTeam(id)).toEqual({
      id,
      name: 'Viewer proof',
      version: 2,
      members: [{ id: memberId, teamId: id, ...MEMBER }],
    });
    const names = ok(await t.gql(`{ teams { name } }`, {}, as)).teams.map((x: { name: string }) => x.name);
    expect(names).not.toContain('By viewer');
  });

  it("answers NOT_FOUND for another tenant's team and members, and leaves them untouched", async () => {
    const ownerB = await signUp(t.gql, 'Owner B');
    const tenantB = await createTenant(t.gql, ownerB);
    const asB = { token: ownerB.token, tenant: tenantB };
    const teamB = await createTeam(t.gql, ownerB, tenantB, 'Team of B');
    const memberB = await addTeamMember(t.gql, ownerB, tenantB, teamB, { name: 'Member of B' });
    const before = await readTeam(teamB, asB);

    expect((await t.gql(READ_TEAM, { id: teamB }, as)).code).toBe('NOT_FOUND');
    expect(
      (await t.gql(UPDATE_TEAM, { input: { id: teamB, expectedVersion: 2, name: 'Taken' } }, as)).code,
    ).toBe('NOT_FOUND');
    expect((await t.gql(DELETE_TEAM, { id: teamB }, as)).code).toBe('NOT_FOUND');
    expect((await t.gql(DELETE_TEAM, { id: teamB, expectedVersion: 2 }, as)).code).toBe('NOT_FOUND');
    expect((await t.gql(ADD_MEMBER, { input: { ...MEMBER, teamId: teamB } }, as)).code).toBe('NOT_FOUND');
    expect((await t.gql(UPDATE_MEMBER, { input: { id: memberB, name: 'Taken' } }, as)).code).toBe(
      'NOT_FOUND',
    );
    expect((await t.gql(REMOVE_MEMBER, { id: memberB }, as)).code).toBe('NOT_FOUND');
    const teamsOfA = ok(await t.gql(`{ tenant { teams { id members { id } } } }`, {}, as)).tenant.teams;
    expect(teamsOfA.map((x: { id: string }) => x.id)).not.toContain(teamB);

    expect(await readTeam(teamB, asB)).toEqual(before);
  });

  it('refuses Tenant.teams for a tenant other than the selected one (a node of myTenants)', async () => {
    const user = await signUp(t.gql);
    const first = await createTenant(t.gql, user);
    await createTenant(t.gql, user);
    await createTeam(t.gql, user, first, 'Team of the first');
    const q = `{ myTenants { edges { node { id teams { name } } } } }`;
    const selected = await t.gql(q, {}, { token: user.token, tenant: first });
    expect(selected.code).toBe('FORBIDDEN');
    expect(selected.body.errors?.[0].path).toEqual(['myTenants', 'edges', 1, 'node', 'teams']);
  });

  it('lets exactly one of 10 concurrent updates with the same expectedVersion win; the version ends at +1', async () => {
    const id = await createTeam(t.gql, org.owner, org.tenant, 'Contended');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.gql(UPDATE_TEAM, { input: { id, expectedVersion: 1, name: `Writer ${i}` } }, as),
      ),
    );
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.code === 'VERSION_CONFLICT')).toHaveLength(9);
    expect(await readTeam(id)).toMatchObject({ version: 2, name: winners[0].data.updateTeam.name });
  });

  it('reads teams with their members in the same number of SQL statements for 1 and for 50 teams', async () => {
    const counts: Record<number, number> = {};
    for (const size of [1, 50]) {
      const tenant = await createTenant(t.gql, org.owner);
      await createTeamsWithMembers(t.gql, org.owner, tenant, size, 3);
      const res = await t.gql(TENANT_TEAMS, {}, { token: org.owner.token, tenant });
      const teams = ok(res).tenant.teams;
      expect(teams).toHaveLength(size);
      for (const team of teams) expect(team.members).toHaveLength(3);
      counts[size] = res.sqlStatements;
    }
    console.info(
      `SQL statements for Tenant.teams with members: 1 team = ${counts[1]}, 50 teams = ${counts[50]}`,
    );
    expect(counts[1]).toBeGreaterThan(0);
    expect(counts[50]).toBe(counts[1]);
  });
});
