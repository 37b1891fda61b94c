import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import {
  addMember,
  createTenant,
  DEFAULT_PROFILE,
  signUp,
  startTestApp,
  type TestApp,
  type TestUser,
} from '../helpers/app';
import {
  ANSWERS,
  ASSESSMENT_FIELDS,
  countAssessments,
  newKey,
  seedFacts,
  severityRanks,
  submission,
  submit,
  submitOk,
  SUBMIT,
} from '../helpers/assessments';
import { adminClient } from '../helpers/db';

const MODEL = 'social-maturity/v1';
const SMALL_INFORMAL = {
  employeeCount: 10,
  departments: ['MARKETING'],
  culture: 'INFORMAL',
  market: 'B2C',
  locations: 1,
};

describe('assessments (GraphQL)', () => {
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

  const tenantOf = (profile: Record<string, unknown> = SMALL_INFORMAL) =>
    createTenant(t.gql, owner, { profile });

  describe('scoring, checked against domain.md by hand', () => {
    it('scores a small informal company without a team', async () => {
      const tenant = await tenantOf();
      const a = await submitOk(t.gql, owner, tenant, { period: '2026-Q1' });

      // teamNeeded: 10 employees < 50. Applicable: SATISFACTION (3 -> 50), MEASUREMENT (no KPI -> 0),
      // RESPONSIBILITY_COVERAGE (0 of 8, community not applicable), GOVERNANCE (policy, role model 4, monitoring: 75).
      // Overall = (15*50 + 15*0 + 15*0 + 10*75) / 55 = 27.27... -> PRESENCE; the weakest link (0, PLANNING) allows
      // up to ENGAGEMENT, so no cap applies.
      expect(a.modelVersion).toBe(MODEL);
      expect(a.period).toBe('2026-Q1');
      expect(a.overallScore).toBeCloseTo(1500 / 55, 10);
      expect(a.overallScore).not.toBe(Math.round(a.overallScore * 10) / 10); // unrounded
      expect({ band: a.bandStage, stage: a.stage, caps: a.appliedCaps }).toEqual({
        band: 'PRESENCE',
        stage: 'PRESENCE',
        caps: [],
      });
      const byDimension = Object.fromEntries(a.dimensions.map((d: any) => [d.dimension, d]));
      expect(a.dimensions.map((d: any) => d.dimension)).toEqual([
        'TEAM_COMPOSITION',
        'SALES_INVOLVEMENT',
        'OUTSOURCING',
        'SATISFACTION',
        'MEASUREMENT',
        'RESPONSIBILITY_COVERAGE',
        'GOVERNANCE',
      ]);
      for (const na of ['TEAM_COMPOSITION', 'SALES_INVOLVEMENT', 'OUTSOURCING']) {
        expect(byDimension[na]).toMatchObject({ score: null, applicable: false, weight: 0 });
      }
      expect(byDimension.SATISFACTION.score).toBeCloseTo(50, 10);
      expect(byDimension.SATISFACTION.weight).toBeCloseTo(15 / 55, 10);
      expect(byDimension.MEASUREMENT).toMatchObject({ score: 0, applicable: true, rawWeight: 15 });
      expect(byDimension.RESPONSIBILITY_COVERAGE.score).toBe(0);
      expect(byDimension.GOVERNANCE.score).toBeCloseTo(75, 10);
      expect(byDimension.GOVERNANCE.weight).toBeCloseTo(10 / 55, 10);
      expect(byDimension.SALES_INVOLVEMENT.rawWeight).toBe(15); // B2C: no multiplier

      const codes = a.findings.map((f: any) => f.code);
      expect(codes).toEqual(
        expect.arrayContaining(['TEAM_OPTIONAL', 'NO_CRISIS_PLAN', 'UNCOVERED_RESPONSIBILITY']),
      );
      expect(codes).not.toEqual(expect.arrayContaining(['LOW_SATISFACTION']));
      expect(codes).not.toContain('NO_POLICY');
      expect(codes).not.toContain('NO_MONITORING');
      expect(codes).not.toContain('WEAK_MANAGEMENT_SUPPORT');
      expect(a.findings.find((f: any) => f.code === 'TEAM_OPTIONAL').severity).toBe('INFO');
      expect(a.findings.find((f: any) => f.code === 'NO_CRISIS_PLAN').severity).toBe('HIGH');
      const uncovered = a.findings
        .filter((f: any) => f.code === 'UNCOVERED_RESPONSIBILITY')
        .map((f: any) => f.responsibility);
      expect(uncovered).toHaveLength(8);
      expect(uncovered).not.toContain('COMMUNITY_MANAGEMENT');
      const ranks = severityRanks(a.findings);
      expect(ranks).toEqual([...ranks].sort((x, y) => y - x));
      for (const f of a.findings) expect(f.message.length * f.recommendation.length).toBeGreaterThan(0);
      expect(a.facts).toEqual({
        teamNeeded: false,
        inHouseMemberCount: 0,
        outsourcingShare: null,
        applicableResponsibilities: expect.not.arrayContaining(['COMMUNITY_MANAGEMENT']),
      });
      expect(a.answers).toEqual(ANSWERS);
      expect({ current: a.current, preview: a.preview, supersededAt: a.supersededAt }).toEqual({
        current: true,
        preview: false,
        supersededAt: null,
      });
    });

    it('scores a B2B company with a Sales member, agency help and initiatives', async () => {
      const tenant = await tenantOf(DEFAULT_PROFILE); // 300 employees, MARKETING SALES PR IT, HIERARCHICAL, B2B
      await seedFacts(admin, tenant, {
        teams: [
          {
            name: 'Social',
            members: [
              {
                name: 'Anna',
                department: 'MARKETING',
                external: false,
                insight: 4,
                experience: 3,
                affinity: 5,
              },
              { name: 'Bob', department: 'SALES', external: false, insight: 3, experience: 3, affinity: 3 },
              {
                name: 'Carl',
                department: 'MARKETING',
                external: true,
                insight: 5,
                experience: 5,
                affinity: 5,
              },
            ],
          },
        ],
        owners: [
          { responsibility: 'CHANNEL_MANAGEMENT', ownerKind: 'MEMBER', member: 'Anna' },
          { responsibility: 'CONTENT_MARKETING', ownerKind: 'AGENCY' },
          { responsibility: 'AUDIENCE_ENGAGEMENT', ownerKind: 'DEPARTMENT', department: 'SALES' },
          { responsibility: 'REPUTATION_MANAGEMENT', ownerKind: 'MEMBER', member: 'Bob' },
        ],
        initiatives: [
          {
            name: 'LinkedIn leads',
            status: 'ACTIVE',
            ownerDepartment: 'SALES',
            outsourcing: 'NONE',
            satisfaction: 4,
            failureFactors: ['NO_TIME'],
            kpis: [
              { name: 'Leads', kind: 'BUSINESS' },
              { name: 'Followers', kind: 'VANITY' },
            ],
          },
          {
            name: 'Brand campaign',
            status: 'ACTIVE',
            ownerDepartment: 'MARKETING',
            outsourcing: 'PARTIAL',
            satisfaction: 2,
            failureFactors: ['NO_TIME', 'NO_BUDGET'],
            kpis: [{ name: 'Shares', kind: 'ENGAGEMENT' }],
          },
          {
            name: 'Old forum',
            status: 'STOPPED',
            ownerDepartment: 'MARKETING',
            outsourcing: 'FULL',
            satisfaction: 1,
            failureFactors: ['NO_BUDGET'],
            kpis: [],
          },
        ],
      });
      const answers = {
        overallSatisfaction: 4,
        managementSupport: 2,
        hasPolicy: true,
        policyRoleModel: 3,
        hasCrisisPlan: true,
        hasMonitoring: false,
        reportingCadence: 'QUARTERLY',
        communityApplicable: false,
      };
      const a = await submitOk(t.gql, owner, tenant, { period: '2026-11', answers });

      // TEAM_COMPOSITION: in-house Anna (4,3,5 -> 75) and Bob (3,3,3 -> 50): skill 62.5; diversity 2 of min(5, 4)
      //   departments = 50; 0.6*62.5 + 0.4*50 = 57.5 (Carl is agency: not counted).
      // SALES_INVOLVEMENT: Bob is in-house SALES and SALES owns AUDIENCE_ENGAGEMENT: 100, weight 15 x2 (B2B) = 30.
      // OUTSOURCING: units 4 owned + 2 live = 6; agency 1 (CONTENT_MARKETING) + 0.5 (PARTIAL) = 1.5; s = 0.25: 100.
      // SATISFACTION: a = 75; live initiatives' mean (4+2)/2 = 3 -> 50; 0.5*75 + 0.5*50 = 62.5.
      // MEASUREMENT: BUSINESS present, reporting QUARTERLY: 80.
      // RESPONSIBILITY_COVERAGE: 4 of 8: 50.  GOVERNANCE: policy + crisis plan: 50.
      // Overall = (20*57.5 + 30*100 + 10*100 + 15*62.5 + 15*80 + 15*50 + 10*50) / 115 = 8537.5 / 115 = 74.24 ->
      //   STRATEGIC; weakest link 50 (FORMALIZED) allows CONVERGED: no cap.
      const expected: Record<string, number> = {
        TEAM_COMPOSITION: 57.5,
        SALES_INVOLVEMENT: 100,
        OUTSOURCING: 100,
        SATISFACTION: 62.5,
        MEASUREMENT: 80,
        RESPONSIBILITY_COVERAGE: 50,
        GOVERNANCE: 50,
      };
      const rawWeights: Record<string, number> = {
        TEAM_COMPOSITION: 20,
        SALES_INVOLVEMENT: 30,
        OUTSOURCING: 10,
        SATISFACTION: 15,
        MEASUREMENT: 15,
        RESPONSIBILITY_COVERAGE: 15,
        GOVERNANCE: 10,
      };
      for (const d of a.dimensions) {
        expect({ dimension: d.dimension, applicable: d.applicable, rawWeight: d.rawWeight }).toEqual({
          dimension: d.dimension,
          applicable: true,
          rawWeight: rawWeights[d.dimension],
        });
        expect(d.score).toBeCloseTo(expected[d.dimension], 10);
        expect(d.weight).toBeCloseTo(rawWeights[d.dimension] / 115, 10);
      }
      expect(a.overallScore).toBeCloseTo(8537.5 / 115, 10);
      expect({ band: a.bandStage, stage: a.stage, caps: a.appliedCaps }).toEqual({
        band: 'STRATEGIC',
        stage: 'STRATEGIC',
        caps: [],
      });
      expect(a.facts).toEqual({
        teamNeeded: true,
        inHouseMemberCount: 2,
        outsourcingShare: 0.25,
        applicableResponsibilities: [
          'CHANNEL_MANAGEMENT',
          'CONTENT_MARKETING',
          'AUDIENCE_ENGAGEMENT',
          'REPUTATION_MANAGEMENT',
          'INTERNAL_REPORTING',
          'POLICY_ROLE_MODEL',
          'TOOLING',
          'KNOWLEDGE_SHARING',
        ],
      });
      // Fired: 4 uncovered responsibilities, no monitoring, weak management support (2), and NO_TIME and NO_BUDGET
      // named by two initiatives each (the stopped one counts for failure factors).
      const summary = a.findings.map((f: any) => [f.code, f.severity, f.responsibility ?? f.failureFactor]);
      expect(summary).toEqual(
        expect.arrayContaining([
          ['UNCOVERED_RESPONSIBILITY', 'MEDIUM', 'INTERNAL_REPORTING'],
          ['UNCOVERED_RESPONSIBILITY', 'MEDIUM', 'POLICY_ROLE_MODEL'],
          ['UNCOVERED_RESPONSIBILITY', 'MEDIUM', 'TOOLING'],
          ['UNCOVERED_RESPONSIBILITY', 'MEDIUM', 'KNOWLEDGE_SHARING'],
          ['NO_MONITORING', 'MEDIUM', null],
          ['WEAK_MANAGEMENT_SUPPORT', 'MEDIUM', null],
          ['RECURRING_FAILURE_FACTOR', 'LOW', 'NO_TIME'],
          ['RECURRING_FAILURE_FACTOR', 'LOW', 'NO_BUDGET'],
        ]),
      );
      expect(summary).toHaveLength(8);
      const ranks = severityRanks(a.findings);
      expect(ranks).toEqual([...ranks].sort((x, y) => y - x));
    });
  });

  describe('the stored snapshot', () => {
    it('stores the inputs in exactly the ScoringInputs shape, with result, score, stage and model version columns', async () => {
      const tenant = await tenantOf({ ...SMALL_INFORMAL, departments: ['MARKETING', 'SALES'] });
      const ids = await seedFacts(admin, tenant, {
        teams: [
          {
            name: 'Team',
            members: [
              { name: 'Sam', department: 'SALES', external: false, insight: 2, experience: 2, affinity: 2 },
            ],
          },
        ],
        owners: [{ responsibility: 'TOOLING', ownerKind: 'MEMBER', member: 'Sam' }],
        initiatives: [
          {
            name: 'Webinars',
            status: 'PLANNED',
            ownerDepartment: 'SALES',
            outsourcing: 'NONE',
            satisfaction: null,
            failureFactors: [],
            kpis: [{ name: 'Signups', kind: 'BUSINESS' }],
          },
        ],
      });
      const a = await submitOk(t.gql, owner, tenant);
      const { rows } = await admin.query(
        'SELECT tenant_id, inputs, result, overall_score, stage, model_version, submitted_by, request_hash FROM assessments WHERE id = $1',
        [a.id],
      );
      const [row] = rows;
      expect(row.tenant_id).toBe(tenant);
      expect(row.submitted_by).toBe(owner.id);
      expect(row.request_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.inputs).toEqual({
        profile: {
          employeeCount: 10,
          departments: ['MARKETING', 'SALES'],
          culture: 'INFORMAL',
          market: 'B2C',
          locations: 1,
        },
        teams: [
          {
            id: expect.any(String),
            name: 'Team',
            members: [
              {
                id: ids.Sam,
                name: 'Sam',
                department: 'SALES',
                external: false,
                insight: 2,
                experience: 2,
                affinity: 2,
              },
            ],
          },
        ],
        responsibilities: [
          { responsibility: 'TOOLING', ownerKind: 'MEMBER', memberId: ids.Sam, department: null },
        ],
        initiatives: [
          {
            id: expect.any(String),
            name: 'Webinars',
            status: 'PLANNED',
            ownerDepartment: 'SALES',
            outsourcing: 'NONE',
            kpis: [{ name: 'Signups', kind: 'BUSINESS' }],
            satisfaction: null,
            failureFactors: [],
          },
        ],
        answers: ANSWERS,
      });
      expect(row.overall_score).toBe(a.overallScore);
      expect(row.result.overallScore).toBe(a.overallScore);
      expect({ stage: row.stage, version: row.model_version }).toEqual({ stage: a.stage, version: MODEL });
      // Sales: an in-house SALES member who owns a responsibility: 100.
      expect(a.dimensions.find((d: any) => d.dimension === 'SALES_INVOLVEMENT').score).toBe(100);
    });

    it('freezes the facts: later changes leave a stored assessment as it was', async () => {
      const tenant = await tenantOf();
      const a = await submitOk(t.gql, owner, tenant);
      await seedFacts(admin, tenant, {
        owners: [{ responsibility: 'TOOLING', ownerKind: 'DEPARTMENT', department: 'MARKETING' }],
      });
      await admin.query('UPDATE tenants SET employee_count = 5000 WHERE id = $1', [tenant]);
      const q = `query($id: ID!, $answers: AssessmentAnswersInput!) {
        assessment(id: $id) { overallScore facts { teamNeeded } }
        scorePreview(answers: $answers) { overallScore facts { teamNeeded } } }`;
      const res = await t.gql(q, { id: a.id, answers: ANSWERS }, { token: owner.token, tenant });
      expect(res.data.assessment).toEqual({ overallScore: a.overallScore, facts: { teamNeeded: false } });
      expect(res.data.scorePreview.facts.teamNeeded).toBe(true);
      expect(res.data.scorePreview.overallScore).not.toBe(a.overallScore);
    });
  });

  describe('idempotency', () => {
    it('returns the first result for a replay with the same key and body, storing nothing', async () => {
      const tenant = await tenantOf();
      const input = submission({ period: '2026-Q2' });
      const first = await t.gql(SUBMIT, { input }, { token: owner.token, tenant });
      const replay = await t.gql(
        SUBMIT,
        { input: { ...input, answers: { ...input.answers } } },
        { token: owner.token, tenant },
      );
      expect(replay.errors).toBeUndefined();
      expect(replay.data.submitAssessment).toEqual(first.data.submitAssessment);
      expect(await countAssessments(admin, tenant)).toBe(1);
    });

    it('treats an explicit supersede: false or null like the default (same body)', async () => {
      const tenant = await tenantOf();
      const input = submission();
      const first = await t.gql(SUBMIT, { input }, { token: owner.token, tenant });
      for (const supersede of [false, null]) {
        const replay = await t.gql(
          SUBMIT,
          { input: { ...input, supersede } },
          { token: owner.token, tenant },
        );
        expect({ supersede, id: replay.data?.submitAssessment.id }).toEqual({
          supersede,
          id: first.data.submitAssessment.id,
        });
      }
    });

    it('rejects the same key with another body as IDEMPOTENCY_KEY_REUSED, storing nothing', async () => {
      const tenant = await tenantOf();
      const idempotencyKey = newKey();
      await submitOk(t.gql, owner, tenant, { idempotencyKey, period: '2026-Q3' });
      const otherAnswers = await submit(t.gql, owner, tenant, {
        idempotencyKey,
        period: '2026-Q3',
        answers: { hasCrisisPlan: true },
      });
      expect(otherAnswers.code).toBe('IDEMPOTENCY_KEY_REUSED');
      const otherPeriod = await submit(t.gql, owner, tenant, { idempotencyKey, period: '2026-Q4' });
      expect(otherPeriod.code).toBe('IDEMPOTENCY_KEY_REUSED');
      const withSupersede = await submit(t.gql, owner, tenant, {
        idempotencyKey,
        period: '2026-Q3',
        supersede: true,
      });
      expect(withSupersede.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await countAssessments(admin, tenant)).toBe(1);
    });

    it('scopes keys to the tenant', async () => {
      const tenantA = await tenantOf();
      const tenantB = await tenantOf();
      const idempotencyKey = newKey();
      const a = await submitOk(t.gql, owner, tenantA, { idempotencyKey });
      const b = await submitOk(t.gql, owner, tenantB, { idempotencyKey });
      expect(b.id).not.toBe(a.id);
      expect([await countAssessments(admin, tenantA), await countAssessments(admin, tenantB)]).toEqual([
        1, 1,
      ]);
    });

    it('creates exactly one assessment from 20 concurrent replays of one key', async () => {
      const tenant = await tenantOf();
      const input = submission({ period: '2025-Q1' });
      const results = await Promise.all(
        Array.from({ length: 20 }, () => t.gql(SUBMIT, { input }, { token: owner.token, tenant })),
      );
      expect(results.map((r) => r.errors)).toEqual(Array.from({ length: 20 }, () => undefined));
      expect(new Set(results.map((r) => r.data.submitAssessment.id)).size).toBe(1);
      expect(await countAssessments(admin, tenant)).toBe(1);
    });

    it('lets exactly one of 20 concurrent submissions of one period win; the others get CONFLICT', async () => {
      const tenant = await tenantOf();
      const results = await Promise.all(
        Array.from({ length: 20 }, () => submit(t.gql, owner, tenant, { period: '2025-Q2' })),
      );
      const codes = results.map((r) => r.code ?? 'OK').sort();
      expect(codes).toEqual(['OK', ...Array.from({ length: 19 }, () => 'CONFLICT')].sort());
      expect(await countAssessments(admin, tenant)).toBe(1);
    });
  });

  describe('one current assessment per period', () => {
    it('answers CONFLICT to a second assessment of a period, and supersede keeps the first in history', async () => {
      const tenant = await tenantOf();
      const firstKey = newKey();
      const first = await submitOk(t.gql, owner, tenant, { period: '2026-H1', idempotencyKey: firstKey });
      const again = await submit(t.gql, owner, tenant, {
        period: '2026-H1',
        answers: { overallSatisfaction: 5 },
      });
      expect(again.code).toBe('CONFLICT');
      expect(await countAssessments(admin, tenant)).toBe(1);

      const second = await submitOk(t.gql, owner, tenant, {
        period: '2026-H1',
        answers: { overallSatisfaction: 5 },
        supersede: true,
      });
      expect(second.id).not.toBe(first.id);
      expect(second.current).toBe(true);
      expect(await countAssessments(admin, tenant)).toBe(2);
      const stored = await admin.query('SELECT superseded_by, superseded_at FROM assessments WHERE id = $1', [
        first.id,
      ]);
      expect(stored.rows[0].superseded_by).toBe(second.id);
      expect(stored.rows[0].superseded_at).toBeInstanceOf(Date);

      const list = `query($all: Boolean!) { assessments(includeSuperseded: $all) { totalCount edges { node { id current supersededAt } } } }`;
      const current = await t.gql(list, { all: false }, { token: owner.token, tenant });
      expect(current.data.assessments.totalCount).toBe(1);
      expect(current.data.assessments.edges.map((e: any) => e.node.id)).toEqual([second.id]);
      const all = await t.gql(list, { all: true }, { token: owner.token, tenant });
      expect(all.data.assessments.totalCount).toBe(2);
      expect(all.data.assessments.edges.map((e: any) => [e.node.id, e.node.current])).toEqual([
        [second.id, true],
        [first.id, false],
      ]);
      expect(all.data.assessments.edges[1].node.supersededAt).toEqual(expect.any(String));

      // The superseded one stays readable, and a replay of its key still returns it.
      const replay = await submit(t.gql, owner, tenant, { period: '2026-H1', idempotencyKey: firstKey });
      expect(replay.data.submitAssessment).toMatchObject({ id: first.id, current: false });
      const latest = await t.gql(
        `{ tenant { latestAssessment { id previous { id } delta } } }`,
        {},
        { token: owner.token, tenant },
      );
      // The only earlier assessment is superseded: it is history, not the previous one.
      expect(latest.data.tenant.latestAssessment).toEqual({ id: second.id, previous: null, delta: null });
    });

    it('treats supersede without a current assessment of the period as a plain submission', async () => {
      const tenant = await tenantOf();
      const a = await submitOk(t.gql, owner, tenant, { period: '2025', supersede: true });
      expect(a.current).toBe(true);
      expect(await countAssessments(admin, tenant)).toBe(1);
    });
  });

  describe('reading', () => {
    it('links each assessment to the previous current one, with the unrounded delta', async () => {
      const tenant = await tenantOf();
      const q1 = await submitOk(t.gql, owner, tenant, {
        period: '2026-Q1',
        answers: { overallSatisfaction: 2 },
      });
      const q2 = await submitOk(t.gql, owner, tenant, {
        period: '2026-Q2',
        answers: { overallSatisfaction: 5, hasCrisisPlan: true },
      });
      const q = `{ assessments { edges { node { id overallScore delta previous { id overallScore previous { id } } } } } }`;
      const res = await t.gql(q, {}, { token: owner.token, tenant });
      const [newest, oldest] = res.data.assessments.edges.map((e: any) => e.node);
      expect(newest.id).toBe(q2.id);
      expect(newest.previous).toEqual({ id: q1.id, overallScore: q1.overallScore, previous: null });
      expect(newest.delta).toBe(q2.overallScore - q1.overallScore);
      // By hand: +3 satisfaction points = +75 SATISFACTION (x15) and +25 GOVERNANCE (x10), over 55.
      expect(newest.delta).toBeCloseTo((15 * 75 + 10 * 25) / 55, 10);
      expect(oldest).toMatchObject({ id: q1.id, previous: null, delta: null });
    });

    it('pages assessments newest first with cursors', async () => {
      const tenant = await tenantOf();
      const ids: string[] = [];
      for (const period of ['2024', '2025', '2026'])
        ids.push((await submitOk(t.gql, owner, tenant, { period })).id);
      const q = `query($after: String) { assessments(first: 2, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
      const first = await t.gql(q, {}, { token: owner.token, tenant });
      expect(first.data.assessments.totalCount).toBe(3);
      expect(first.data.assessments.edges.map((e: any) => e.node.id)).toEqual([ids[2], ids[1]]);
      expect(first.data.assessments.pageInfo.hasNextPage).toBe(true);
      const second = await t.gql(
        q,
        { after: first.data.assessments.pageInfo.endCursor },
        { token: owner.token, tenant },
      );
      expect(second.data.assessments.edges.map((e: any) => e.node.id)).toEqual([ids[0]]);
      expect(second.data.assessments.pageInfo.hasNextPage).toBe(false);
      const forged = await t.gql(
        q,
        { after: Buffer.from('["x","y"]').toString('base64url') },
        { token: owner.token, tenant },
      );
      expect(forged.code).toBe('BAD_USER_INPUT');
      expect(forged.errors?.[0].extensions.fields).toEqual(['after']);
    });

    it("returns null for another tenant's assessment, an unknown id and a malformed id", async () => {
      const tenantA = await tenantOf();
      const tenantB = await tenantOf();
      const a = await submitOk(t.gql, owner, tenantA);
      const q = `query($id: ID!) { assessment(id: $id) { id } }`;
      expect((await t.gql(q, { id: a.id }, { token: owner.token, tenant: tenantA })).data.assessment).toEqual(
        { id: a.id },
      );
      for (const id of [a.id, randomUUID(), 'not-a-uuid']) {
        const res = await t.gql(q, { id }, { token: owner.token, tenant: tenantB });
        expect({ id, errors: res.errors, assessment: res.data.assessment }).toEqual({
          id,
          errors: undefined,
          assessment: null,
        });
      }
      const list = await t.gql(
        `{ assessments { totalCount } tenant { latestAssessment { id } } }`,
        {},
        { token: owner.token, tenant: tenantB },
      );
      expect(list.data).toEqual({ assessments: { totalCount: 0 }, tenant: { latestAssessment: null } });
    });

    it('refuses to show the assessments of a tenant that is not the selected one', async () => {
      const tenantA = await tenantOf();
      const tenantB = await tenantOf();
      await submitOk(t.gql, owner, tenantB);
      const res = await t.gql(
        `{ myTenants(first: 100) { edges { node { id latestAssessment { id } } } } }`,
        {},
        { token: owner.token, tenant: tenantA },
      );
      expect(res.code).toBe('FORBIDDEN');
      const nodeB = res.data?.myTenants?.edges.find((e: any) => e.node?.id === tenantB);
      expect(nodeB?.node?.latestAssessment ?? null).toBeNull();
    });
  });

  describe('scorePreview', () => {
    it('scores the current facts with the answers, relative to the latest assessment, and stores nothing', async () => {
      const tenant = await tenantOf();
      const stored = await submitOk(t.gql, owner, tenant, { answers: { overallSatisfaction: 1 } });
      const q = `query($answers: AssessmentAnswersInput!) { scorePreview(answers: $answers) { ${ASSESSMENT_FIELDS} delta previous { id } } }`;
      const res = await t.gql(
        q,
        { answers: { ...ANSWERS, overallSatisfaction: 5 } },
        { token: owner.token, tenant },
      );
      expect(res.errors).toBeUndefined();
      const p = res.data.scorePreview;
      expect({ preview: p.preview, current: p.current, modelVersion: p.modelVersion }).toEqual({
        preview: true,
        current: false,
        modelVersion: MODEL,
      });
      expect(p.id).not.toBe(stored.id);
      expect(p.period).toMatch(/^\d{4}-Q[1-4]$/);
      // (15*100 + 10*75) / 55 against (15*0 + 10*75) / 55: 4 satisfaction points more.
      expect(p.overallScore).toBeCloseTo(2250 / 55, 10);
      expect(p.previous).toEqual({ id: stored.id });
      expect(p.delta).toBeCloseTo(1500 / 55, 10);
      expect(await countAssessments(admin, tenant)).toBe(1);
    });

    it('has no previous and no delta before the first assessment', async () => {
      const tenant = await tenantOf();
      const res = await t.gql(
        `query($answers: AssessmentAnswersInput!) { scorePreview(answers: $answers) { overallScore delta previous { id } } }`,
        { answers: ANSWERS },
        { token: owner.token, tenant },
      );
      expect(res.data.scorePreview).toEqual({
        overallScore: expect.any(Number),
        delta: null,
        previous: null,
      });
      expect(await countAssessments(admin, tenant)).toBe(0);
    });
  });

  describe('access', () => {
    it('lets a VIEWER read but not submit; a CONTRIBUTOR submits', async () => {
      const tenant = await tenantOf();
      const viewer = await signUp(t.gql);
      const contributor = await signUp(t.gql);
      await addMember(t.gql, owner, tenant, viewer, 'VIEWER');
      await addMember(t.gql, owner, tenant, contributor, 'CONTRIBUTOR');
      const denied = await submit(t.gql, viewer, tenant);
      expect(denied.code).toBe('FORBIDDEN');
      expect(await countAssessments(admin, tenant)).toBe(0);
      const a = await submitOk(t.gql, contributor, tenant);
      const read = await t.gql(
        `query($id: ID!, $answers: AssessmentAnswersInput!) {
          assessment(id: $id) { id } assessments { totalCount } tenant { latestAssessment { id } growth { points { id } } }
          scorePreview(answers: $answers) { preview } }`,
        { id: a.id, answers: ANSWERS },
        { token: viewer.token, tenant },
      );
      expect(read.errors).toBeUndefined();
      expect(read.data).toEqual({
        assessment: { id: a.id },
        assessments: { totalCount: 1 },
        tenant: { latestAssessment: { id: a.id }, growth: { points: [{ id: a.id }] } },
        scorePreview: { preview: true },
      });
    });

    it('refuses a non-member', async () => {
      const tenant = await tenantOf();
      const stranger = await signUp(t.gql);
      expect((await submit(t.gql, stranger, tenant)).code).toBe('FORBIDDEN');
      expect(
        (await t.gql(`{ assessments { totalCount } }`, {}, { token: stranger.token, tenant })).code,
      ).toBe('FORBIDDEN');
    });
  });

  describe('validation', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['a rating of 0', { answers: { ...ANSWERS, overallSatisfaction: 0 } }, 'answers.overallSatisfaction'],
      ['a rating of 6', { answers: { ...ANSWERS, managementSupport: 6 } }, 'answers.managementSupport'],
      [
        'a rating of 6 for the role model',
        { answers: { ...ANSWERS, policyRoleModel: 6 } },
        'answers.policyRoleModel',
      ],
      ['a missing answer', { answers: { ...ANSWERS, hasPolicy: undefined } }, 'answers.hasPolicy'],
      [
        'an unknown cadence',
        { answers: { ...ANSWERS, reportingCadence: 'YEARLY' } },
        'answers.reportingCadence',
      ],
      ['a bad period', { period: '2026-Q5' }, 'period'],
      ['a period with a day', { period: '2026-11-03' }, 'period'],
      ['an empty idempotency key', { idempotencyKey: '' }, 'idempotencyKey'],
      ['an idempotency key with a newline', { idempotencyKey: 'has\na newline' }, 'idempotencyKey'],
      ['an idempotency key of 256 characters', { idempotencyKey: 'k'.repeat(256) }, 'idempotencyKey'],
    ];

    it.each(cases)(
      'rejects %s with BAD_USER_INPUT naming the field, storing nothing',
      async (_name, change, field) => {
        const tenant = await tenantOf();
        const input = { ...submission(), ...change };
        const res = await t.gql(SUBMIT, { input }, { token: owner.token, tenant });
        expect(res.code).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0].extensions.fields).toEqual([`input.${field}`]);
        expect(await countAssessments(admin, tenant)).toBe(0);
      },
    );

    it('names every offending field at once', async () => {
      const tenant = await tenantOf();
      const input = {
        ...submission({ period: 'Q4' }),
        answers: { ...ANSWERS, overallSatisfaction: 0, managementSupport: 9 },
      };
      const res = await t.gql(SUBMIT, { input }, { token: owner.token, tenant });
      expect(res.code).toBe('BAD_USER_INPUT');
      expect([...(res.errors?.[0].extensions.fields ?? [])].sort()).toEqual(
        ['input.answers.managementSupport', 'input.answers.overallSatisfaction', 'input.period'].sort(),
      );
    });

    it('accepts every period form', async () => {
      const tenant = await tenantOf();
      for (const period of ['2026', '2026-H2', '2026-Q3', '2026-01', '2026-12']) {
        const res = await submit(t.gql, owner, tenant, { period });
        expect({ period, errors: res.errors }).toEqual({ period, errors: undefined });
      }
    });

    it('validates the answers of scorePreview too', async () => {
      const tenant = await tenantOf();
      const res = await t.gql(
        `query($answers: AssessmentAnswersInput!) { scorePreview(answers: $answers) { overallScore } }`,
        { answers: { ...ANSWERS, policyRoleModel: 0 } },
        { token: owner.token, tenant },
      );
      expect(res.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields).toEqual(['answers.policyRoleModel']);
    });
  });

  describe('query cost', () => {
    it('lists 1 or 20 assessments with previous, delta, dimensions and findings in the same number of statements', async () => {
      const one = await tenantOf();
      const twenty = await tenantOf();
      await submitOk(t.gql, owner, one, { period: '2001' });
      for (let year = 2001; year <= 2020; year++)
        await submitOk(t.gql, owner, twenty, { period: String(year) });
      const q = `{ assessments(first: 50) { totalCount edges { node {
        id overallScore delta previous { id overallScore dimensions { score } } dimensions { dimension score } findings { code } } } } }`;
      const small = await t.gql(q, {}, { token: owner.token, tenant: one });
      const large = await t.gql(q, {}, { token: owner.token, tenant: twenty });
      expect(small.errors).toBeUndefined();
      expect(large.errors).toBeUndefined();
      expect(small.data.assessments.edges).toHaveLength(1);
      expect(large.data.assessments.edges).toHaveLength(20);
      expect(large.data.assessments.edges.filter((e: any) => e.node.previous !== null)).toHaveLength(19);
      expect(large.sqlStatements).toBe(small.sqlStatements);
      expect(small.sqlStatements).toBeLessThanOrEqual(8);
    });

    it('submits in a constant number of statements, whatever the size of the facts', async () => {
      const bare = await tenantOf();
      const rich = await tenantOf(DEFAULT_PROFILE);
      const member = (i: number) => ({
        name: `M${i}`,
        department: 'MARKETING',
        external: false,
        insight: 3,
        experience: 3,
        affinity: 3,
      });
      await seedFacts(admin, rich, {
        teams: Array.from({ length: 5 }, (_, team) => ({
          name: `Team ${team}`,
          members: Array.from({ length: 4 }, (_, i) => member(team * 4 + i)),
        })),
        initiatives: Array.from({ length: 8 }, (_, i) => ({
          name: `Initiative ${i}`,
          status: 'ACTIVE',
          ownerDepartment: 'MARKETING',
          outsourcing: 'NONE',
          satisfaction: 3,
          failureFactors: [],
          kpis: [{ name: 'Leads', kind: 'BUSINESS' }],
        })),
      });
      const a = await submit(t.gql, owner, bare);
      const b = await submit(t.gql, owner, rich);
      expect([a.errors, b.errors]).toEqual([undefined, undefined]);
      expect(b.sqlStatements).toBe(a.sqlStatements);
    });
  });
});
