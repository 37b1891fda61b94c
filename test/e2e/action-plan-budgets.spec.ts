import type { Client } from 'pg';
import { seedFacts, submitOk } from '../helpers/assessments';
import { createTenant, signUp, startTestApp, type GqlResponse, type TestApp } from '../helpers/app';
import { insertMembership, insertTenant } from '../helpers/clients';
import { adminClient } from '../helpers/db';
import { ok } from '../helpers/structure';

/**
 * Query budgets of issue 17 (see budgets.spec.ts for the rules): SQL statements per operation, transaction control
 * included, constant as the data grows.
 */
const BUDGET = {
  /** open, tenant, latest assessment + target + stored roadmaps (one statement), store the roadmap, COMMIT. */
  roadmapFirstRead: 5,
  /** open, tenant, latest assessment + target + stored roadmaps, COMMIT: no scoring, nothing written. */
  roadmapStored: 4,
  /** open, tenant, page + total + latest inputs (one statement), COMMIT. */
  actions: 4,
  /** open, consultant_portfolio(), consultant_action_summary() for every entry (one loader), COMMIT. */
  portfolioWithActions: 4,
};

const ROADMAP = `{ tenant { roadmap { basedOn { id overallScore } targetStage reachesTarget
  steps { move responsibility department overallScore stage clearsFindings description } } } }`;
const ACTIONS = `{ tenant { actions(first: 100) { totalCount edges { node {
  id title move ownerMember { id name } ownerDepartment dueAt status verified overdue version } } } } }`;
const PORTFOLIO = `{ portfolio { entries(first: 200) { tenant { id } stage targetStage openActions overdueActions } } }`;

describe('query budgets of targets, roadmap and action plan', () => {
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

  const statements = (res: GqlResponse) => {
    ok(res);
    expect(Number.isInteger(res.sqlStatements)).toBe(true);
    return res.sqlStatements;
  };

  it(`Tenant.roadmap: ${BUDGET.roadmapFirstRead} statements on first read, ${BUDGET.roadmapStored} once stored, for 1 and 60 members`, async () => {
    const first: number[] = [];
    const stored: number[] = [];
    for (const size of [1, 60]) {
      const owner = await signUp(t.gql, 'Owner');
      const tenant = await createTenant(t.gql, owner);
      await seedFacts(admin, tenant, {
        teams: [{ name: 'Team', members: Array.from({ length: size }, (_, i) => ({
          name: `M${i}`, department: 'MARKETING', external: false, insight: 2, experience: 2, affinity: 2 })) }],
      });
      await submitOk(t.gql, owner, tenant);
      const as = { token: owner.token, tenant };
      const a = await t.gql(ROADMAP, {}, as);
      expect(ok(a).tenant.roadmap.steps.length).toBeGreaterThan(0);
      first.push(statements(a));
      const b = await t.gql(ROADMAP, {}, as);
      expect(ok(b).tenant.roadmap).toEqual(ok(a).tenant.roadmap);
      stored.push(statements(b));
    }
    expect(first[1]).toBe(first[0]);
    expect(stored[1]).toBe(stored[0]);
    expect(first[0]).toBeLessThanOrEqual(BUDGET.roadmapFirstRead);
    expect(stored[0]).toBeLessThanOrEqual(BUDGET.roadmapStored);
  });

  it(`Tenant.actions(first: 100) with owners and verification: ${BUDGET.actions} statements for 1 and 100 actions`, async () => {
    const counts: number[] = [];
    for (const size of [1, 100]) {
      const owner = await signUp(t.gql, 'Owner');
      const tenant = await createTenant(t.gql, owner);
      const ids = await seedFacts(admin, tenant, {
        teams: [{ name: 'Team', members: [{ name: 'Mia', department: 'MARKETING', external: false, insight: 2, experience: 2, affinity: 2 }] }],
      });
      await submitOk(t.gql, owner, tenant);
      await admin.query(
        `INSERT INTO actions (tenant_id, title, move, owner_member_id, due_at)
         SELECT $1, 'Action ' || i, 'MONITORING', $3::uuid, now() - interval '1 day' FROM generate_series(1, $2) i`,
        [tenant, size, ids.Mia],
      );
      const res = await t.gql(ACTIONS, {}, { token: owner.token, tenant });
      const connection = ok(res).tenant.actions;
      expect(connection.totalCount).toBe(size);
      expect(connection.edges[0].node).toMatchObject({ ownerMember: { name: 'Mia' }, overdue: true });
      counts.push(statements(res));
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(BUDGET.actions);
  });

  it(`portfolio with targetStage and action counts: ${BUDGET.portfolioWithActions} statements for 2 and 200 clients`, async () => {
    const counts: number[] = [];
    for (const size of [2, 200]) {
      const consultant = await signUp(t.gql, 'Consultant');
      for (let i = 0; i < size; i++) {
        const tenant = await insertTenant(admin, { name: `Client ${i}` });
        await insertMembership(admin, tenant, consultant.id, 'CONSULTANT');
        await admin.query(`INSERT INTO actions (tenant_id, title, due_at) VALUES ($1, 'a', now() - interval '1 day'), ($1, 'b', NULL)`, [tenant]);
        await admin.query(`INSERT INTO tenant_targets (tenant_id, stage) VALUES ($1, 'STRATEGIC')`, [tenant]);
      }
      const res = await t.gql(PORTFOLIO, {}, { token: consultant.token });
      const entries = ok(res).portfolio.entries as { targetStage: string; openActions: number; overdueActions: number }[];
      expect(entries).toHaveLength(size);
      for (const entry of entries) expect(entry).toMatchObject({ targetStage: 'STRATEGIC', openActions: 2, overdueActions: 1 });
      counts.push(statements(res));
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(BUDGET.portfolioWithActions);
  });
});
