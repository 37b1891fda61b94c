import { getIntrospectionQuery } from 'graphql';
import type { Client } from 'pg';
import { addMember, createTenant, signUp, startTestApp, type TestApp, type TestUser } from '../helpers/app';
import request from 'supertest';
import { sqlStatementsOfProcess } from '../../src/database/sql-counter';
import { Q1_QUERY } from '../../bench/lib/workloads';
import { Q2_QUERY } from '../../bench/lib/portfolio-workload';
import { countAssessments, submission, SUBMIT } from '../helpers/assessments';
import { GROWTH_ATTACK, insertAssessmentsInBulk, PORTFOLIO_ATTACK } from '../helpers/attacks';
import { insertAssessment, insertMembership, insertTenant } from '../helpers/clients';
import { adminClient } from '../helpers/db';
import { ok } from '../helpers/structure';
import { workspaceOperations } from '../helpers/workspace';

/** Each protection is attacked; each rejection must happen before any SQL runs (x-sql-statements = 0). */
describe('resource limits', () => {
  let t: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    user = await signUp(t.gql);
  });
  afterAll(() => t.close());

  const expectRejectedBeforeSql = async (send: () => Promise<{ code?: string }>, code: string) => {
    const before = sqlStatementsOfProcess();
    const res = await send();
    expect(res.code).toBe(code);
    expect(sqlStatementsOfProcess() - before).toBe(0);
  };

  it('rejects a document deeper than 10 levels', async () => {
    const chain = (n: number) =>
      `{ myTenants { edges { node { latestAssessment { ${'previous { '.repeat(n)}id${' }'.repeat(n)} } } } } }`;
    // depth 5 + n: n = 5 is within the limit of 10, n = 6 is not
    expect((await t.gql(chain(5), {}, { token: user.token })).errors).toBeUndefined();
    await expectRejectedBeforeSql(() => t.gql(chain(6), {}, { token: user.token }), 'QUERY_TOO_COMPLEX');
  });

  it('counts depth through fragments: a fragment adds no level and hides none', async () => {
    const viaFragment = (n: number) =>
      `{ myTenants { ...E } } fragment E on TenantConnection { edges { node { latestAssessment { ${'previous { '.repeat(n)}id${' }'.repeat(n)} } } } }`;
    expect((await t.gql(viaFragment(5), {}, { token: user.token })).errors).toBeUndefined();
    await expectRejectedBeforeSql(() => t.gql(viaFragment(6), {}, { token: user.token }), 'QUERY_TOO_COMPLEX');
  });

  it('holds introspection to the depth limit too, and still answers the standard introspection query', async () => {
    // (graphql-js itself refuses more than three nested fields/inputFields/interfaces/possibleTypes lists)
    const nested = (tail: string) => `{ __schema { directives { args { type { fields { args { type { fields { args { type { ${tail} } } } } } } } } } } }`;
    expect((await t.gql(nested('name'))).code).toBe('QUERY_TOO_COMPLEX'); // depth 11
    const refused = await t.gql(nested('enumValues { name }'));
    expect(refused.code).toBe('QUERY_TOO_COMPLEX');
    expect(refused.errors?.[0].message).toMatch(/depth limit of 10 exceeded, found 12/);
    const typeQuery = (tail: string) => `{ __type(name: "Tenant") { fields { args { type { fields { args { type { ${tail} } } } } } } } }`;
    expect((await t.gql(typeQuery('name'))).errors).toBeUndefined(); // depth 8
    expect((await t.gql(typeQuery('enumValues { name description isDeprecated }'))).errors).toBeUndefined(); // 9
    // graphql-js's (and the landing page's) introspection query: ofType chains unwrap types and add no level
    const standard = await t.gql(getIntrospectionQuery());
    expect(standard.errors).toBeUndefined();
    expect(standard.data.__schema.queryType.name).toBe('Query');
  });

  it('rejects more than 15 aliases', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ');
    await expectRejectedBeforeSql(
      () => t.gql(`{ ${aliases} }`, {}, { token: user.token }),
      'QUERY_TOO_COMPLEX',
    );
  });

  it('rejects too many directives', async () => {
    const directives = Array.from({ length: 11 }, () => '@include(if: true)').join(' ');
    await expectRejectedBeforeSql(
      () => t.gql(`{ me ${directives} { id } }`, {}, { token: user.token }),
      'QUERY_TOO_COMPLEX',
    );
  });

  it('rejects a document over the token limit', async () => {
    const fields = Array.from({ length: 2100 }, () => 'id').join(' ');
    await expectRejectedBeforeSql(
      () => t.gql(`{ me { ${fields} } }`, {}, { token: user.token }),
      'QUERY_TOO_COMPLEX',
    );
  });

  it('caps list arguments at 100 with BAD_USER_INPUT, in literals and variables, nested too', async () => {
    const res = await t.gql(`{ myTenants(first: 101) { totalCount } }`, {}, { token: user.token });
    expect(res.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions.fields).toEqual(['first']);
    await expectRejectedBeforeSql(
      () => t.gql(`{ myTenants(first: 0) { totalCount } }`, {}, { token: user.token }),
      'BAD_USER_INPUT',
    );
    await expectRejectedBeforeSql(
      () =>
        t.gql(`query($n: Int) { myTenants(first: $n) { totalCount } }`, { n: 1000 }, { token: user.token }),
      'BAD_USER_INPUT',
    );
    await expectRejectedBeforeSql(
      () =>
        t.gql(
          `{ tenant { initiatives(first: 500) { totalCount } } }`,
          {},
          { token: user.token, tenant: '00000000-0000-4000-8000-000000000000' },
        ),
      'BAD_USER_INPUT',
    );
    expect(
      (await t.gql(`{ myTenants(first: 100) { totalCount } }`, {}, { token: user.token })).errors,
    ).toBeUndefined();
  });

  it('hides introspection in production', async () => {
    const prod = await startTestApp({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://unused@127.0.0.1/unused',
      APP_DB_PASSWORD: 'unused',
    });
    try {
      const res = await prod.gql(`{ __schema { queryType { name } } }`);
      expect(res.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).toMatch(/introspection/i);
    } finally {
      await prod.close();
    }
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: `{ me { id } }`, variables: { pad: 'x'.repeat(300 * 1024) } });
    expect(res.status).toBe(413);
  });

  it('refuses batched HTTP requests', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${user.token}`)
      .send([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toContain(user.id);
  });

  it('gives no field suggestions', async () => {
    const res = await t.gql(`{ me { emial } }`, {}, { token: user.token });
    expect(res.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).not.toMatch(/Did you mean/);
  });

  it('refuses a simple (CSRF-able) request without a preflight', async () => {
    const res = await request(t.app.getHttpServer()).get('/graphql').query({ query: '{ __typename }' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/CSRF|preflight/i);
  });
});


describe('query cost and response size (issue 13: one request must not kill the server)', () => {
  let t: TestApp;
  let admin: Client;
  let viewer: TestUser;
  let consultant: TestUser;
  /** A tenant with 400 stored assessments, read by a VIEWER. */
  let tenant: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminClient();
    const owner = await signUp(t.gql, 'Owner');
    viewer = await signUp(t.gql, 'Viewer');
    tenant = await createTenant(t.gql, owner);
    await addMember(t.gql, owner, tenant, viewer, 'VIEWER');
    await insertAssessmentsInBulk(admin, tenant, 400);
    consultant = await signUp(t.gql, 'Consultant');
    for (let i = 0; i < 3; i++) {
      const client = await insertTenant(admin);
      await insertMembership(admin, client, consultant.id, 'CONSULTANT');
      await insertAssessment(admin, client, { overallScore: 40 + i });
    }
  });
  afterAll(async () => {
    await admin.end();
    await t.close();
  });

  it('refuses the attack of the issue (15 aliases of growth.points with findings and previous, by a VIEWER, 400 assessments) with QUERY_TOO_COMPLEX before any SQL', async () => {
    expect(await countAssessments(admin, tenant)).toBe(400);
    const before = sqlStatementsOfProcess();
    const res = await t.gql(GROWTH_ATTACK, {}, { token: viewer.token, tenant });
    expect(sqlStatementsOfProcess() - before).toBe(0);
    expect(res.status).toBe(400);
    expect(res.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.data).toBeUndefined();
    const extensions = res.errors?.[0].extensions as unknown as { cost: number; maxCost: number };
    expect(extensions.maxCost).toBe(t.config.queryLimits.maxCost);
    expect(extensions.cost).toBeGreaterThan(extensions.maxCost);
    expect(res.errors?.[0].message).toContain(`Query cost ${extensions.cost} is above the maximum of ${extensions.maxCost}`);
  });

  it('refuses the portfolio x aliases variant before any SQL, and a page size in a variable that multiplies past the maximum', async () => {
    const before = sqlStatementsOfProcess();
    const res = await t.gql(PORTFOLIO_ATTACK, {}, { token: consultant.token });
    expect(res.code).toBe('QUERY_TOO_COMPLEX');
    expect(sqlStatementsOfProcess() - before).toBe(0);
    // every alias is within the page limit; together, with 100 a page, they cost 15 x 100 x (findings of two levels)
    const wide = `query($n: Int) { ${Array.from({ length: 15 }, (_, i) => `a${i}: assessments(first: $n) { edges { node { findings { code } previous { findings { code } } } } }`).join(' ')} }`;
    expect((await t.gql(wide, { n: 1 }, { token: viewer.token, tenant })).errors).toBeUndefined();
    const beforeWide = sqlStatementsOfProcess();
    expect((await t.gql(wide, { n: 100 }, { token: viewer.token, tenant })).code).toBe('QUERY_TOO_COMPLEX');
    expect(sqlStatementsOfProcess() - beforeWide).toBe(0);
  });

  it("accepts the workspace's and the benchmark's queries", async () => {
    const workspace = workspaceOperations();
    ok(await t.gql(workspace.MyTenants, {}, { token: viewer.token }));
    const own = ok(await t.gql(workspace.TenantOverview, {}, { token: viewer.token, tenant }));
    expect(own.tenant.growth.points.length).toBeGreaterThan(0);
    const id = own.tenant.latestAssessment.id as string;
    expect(ok(await t.gql(Q1_QUERY, { id }, { token: viewer.token, tenant })).assessment.id).toBe(id);
    expect(ok(await t.gql(workspace.Portfolio, { sort: 'OVERDUE_FIRST', first: 25 }, { token: consultant.token })).portfolio.entries).toHaveLength(3);
    expect(ok(await t.gql(Q2_QUERY, {}, { token: consultant.token })).portfolio.entries).toHaveLength(3);
  });

  describe('with a response-size ceiling of 1 KB (MAX_RESPONSE_BYTES=1024)', () => {
    let small: TestApp;
    beforeAll(async () => {
      small = await startTestApp({ MAX_RESPONSE_BYTES: '1024' });
    });
    afterAll(() => small.close());

    it('replaces a larger response by QUERY_TOO_COMPLEX naming its size, and sends a smaller one unchanged', async () => {
      const res = await small.gql(workspaceOperations().TenantOverview, {}, { token: viewer.token, tenant });
      expect(res.status).toBe(400);
      expect(res.code).toBe('QUERY_TOO_COMPLEX');
      expect(res.data).toBeUndefined();
      const extensions = res.errors?.[0].extensions as unknown as { responseBytes: number; maxResponseBytes: number };
      expect(extensions.maxResponseBytes).toBe(1024);
      expect(extensions.responseBytes).toBeGreaterThan(1024);
      expect(res.errors?.[0].message).toMatch(/^The response would be \d+ bytes, above the maximum of 1024/);
      const fits = await small.gql(`{ tenant { id name myRole } }`, {}, { token: viewer.token, tenant });
      expect(ok(fits).tenant).toEqual({ id: tenant, name: expect.any(String), myRole: 'VIEWER' });
    });

    it('rolls a mutation with an oversized response back: refused means not stored', async () => {
      const owner = await signUp(small.gql, 'Owner');
      const fresh = await createTenant(small.gql, owner);
      const res = await small.gql(SUBMIT, { input: submission({ period: '2025-Q1' }) }, { token: owner.token, tenant: fresh });
      expect(res.code).toBe('QUERY_TOO_COMPLEX');
      expect(await countAssessments(admin, fresh)).toBe(0);
      // the same submission with a small selection is stored
      const slim = await small.gql(
        `mutation($input: SubmitAssessmentInput!) { submitAssessment(input: $input) { id } }`,
        { input: submission({ period: '2025-Q1' }) },
        { token: owner.token, tenant: fresh },
      );
      expect(ok(slim).submitAssessment.id).toEqual(expect.any(String));
      expect(await countAssessments(admin, fresh)).toBe(1);
    });
  });
});

describe('rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_USER: '5', RATE_LIMIT_SIGN_IN_PER_IP: '3' });
  });
  afterAll(() => t.close());

  it('limits sign-in attempts per IP with RATE_LIMITED, before any SQL', async () => {
    const logIn = `mutation { logIn(email: "nobody@example.test", password: "whatever-password") { token } }`;
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await t.gql(logIn)).code);
    expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
    const before = sqlStatementsOfProcess();
    expect((await t.gql(logIn)).code).toBe('RATE_LIMITED');
    expect(sqlStatementsOfProcess() - before).toBe(0);
  });

  it('limits requests per user', async () => {
    // An existing account (the sign-in limit is used up above): a token of an account that does not exist is
    // UNAUTHENTICATED before any limit applies.
    const admin = await adminClient();
    const { rows } = await admin.query<{ id: string }>(
      `INSERT INTO users (email, name, password_hash) VALUES ($1, 'Limited', 'x') RETURNING id`,
      [`limited-${Date.now()}@example.test`],
    );
    await admin.end();
    const token = await t.app.get((await import('@nestjs/jwt')).JwtService).signAsync({ sub: rows[0].id });
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await t.gql(`{ myTenants { totalCount } }`, {}, { token })).code);
    expect(codes.slice(0, 5)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(codes[5]).toBe('RATE_LIMITED');
  });
});
