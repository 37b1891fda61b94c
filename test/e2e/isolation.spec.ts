import request from 'supertest';
import { addMember, createTenant, signUp, startTestApp, type TestApp, type TestUser } from '../helpers/app';
import { ANSWERS } from '../helpers/assessments';

/**
 * One place that walks every tenant-scoped operation with another tenant's ids: a member of A, acting in A, gets
 * nothing of B (an object of B behaves exactly like one that does not exist), cannot select B, and B is unchanged.
 */
describe('tenant isolation across every tenant-scoped operation', () => {
  let t: TestApp;
  let a: TestUser;
  let b: TestUser;
  let tenantA: string;
  let tenantB: string;
  const ofB = { team: '', member: '', initiative: '', assessment: '', webhook: '' };

  const must = async (
    user: TestUser,
    tenant: string,
    query: string,
    variables: Record<string, unknown> = {},
  ) => {
    const res = await t.gql(query, variables, { token: user.token, tenant });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };

  /** B's facts as B's owner sees them, to prove nothing of B changed. */
  const snapshotOfB = () =>
    must(
      b,
      tenantB,
      `{ tenant { name profile { employeeCount locations } teams { id name version members { id name insight } }
          responsibilities { responsibility ownerKind member { id } }
          initiatives { totalCount edges { node { id name version kpis { name kind } } } } }
          assessments(includeSuperseded: true) { totalCount edges { node { id overallScore } } }
          webhooks { id url } }`,
    );

  beforeAll(async () => {
    t = await startTestApp({ WEBHOOKS_ALLOW_PRIVATE: 'true' });
    a = await signUp(t.gql, 'A');
    b = await signUp(t.gql, 'B');
    tenantA = await createTenant(t.gql, a, { name: 'Tenant A' });
    tenantB = await createTenant(t.gql, b, { name: 'Tenant B' });
    ofB.team = (
      await must(b, tenantB, `mutation { createTeam(input: { name: "B team" }) { id } }`)
    ).createTeam.id;
    ofB.member = (
      await must(
        b,
        tenantB,
        `mutation($t: ID!) { addTeamMember(input: { teamId: $t, name: "Bea", department: SALES, external: false, insight: 4, experience: 4, affinity: 4 }) { id } }`,
        { t: ofB.team },
      )
    ).addTeamMember.id;
    await must(
      b,
      tenantB,
      `mutation($m: ID!) { assignResponsibility(input: { responsibility: TOOLING, ownerKind: MEMBER, memberId: $m }) { responsibility } }`,
      {
        m: ofB.member,
      },
    );
    ofB.initiative = (
      await must(
        b,
        tenantB,
        `mutation { createInitiative(input: { name: "B campaign", status: ACTIVE, ownerDepartment: SALES, outsourcing: NONE, kpis: [{ name: "Leads", kind: BUSINESS }] }) { id } }`,
      )
    ).createInitiative.id;
    ofB.assessment = (
      await must(b, tenantB, `mutation($i: SubmitAssessmentInput!) { submitAssessment(input: $i) { id } }`, {
        i: { period: '2026-Q1', answers: ANSWERS, idempotencyKey: 'isolation-b-1' },
      })
    ).submitAssessment.id;
    ofB.webhook = (
      await must(
        b,
        tenantB,
        `mutation { registerWebhook(input: { url: "http://127.0.0.1:9/hook", events: [ASSESSMENT_SCORED] }) { endpoint { id } } }`,
      )
    ).registerWebhook.endpoint.id;
  });
  afterAll(() => t.close());

  it("answers every operation on B's ids, made in A, as if they did not exist, and leaves B unchanged", async () => {
    const before = await snapshotOfB();
    const calls: [string, string, Record<string, unknown>, 'NOT_FOUND' | 'null'][] = [
      ['team', `query($id: ID!) { team(id: $id) { id } }`, { id: ofB.team }, 'NOT_FOUND'],
      [
        'updateTeam',
        `mutation($id: ID!) { updateTeam(input: { id: $id, expectedVersion: 1, name: "hijacked" }) { id } }`,
        { id: ofB.team },
        'NOT_FOUND',
      ],
      ['deleteTeam', `mutation($id: ID!) { deleteTeam(id: $id) }`, { id: ofB.team }, 'NOT_FOUND'],
      [
        'addTeamMember',
        `mutation($id: ID!) { addTeamMember(input: { teamId: $id, name: "Mole", department: IT, external: false, insight: 1, experience: 1, affinity: 1 }) { id } }`,
        { id: ofB.team },
        'NOT_FOUND',
      ],
      [
        'updateTeamMember',
        `mutation($id: ID!) { updateTeamMember(input: { id: $id, insight: 1 }) { id } }`,
        { id: ofB.member },
        'NOT_FOUND',
      ],
      [
        'removeTeamMember',
        `mutation($id: ID!) { removeTeamMember(id: $id) }`,
        { id: ofB.member },
        'NOT_FOUND',
      ],
      [
        'assignResponsibility',
        `mutation($id: ID!) { assignResponsibility(input: { responsibility: CHANNEL_MANAGEMENT, ownerKind: MEMBER, memberId: $id }) { responsibility } }`,
        { id: ofB.member },
        'NOT_FOUND',
      ],
      ['initiative', `query($id: ID!) { initiative(id: $id) { id } }`, { id: ofB.initiative }, 'NOT_FOUND'],
      [
        'updateInitiative',
        `mutation($id: ID!) { updateInitiative(input: { id: $id, expectedVersion: 1, name: "hijacked" }) { id } }`,
        { id: ofB.initiative },
        'NOT_FOUND',
      ],
      [
        'deleteInitiative',
        `mutation($id: ID!) { deleteInitiative(id: $id, expectedVersion: 1) }`,
        { id: ofB.initiative },
        'NOT_FOUND',
      ],
      ['assessment', `query($id: ID!) { assessment(id: $id) { id } }`, { id: ofB.assessment }, 'null'],
      [
        'webhookDeliveries',
        `query($id: ID!) { webhookDeliveries(endpointId: $id) { totalCount } }`,
        { id: ofB.webhook },
        'NOT_FOUND',
      ],
      ['deleteWebhook', `mutation($id: ID!) { deleteWebhook(id: $id) }`, { id: ofB.webhook }, 'NOT_FOUND'],
      ['removeMembership', `mutation($id: ID!) { removeMembership(userId: $id) }`, { id: b.id }, 'NOT_FOUND'],
    ];
    const outcomes = [];
    for (const [name, query, variables, expected] of calls) {
      const res = await t.gql(query, variables, { token: a.token, tenant: tenantA });
      const got = res.code ?? (res.data && Object.values(res.data)[0] === null ? 'null' : 'DATA');
      outcomes.push({ name, got });
      expect({ name, got }).toEqual({ name, got: expected });
    }
    // Missing ids of A's own behave the same way: the answers do not tell B's ids apart from unknown ones.
    const missing = await t.gql(
      `query($id: ID!) { team(id: $id) { id } }`,
      { id: '00000000-0000-4000-8000-000000000000' },
      { token: a.token, tenant: tenantA },
    );
    expect(missing.errors?.[0].message).toBe(
      (await t.gql(calls[0][1], calls[0][2], { token: a.token, tenant: tenantA })).errors?.[0].message,
    );
    expect(await snapshotOfB()).toEqual(before);
    expect(outcomes).toHaveLength(calls.length);
  });

  it("lists nothing of B in A's lists", async () => {
    const res = await must(
      a,
      tenantA,
      `{ teams { id } initiatives { totalCount } assessments { totalCount } webhooks { id } auditTrail { edges { node { targetId } } }
         tenant { responsibilities { responsibility } unownedResponsibilities } }`,
    );
    expect(res.teams).toEqual([]);
    expect(res.initiatives.totalCount).toBe(0);
    expect(res.assessments.totalCount).toBe(0);
    expect(res.webhooks).toEqual([]);
    expect(res.tenant.responsibilities).toEqual([]);
    expect(res.tenant.unownedResponsibilities).toHaveLength(9);
    const targets = res.auditTrail.edges.map((e: any) => e.node.targetId);
    for (const id of Object.values(ofB)) expect(targets).not.toContain(id);
  });

  it('refuses to select B with x-tenant-id, for reads and writes alike', async () => {
    for (const query of [
      `{ tenant { id } }`,
      `{ teams { id } }`,
      `{ benchmark { source } }`,
      `mutation { createTeam(input: { name: "x" }) { id } }`,
    ]) {
      expect({ query, code: (await t.gql(query, {}, { token: a.token, tenant: tenantB })).code }).toEqual({
        query,
        code: 'FORBIDDEN',
      });
    }
  });

  it("does not export B's assessment to A (404 like a missing one)", async () => {
    const res = await request(t.app.getHttpServer())
      .get(`/exports/assessments/${ofB.assessment}.json`)
      .set('authorization', `Bearer ${a.token}`)
      .set('x-tenant-id', tenantA);
    expect(res.status).toBe(404);
  });

  it('lets a consultant of A and C reach both, and not B', async () => {
    const consultant = await signUp(t.gql, 'Consultant');
    await addMember(t.gql, a, tenantA, consultant, 'CONSULTANT');
    const tenantC = await createTenant(t.gql, consultant, { name: 'Tenant C', asConsultant: true });
    for (const tenant of [tenantA, tenantC]) {
      expect((await t.gql(`{ tenant { id } }`, {}, { token: consultant.token, tenant })).data.tenant.id).toBe(
        tenant,
      );
    }
    expect((await t.gql(`{ tenant { id } }`, {}, { token: consultant.token, tenant: tenantB })).code).toBe(
      'FORBIDDEN',
    );
    const portfolio = await t.gql(
      `{ portfolio { entries { tenant { id } } } }`,
      {},
      { token: consultant.token },
    );
    expect(portfolio.data.portfolio.entries.map((e: any) => e.tenant.id).sort()).toEqual(
      [tenantA, tenantC].sort(),
    );
    const mine = await t.gql(`{ myTenants { edges { node { id } } } }`, {}, { token: consultant.token });
    expect(mine.data.myTenants.edges.map((e: any) => e.node.id)).not.toContain(tenantB);
  });
});
