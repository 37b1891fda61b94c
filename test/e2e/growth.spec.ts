import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { addMember, createTenant, signUp, startTestApp, type GqlResponse, type TestApp, type TestUser } from '../helpers/app';
import { submit, submitOk } from '../helpers/assessments';
import { adminClient } from '../helpers/db';

const DAY = 86_400_000;
const SMALL_INFORMAL = {
  employeeCount: 10,
  departments: ['MARKETING'],
  culture: 'INFORMAL',
  market: 'B2C',
  locations: 1,
};
const GROWTH = `{ tenant { growth {
  points { id period submittedAt overallScore stage delta previous { id } dimensions { dimension score } }
  trends { dimension slopePer90Days }
  overallSlopePer90Days nextStage projectedNextStageAt } } }`;

/** Least-squares slope of y over x (written out here, independent of the engine's statistics). */
function slope(points: [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const cov = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const varX = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return cov / varX;
}

/**
 * A small informal company without facts: only SATISFACTION (weight 15), MEASUREMENT (0), RESPONSIBILITY_COVERAGE
 * (0) and GOVERNANCE (weight 10) apply, so overall = (15 * SATISFACTION + 10 * GOVERNANCE) / 55, where
 * SATISFACTION = (answer - 1) * 25 and GOVERNANCE = 25 per yes (policy, role model >= 4, crisis plan, monitoring).
 */
function answersFor(satisfaction: number, governanceYeses: number) {
  return {
    overallSatisfaction: satisfaction,
    managementSupport: 3,
    hasPolicy: governanceYeses >= 1,
    policyRoleModel: governanceYeses >= 2 ? 4 : 3,
    hasCrisisPlan: governanceYeses >= 3,
    hasMonitoring: governanceYeses >= 4,
    reportingCadence: 'NONE',
    communityApplicable: false,
  };
}

describe('growth (GraphQL)', () => {
  let t: TestApp;
  let admin: Client;
  let owner: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminClient();
    owner = await signUp(t.gql, 'Owner');
  });
  afterAll(async () => {
    await admin.end();
    await t.close();
  });

  /** Quarters from 2024-Q1 on, and the day (since 1970) each starts on: the x of the trends. */
  const quarter = (index: number) => `${2024 + Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  const quarterDay = (index: number) =>
    Date.UTC(2024 + Math.floor(index / 4), (index % 4) * 3, 1) / DAY;

  /** Submits one assessment per step, for consecutive quarters from 2024-Q1 (submitted now, seconds apart). */
  async function history(tenant: string, steps: [number, number][]) {
    const made = [];
    for (const [index, [satisfaction, yeses]] of steps.entries()) {
      made.push(
        await submitOk(t.gql, owner, tenant, { period: quarter(index), answers: answersFor(satisfaction, yeses) }),
      );
    }
    return made;
  }

  it("shows the points in period order with deltas, trends over the last four (x = the period's first day), the next stage and its projected date", async () => {
    const tenant = await createTenant(t.gql, owner, { profile: SMALL_INFORMAL });
    // Overall, in 55ths: 0, 625, 1250, 1875, 2250 (the first one falls out of the four-point trend window).
    const points = await history(tenant, [
      [1, 0],
      [2, 1],
      [3, 2],
      [4, 3],
      [5, 3],
    ]);
    const res = await t.gql(GROWTH, {}, { token: owner.token, tenant });
    expect(res.errors).toBeUndefined();
    const g = res.data.tenant.growth;

    expect(g.points.map((p: any) => p.id)).toEqual(points.map((p) => p.id));
    expect(g.points.map((p: any) => p.period)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1']);
    const overall = [0, 625, 1250, 1875, 2250].map((x) => x / 55);
    g.points.forEach((p: any, i: number) => expect(p.overallScore).toBeCloseTo(overall[i], 10));
    expect(g.points.map((p: any) => p.stage)).toEqual([
      'PLANNING',
      'PLANNING',
      'PRESENCE',
      'PRESENCE',
      'ENGAGEMENT',
    ]);
    expect(g.points[0]).toMatchObject({ delta: null, previous: null });
    for (let i = 1; i < points.length; i++) {
      expect(g.points[i].previous).toEqual({ id: points[i - 1].id });
      expect(g.points[i].delta).toBe(g.points[i].overallScore - g.points[i - 1].overallScore);
    }

    const trend = Object.fromEntries(g.trends.map((d: any) => [d.dimension, d.slopePer90Days]));
    // x: the first days of 2024-Q2 .. 2025-Q1 (91, 91 and 92 days apart), in days; slopes per 90 days.
    const x = [1, 2, 3, 4].map(quarterDay);
    expect(trend.SATISFACTION).toBeCloseTo(slope(x.map((d, i) => [d, [25, 50, 75, 100][i]])) * 90, 8);
    expect(trend.GOVERNANCE).toBeCloseTo(slope(x.map((d, i) => [d, [25, 50, 75, 75][i]])) * 90, 8);
    expect(trend.MEASUREMENT).toBeCloseTo(0, 8);
    expect(trend.RESPONSIBILITY_COVERAGE).toBeCloseTo(0, 8);
    expect([trend.TEAM_COMPOSITION, trend.SALES_INVOLVEMENT, trend.OUTSOURCING]).toEqual([null, null, null]);
    const overallPerDay = slope(x.map((d, i) => [d, overall[i + 1]]));
    expect(g.overallSlopePer90Days).toBeCloseTo(overallPerDay * 90, 8);
    // About 10 points a quarter: the submissions, seconds apart, do not enter the trend.
    expect(g.overallSlopePer90Days).toBeGreaterThan(9.5);
    expect(g.overallSlopePer90Days).toBeLessThan(10.5);

    // Latest: 40.9 (ENGAGEMENT); FORMALIZED from 50, counted from the first day of 2025-Q1.
    expect(g.nextStage).toBe('FORMALIZED');
    const expectedAt = Date.UTC(2025, 0, 1) + ((50 - 2250 / 55) / overallPerDay) * DAY;
    expect(Math.abs(Date.parse(g.projectedNextStageAt) - expectedAt)).toBeLessThan(1000);
  });

  it('leaves superseded assessments out of growth', async () => {
    const tenant = await createTenant(t.gql, owner, { profile: SMALL_INFORMAL });
    const [first, second] = await history(tenant, [
      [1, 0],
      [2, 0],
    ]);
    const replaced = await submitOk(t.gql, owner, tenant, {
      period: '2024-Q2',
      answers: answersFor(5, 4),
      supersede: true,
    });
    const res = await t.gql(GROWTH, {}, { token: owner.token, tenant });
    const g = res.data.tenant.growth;
    expect(g.points.map((p: any) => p.id)).toEqual([first.id, replaced.id]);
    expect(g.points[1].previous).toEqual({ id: first.id });
    expect(g.points.map((p: any) => p.id)).not.toContain(second.id);
    // The replacement: satisfaction and governance 100: (1500 + 1000) / 55 = 45.5, ENGAGEMENT.
    expect(g.points[1].overallScore).toBeCloseTo(2500 / 55, 10);
    expect(g.nextStage).toBe('FORMALIZED');
  });

  it('projects no date when the trend falls, and has nothing to show without assessments', async () => {
    const empty = await createTenant(t.gql, owner, { profile: SMALL_INFORMAL });
    const none = await t.gql(GROWTH, {}, { token: owner.token, tenant: empty });
    expect(none.data.tenant.growth).toEqual({
      points: [],
      trends: expect.arrayContaining([{ dimension: 'GOVERNANCE', slopePer90Days: null }]),
      overallSlopePer90Days: null,
      nextStage: null,
      projectedNextStageAt: null,
    });
    expect(none.data.tenant.growth.trends).toHaveLength(7);

    const falling = await createTenant(t.gql, owner, { profile: SMALL_INFORMAL });
    await history(falling, [
      [5, 4],
      [3, 2],
    ]);
    const res = await t.gql(GROWTH, {}, { token: owner.token, tenant: falling });
    const g = res.data.tenant.growth;
    expect(g.overallSlopePer90Days).toBeLessThan(0);
    expect(g.nextStage).not.toBeNull();
    expect(g.projectedNextStageAt).toBeNull();
  });

  it('serves growth to a VIEWER in the same number of statements for 2 or 6 points', async () => {
    const viewer = await signUp(t.gql);
    const small = await createTenant(t.gql, owner, { profile: SMALL_INFORMAL });
    const large = await createTenant(t.gql, owner, { profile: SMALL_INFORMAL });
    await addMember(t.gql, owner, small, viewer, 'VIEWER');
    await addMember(t.gql, owner, large, viewer, 'VIEWER');
    await history(small, [
      [1, 0],
      [2, 0],
    ]);
    await history(large, [
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 0],
      [5, 0],
      [5, 1],
    ]);
    const a = await t.gql(GROWTH, {}, { token: viewer.token, tenant: small });
    const b = await t.gql(GROWTH, {}, { token: viewer.token, tenant: large });
    expect([a.errors, b.errors]).toEqual([undefined, undefined]);
    expect(b.data.tenant.growth.points).toHaveLength(6);
    expect(b.sqlStatements).toBe(a.sqlStatements);
  });

  describe('period order (issue 12)', () => {
    const HISTORY = `{ tenant {
      latestAssessment { period delta previous { period } }
      growth { points { period delta previous { period } } }
    }
    assessments { edges { node { period } } } }`;

    it('makes 2026-Q4 the latest when 2026-Q3 is submitted after it: delta against Q3, growth Q3 then Q4', async () => {
      const tenant = await createTenant(t.gql, owner, { profile: SMALL_INFORMAL });
      const q4 = await submitOk(t.gql, owner, tenant, { period: '2026-Q4', answers: answersFor(2, 1) });
      const q3 = await submitOk(t.gql, owner, tenant, { period: '2026-Q3', answers: answersFor(5, 4) });
      const res = await t.gql(HISTORY, {}, { token: owner.token, tenant });
      expect(res.errors).toBeUndefined();
      const { tenant: view, assessments } = res.data;
      expect(view.latestAssessment).toEqual({
        period: '2026-Q4',
        delta: q4.overallScore - q3.overallScore,
        previous: { period: '2026-Q3' },
      });
      expect(view.growth.points).toEqual([
        { period: '2026-Q3', delta: null, previous: null },
        { period: '2026-Q4', delta: q4.overallScore - q3.overallScore, previous: { period: '2026-Q3' } },
      ]);
      expect(assessments.edges.map((e: any) => e.node.period)).toEqual(['2026-Q4', '2026-Q3']);
    });

    it('pages assessments latest period first with cursors in period order, whatever the order of submission', async () => {
      const tenant = await createTenant(t.gql, owner, { profile: SMALL_INFORMAL });
      for (const period of ['2025-Q2', '2024-Q4', '2025-Q4', '2025-Q1', '2025-Q3']) {
        await submitOk(t.gql, owner, tenant, { period });
      }
      const PAGE = `query($after: String) { assessments(first: 2, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { period } } } }`;
      const periods: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 5; page++) {
        const res: GqlResponse = await t.gql(PAGE, { after }, { token: owner.token, tenant });
        expect(res.errors).toBeUndefined();
        periods.push(...res.data.assessments.edges.map((e: any) => e.node.period));
        if (!res.data.assessments.pageInfo.hasNextPage) break;
        after = res.data.assessments.pageInfo.endCursor;
      }
      expect(periods).toEqual(['2025-Q4', '2025-Q3', '2025-Q2', '2025-Q1', '2024-Q4']);
      const forged = Buffer.from(JSON.stringify(['2025-Q5', '0', randomUUID()])).toString('base64url');
      const bad = await t.gql(PAGE, { after: forged }, { token: owner.token, tenant });
      expect(bad.code).toBe('BAD_USER_INPUT');
    });

    it('puts the month before the quarter, half and year that start on its day', async () => {
      const tenant = await createTenant(t.gql, owner, { profile: SMALL_INFORMAL });
      for (const period of ['2025', '2025-Q1', '2025-H1', '2025-01', '2024-12']) {
        await submitOk(t.gql, owner, tenant, { period });
      }
      const spans = await t.gql(`{ tenant { growth { points { periodStart periodMonths } } } }`, {}, { token: owner.token, tenant });
      expect(spans.data.tenant.growth.points).toEqual([
        { periodStart: '2024-12-01T00:00:00.000Z', periodMonths: 1 },
        { periodStart: '2025-01-01T00:00:00.000Z', periodMonths: 1 },
        { periodStart: '2025-01-01T00:00:00.000Z', periodMonths: 3 },
        { periodStart: '2025-01-01T00:00:00.000Z', periodMonths: 6 },
        { periodStart: '2025-01-01T00:00:00.000Z', periodMonths: 12 },
      ]);
      const res = await t.gql(HISTORY, {}, { token: owner.token, tenant });
      expect(res.data.tenant.growth.points.map((p: any) => p.period)).toEqual([
        '2024-12',
        '2025-01',
        '2025-Q1',
        '2025-H1',
        '2025',
      ]);
      expect(res.data.tenant.latestAssessment.period).toBe('2025');
    });

    it('gives no trend and no projection for two submissions seconds apart whose periods start on the same day', async () => {
      const tenant = await createTenant(t.gql, owner, { profile: SMALL_INFORMAL });
      await submitOk(t.gql, owner, tenant, { period: '2026-Q1', answers: answersFor(1, 0) });
      await submitOk(t.gql, owner, tenant, { period: '2026-01', answers: answersFor(5, 4) });
      const res = await t.gql(GROWTH, {}, { token: owner.token, tenant });
      const g = res.data.tenant.growth;
      expect(g.points.map((p: any) => p.period)).toEqual(['2026-01', '2026-Q1']);
      expect(g.overallSlopePer90Days).toBeNull();
      expect(g.trends.every((d: any) => d.slopePer90Days === null)).toBe(true);
      expect(g.projectedNextStageAt).toBeNull();
    });

    it('measures the trend of consecutive quarters submitted seconds apart per quarter, not per second', async () => {
      const tenant = await createTenant(t.gql, owner, { profile: SMALL_INFORMAL });
      const a = await submitOk(t.gql, owner, tenant, { period: '2026-Q1', answers: answersFor(1, 0) });
      const b = await submitOk(t.gql, owner, tenant, { period: '2026-Q2', answers: answersFor(2, 0) });
      const res = await t.gql(GROWTH, {}, { token: owner.token, tenant });
      // 2026-Q1 to 2026-Q2: 90 days, so the slope per 90 days is the change itself.
      expect(res.data.tenant.growth.overallSlopePer90Days).toBeCloseTo(b.overallScore - a.overallScore, 10);
    });

    it.each([
      ['2099-Q1', /not started/],
      ['1999-Q1', /2000 or later/],
    ])('refuses the period %s with BAD_USER_INPUT on input.period and stores nothing', async (period, message) => {
      const tenant = await createTenant(t.gql, owner, { profile: SMALL_INFORMAL });
      const res = await submit(t.gql, owner, tenant, { period });
      expect(res.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields).toEqual(['input.period']);
      expect(res.errors?.[0].message).toMatch(message);
      const { rows } = await admin.query('SELECT 1 FROM assessments WHERE tenant_id = $1', [tenant]);
      expect(rows).toHaveLength(0);
    });
  });

  describe('bounded points (issue 13)', () => {
    it('returns the latest `last` periods oldest first, with totalPoints, the real delta of the first and trends over four', async () => {
      const tenant = await createTenant(t.gql, owner, { profile: SMALL_INFORMAL });
      const points = await history(tenant, [
        [1, 0],
        [2, 1],
        [3, 2],
        [4, 3],
        [5, 3],
      ]);
      const res = await t.gql(
        `{ tenant { growth { totalPoints overallSlopePer90Days
            last2: points(last: 2) { id delta previous { id findings { code } } }
            all: points { id } } } }`,
        {},
        { token: owner.token, tenant },
      );
      expect(res.errors).toBeUndefined();
      const g = res.data.tenant.growth;
      expect(g.totalPoints).toBe(5);
      expect(g.all.map((p: any) => p.id)).toEqual(points.map((p) => p.id));
      expect(g.last2.map((p: any) => p.id)).toEqual([points[3].id, points[4].id]);
      // The first point returned still has its real predecessor (read in full: findings).
      expect(g.last2[0].previous.id).toBe(points[2].id);
      expect(g.last2[0].previous.findings.length).toBeGreaterThan(0);
      expect(g.last2[0].delta).toBeCloseTo(points[3].overallScore - points[2].overallScore, 10);
      // The trend still covers the last four points, not the two shown.
      const full = await t.gql(GROWTH, {}, { token: owner.token, tenant });
      expect(g.overallSlopePer90Days).toBe(full.data.tenant.growth.overallSlopePer90Days);
    });

    it('defaults to the latest 20 and refuses last outside 1..100', async () => {
      const tenant = await createTenant(t.gql, owner, { profile: SMALL_INFORMAL });
      const early = (i: number) => `${2015 + Math.floor(i / 4)}-Q${(i % 4) + 1}`;
      for (let i = 0; i < 22; i++) await submitOk(t.gql, owner, tenant, { period: early(i) });
      const res = await t.gql(`{ tenant { growth { totalPoints points { period } } } }`, {}, { token: owner.token, tenant });
      expect(res.data.tenant.growth.totalPoints).toBe(22);
      expect(res.data.tenant.growth.points).toHaveLength(20);
      expect(res.data.tenant.growth.points[0].period).toBe(early(2));
      for (const last of [0, 101]) {
        const bad = await t.gql(`{ tenant { growth { points(last: ${last}) { id } } } }`, {}, { token: owner.token, tenant });
        expect({ last, code: bad.code }).toEqual({ last, code: 'BAD_USER_INPUT' });
      }
    });
  });
});
