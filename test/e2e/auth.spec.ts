import { createHmac, randomUUID } from 'node:crypto';
import { promises as fs, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import * as jwt from 'jsonwebtoken';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/config';
import { signUp, startTestApp, TEST_ENV, type TestApp, type TestUser } from '../helpers/app';
import { testUrls } from '../setup/test-database';

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
    const login = await t.gql(
      `mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { token user { id } } }`,
      {
        e: user.email.toUpperCase(),
        p: 'correct horse battery',
      },
    );
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
      [
        'expired',
        () =>
          jwt.sign({ ...valid(), exp: Math.floor(Date.now() / 1000) - 60 }, secret, { algorithm: 'HS256' }),
      ],
      ['without exp (valid for ever)', () => jwt.sign(valid(), secret, { algorithm: 'HS256' })],
      [
        'without iat (its age is unknown)',
        () =>
          jwt.sign({ ...valid(), exp: Math.floor(Date.now() / 1000) + 3600 }, secret, {
            algorithm: 'HS256',
            noTimestamp: true,
          }),
      ],
      [
        'issued longer ago than the configured lifetime',
        () => {
          const iat = Math.floor(Date.now() / 1000) - 13 * 3600;
          return jwt.sign({ ...valid(), iat, exp: iat + 365 * 86_400 }, secret, { algorithm: 'HS256' });
        },
      ],
      [
        'wrongly signed',
        () => jwt.sign(valid(), 'another-secret-another-secret-another-secret', { algorithm: 'HS256' }),
      ],
      [
        'alg none',
        () => `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ ...valid(), exp: 9999999999 })}.`,
      ],
      [
        'tampered payload',
        () => {
          const [h, , s] = jwt.sign(valid(), secret, { algorithm: 'HS256', expiresIn: 3600 }).split('.');
          return `${h}.${b64url({ ...valid(), sub: '00000000-0000-4000-8000-000000000000', exp: 9999999999 })}.${s}`;
        },
      ],
      [
        'wrong issuer',
        () => jwt.sign({ ...valid(), iss: 'someone-else' }, secret, { algorithm: 'HS256', expiresIn: 3600 }),
      ],
      [
        'wrong audience',
        () => jwt.sign({ ...valid(), aud: 'someone-else' }, secret, { algorithm: 'HS256', expiresIn: 3600 }),
      ],
      [
        'HS512 instead of the pinned HS256',
        () => jwt.sign(valid(), secret, { algorithm: 'HS512', expiresIn: 3600 }),
      ],
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

  describe('failed sign-ins per email', () => {
    const logIn = `mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { token } }`;
    const attempt = async (email: string, password: string) => {
      const res = await t.gql(logIn, { e: email, p: password });
      return {
        code: res.code ?? 'OK',
        message: res.errors?.[0].message,
        retryAfter: (res.errors?.[0].extensions as { retryAfterSeconds?: number } | undefined)
          ?.retryAfterSeconds,
      };
    };

    it('after 5 failures refuses every attempt with RATE_LIMITED and a retry-after, the right password too', async () => {
      const victim = await signUp(t.gql, 'Victim');
      const answers = [];
      for (let i = 0; i < 5; i++)
        answers.push((await attempt(victim.email, `guess ${i} of the attacker`)).code);
      expect(answers).toEqual(Array(5).fill('UNAUTHENTICATED'));
      const refused = await attempt(victim.email, 'another guess');
      expect(refused).toEqual({
        code: 'RATE_LIMITED',
        message: expect.stringMatching(/failed sign-ins/),
        retryAfter: 30,
      });
      // The owner's correct password is refused as well: a guess that happens to be right learns nothing.
      expect((await attempt(victim.email.toUpperCase(), 'correct horse battery')).code).toBe('RATE_LIMITED');
    });

    it('answers an unknown email exactly as an existing one (no account enumeration)', async () => {
      const existing = await signUp(t.gql, 'Existing');
      const unknown = `nobody-${randomUUID()}@example.test`;
      const run = async (email: string) => {
        const out = [];
        for (let i = 0; i < 7; i++) out.push(await attempt(email, 'wrong password!'));
        return out;
      };
      const [a, b] = [await run(existing.email), await run(unknown)];
      expect(a).toEqual(b);
      expect(a.map((x) => x.code)).toEqual([
        ...Array(5).fill('UNAUTHENTICATED'),
        'RATE_LIMITED',
        'RATE_LIMITED',
      ]);
    });

    it('a success resets the count', async () => {
      const member = await signUp(t.gql, 'Typo');
      for (let i = 0; i < 4; i++) expect((await attempt(member.email, 'typo')).code).toBe('UNAUTHENTICATED');
      expect((await attempt(member.email, 'correct horse battery')).code).toBe('OK');
      for (let i = 0; i < 4; i++) expect((await attempt(member.email, 'typo')).code).toBe('UNAUTHENTICATED');
      expect((await attempt(member.email, 'correct horse battery')).code).toBe('OK');
    });
  });
});

describe('without JWT_SECRET', () => {
  const OLD_DEVELOPMENT_DEFAULT = 'dev-only-secret-change-me-dev-only-secret-change-me';
  const { JWT_SECRET: _unused, ...envWithoutSecret } = TEST_ENV;
  let dataDir: string;
  const apps: INestApplication[] = [];

  /** The application as `npm start` builds it on the embedded data folder `dataDir`, without a JWT_SECRET. */
  const start = async () => {
    const config = loadConfig({ ...envWithoutSecret, EMBEDDED_PG_DIR: path.join(dataDir, 'postgres') });
    const app = await createApp(config, testUrls().appUrl);
    await app.init();
    apps.push(app);
    const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
      let req = request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
      if (token) req = req.set('authorization', `Bearer ${token}`);
      const res = await req.send({ query, variables });
      return res.body as { data?: any; errors?: { extensions: { code: string } }[] };
    };
    return { app, gql };
  };

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'smt-auth-secret-'));
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a token forged with the old constant development default, accepts its own, and keeps its secret across a restart', async () => {
    const first = await start();
    const email = `user-${randomUUID()}@example.test`;
    const signedUp = await first.gql(
      `mutation($i: SignUpInput!) { signUp(input: $i) { token user { id } } }`,
      {
        i: { email, password: 'correct horse battery', name: 'Ada' },
      },
    );
    const { token, user } = signedUp.data.signUp as { token: string; user: { id: string } };
    const me = `{ me { id } }`;
    expect((await first.gql(me, {}, token)).data.me.id).toBe(user.id);

    const forged = jwt.sign({ sub: user.id, iss: ISSUER, aud: AUDIENCE }, OLD_DEVELOPMENT_DEFAULT, {
      algorithm: 'HS256',
      expiresIn: 3600,
    });
    const attack = await first.gql(me, {}, forged);
    expect(attack.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(attack.data ?? null).toBeNull();

    const file = path.join(dataDir, 'postgres.jwt-secret');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    await first.app.close();
    const second = await start();
    expect((await second.gql(me, {}, token)).data.me.id).toBe(user.id);
  });
});
