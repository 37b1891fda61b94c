import type { Client } from 'pg';
import { ANSWERS, submitOk, seedFacts, type InitiativeFact, type MemberFact } from '../helpers/assessments';
import {
  createApiKey,
  createTenant,
  signUp,
  startTestApp,
  type GqlResponse,
  type TestApp,
  type TestUser,
} from '../helpers/app';
import { insertAssessment, insertMembership, insertTenant } from '../helpers/clients';
import { adminClient } from '../helpers/db';
import { ok } from '../helpers/structure';

/**
 * Query budgets: how many SQL statements (round trips, transaction control included: the x-sql-statements header)
 * each hot operation may cost, and proof that the count does not grow with the data. No timings here: those live in
 * `npm run bench`. A budget is the count measured when it was set; a change that needs more statements must raise
 * it here on purpose (and say why in the commit).
 *
 * The tenant transaction costs 2 round trips per request: one to open it (BEGIN, app.user_id and the membership
 * lookup that sets app.tenant_id, sent together) and COMMIT.
 */
const BUDGET = {
  /** Q1: open, the assessment, COMMIT. */
  assessmentById: 3,
  /** Q2: open, consultant_portfolio(), COMMIT; the issue allows at most 6 whatever the portfolio size. */
  portfolio: 3,
  portfolioCeiling: 6,
  /** open, page, count, previous of every assessment (one loader), COMMIT. */
  assessmentList: 5,
  /** open, tenant, teams, members of every team (one loader), COMMIT. */
  teamsWithMembers: 5,
  /** open, tenant, initiatives page, count, KPIs of every initiative (one loader), COMMIT. */
  initiativesWithKpis: 6,
  /** open, page, count, COMMIT. */
  myTenants: 4,
  /** Q3: open, facts (one statement), insert, audit row with COMMIT (one round trip). */
  submitAssessment: 4,
};

const ASSESSMENT = `query($id: ID!) {
  assessment(id: $id) {
    id period overallScore stage appliedCaps
    dimensions { dimension score applicable weight }
    findings { code severity dimension responsibility message recommendation }
  }
}`;

// All 200 clients on one page: the most entries(first) allows.
const PORTFOLIO = `query($all: Int = 200) {
  portfolio {
    overdueCount
    entries(first: $all) {
      tenant { id name }
      stage delta dueAt overdue weakestDimension scoreDropAlert
      latestAssessment { id overallScore stage dimensions { dimension score applicable weight } }
    }
  }
}`;

const ASSESSMENTS = `{
  assessments(first: 100) {
    totalCount
    edges { node { id overallScore delta previous { id } dimensions { dimension score } } }
  }
}`;

const TEAMS = `{ tenant { id teams { id name members { id name department } } } }`;

const INITIATIVES = `{
  tenant { initiatives(first: 100) { totalCount edges { node { id kpis { kind } } } } }
}`;

const MY_TENANTS = `{ myTenants(first: 100) { totalCount edges { node { id name myRole } } } }`;

const DAY = 86_400_000;

const SUBMIT_MUTATION = `mutation($input: SubmitAssessmentInput!) { submitAssessment(input: $input) { id overallScore } }`;

describe('query budgets (SQL statements per operation, constant as the data grows)', () => {
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminClient();
  });
  afterAll(async () => {
    await admin.end();
    await t.close();
  });

  /** Runs the operation and returns its statement count, failing on any error. */
  function statements(res: GqlResponse): number {
    ok(res);
    expect(Number.isInteger(res.sqlStatements)).toBe(true);
    return res.sqlStatements;
  }

  /** A tenant of a new OWNER with `count` stored assessments, a day apart. */
  async function tenantWithAssessments(
    count: number,
  ): Promise<{ owner: TestUser; tenant: string; ids: string[] }> {
    const owner = await signUp(t.gql, 'Owner');
    const tenant = await createTenant(t.gql, owner);
    const ids: string[] = [];
    const start = Date.now() - count * DAY;
    for (let i = 0; i < count; i++) {
      ids.push(
        await insertAssessment(admin, tenant, {
          overallScore: 30 + (i % 50),
          submittedAt: new Date(start + i * DAY),
        }),
      );
    }
    return { owner, tenant, ids };
  }

  it(`Q1 assessment(id) with dimensions and findings: ${BUDGET.assessmentById} statements, for 1 or 100 stored assessments`, async () => {
    const counts: number[] = [];
    for (const size of [1, 100]) {
      const { owner, tenant, ids } = await tenantWithAssessments(size);
      const res = await t.gql(ASSESSMENT, { id: ids[ids.length - 1] }, { token: owner.token, tenant });
      expect(ok(res).assessment.dimensions).toHaveLength(7);
      counts.push(statements(res));
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(BUDGET.assessmentById);
  });

  it(`Q2 portfolio: ${BUDGET.portfolio} statements (at most ${BUDGET.portfolioCeiling}) for 2 and for 200 clients`, async () => {
    const counts: number[] = [];
    for (const size of [2, 200]) {
      const consultant = await signUp(t.gql, 'Consultant');
      for (let i = 0; i < size; i++) {
        const tenant = await insertTenant(admin, { name: `Client ${i}` });
        await insertMembership(admin, tenant, consultant.id, 'CONSULTANT');
        await insertAssessment(admin, tenant, {
          overallScore: 40,
          submittedAt: new Date(Date.now() - 100 * DAY),
        });
        await insertAssessment(admin, tenant, {
          overallScore: 45 + (i % 20),
          submittedAt: new Date(Date.now() - DAY),
        });
      }
      const res = await t.gql(PORTFOLIO, {}, { token: consultant.token });
      const entries = ok(res).portfolio.entries as { latestAssessment: { dimensions: unknown[] } | null }[];
      expect(entries).toHaveLength(size);
      for (const entry of entries) expect(entry.latestAssessment?.dimensions).toHaveLength(7);
      counts.push(statements(res));
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(BUDGET.portfolio);
    expect(counts[0]).toBeLessThanOrEqual(BUDGET.portfolioCeiling);
  });

  it(`assessments(first: 100) with previous and delta: ${BUDGET.assessmentList} statements for 1 and 100 items`, async () => {
    const counts: number[] = [];
    for (const size of [1, 100]) {
      const { owner, tenant } = await tenantWithAssessments(size);
      const res = await t.gql(ASSESSMENTS, {}, { token: owner.token, tenant });
      const edges = ok(res).assessments.edges as { node: { previous: unknown } }[];
      expect(edges).toHaveLength(size);
      if (size > 1) expect(edges[0].node.previous).not.toBeNull();
      counts.push(statements(res));
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(BUDGET.assessmentList);
  });

  const member = (i: number): MemberFact => ({
    name: `Member ${i}`,
    department: 'MARKETING',
    external: false,
    insight: 3,
    experience: 3,
    affinity: 3,
  });
  const initiative = (i: number): InitiativeFact => ({
    name: `Initiative ${i}`,
    status: 'ACTIVE',
    ownerDepartment: 'MARKETING',
    outsourcing: 'NONE',
    satisfaction: 3,
    failureFactors: [],
    kpis: [
      { name: 'Leads', kind: 'BUSINESS' },
      { name: 'Shares', kind: 'ENGAGEMENT' },
    ],
  });

  it(`Tenant.teams with members: ${BUDGET.teamsWithMembers} statements for 1 and 100 teams`, async () => {
    const counts: number[] = [];
    for (const size of [1, 100]) {
      const owner = await signUp(t.gql, 'Owner');
      const tenant = await createTenant(t.gql, owner);
      await seedFacts(admin, tenant, {
        teams: Array.from({ length: size }, (_, i) => ({
          name: `Team ${i}`,
          members: [member(2 * i), member(2 * i + 1)],
        })),
      });
      const res = await t.gql(TEAMS, {}, { token: owner.token, tenant });
      const teams = ok(res).tenant.teams as { members: unknown[] }[];
      expect(teams).toHaveLength(size);
      for (const team of teams) expect(team.members).toHaveLength(2);
      counts.push(statements(res));
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(BUDGET.teamsWithMembers);
  });

  it(`Tenant.initiatives(first: 100) with KPIs: ${BUDGET.initiativesWithKpis} statements for 1 and 100 items`, async () => {
    const counts: number[] = [];
    for (const size of [1, 100]) {
      const owner = await signUp(t.gql, 'Owner');
      const tenant = await createTenant(t.gql, owner);
      await seedFacts(admin, tenant, { initiatives: Array.from({ length: size }, (_, i) => initiative(i)) });
      const res = await t.gql(INITIATIVES, {}, { token: owner.token, tenant });
      const edges = ok(res).tenant.initiatives.edges as { node: { kpis: unknown[] } }[];
      expect(edges).toHaveLength(size);
      for (const edge of edges) expect(edge.node.kpis).toHaveLength(2);
      counts.push(statements(res));
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(BUDGET.initiativesWithKpis);
  });

  it(`myTenants(first: 100): ${BUDGET.myTenants} statements for 1 and 100 tenants`, async () => {
    const counts: number[] = [];
    for (const size of [1, 100]) {
      const user = await signUp(t.gql, 'Member of many');
      for (let i = 0; i < size; i++) {
        await insertMembership(admin, await insertTenant(admin, { name: `Org ${i}` }), user.id, 'VIEWER');
      }
      const res = await t.gql(MY_TENANTS, {}, { token: user.token });
      expect(ok(res).myTenants.edges).toHaveLength(size);
      counts.push(statements(res));
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(BUDGET.myTenants);
  });

  it(`Q3 submitAssessment: ${BUDGET.submitAssessment} statements for a small and a large organisation`, async () => {
    const counts: number[] = [];
    for (const size of [1, 100]) {
      const owner = await signUp(t.gql, 'Owner');
      const tenant = await createTenant(t.gql, owner);
      await seedFacts(admin, tenant, {
        teams: Array.from({ length: size }, (_, i) => ({ name: `Team ${i}`, members: [member(i)] })),
        initiatives: Array.from({ length: size }, (_, i) => initiative(i)),
      });
      const before = Date.now();
      const res = await t.gql(
        `mutation($input: SubmitAssessmentInput!) { submitAssessment(input: $input) { id dimensions { score } } }`,
        {
          input: {
            period: '2026-Q1',
            idempotencyKey: `budget-${size}-${before}`,
            answers: ANSWERS,
          },
        },
        { token: owner.token, tenant },
      );
      expect(ok(res).submitAssessment.dimensions).toHaveLength(7);
      counts.push(statements(res));
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(BUDGET.submitAssessment);
  });

  it('a replayed submission costs at most one round trip more than the first (its key is found taken at the insert)', async () => {
    const owner = await signUp(t.gql, 'Owner');
    const tenant = await createTenant(t.gql, owner);
    const key = `budget-replay-${Date.now()}`;
    await submitOk(t.gql, owner, tenant, { idempotencyKey: key });
    const replay = await t.gql(
      `mutation($input: SubmitAssessmentInput!) { submitAssessment(input: $input) { id } }`,
      {
        input: {
          period: '2026-Q1',
          idempotencyKey: key,
          answers: ANSWERS,
        },
      },
      { token: owner.token, tenant },
    );
    expect(replay.data.submitAssessment.id).toEqual(expect.any(String));
    // open, facts, insert (nothing inserted), the key's assessment, COMMIT
    expect(statements(replay)).toBeLessThanOrEqual(BUDGET.submitAssessment + 1);
  });

  it('an API key costs the same round trips as a user token (assessment by id, submitAssessment)', async () => {
    const { owner, tenant, ids } = await tenantWithAssessments(3);
    const key = await createApiKey(t.gql, owner, tenant, ['READ', 'SUBMIT_ASSESSMENTS']);
    const asKey = { headers: { authorization: `Bearer ${key.secret}` } };
    const byToken = statements(await t.gql(ASSESSMENT, { id: ids[0] }, { token: owner.token, tenant }));
    const byKey = statements(await t.gql(ASSESSMENT, { id: ids[0] }, asKey));
    expect({ byKey, byToken }).toEqual({ byKey: BUDGET.assessmentById, byToken: BUDGET.assessmentById });
    const input = (period: string) => ({ input: { period, answers: ANSWERS, idempotencyKey: `budget-${period}-${Date.now()}` } });
    const submitByToken = statements(await t.gql(SUBMIT_MUTATION, input('2025-Q1'), { token: owner.token, tenant }));
    const submitByKey = statements(await t.gql(SUBMIT_MUTATION, input('2025-Q2'), asKey));
    expect({ submitByKey, submitByToken }).toEqual({ submitByKey: BUDGET.submitAssessment, submitByToken: BUDGET.submitAssessment });
  });
});
