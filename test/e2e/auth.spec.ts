import { createHmac } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
import { signUp, startTestApp, TEST_ENV, type TestApp, type TestUser } from '../helpers/app';

const ISSUER = 'social-maturity-api';
const AUDIENCE = 'social-maturity-clients';

function b64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('authentication (GraphQL)', () => {
  let t: TestApp;
  let user: TestUser;
  const me = `{ me { id email name } }`;

  beforeAll(async () => {
    t = await startTestApp();
    user = await signUp(t.gql, 'Ada');
  });
  afterAll(() => t.close());

  it('signs up, logs in (email case-insensitive) and reads me', async () => {
    const res = await t.gql(me, {}, { token: user.token });
    expect(res.data.me).toEqual({ id: user.id, email: user.email, name: 'Ada' });
    const login = await t.gql(`mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { token user { id } } }`, {
      e: user.email.toUpperCase(),
      p: 'correct horse battery',
    });
    expect(login.data.logIn.user.id).toBe(user.id);
    expect((await t.gql(me, {}, { token: login.data.logIn.token })).data.me.id).toBe(user.id);
  });

  it('refuses a second account with the same email', async () => {
    const res = await t.gql(`mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, {
      i: { email: user.email, password: 'another password', name: 'Eve' },
    });
    expect(res.code).toBe('CONFLICT');
  });

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const q = `mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { token } }`;
    const wrong = await t.gql(q, { e: user.email, p: 'wrong password!' });
    const unknown = await t.gql(q, { e: 'nobody@example.test', p: 'wrong password!' });
    expect(wrong.code).toBe('UNAUTHENTICATED');
    expect(unknown.code).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0].message).toBe(unknown.errors?.[0].message);
  });

  it('stores passwords as argon2id hashes', async () => {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: process.env.SMT_TEST_ADMIN_URL });
    await client.connect();
    const { rows } = await client.query('SELECT password_hash FROM users WHERE id = $1', [user.id]);
    await client.end();
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  describe('rejects bad tokens with UNAUTHENTICATED', () => {
    const secret = TEST_ENV.JWT_SECRET;
    const valid = () => ({ sub: user.id, iss: ISSUER, aud: AUDIENCE });
    const cases: [string, () => string | null][] = [
      ['missing', () => null],
      ['malformed', () => 'not-a-jwt'],
      ['expired', () => jwt.sign({ ...valid(), exp: Math.floor(Date.now() / 1000) - 60 }, secret, { algorithm: 'HS256' })],
      ['wrongly signed', () => jwt.sign(valid(), 'another-secret-another-secret-another-secret', { algorithm: 'HS256' })],
      ['alg none', () => `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ ...valid(), exp: 9999999999 })}.`],
      [
        'tampered payload',
        () => {
          const [h, , s] = jwt.sign(valid(), secret, { algorithm: 'HS256', expiresIn: 3600 }).split('.');
          return `${h}.${b64url({ ...valid(), sub: '00000000-0000-4000-8000-000000000000', exp: 9999999999 })}.${s}`;
        },
      ],
      ['wrong issuer', () => jwt.sign({ ...valid(), iss: 'someone-else' }, secret, { algorithm: 'HS256', expiresIn: 3600 })],
      ['wrong audience', () => jwt.sign({ ...valid(), aud: 'someone-else' }, secret, { algorithm: 'HS256', expiresIn: 3600 })],
      ['HS512 instead of the pinned HS256', () => jwt.sign(valid(), secret, { algorithm: 'HS512', expiresIn: 3600 })],
      [
        'a subject that is not a user id',
        () => jwt.sign({ ...valid(), sub: 'admin' }, secret, { algorithm: 'HS256', expiresIn: 3600 }),
      ],
      [
        'hand-made HS256 with a forged secret',
        () => {
          const body = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ ...valid(), exp: 9999999999 })}`;
          return `${body}.${createHmac('sha256', 'guess').update(body).digest('base64url')}`;
        },
      ],
    ];
    it.each(cases)('%s', async (_name, make) => {
      const token = make();
      const res = await t.gql(me, {}, token ? { token } : {});
      expect(res.code).toBe('UNAUTHENTICATED');
      expect(res.data ?? null).toBeNull();
    });

    it('accepts a correctly made token (the cases above fail for their own reason)', async () => {
      const token = jwt.sign(valid(), secret, { algorithm: 'HS256', expiresIn: 3600 });
      expect((await t.gql(me, {}, { token })).data.me.id).toBe(user.id);
    });
  });

  it('never shows a stack trace outside development', async () => {
    const res = await t.gql(me, {}, { token: 'not-a-jwt' });
    expect(JSON.stringify(res.body)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });
});
