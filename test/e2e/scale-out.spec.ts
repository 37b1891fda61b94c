import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { addMember, createTenant, signUp, startTestApp, type TestApp } from '../helpers/app';
import { freePort } from '../helpers/server-process';
import { testUrls } from '../setup/test-database';

/**
 * Issue 21: limits shared by several instances through the machine's Redis (a key prefix per run), failing open
 * when Redis goes away and using it again when it returns; GraphQL queries on a read replica (here a second pool on
 * the same database, so routing and fallback are seen through x-read-from) with mutations on the primary.
 */
const MACHINE_REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const ME = `query { me { id } }`;

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const probe = new Redis(port, '127.0.0.1', { lazyConnect: true, retryStrategy: () => 50, maxRetriesPerRequest: 0 });
  probe.on('error', () => undefined);
  for (let i = 0; i < 100; i++) {
    if (await probe.ping().then(() => true, () => false)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  probe.disconnect();
  return child;
}

async function stopRedis(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** The machine's Redis (a key prefix per run keeps parallel runs apart); a redis-server of our own when it is down. */
async function machineRedisOrOwn(): Promise<{ url: string; own: ChildProcess | null }> {
  const probe = new Redis(MACHINE_REDIS, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined);
  const up = await probe.connect().then(() => probe.ping()).then(() => true, () => false);
  probe.disconnect();
  if (up) return { url: MACHINE_REDIS, own: null };
  const port = await freePort();
  return { url: `redis://127.0.0.1:${port}`, own: await startRedis(port) };
}

describe('limits shared across instances in Redis', () => {
  const prefix = `smt-test-${process.pid}-${randomUUID().slice(0, 8)}:`;
  let a: TestApp;
  let b: TestApp;
  let redis: Redis;
  let own: ChildProcess | null = null;

  beforeAll(async () => {
    const server = await machineRedisOrOwn();
    own = server.own;
    const env = { REDIS_URL: server.url, REDIS_KEY_PREFIX: prefix, RATE_LIMIT_PER_USER: '6', SIGN_IN_MAX_FAILURES: '2' };
    a = await startTestApp(env);
    b = await startTestApp(env);
    redis = new Redis(server.url);
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await a?.close();
    await b?.close();
    if (own) await stopRedis(own);
  });

  it('refuses a user over the per-user limit on every instance once the two instances together reach it', async () => {
    const user = await signUp(a.gql);
    const codes: (string | undefined)[] = [];
    // 6 allowed in all: 3 through each instance, alternating.
    for (let i = 0; i < 6; i++) codes.push((await (i % 2 === 0 ? a : b).gql(ME, {}, { token: user.token })).code);
    expect(codes).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    const overA = await a.gql(ME, {}, { token: user.token });
    const overB = await b.gql(ME, {}, { token: user.token });
    expect([overA.code, overB.code]).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    // The counters are in Redis, under the run's prefix.
    expect(await redis.keys(`${prefix}throttle:{user:user:${user.id}}:*`)).not.toHaveLength(0);
  });

  it('delays an email after its failures through either instance', async () => {
    const user = await signUp(a.gql);
    const logIn = `mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { token } }`;
    expect((await a.gql(logIn, { e: user.email, p: 'wrong password 1' })).code).toBe('UNAUTHENTICATED');
    expect((await b.gql(logIn, { e: user.email, p: 'wrong password 2' })).code).toBe('UNAUTHENTICATED');
    // Two failures in all: the third attempt is refused without looking at the password, on both instances.
    expect((await a.gql(logIn, { e: user.email, p: 'correct horse battery' })).code).toBe('RATE_LIMITED');
    expect((await b.gql(logIn, { e: user.email, p: 'correct horse battery' })).code).toBe('RATE_LIMITED');
  });
});

describe('fail open when Redis goes away, and back to Redis when it returns', () => {
  let port: number;
  let server: ChildProcess;
  let app: TestApp;

  beforeAll(async () => {
    port = await freePort();
    server = await startRedis(port);
    app = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_KEY_PREFIX: 'fo:', RATE_LIMIT_PER_USER: '1000' });
  });

  afterAll(async () => {
    await app?.close();
    if (server.exitCode === null) await stopRedis(server);
  });

  it('keeps serving without Redis and counts in Redis again once it is back', async () => {
    const user = await signUp(app.gql);
    expect((await app.gql(ME, {}, { token: user.token })).code).toBeUndefined();
    await stopRedis(server);
    // Redis is gone: every request is still served (counted in this process's memory).
    for (let i = 0; i < 3; i++) expect((await app.gql(ME, {}, { token: user.token })).code).toBeUndefined();
    server = await startRedis(port);
    const probe = new Redis(port, '127.0.0.1');
    try {
      let counted = false;
      for (let i = 0; i < 100 && !counted; i++) {
        expect((await app.gql(ME, {}, { token: user.token })).code).toBeUndefined();
        counted = (await probe.keys(`fo:throttle:{user:user:${user.id}}:hits`)).length === 1;
        if (!counted) await new Promise((r) => setTimeout(r, 100));
      }
      expect(counted).toBe(true);
    } finally {
      probe.disconnect();
    }
  });

  it('serves when REDIS_URL names a Redis that never answers', async () => {
    const dead = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${await freePort()}`, RATE_LIMIT_PER_USER: '2' });
    try {
      const user = await signUp(dead.gql);
      expect((await dead.gql(ME, {}, { token: user.token })).code).toBeUndefined();
      // The per-instance fallback still limits: 2 per minute here.
      expect((await dead.gql(ME, {}, { token: user.token })).code).toBeUndefined();
      expect((await dead.gql(ME, {}, { token: user.token })).code).toBe('RATE_LIMITED');
    } finally {
      await dead.close();
    }
  });
});

describe('queries on the read replica, mutations on the primary', () => {
  let app: TestApp;

  beforeAll(async () => {
    // A second pool (its own connections) on the same database stands in for the replica.
    app = await startTestApp({ READ_DATABASE_URL: testUrls().appUrl });
  });

  afterAll(() => app?.close());

  it('reads a tenant on the replica with the same tenant protocol, writes on the primary', async () => {
    const owner = await signUp(app.gql);
    const tenant = await createTenant(app.gql, owner);
    const created = await app.gql(`mutation { createTeam(input: { name: "Central" }) { id } }`, {}, { token: owner.token, tenant });
    expect(created.readFrom).toBe('primary');
    const read = await app.gql(`query { tenant { id teams { id } } }`, {}, { token: owner.token, tenant });
    expect(read.errors).toBeUndefined();
    expect(read.readFrom).toBe('replica');
    expect(read.data.tenant.id).toBe(tenant);
    expect(read.data.tenant.teams.map((t: { id: string }) => t.id)).toEqual([created.data.createTeam.id]);
  });

  it('checks the membership on the primary: a removed member is refused at once, and another tenant stays invisible', async () => {
    const owner = await signUp(app.gql);
    const member = await signUp(app.gql);
    const tenant = await createTenant(app.gql, owner);
    const other = await createTenant(app.gql, member);
    await addMember(app.gql, owner, tenant, member, 'VIEWER');
    expect((await app.gql(`query { tenant { id } }`, {}, { token: member.token, tenant })).data.tenant.id).toBe(tenant);
    expect((await app.gql(`mutation($u: ID!) { removeMembership(userId: $u) }`, { u: member.id }, { token: owner.token, tenant })).errors).toBeUndefined();
    const refused = await app.gql(`query { tenant { id } }`, {}, { token: member.token, tenant });
    expect(refused.code).toBe('FORBIDDEN');
    const cross = await app.gql(`query { tenant { id } }`, {}, { token: owner.token, tenant: other });
    expect(cross.code).toBe('FORBIDDEN');
  });

  it('keeps the benchmark (it stores the day\'s release) on the primary', async () => {
    const owner = await signUp(app.gql);
    const tenant = await createTenant(app.gql, owner);
    const res = await app.gql(`query { benchmark { __typename } }`, {}, { token: owner.token, tenant });
    expect(res.readFrom).toBe('primary');
  });

  it('falls back to the primary when the replica cannot be reached', async () => {
    const down = await startTestApp({ READ_DATABASE_URL: `postgres://smt_app:x@127.0.0.1:${await freePort()}/nowhere` });
    try {
      const owner = await signUp(down.gql);
      const tenant = await createTenant(down.gql, owner);
      const res = await down.gql(`query { tenant { id } }`, {}, { token: owner.token, tenant });
      expect(res.errors).toBeUndefined();
      expect(res.data.tenant.id).toBe(tenant);
      expect(res.readFrom).toBe('primary');
    } finally {
      await down.close();
    }
  });
});
