import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import request from 'supertest';
import { addMember, createTenant, signUp, startTestApp, type TestApp, type TestUser } from '../helpers/app';
import { insertAssessment, insertMembership, insertTenant } from '../helpers/clients';
import { adminClient } from '../helpers/db';
import { ok } from '../helpers/structure';

const DAY = 86_400_000;
const ANSWERS = {
  overallSatisfaction: 4,
  managementSupport: 2,
  hasPolicy: true,
  policyRoleModel: 4,
  hasCrisisPlan: false,
  hasMonitoring: true,
  reportingCadence: 'MONTHLY',
  communityApplicable: false,
};

describe('exports over HTTP', () => {
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

  function get(path: string, options: { token?: string; tenant?: string } = {}) {
    let req = request(t.app.getHttpServer()).get(path);
    if (options.token) req = req.set('authorization', `Bearer ${options.token}`);
    if (options.tenant) req = req.set('x-tenant-id', options.tenant);
    return req;
  }

  describe('GET /exports/portfolio.csv', () => {
    it('refuses a request without a valid token with 401', async () => {
      const none = await get('/exports/portfolio.csv');
      expect(none.status).toBe(401);
      expect(none.body).toEqual({
        error: { code: 'UNAUTHENTICATED', message: expect.any(String), fields: [] },
      });
      expect(none.headers['content-disposition']).toBeUndefined();
      expect((await get('/exports/portfolio.csv', { token: 'not.a.token' })).status).toBe(401);
    });

    it("downloads the caller's portfolio as CSV, escaped and safe from formula injection", async () => {
      const consultant = await signUp(t.gql, 'Consultant');
      const hostile = await insertTenant(admin, {
        name: `=HYPERLINK("http://evil.test","x")`,
        cadenceDays: 30,
      });
      const quoted = await insertTenant(admin, { name: 'Acme, "The" Company', cadenceDays: 90 });
      const never = await insertTenant(admin, {
        name: '@never assessed',
        cadenceDays: 7,
        createdAt: new Date(Date.now() - 30 * DAY),
      });
      const other = await insertTenant(admin, { name: 'Not mine' });
      for (const tenant of [hostile, quoted, never])
        await insertMembership(admin, tenant, consultant.id, 'CONSULTANT');
      await insertAssessment(admin, other, { overallScore: 99 });
      const earlier = new Date(Date.now() - 100 * DAY);
      const latest = new Date(Date.now() - 40 * DAY);
      await insertAssessment(admin, hostile, { overallScore: 60, submittedAt: earlier });
      await insertAssessment(admin, hostile, { overallScore: 50, submittedAt: latest });
      await insertAssessment(admin, quoted, {
        overallScore: 72.26,
        submittedAt: latest,
        dimensions: {
          TEAM_COMPOSITION: 80,
          SALES_INVOLVEMENT: 70,
          SATISFACTION: 60,
          MEASUREMENT: 50,
          RESPONSIBILITY_COVERAGE: 40,
          GOVERNANCE: 3,
        },
      });

      const res = await get('/exports/portfolio.csv', { token: consultant.token });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="portfolio-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const lines = res.text.split('\r\n');
      expect(lines.at(-1)).toBe('');
      expect(lines[0]).toBe(
        'tenant_id,tenant_name,stage,overall_score,delta,last_assessed_at,due_at,overdue,weakest_dimension,score_drop_alert',
      );
      const due = (from: Date, days: number) => new Date(from.getTime() + days * DAY).toISOString();
      const { rows } = await admin.query<{ created_at: Date }>(
        'SELECT created_at FROM tenants WHERE id = $1',
        [never],
      );
      // Overdue first (the longest overdue at the top), then by due date.
      expect(lines.slice(1, -1)).toEqual([
        `${never},'@never assessed,,,,,${due(rows[0].created_at, 7)},true,,false`,
        `${hostile},"'=HYPERLINK(""http://evil.test"",""x"")",FORMALIZED,50,-10,${latest.toISOString()},${due(latest, 30)},true,TEAM_COMPOSITION,true`,
        `${quoted},"Acme, ""The"" Company",STRATEGIC,72.3,,${latest.toISOString()},${due(latest, 90)},false,GOVERNANCE,false`,
      ]);
    });

    it('is empty but for the header without CONSULTANT memberships', async () => {
      const owner = await signUp(t.gql, 'Owner');
      await createTenant(t.gql, owner);
      const res = await get('/exports/portfolio.csv', { token: owner.token });
      expect(res.status).toBe(200);
      expect(res.text.split('\r\n')).toHaveLength(2);
    });
  });

  describe('GET /exports/assessments/:id.json', () => {
    let owner: TestUser;
    let viewer: TestUser;
    let tenant: string;
    let assessment: string;

    beforeAll(async () => {
      owner = await signUp(t.gql, 'Owner');
      viewer = await signUp(t.gql, 'Viewer');
      tenant = await createTenant(t.gql, owner, { name: 'Exported Ltd' });
      await addMember(t.gql, owner, tenant, viewer, 'VIEWER');
      const submitted = await t.gql(
        `mutation($input: SubmitAssessmentInput!) { submitAssessment(input: $input) { id overallScore stage findings { code } } }`,
        { input: { period: '2026-Q1', answers: ANSWERS, idempotencyKey: `export-${randomUUID()}` } },
        { token: owner.token, tenant },
      );
      assessment = ok(submitted).submitAssessment.id;
    });

    it('downloads the report with inputs, result and findings, for any role (VIEWER included)', async () => {
      const graphql = ok(
        await t.gql(
          `query($id: ID!) { assessment(id: $id) { overallScore stage findings { code severity } dimensions { dimension score } } }`,
          { id: assessment },
          { token: owner.token, tenant },
        ),
      ).assessment;
      const res = await get(`/exports/assessments/${assessment}.json`, { token: viewer.token, tenant });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="assessment-${assessment}.json"`);
      const report = JSON.parse(res.text);
      expect(report).toMatchObject({
        format: 'smt-assessment-report/v1',
        tenant: { id: tenant, name: 'Exported Ltd' },
        assessment: {
          id: assessment,
          period: '2026-Q1',
          current: true,
          overallScore: graphql.overallScore,
          stage: graphql.stage,
        },
        inputs: { answers: ANSWERS, profile: { employeeCount: 300 } },
      });
      expect(
        report.result.dimensions.map((d: { dimension: string; score: number | null }) => [
          d.dimension,
          d.score,
        ]),
      ).toEqual(
        graphql.dimensions.map((d: { dimension: string; score: number | null }) => [d.dimension, d.score]),
      );
      expect(report.findings.map((f: { code: string; severity: string }) => [f.code, f.severity])).toEqual(
        graphql.findings.map((f: { code: string; severity: string }) => [f.code, f.severity]),
      );
      expect(report.findings.map((f: { code: string }) => f.code)).toContain('WEAK_MANAGEMENT_SUPPORT');
    });

    it("answers 404 for another tenant's assessment exactly as for a missing one", async () => {
      const otherOwner = await signUp(t.gql, 'Other owner');
      const other = await createTenant(t.gql, otherOwner);
      const foreign = await insertAssessment(admin, other, { overallScore: 10 });
      const theirs = await get(`/exports/assessments/${foreign}.json`, { token: owner.token, tenant });
      const missing = await get(`/exports/assessments/${randomUUID()}.json`, { token: owner.token, tenant });
      const malformed = await get(`/exports/assessments/not-a-uuid.json`, { token: owner.token, tenant });
      for (const res of [theirs, missing, malformed]) {
        expect(res.status).toBe(404);
        expect(res.body).toEqual({
          error: { code: 'NOT_FOUND', message: 'Assessment not found', fields: [] },
        });
        expect(res.headers['content-disposition']).toBeUndefined();
      }
      // Its own tenant selected, the other owner gets it.
      expect(
        (await get(`/exports/assessments/${foreign}.json`, { token: otherOwner.token, tenant: other }))
          .status,
      ).toBe(200);
    });

    it('needs a token (401), the tenant header (400) and membership (403)', async () => {
      expect((await get(`/exports/assessments/${assessment}.json`, { tenant })).status).toBe(401);
      const noHeader = await get(`/exports/assessments/${assessment}.json`, { token: owner.token });
      expect(noHeader.status).toBe(400);
      expect(noHeader.body.error).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['x-tenant-id'] });
      const outsider = await signUp(t.gql, 'Outsider');
      expect(
        (await get(`/exports/assessments/${assessment}.json`, { token: outsider.token, tenant })).status,
      ).toBe(403);
    });
  });
});
