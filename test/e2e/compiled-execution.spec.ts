import type { Client } from 'pg';
import { Q1_QUERY, Q3_MUTATION, Q4_QUERY } from '../../bench/lib/workloads';
import { Q2_QUERY } from '../../bench/lib/portfolio-workload';
import { compiledOperationCount } from '../../src/graphql';
import { createTenant, signUp, startTestApp, type GqlResponse, type TestApp, type TestUser } from '../helpers/app';
import { newKey, submission, submitOk } from '../helpers/assessments';
import { insertAssessment, insertMembership, insertTenant } from '../helpers/clients';
import { adminClient } from '../helpers/db';

/**
 * GraphQL execution compiled per document (graphql/jit-executor.ts, issue 20): a document runs on graphql-js the
 * first time and compiled from then on, and the two must answer alike: the same data, the same errors (codes,
 * fields, paths, locations, messages), the same HTTP status. Each operation is sent twice here and the answers
 * compared; the compile counter shows that the second run took the compiled path.
 */
describe('compiled GraphQL execution answers as graphql-js does', () => {
  let t: TestApp;
  let admin: Client;
  let owner: TestUser;
  let tenant: string;
  let other: string;
  let consultant: TestUser;
  let assessmentId: string;

  beforeAll(async () => {
    t = await startTestApp({ GRAPHQL_COMPILE_AFTER_RUNS: '1' });
    admin = await adminClient();
    owner = await signUp(t.gql, 'Owner');
    tenant = await createTenant(t.gql, owner);
    other = await createTenant(t.gql, await signUp(t.gql, 'Other'));
    assessmentId = (await submitOk(t.gql, owner, tenant, { period: '2026-Q1' })).id;
    await submitOk(t.gql, owner, tenant, { period: '2026-Q2' });
    consultant = await signUp(t.gql, 'Consultant');
    for (const score of [35, 62]) {
      const client = await insertTenant(admin, { name: `Client ${score}` });
      await insertMembership(admin, client, consultant.id, 'CONSULTANT');
      await insertAssessment(admin, client, { overallScore: score });
    }
  });
  afterAll(async () => {
    await admin.end();
    await t.close();
  });

  let sent = 0;

  /**
   * Sends the operation twice (graphql-js, then compiled) and returns both answers. A comment makes each call's
   * text a document of its own (Apollo keeps one parsed document per text), so its first run is never compiled.
   */
  async function twice(text: string, variables: Record<string, unknown>, as: { token: string; tenant?: string }) {
    const query = `${text}\n# call ${++sent}`;
    const before = compiledOperationCount();
    const first = await t.gql(query, variables, as);
    expect(compiledOperationCount()).toBe(before);
    const second = await t.gql(query, variables, as);
    expect(compiledOperationCount()).toBe(before + 1);
    return [first, second] as const;
  }

  const same = (first: GqlResponse, second: GqlResponse) => {
    expect(second.status).toBe(first.status);
    expect(second.body).toEqual(first.body);
  };

  it('Q1: an assessment with its dimensions and findings', async () => {
    const [first, second] = await twice(Q1_QUERY, { id: assessmentId }, { token: owner.token, tenant });
    expect(first.errors).toBeUndefined();
    expect(first.data.assessment.findings.length).toBeGreaterThan(0);
    same(first, second);
  });

  it("Q2: the consultant's portfolio", async () => {
    const [first, second] = await twice(Q2_QUERY, {}, { token: consultant.token });
    expect(first.data.portfolio.entries).toHaveLength(2);
    same(first, second);
  });

  it('Q4: the client page (latest assessment, growth, roadmap, actions, campaigns)', async () => {
    const [first, second] = await twice(Q4_QUERY, {}, { token: owner.token, tenant });
    expect(first.errors).toBeUndefined();
    expect(first.data.tenant.growth.points).toHaveLength(2);
    same(first, second);
  });

  it('an error thrown in a guard keeps its code: a tenant the caller is no member of is FORBIDDEN', async () => {
    const [first, second] = await twice(Q1_QUERY, { id: assessmentId }, { token: owner.token, tenant: other });
    expect(first.code).toBe('FORBIDDEN');
    same(first, second);
  });

  it('an error in a nested field resolver keeps its code and path, and null bubbles up as in graphql-js', async () => {
    const query = `query Partial($after: String) {
      me { id }
      portfolio { totalCount entries(first: 5, after: $after) { tenant { id } } }
    }`;
    const forged = Buffer.from(JSON.stringify(['NAME', 'x', 'y', 'z', 'NOPE', 1, 0])).toString('base64url');
    const [first, second] = await twice(query, { after: forged }, { token: consultant.token });
    expect(first.code).toBe('BAD_USER_INPUT');
    expect(first.body.errors?.[0].path).toEqual(['portfolio', 'entries']);
    // entries and portfolio are non-null: the null reaches the root, as graphql-js propagates it.
    expect(first.body.data).toBeNull();
    same(first, second);
  });

  it('variables that do not coerce are BAD_USER_INPUT naming the input path, compiled or not', async () => {
    const input = { ...submission({ period: '2026-Q3' }), answers: { ...submission().answers, reportingCadence: 'HOURLY' } };
    const [first, second] = await twice(Q3_MUTATION, { input }, { token: owner.token, tenant });
    expect(first.status).toBe(400);
    expect(first.code).toBe('BAD_USER_INPUT');
    expect(first.errors?.[0].extensions.fields).toEqual(['input.answers.reportingCadence']);
    same(first, second);
  });

  it('a mutation refused by validation in the service (BAD_USER_INPUT with fields), stores nothing either way', async () => {
    const input = { ...submission({ period: '2026-Q4' }), idempotencyKey: '' };
    const [first, second] = await twice(Q3_MUTATION, { input }, { token: owner.token, tenant });
    expect(first.code).toBe('BAD_USER_INPUT');
    same(first, second);
    const stored = await admin.query(`SELECT count(*)::int AS n FROM assessments WHERE tenant_id = $1 AND period = '2026-Q4'`, [tenant]);
    expect(stored.rows[0].n).toBe(0);
  });

  it('a mutation: the compiled replay of the same key answers like the first, a new key for the period is CONFLICT', async () => {
    const input = submission({ period: '2025-Q1', idempotencyKey: newKey() });
    const [first, second] = await twice(Q3_MUTATION, { input }, { token: owner.token, tenant });
    expect(first.errors).toBeUndefined();
    same(first, second);
    const conflict = await t.gql(Q3_MUTATION, { input: { ...input, idempotencyKey: newKey() } }, { token: owner.token, tenant });
    expect(conflict.code).toBe('CONFLICT');
    const stored = await admin.query(`SELECT count(*)::int AS n FROM assessments WHERE tenant_id = $1 AND period = '2025-Q1'`, [tenant]);
    expect(stored.rows[0].n).toBe(1);
  });

  it('@include with a variable, aliases and fragments', async () => {
    const query = `query Shapes($full: Boolean!) {
      t: tenant { ...T latest: latestAssessment { id findings @include(if: $full) { code } } }
    }
    fragment T on Tenant { id name }`;
    const [withFindings, compiled] = await twice(query, { full: true }, { token: owner.token, tenant });
    same(withFindings, compiled);
    const without = await t.gql(query, { full: false }, { token: owner.token, tenant });
    expect(without.data.t.latest.findings).toBeUndefined();
    expect(without.data.t.id).toBe(tenant);
  });
});
