import { createServer, type Server, type Socket, connect } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/config';
import { sqlStatementsOfProcess } from '../../src/database/sql-counter';
import { encodeCursor } from '../../src/graphql/connection';
import { countAssessments, SUBMIT, submission } from '../helpers/assessments';
import { createTenant, DEFAULT_PROFILE, signUp, startTestApp, TEST_ENV, type TestApp, type TestUser } from '../helpers/app';
import { adminClient } from '../helpers/db';
import { freePort } from '../helpers/server-process';
import { testUrls } from '../setup/test-database';

const CREATE_TENANT = `mutation($input: CreateTenantInput!) { createTenant(input: $input) { id name } }`;
const LOG_IN = `mutation($email: String!, $password: String!) { logIn(email: $email, password: $password) { token } }`;

describe('the edge of the API: input, paths and errors', () => {
  let t: TestApp;
  let owner: TestUser;
  let tenant: string;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await signUp(t.gql);
    tenant = await createTenant(t.gql, owner);
  });
  afterAll(() => t.close());

  describe('idempotencyKey: any 1-255 characters without control characters', () => {
    it.each([
      ['acme-q1', '2025-01'],
      ['acme/2026-Q1', '2025-02'],
      ['a', '2025-03'],
      ['with spaces and ünïcode', '2025-04'],
      ['k'.repeat(255), '2025-05'],
      ['🙂'.repeat(255), '2025-06'],
    ])('accepts %p, and replays it', async (key, period) => {
      const first = await t.gql(SUBMIT, { input: submission({ idempotencyKey: key, period }) }, { token: owner.token, tenant });
      expect(first.errors).toBeUndefined();
      const replay = await t.gql(SUBMIT, { input: submission({ idempotencyKey: key, period }) }, { token: owner.token, tenant });
      expect(replay.data.submitAssessment.id).toBe(first.data.submitAssessment.id);
      const other = await t.gql(
        SUBMIT,
        { input: submission({ idempotencyKey: key, period, answers: { overallSatisfaction: 1 } }) },
        { token: owner.token, tenant },
      );
      expect(other.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it.each([
      ['empty', ''],
      ['256 characters', 'k'.repeat(256)],
      ['256 emoji', '🙂'.repeat(256)],
      ['a newline', 'acme\nq1'],
      ['a tab', 'acme\tq1'],
      ['a NUL', 'acme\u0000q1'],
      ['a lone surrogate', 'acme\uD800'],
    ])('refuses %s with BAD_USER_INPUT on input.idempotencyKey, storing nothing', async (_name, key) => {
      const fresh = await createTenant(t.gql, owner);
      const admin = await adminClient();
      try {
        const res = await t.gql(SUBMIT, { input: submission({ idempotencyKey: key }) }, { token: owner.token, tenant: fresh });
        expect(res.code).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0].extensions.fields).toEqual(['input.idempotencyKey']);
        expect(await countAssessments(admin, fresh)).toBe(0);
      } finally {
        await admin.end();
      }
    });

    it('is enforced by the table too', async () => {
      const admin = await adminClient();
      try {
        const { rows } = await admin.query<{ ok: boolean }[]>(
          `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'assessments_idempotency_key_check'`,
        );
        expect(rows).toHaveLength(1);
        const check = (key: string) =>
          admin.query(`SELECT char_length($1::text) BETWEEN 1 AND 255 AND $1::text !~ '[\\u0001-\\u001f\\u007f-\\u009f]' AS ok`, [key]);
        expect((await check('acme/2026-Q1')).rows[0].ok).toBe(true);
        expect((await check('🙂'.repeat(255))).rows[0].ok).toBe(true);
        expect((await check('a\u0085b')).rows[0].ok).toBe(false);
        expect((await check('k'.repeat(256))).rows[0].ok).toBe(false);
      } finally {
        await admin.end();
      }
    });
  });

  describe('extensions.fields names the input path the same way for literals and variables', () => {
    const as = () => ({ token: owner.token, tenant });
    const answersLiteral = (cadence: string) =>
      `{ overallSatisfaction: 3, managementSupport: 4, hasPolicy: true, policyRoleModel: 4, hasCrisisPlan: false,
         hasMonitoring: true, reportingCadence: ${cadence}, communityApplicable: false }`;
    const submitLiteral = (period: string, cadence: string) =>
      `mutation { submitAssessment(input: { period: "${period}", idempotencyKey: "lit-${Math.random()}", answers: ${answersLiteral(cadence)} }) { id } }`;

    it('a bad period: input.period', async () => {
      const variable = await t.gql(SUBMIT, { input: submission({ period: '2026-Q5' }) }, as());
      const literal = await t.gql(submitLiteral('2026-Q5', 'MONTHLY'), {}, as());
      for (const res of [variable, literal]) {
        expect(res.code).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0].extensions.fields).toEqual(['input.period']);
      }
    });

    it('a wrong enum value: input.answers.reportingCadence, with the allowed values', async () => {
      const variable = await t.gql(SUBMIT, { input: submission({ answers: { reportingCadence: 'YEARLY' } }) }, as());
      const literal = await t.gql(submitLiteral('2025-07', 'YEARLY'), {}, as());
      const renamed = await t.gql(
        `mutation($x: SubmitAssessmentInput!) { submitAssessment(input: $x) { id } }`,
        { x: submission({ answers: { reportingCadence: 'YEARLY' } }) },
        as(),
      );
      const nested = await t.gql(
        `mutation($c: ReportingCadence!) { submitAssessment(input: { period: "2025-07", idempotencyKey: "nested-1",
           answers: { overallSatisfaction: 3, managementSupport: 4, hasPolicy: true, policyRoleModel: 4,
             hasCrisisPlan: false, hasMonitoring: true, reportingCadence: $c, communityApplicable: false } }) { id } }`,
        { c: 'YEARLY' },
        as(),
      );
      for (const res of [variable, literal, renamed, nested]) {
        expect(res.code).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0].extensions.fields).toEqual(['input.answers.reportingCadence']);
        expect(res.errors?.[0].message).toMatch(/Allowed values: .*MONTHLY/);
        expect((res.errors?.[0].extensions as { allowed?: string[] }).allowed).toContain('QUARTERLY');
      }
    });

    it('a missing field: input.answers.hasPolicy', async () => {
      const { hasPolicy: _omitted, ...answers } = submission().answers;
      const variable = await t.gql(SUBMIT, { input: { ...submission(), answers } }, as());
      const literal = await t.gql(
        `mutation { submitAssessment(input: { period: "2025-07", idempotencyKey: "missing-1", answers: {
           overallSatisfaction: 3, managementSupport: 4, policyRoleModel: 4, hasCrisisPlan: false,
           hasMonitoring: true, reportingCadence: MONTHLY, communityApplicable: false } }) { id } }`,
        {},
        as(),
      );
      for (const res of [variable, literal]) {
        expect(res.code).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0].extensions.fields).toEqual(['input.answers.hasPolicy']);
      }
    });

    it('createTenant: input.name, input.profile.culture, input.profile.locations', async () => {
      const profileLiteral = (culture: string, locations: number) =>
        `{ employeeCount: 300, departments: [MARKETING], culture: ${culture}, market: B2B, locations: ${locations} }`;
      const cases: [string, Record<string, unknown>, string, string][] = [
        ['input.name', { name: '', profile: DEFAULT_PROFILE }, `mutation { createTenant(input: { name: "", profile: ${profileLiteral('MIXED', 2)} }) { id } }`, ''],
        ['input.profile.culture', { name: 'X', profile: { ...DEFAULT_PROFILE, culture: 'FLAT' } }, `mutation { createTenant(input: { name: "X", profile: ${profileLiteral('FLAT', 2)} }) { id } }`, 'HIERARCHICAL'],
        ['input.profile.locations', { name: 'X', profile: { ...DEFAULT_PROFILE, locations: 0 } }, `mutation { createTenant(input: { name: "X", profile: ${profileLiteral('MIXED', 0)} }) { id } }`, ''],
      ];
      for (const [field, input, literal, allowed] of cases) {
        for (const res of [await t.gql(CREATE_TENANT, { input }, { token: owner.token }), await t.gql(literal, {}, { token: owner.token })]) {
          expect({ field, code: res.code, fields: res.errors?.[0].extensions.fields }).toEqual({ field, code: 'BAD_USER_INPUT', fields: [field] });
          if (allowed) expect(res.errors?.[0].message).toContain(allowed);
        }
      }
    });

    it('a service-side check names the argument too: registerWebhook input.url', async () => {
      const res = await t.gql(
        `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { endpoint { id } } }`,
        { input: { url: 'http://127.0.0.1:1/hook', events: ['ASSESSMENT_SCORED'] } },
        as(),
      );
      expect(res.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields).toEqual(['input.url']);
    });

    it('top-level arguments keep their own name: first, after', async () => {
      for (const res of [
        await t.gql(`{ myTenants(first: 0) { totalCount } }`, {}, { token: owner.token }),
        await t.gql(`query($n: Int) { myTenants(first: $n) { totalCount } }`, { n: 0 }, { token: owner.token }),
      ]) {
        expect(res.errors?.[0].extensions.fields).toEqual(['first']);
      }
    });
  });

  describe('text is checked at the edge, before any SQL', () => {
    it.each([
      ['a NUL', 'Org\u0000'],
      ['a lone surrogate', 'Org \uD83D'],
      ['a control character', 'Org \u0007'],
      ['a C1 control character', 'Org \u009B'],
    ])('createTenant with %s in the name: BAD_USER_INPUT on input.name, nothing run', async (_name, name) => {
      const before = sqlStatementsOfProcess();
      const res = await t.gql(CREATE_TENANT, { input: { name, profile: DEFAULT_PROFILE } }, { token: owner.token });
      expect(res.status).toBe(400);
      expect(res.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields).toEqual(['input.name']);
      expect(sqlStatementsOfProcess() - before).toBe(0);
    });

    it('a NUL written as an escape in a literal is refused the same way', async () => {
      const res = await t.gql(
        `mutation { createTenant(input: { name: "Org\\u0000", profile: { employeeCount: 3, departments: [IT], culture: MIXED, market: B2B, locations: 1 } }) { id } }`,
        {},
        { token: owner.token },
      );
      expect(res.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields).toEqual(['input.name']);
    });

    it('a NUL in the logIn email is BAD_USER_INPUT on email, not an internal error', async () => {
      for (const email of [`${owner.email}\u0000`, '\u0000']) {
        const res = await t.gql(LOG_IN, { email, password: 'correct horse battery' });
        expect(res.code).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0].extensions.fields).toEqual(['email']);
      }
    });

    it('keeps newlines, tabs and astral characters intact', async () => {
      const name = 'Acme\tGmbH\n🙂 Zürich';
      const res = await t.gql(CREATE_TENANT, { input: { name, profile: DEFAULT_PROFILE } }, { token: owner.token });
      expect(res.errors).toBeUndefined();
      expect(res.data.createTenant.name).toBe(name);
    });
  });

  describe("PostgreSQL's errors are mapped, never passed on", () => {
    it.each([
      ['an offset of +99', '2026-11-26 10:44:45.123456+99'],
      ['31 February', '2026-02-31 10:44:45+00'],
    ])('a myTenants / auditTrail cursor with %s is BAD_USER_INPUT on after', async (_name, at) => {
      const after = encodeCursor([at, '3f1c2a7e-8b9d-4c1e-9f00-123456789abc']);
      const mine = await t.gql(`query($after: String) { myTenants(after: $after) { totalCount } }`, { after }, { token: owner.token });
      const audit = await t.gql(`query($after: String) { auditTrail(after: $after) { totalCount } }`, { after }, { token: owner.token, tenant });
      for (const res of [mine, audit]) {
        expect(res.code).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0].extensions.fields).toEqual(['after']);
      }
    });

    it('a deleted account with a valid token is UNAUTHENTICATED everywhere', async () => {
      const gone = await signUp(t.gql);
      const own = await createTenant(t.gql, gone);
      const admin = await adminClient();
      try {
        await admin.query('DELETE FROM users WHERE id = $1', [gone.id]);
      } finally {
        await admin.end();
      }
      const create = await t.gql(CREATE_TENANT, { input: { name: 'After deletion', profile: DEFAULT_PROFILE } }, { token: gone.token });
      const mine = await t.gql(`{ myTenants { totalCount } }`, {}, { token: gone.token });
      const inTenant = await t.gql(`{ tenant { id } }`, {}, { token: gone.token, tenant: own });
      for (const res of [create, mine, inTenant]) {
        expect(res.code).toBe('UNAUTHENTICATED');
      }
    });

    it('says nothing of PostgreSQL in any message', async () => {
      const res = await t.gql(`query($id: ID!) { initiative(id: $id) { id } }`, { id: 'not-a-uuid' }, { token: owner.token, tenant });
      expect(JSON.stringify(res.body)).not.toMatch(/invalid input syntax|uuid:|relation|constraint|violates/);
    });
  });

  describe('over-long documents are a 4xx with a GraphQL error', () => {
    it('a body over BODY_LIMIT_KB: 413 and BAD_USER_INPUT', async () => {
      const res = await request(t.app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query: `{ me { id } }`, variables: { pad: 'x'.repeat(300 * 1024) } });
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ errors: [{ message: expect.any(String), extensions: { code: 'BAD_USER_INPUT' } }] });
    });

    it('a body that is not JSON: 400 and BAD_USER_INPUT', async () => {
      const res = await request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json').send('{"query": ');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    });

    const postQuery = (query: string) =>
      request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json').send({ query });

    it.each([
      ['a document of 200 KB', `{ me { id ${'# padding\n'.repeat(2000)} ${'id '.repeat(60_000)} } }`, /size limit of 65536 bytes/],
      ['over the token limit (3000 tokens, 9 KB)', `{ me { ${'id '.repeat(3000)} } }`, /Token limit of 2000 exceeded/],
      ['over the byte limit with few tokens (100 KB of comments)', `{ me { id ${'# padding padding padding\n'.repeat(4000)} } }`, /size limit/],
      ['over the byte limit in one string literal', `{ tenant(id: "${'x'.repeat(70_000)}") { id } }`, /size limit/],
    ])('%s: HTTP 400 with QUERY_TOO_COMPLEX, nothing run', async (_name, query, message) => {
      const before = sqlStatementsOfProcess();
      const res = await postQuery(query);
      expect(res.status).toBe(400);
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
      expect(res.body.errors[0].message).toMatch(message);
      expect(res.body.errors[0].message).not.toMatch(/^Syntax Error|Internal/);
      expect(sqlStatementsOfProcess() - before).toBe(0);
    });

    it('a document just under the byte limit (60 KB of comments) is answered', async () => {
      const res = await request(t.app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('authorization', `Bearer ${owner.token}`)
        .send({ query: `{ me { id ${'# padding\n'.repeat(6000)} } }` });
      expect(res.status).toBe(200);
      expect(res.body.data.me.id).toBe(owner.id);
    });
  });
});

describe('x-sql-statements is a diagnostic sent only when configured', () => {
  const ask = async (t: TestApp) =>
    request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json').send({ query: '{ __typename }' });

  it('is sent with SQL_STATEMENTS_HEADER=true (the tests turn it on)', async () => {
    const t = await startTestApp();
    try {
      expect((await ask(t)).headers['x-sql-statements']).toBe('0');
    } finally {
      await t.close();
    }
  });

  it('is not sent without the flag', async () => {
    const t = await startTestApp({ SQL_STATEMENTS_HEADER: 'false' });
    try {
      const res = await ask(t);
      expect(res.status).toBe(200);
      expect(res.headers['x-sql-statements']).toBeUndefined();
    } finally {
      await t.close();
    }
  });

  it('is never sent in production, even when asked for', async () => {
    const t = await startTestApp({
      NODE_ENV: 'production',
      SQL_STATEMENTS_HEADER: 'true',
      DATABASE_URL: 'postgres://unused@127.0.0.1/unused',
      APP_DB_PASSWORD: 'unused',
    });
    try {
      const res = await ask(t);
      expect(res.status).toBe(200);
      expect(res.headers['x-sql-statements']).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});

/** A TCP relay to the test database that the test can cut: a database outage without stopping PostgreSQL. */
async function relayTo(target: URL): Promise<{ port: number; cut: () => Promise<void>; restore: () => Promise<void> }> {
  const port = await freePort();
  const targetPort = Number(target.port || 5432);
  const targetHost = target.hostname;
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(targetPort, targetHost);
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const drop = () => {
          client.destroy();
          upstream.destroy();
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
      });
      server.listen(port, '127.0.0.1', () => resolve());
    });
  await listen();
  return {
    port,
    cut: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        sockets.clear();
        if (!server?.listening) return resolve();
        server.close(() => resolve());
      }),
    restore: listen,
  };
}

describe('a database outage', () => {
  let app: INestApplication;
  let relay: Awaited<ReturnType<typeof relayTo>>;
  let owner: TestUser;
  let tenantId: string;
  let assessmentId: string;

  beforeAll(async () => {
    const url = new URL(testUrls().appUrl);
    relay = await relayTo(url);
    url.hostname = '127.0.0.1';
    url.port = String(relay.port);
    app = await createApp(loadConfig({ ...TEST_ENV, DB_POOL_WAIT_MS: '1000' }), url.toString());
    await app.init();
    const signUpRes = await send({
      query: `mutation($input: SignUpInput!) { signUp(input: $input) { token user { id email } } }`,
      variables: { input: { email: `outage-${Date.now()}@example.test`, password: 'correct horse battery', name: 'Outage' } },
    });
    owner = { id: signUpRes.body.data.signUp.user.id, email: signUpRes.body.data.signUp.user.email, token: signUpRes.body.data.signUp.token };
    const created = await send({ query: CREATE_TENANT, variables: { input: { name: 'Outage Org', profile: DEFAULT_PROFILE } } }, owner.token);
    tenantId = created.body.data.createTenant.id as string;
    const submitted = await send({ query: SUBMIT, variables: { input: submission() } }, owner.token).set('x-tenant-id', tenantId);
    assessmentId = submitted.body.data.submitAssessment.id as string;
  });
  afterAll(async () => {
    await relay.cut();
    await app.close();
  });

  const send = (body: object, token?: string) => {
    let req = request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
    if (token) req = req.set('authorization', `Bearer ${token}`);
    return req.send(body);
  };
  const tenantQuery = () => send({ query: '{ tenant { id } }' }, owner.token).set('x-tenant-id', tenantId);
  const expectUnavailable = (res: request.Response) => {
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|terminated|connect|stack/i);
  };
  /** The pool may hand out one connection the cut broke: it is dropped, and the next request gets a new one. */
  const afterRecovery = async (ask: () => request.Test) => {
    const first = await ask();
    return first.status === 200 ? first : ask();
  };

  it('is SERVICE_UNAVAILABLE with HTTP 503 and Retry-After, and the service recovers', async () => {
    await relay.cut();
    try {
      // In the guard (the tenant transaction is opened there), in a public resolver, and in a mutation.
      const down = await tenantQuery();
      const logIn = await send({ query: LOG_IN, variables: { email: 'nobody@example.test', password: 'correct horse battery' } });
      const create = await send({ query: CREATE_TENANT, variables: { input: { name: 'During outage', profile: DEFAULT_PROFILE } } }, owner.token);
      for (const res of [down, logIn, create]) {
        expectUnavailable(res);
        expect(res.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
        expect(res.body.data).toBeUndefined();
      }
    } finally {
      await relay.restore();
    }
    const up = await afterRecovery(tenantQuery);
    expect(up.status).toBe(200);
    expect(up.body.data.tenant.id).toBe(tenantId);
  });

  it('/health answers 503 with Retry-After while the database is down, 200 again after', async () => {
    await relay.cut();
    try {
      const down = await request(app.getHttpServer()).get('/health');
      expectUnavailable(down);
      expect(down.body).toMatchObject({ status: 'error', error: { database: { status: 'down' } } });
    } finally {
      await relay.restore();
    }
    const up = await afterRecovery(() => request(app.getHttpServer()).get('/health'));
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('a REST export answers 503 with SERVICE_UNAVAILABLE and Retry-After, 200 again after', async () => {
    const download = () =>
      request(app.getHttpServer())
        .get(`/exports/assessments/${assessmentId}.json`)
        .set('authorization', `Bearer ${owner.token}`)
        .set('x-tenant-id', tenantId);
    await relay.cut();
    try {
      const down = await download();
      expectUnavailable(down);
      expect(down.body.error.code).toBe('SERVICE_UNAVAILABLE');
      expect(down.headers['content-disposition']).toBeUndefined();
    } finally {
      await relay.restore();
    }
    const up = await afterRecovery(download);
    expect(up.status).toBe(200);
    expect(JSON.parse(up.text).assessment.id).toBe(assessmentId);
  });
});
