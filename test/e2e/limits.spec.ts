import { signUp, startTestApp, type TestApp, type TestUser } from '../helpers/app';
import request from 'supertest';
import { sqlStatementsOfProcess } from '../../src/database/sql-counter';
import { adminClient } from '../helpers/db';

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
