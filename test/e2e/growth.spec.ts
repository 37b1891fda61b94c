import type { Client } from 'pg';
import { addMember, createTenant, signUp, startTestApp, type TestApp, type TestUser } from '../helpers/app';
import { setSubmittedAt, submitOk } from '../helpers/assessments';
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

  /** Submits one assessment per step and moves it to `start + 90 days * index` (as the admin). */
  async function history(tenant: string, steps: [number, number][], start = Date.UTC(2025, 0, 1)) {
    const made = [];
    for (const [index, [satisfaction, yeses]] of steps.entries()) {
      const a = await submitOk(t.gql, owner, tenant, {
        period: `${2010 + index}`,
        answers: answersFor(satisfaction, yeses),
      });
      const at = new Date(start + index * 90 * DAY);
      await setSubmittedAt(admin, a.id, at);
      made.push({ ...a, submittedAt: at.toISOString() });
    }
    return made;
  }

  it('shows the points in time order with deltas, trends over the last four, the next stage and its projected date', async () => {
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
    expect(g.points.map((p: any) => p.submittedAt)).toEqual(points.map((p) => p.submittedAt));
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
    // x in units of 90 days: the last four points are at 1, 2, 3, 4.
    expect(trend.SATISFACTION).toBeCloseTo(25, 8); // 25, 50, 75, 100
    expect(trend.GOVERNANCE).toBeCloseTo(
      slope([
        [1, 25],
        [2, 50],
        [3, 75],
        [4, 75],
      ]),
      8,
    );
    expect(trend.GOVERNANCE).toBeCloseTo(17.5, 8);
    expect(trend.MEASUREMENT).toBeCloseTo(0, 8);
    expect(trend.RESPONSIBILITY_COVERAGE).toBeCloseTo(0, 8);
    expect([trend.TEAM_COMPOSITION, trend.SALES_INVOLVEMENT, trend.OUTSOURCING]).toEqual([null, null, null]);
    expect(g.overallSlopePer90Days).toBeCloseTo(
      slope([
        [1, overall[1]],
        [2, overall[2]],
        [3, overall[3]],
        [4, overall[4]],
      ]),
      8,
    );
    expect(g.overallSlopePer90Days).toBeCloseTo(10, 8);

    // Latest: 40.9 (ENGAGEMENT); FORMALIZED from 50, rising 10 per 90 days: (50 - 2250/55) / (10/90) days later.
    expect(g.nextStage).toBe('FORMALIZED');
    const days = (50 - 2250 / 55) / (10 / 90);
    const expectedAt = Date.parse(points[4].submittedAt) + days * DAY;
    expect(Math.abs(Date.parse(g.projectedNextStageAt) - expectedAt)).toBeLessThan(1000);
  });

  it('leaves superseded assessments out of growth', async () => {
    const tenant = await createTenant(t.gql, owner, { profile: SMALL_INFORMAL });
    const [first, second] = await history(tenant, [
      [1, 0],
      [2, 0],
    ]);
    const replaced = await submitOk(t.gql, owner, tenant, {
      period: '2011',
      answers: answersFor(5, 4),
      supersede: true,
    });
    await setSubmittedAt(admin, replaced.id, new Date(Date.UTC(2025, 6, 1)));
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
});
