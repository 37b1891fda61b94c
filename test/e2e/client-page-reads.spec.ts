import type { Client } from 'pg';
import { createTenant, DEFAULT_PROFILE, signUp, startTestApp, type TestApp, type TestUser } from '../helpers/app';
import { submission } from '../helpers/assessments';
import { insertAssessment } from '../helpers/clients';
import { adminClient } from '../helpers/db';
import { ok } from '../helpers/structure';

/**
 * The client page's shared reads (issue 20, Q4): the latest assessment read once for latestAssessment and the
 * roadmap, latestAssessment's delta and previous taken from growth's read when growth is asked too, growth's points
 * read without their stored results when only summary fields are asked, the actions' `verified` only when asked,
 * the campaigns' total in the page's statement. Each path must give what the separate reads gave.
 */
const DAY = 86_400_000;
const CREATE_ACTION = `mutation($input: CreateActionInput!) { createAction(input: $input) { id } }`;
const OPEN_CAMPAIGN = `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { id } }`;

describe('the client page: reads shared between fields give what separate reads give', () => {
  let t: TestApp;
  let admin: Client;
  let as: { token: string; tenant: string };
  const ids: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminClient();
    const owner: TestUser = await signUp(t.gql, 'Owner');
    const tenant = await createTenant(t.gql, owner);
    as = { token: owner.token, tenant };
    const start = Date.now() - 10 * DAY;
    // Later periods are inserted later (the helper counts them up): in period order 40, 55, 47.
    for (const [i, overallScore] of [40, 55, 47].entries()) {
      ids.push(
        await insertAssessment(admin, tenant, { overallScore, submittedAt: new Date(start + i * DAY) }),
      );
    }
  });
  afterAll(async () => {
    await admin.end();
    await t.close();
  });

  it('latestAssessment: delta and previous the same with growth in the request (taken from its read) and without', async () => {
    const latest = 'latestAssessment { id delta previous { id overallScore findings { code } } }';
    const alone = ok(await t.gql(`{ tenant { ${latest} } }`, {}, as)).tenant.latestAssessment;
    const withGrowth = ok(
      await t.gql(`{ tenant { ${latest} growth { points(last: 2) { id overallScore } } } }`, {}, as),
    ).tenant.latestAssessment;
    const withFullGrowth = ok(
      await t.gql(
        `{ tenant { ${latest} growth { points(last: 1) { id previous { id } findings { code } } } } }`,
        {},
        as,
      ),
    ).tenant.latestAssessment;
    for (const read of [alone, withGrowth, withFullGrowth]) {
      expect(read.id).toBe(ids[2]);
      expect(read.delta).toBe(47 - 55);
      expect(read.previous.id).toBe(ids[1]);
      expect(read.previous.overallScore).toBe(55);
      expect(Array.isArray(read.previous.findings)).toBe(true);
    }
    expect(withGrowth).toEqual(alone);
    expect(withFullGrowth).toEqual(alone);
  });

  it('growth points: the summary fields are the same read without their stored results as with them', async () => {
    const summary = ok(
      await t.gql(
        `{ tenant { growth { totalPoints points(last: 3) { id period overallScore stage delta dimensions { dimension score } } } } }`,
        {},
        as,
      ),
    ).tenant.growth;
    const full = ok(
      await t.gql(
        `{ tenant { growth { totalPoints points(last: 3) { id period overallScore stage delta dimensions { dimension score } findings { code } previous { id } } } } }`,
        {},
        as,
      ),
    ).tenant.growth;
    expect(summary.totalPoints).toBe(3);
    expect(summary.points.map((p: { id: string }) => p.id)).toEqual(ids);
    expect(summary.points.map((p: { delta: number | null }) => p.delta)).toEqual([null, 15, -8]);
    expect(
      full.points.map(({ findings: _f, previous: _p, ...rest }: Record<string, unknown>) => rest),
    ).toEqual(summary.points);
    expect(full.points.map((p: { previous: { id: string } | null }) => p.previous?.id ?? null)).toEqual([
      null,
      ids[0],
      ids[1],
    ]);
    expect(full.points.every((p: { findings: unknown }) => Array.isArray(p.findings))).toBe(true);
  });

  it('the roadmap starts from the latest assessment, read once with latestAssessment or on its own', async () => {
    const both = ok(
      await t.gql(
        `{ tenant { latestAssessment { id overallScore } roadmap { basedOn { id overallScore } targetStage steps { move } } } }`,
        {},
        as,
      ),
    ).tenant;
    const roadmapAlone = ok(
      await t.gql(
        `{ tenant { roadmap { basedOn { id overallScore } targetStage steps { move } } } }`,
        {},
        as,
      ),
    ).tenant.roadmap;
    expect(both.latestAssessment).toEqual({ id: ids[2], overallScore: 47 });
    expect(both.roadmap.basedOn).toEqual(both.latestAssessment);
    expect(roadmapAlone).toEqual(both.roadmap);
  });

  it("actions: the page's fields the same with verified asked (latest inputs read) and without", async () => {
    // The latest inputs have a policy (the move no longer applies: verified) and no crisis plan (not verified).
    ok(await t.gql(CREATE_ACTION, { input: { title: 'Write the policy', move: 'ADOPT_POLICY' } }, as));
    ok(await t.gql(CREATE_ACTION, { input: { title: 'Plan for a crisis', move: 'CRISIS_PLAN' } }, as));
    ok(await t.gql(CREATE_ACTION, { input: { title: 'Plain' } }, as));
    const fields = 'totalCount edges { node { id title move status overdue } }';
    const without = ok(await t.gql(`{ tenant { actions(status: OPEN) { ${fields} } } }`, {}, as)).tenant
      .actions;
    const withVerified = ok(
      await t.gql(`{ tenant { actions(status: OPEN) { ${fields} edges { node { verified } } } } }`, {}, as),
    ).tenant.actions;
    expect(without.totalCount).toBe(3);
    expect(withVerified.totalCount).toBe(3);
    expect(withVerified.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(
      without.edges.map((e: { node: { id: string } }) => e.node.id),
    );
    expect(withVerified.edges.map((e: { node: { verified: boolean } }) => e.node.verified)).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('a mutation between two reads of the same request: the second read sees it (no shared read outlives a root mutation)', async () => {
    const page = 'growth { totalPoints points(last: 5) { id } } latestAssessment { id } roadmap { basedOn { id } }';
    const res = await t.gql(
      `mutation($p: TenantProfileInput!, $s: SubmitAssessmentInput!) {
         before: updateTenantProfile(input: $p) { ${page} }
         submitted: submitAssessment(input: $s) { id }
         after: updateTenantProfile(input: $p) { ${page} }
       }`,
      // 2026-Q1 comes before the seeded periods (years from 4000) in period order: growth gains its first point.
      { p: DEFAULT_PROFILE, s: submission({ period: '2026-Q1' }) },
      as,
    );
    const { before, submitted, after } = ok(res);
    const idsOf = (growth: { points: { id: string }[] }) => growth.points.map((p) => p.id);
    expect(before.growth.totalPoints).toBe(3);
    expect(idsOf(before.growth)).toEqual(ids);
    expect(after.growth.totalPoints).toBe(4);
    expect(idsOf(after.growth)).toEqual([submitted.id, ...ids]);
    expect(after.latestAssessment.id).toBe(ids[2]);
    expect(after.roadmap.basedOn.id).toBe(ids[2]);
  });

  it('campaigns: the total comes with the page, also with an empty page (past the end, or none of the status)', async () => {
    ok(
      await t.gql(
        OPEN_CAMPAIGN,
        { input: { period: '2025-Q1', closesAt: new Date(Date.now() + 30 * DAY).toISOString() } },
        as,
      ),
    );
    const first = ok(
      await t.gql(
        `{ tenant { campaigns(first: 1) { totalCount edges { node { period } } pageInfo { endCursor hasNextPage } } } }`,
        {},
        as,
      ),
    ).tenant.campaigns;
    expect(first.totalCount).toBe(1);
    expect(first.edges.map((e: { node: { period: string } }) => e.node.period)).toEqual(['2025-Q1']);
    expect(first.pageInfo.hasNextPage).toBe(false);
    const past = ok(
      await t.gql(
        `query($a: String) { tenant { campaigns(first: 1, after: $a) { totalCount edges { node { period } } } } }`,
        { a: first.pageInfo.endCursor },
        as,
      ),
    ).tenant.campaigns;
    expect(past).toEqual({ totalCount: 1, edges: [] });
    const closed = ok(
      await t.gql(
        `{ tenant { campaigns(status: CLOSED) { totalCount edges { node { period } } } } }`,
        {},
        as,
      ),
    ).tenant.campaigns;
    expect(closed).toEqual({ totalCount: 0, edges: [] });
  });
});
