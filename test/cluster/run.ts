/**
 * npm run test:cluster (issue 21): the scale-out of docs/scaling.md, run for real on loopback.
 *
 *   PostgreSQL primary (:55441) --streaming--> hot standby made with pg_basebackup (:55442)
 *   Redis (:55443, its own redis-server)      three API instances (:55451-55453, built dist/)
 *   HAProxy (:55450, Debian's package; installed when missing) in front, round robin, health checks on /health
 *
 * A bounded load (6 tenant clients x 20 submissions, each followed by a read-your-writes read and a tenant read,
 * one round every ~2 s, loopback only) runs through HAProxy while: one instance is SIGKILLed, the replica is
 * stopped and restarted, Redis is stopped for a few seconds. Afterwards it checks: every acknowledged submission
 * exists exactly once, no read returned another tenant's data, every read right after a client's own submission
 * saw it, a client over the per-IP limit is refused through every instance, an email's sign-in failures count
 * across instances, every webhook event was delivered once, and the surviving instances served throughout. It
 * prints a report and exits non-zero on any failed check. Runs as root (PostgreSQL as the postgres OS user) or as
 * the postgres user. Binaries: PG_BIN (default /usr/lib/postgresql/15/bin).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import pg from 'pg';

// npm runs scripts from the package root.
const ROOT = process.cwd();
const DATA = path.join(ROOT, '.data/cluster');
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const portsFor = (base: number) => ({
  primary: base + 1,
  replica: base + 2,
  redis: base + 3,
  haproxy: base + 10,
  apis: [base + 11, base + 12, base + 13],
});
/** Set in main() to the first block of ports that is free (choosePorts). */
let PORTS = portsFor(Number(process.env.CLUSTER_PORT_BASE ?? 55440));
const TENANTS = 6;
const SUBMISSIONS_PER_TENANT = 20;
const ROUND_MS = 2000;
const PER_IP_LIMIT = 150;
const SIGN_IN_MAX_FAILURES = 3;
const APP_PASSWORD = 'cluster-app-password';
const ANSWERS = {
  overallSatisfaction: 3,
  managementSupport: 4,
  hasPolicy: true,
  policyRoleModel: 4,
  hasCrisisPlan: false,
  hasMonitoring: true,
  reportingCadence: 'MONTHLY',
  communityApplicable: false,
};

const children: ChildProcess[] = [];
const t0 = Date.now();
const log = (line: string) =>
  console.log(`[cluster ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)}s] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL binary as the postgres OS user. */
function pgRun(bin: string, args: string[]): string {
  const [cmd, argv] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', path.join(PG_BIN, bin), ...args]]
    : [path.join(PG_BIN, bin), args];
  return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function pgStart(dir: string, port: number): void {
  pgRun('pg_ctl', [
    '-D',
    dir,
    '-l',
    `${dir}.log`,
    '-w',
    '-t',
    '60',
    '-o',
    `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=/tmp`,
    'start',
  ]);
}

function pgStop(dir: string, mode: 'fast' | 'immediate' = 'fast'): void {
  try {
    pgRun('pg_ctl', ['-D', dir, '-m', mode, '-w', 'stop']);
  } catch {
    // not running
  }
}

function ensureHaproxy(): void {
  try {
    execFileSync('haproxy', ['-v'], { stdio: 'ignore' });
  } catch {
    log('haproxy missing: apt-get install -y haproxy');
    execFileSync('apt-get', ['install', '-y', 'haproxy'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
}

/** The ports of `ports` that something on this machine already listens on (or holds). */
async function takenOf(ports: number[]): Promise<number[]> {
  const taken: number[] = [];
  for (const port of ports) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (!free) taken.push(port);
  }
  return taken;
}

/**
 * The cluster's ports: CLUSTER_PORT_BASE's block when given (and free), else the first free block of 55440, 55540,
 * ... 56340, so a second run on the machine (another clone's CI, a forgotten process) moves aside instead of
 * colliding. Fails before anything starts when none is free, naming the taken ports and, when ss can tell, their
 * holders.
 */
async function choosePorts(): Promise<ReturnType<typeof portsFor>> {
  const all = (p: ReturnType<typeof portsFor>) => [p.primary, p.replica, p.redis, p.haproxy, ...p.apis];
  const given = process.env.CLUSTER_PORT_BASE;
  const bases = given ? [Number(given)] : Array.from({ length: 10 }, (_, i) => 55440 + 100 * i);
  let taken: number[] = [];
  for (const base of bases) {
    taken = await takenOf(all(portsFor(base)));
    if (taken.length === 0) {
      if (base !== bases[0]) log(`ports of ${bases[0]}+ taken; using ${base}+`);
      return portsFor(base);
    }
  }
  let holders: string;
  try {
    holders = execFileSync('ss', ['-Htanp', `( ${taken.map((p) => `sport = :${p}`).join(' or ')} )`], { encoding: 'utf8' });
  } catch {
    holders = '(ss could not tell)';
  }
  throw new Error(`cluster ports already in use: ${taken.join(', ')} (CLUSTER_PORT_BASE moves them):\n${holders}`);
}

function startRedis(): ChildProcess {
  const child = spawn(
    'redis-server',
    ['--port', String(PORTS.redis), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  children.push(child);
  return child;
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await probe().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`${what} did not come up within ${timeoutMs} ms`);
}

interface Api {
  name: string;
  port: number;
  child: ChildProcess;
  output: () => string;
}

function startApi(index: number, env: Record<string, string>): Api {
  const port = PORTS.apis[index];
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/src/main.js')], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  child.stderr?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  return { name: `api${index + 1}`, port, child, output: () => out };
}

/**
 * Waits for an instance's /health; fails at once when the process exits, and either way puts the instance's own
 * output (its stack trace, a port it could not bind) and the last probe's answer into the error.
 */
async function waitForApi(api: Api, timeoutMs = 120_000): Promise<void> {
  let lastProbe = 'no answer yet';
  const exited = new Promise<never>((_, reject) =>
    api.child.once('exit', (code, signal) =>
      reject(new Error(`${api.name} exited (code ${code}, signal ${signal}) before /health answered`)),
    ),
  );
  const probe = async (): Promise<boolean> => {
    try {
      const res = await fetch(`http://127.0.0.1:${api.port}/health`, { signal: AbortSignal.timeout(5000) });
      lastProbe = `${res.status} ${(await res.text()).slice(0, 300)}`;
      return res.ok;
    } catch (e) {
      lastProbe = String((e as { cause?: unknown }).cause ?? e);
      return false;
    }
  };
  try {
    await Promise.race([waitFor(api.name, probe, timeoutMs), exited]);
  } catch (e) {
    throw new Error(
      `${e instanceof Error ? e.message : String(e)}; last /health probe: ${lastProbe}; its output (tail):\n${api.output().slice(-4000)}`,
      {
        cause: e,
      },
    );
  } finally {
    exited.catch(() => undefined);
  }
}

interface Answer {
  status: number;
  body: { data?: Record<string, any>; errors?: { message: string; extensions?: { code?: string } }[] };
  servedBy: string;
  readFrom: string;
}

async function post(
  port: number,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<Answer> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await res.json()) as Answer['body'];
  return {
    status: res.status,
    body,
    servedBy: res.headers.get('x-served-by') ?? '?',
    readFrom: res.headers.get('x-read-from') ?? '?',
  };
}

/** Every attempt through HAProxy, for the report. */
interface Attempt {
  at: number;
  ok: boolean;
  servedBy: string;
  readFrom: string;
  kind: 'write' | 'read';
}
const attempts: Attempt[] = [];

/** Through HAProxy, retried (same variables, so the same idempotency key) until an answer that is not a failure. */
async function call(
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
  kind: 'write' | 'read',
): Promise<Answer> {
  let last = '';
  for (let i = 0; i < 200; i++) {
    try {
      const answer = await post(PORTS.haproxy, query, variables, headers);
      const code = answer.body.errors?.[0]?.extensions?.code;
      const ok = answer.status < 500 && code !== 'INTERNAL_SERVER_ERROR' && code !== 'SERVICE_UNAVAILABLE';
      attempts.push({ at: Date.now(), ok, servedBy: answer.servedBy, readFrom: answer.readFrom, kind });
      if (ok) return answer;
      last = `${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
    } catch (e) {
      attempts.push({ at: Date.now(), ok: false, servedBy: 'none', readFrom: '?', kind });
      last = String(e);
    }
    await sleep(100);
  }
  throw new Error(`no answer after 200 attempts: ${last}`);
}

function ok(answer: Answer): Record<string, any> {
  if (answer.body.errors || !answer.body.data)
    throw new Error(`unexpected errors: ${JSON.stringify(answer.body)}`);
  return answer.body.data;
}

class Receiver {
  readonly deliveries: { eventId: string; deliveryId: string; tenantId: string }[] = [];
  private server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string; tenantId: string };
      this.deliveries.push({
        eventId: body.id,
        deliveryId: String(req.headers['x-smt-delivery']),
        tenantId: body.tenantId,
      });
      res.end('ok');
    });
  });

  async listen(): Promise<number> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return (this.server.address() as AddressInfo).port;
  }

  close(): void {
    this.server.close();
  }
}

interface Fault {
  name: string;
  from: number;
  to: number;
}

async function main(): Promise<void> {
  const failures: string[] = [];
  const check = (condition: boolean, what: string) => {
    log(`${condition ? 'PASS' : 'FAIL'} ${what}`);
    if (!condition) failures.push(what);
  };
  if (!existsSync(path.join(ROOT, 'dist/src/main.js')))
    throw new Error('dist/src/main.js missing: run nest build first');
  ensureHaproxy();
  PORTS = await choosePorts();

  // --- PostgreSQL primary and hot standby ---
  const primaryDir = path.join(DATA, 'primary');
  const replicaDir = path.join(DATA, 'replica');
  pgStop(primaryDir, 'immediate');
  pgStop(replicaDir, 'immediate');
  rmSync(DATA, { recursive: true, force: true });
  mkdirSync(DATA, { recursive: true });
  if (asRoot) execFileSync('chown', ['postgres:postgres', DATA]);
  pgRun('initdb', ['-D', primaryDir, '-U', 'postgres', '-A', 'trust', '--no-sync']);
  pgRun('pg_ctl', [
    '-D',
    primaryDir,
    '-l',
    `${primaryDir}.log`,
    '-w',
    '-t',
    '60',
    '-o',
    `-p ${PORTS.primary} -c listen_addresses=127.0.0.1 -c unix_socket_directories=/tmp -c wal_level=replica -c max_wal_senders=5 -c fsync=off -c max_connections=100`,
    'start',
  ]);
  const adminUrl = `postgres://postgres@127.0.0.1:${PORTS.primary}/smt`;
  const bootstrap = new pg.Client({
    connectionString: `postgres://postgres@127.0.0.1:${PORTS.primary}/postgres`,
  });
  await bootstrap.connect();
  await bootstrap.query('CREATE DATABASE smt');
  await bootstrap.end();
  pgRun('pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(PORTS.primary),
    '-U',
    'postgres',
    '-D',
    replicaDir,
    '-R',
    '-X',
    'stream',
    '-c',
    'fast',
  ]);
  pgStart(replicaDir, PORTS.replica);
  log(
    `PostgreSQL ${pgRun('postgres', ['--version']).trim()}: primary :${PORTS.primary}, hot standby :${PORTS.replica} (pg_basebackup -R)`,
  );

  // --- Redis, the webhook receiver, three instances, HAProxy ---
  let redis = startRedis();
  const receiver = new Receiver();
  const receiverPort = await receiver.listen();
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(32).toString('base64url'),
    DATABASE_URL: adminUrl,
    APP_DB_PASSWORD: APP_PASSWORD,
    READ_DATABASE_URL: `postgres://postgres@127.0.0.1:${PORTS.replica}/smt`,
    REDIS_URL: `redis://127.0.0.1:${PORTS.redis}`,
    REDIS_KEY_PREFIX: `cluster-${process.pid}:`,
    TRUST_PROXY: 'loopback',
    RATE_LIMIT_PER_IP: String(PER_IP_LIMIT),
    RATE_LIMIT_PER_USER: '100000',
    RATE_LIMIT_SIGN_IN_PER_IP: '100000',
    SIGN_IN_MAX_FAILURES: String(SIGN_IN_MAX_FAILURES),
    WEBHOOKS_DISPATCHER: 'on',
    WEBHOOKS_ALLOW_PRIVATE: 'true',
    WEBHOOKS_POLL_INTERVAL_MS: '200',
    WEBHOOKS_BACKOFF_BASE_MS: '200',
    WEBHOOKS_TIMEOUT_MS: '2000',
    DB_POOL_SIZE: '5',
    DB_POOL_WAIT_MS: '1000',
    SQL_STATEMENTS_HEADER: 'true',
  };
  const health = (port: number) => async () => (await fetch(`http://127.0.0.1:${port}/health`)).ok;
  // The first instance migrates; the others start on the migrated schema (they would wait on the advisory lock).
  const apis = [startApi(0, env)];
  await waitForApi(apis[0]);
  apis.push(startApi(1, env), startApi(2, env));
  await Promise.all(apis.slice(1).map((api) => waitForApi(api)));
  const haproxyCfg = path.join(DATA, 'haproxy.cfg');
  writeFileSync(
    haproxyCfg,
    [
      'global',
      '  maxconn 512',
      'defaults',
      '  mode http',
      '  timeout connect 1s',
      '  timeout client 30s',
      '  timeout server 30s',
      '  retries 2',
      '  option redispatch',
      'frontend api',
      `  bind 127.0.0.1:${PORTS.haproxy}`,
      '  default_backend apis',
      'backend apis',
      '  balance roundrobin',
      '  option forwardfor',
      '  option httpchk GET /health',
      '  http-check expect status 200',
      '  http-response set-header X-Served-By %s',
      ...apis.map((api) => `  server ${api.name} 127.0.0.1:${api.port} check inter 500 fall 2 rise 2`),
      '',
    ].join('\n'),
  );
  const haproxy = spawn('haproxy', ['-f', haproxyCfg, '-db'], { stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(haproxy);
  // What HAProxy says (a port it cannot bind, a server it marks down) goes into the error if it never answers.
  let haproxySaid = '';
  haproxy.stderr?.on('data', (chunk: Buffer) => {
    haproxySaid = (haproxySaid + chunk.toString('utf8')).slice(-4000);
  });
  await waitFor('haproxy', health(PORTS.haproxy)).catch((e: unknown) => {
    throw new Error(
      `${e instanceof Error ? e.message : String(e)}; haproxy exit code ${haproxy.exitCode}; its output:\n${haproxySaid}`,
    );
  });
  log(
    `3 instances :${PORTS.apis.join(', :')} behind HAProxy :${PORTS.haproxy}; Redis :${PORTS.redis}; webhook receiver :${receiverPort}`,
  );

  // --- tenants, one client (own address in X-Forwarded-For) each ---
  interface TenantClient {
    headers: Record<string, string>;
    tenant: string;
    acknowledged: Map<string, string>;
    seen: Set<string>;
  }
  const clients: TenantClient[] = [];
  for (let i = 0; i < TENANTS; i++) {
    const xff = { 'x-forwarded-for': `10.21.0.${i + 1}` };
    const email = `cluster-${i}-${randomUUID()}@example.test`;
    const signUp = ok(
      await call(
        `mutation($i: SignUpInput!) { signUp(input: $i) { token } }`,
        { i: { email, password: 'cluster password', name: `C${i}` } },
        xff,
        'write',
      ),
    );
    const auth = { ...xff, authorization: `Bearer ${(signUp.signUp as { token: string }).token}` };
    const created = ok(
      await call(
        `mutation($i: CreateTenantInput!) { createTenant(input: $i) { id } }`,
        {
          i: {
            name: `Cluster ${i}`,
            profile: {
              employeeCount: 300,
              departments: ['MARKETING', 'SALES'],
              culture: 'HIERARCHICAL',
              market: 'B2B',
              locations: 2,
            },
          },
        },
        auth,
        'write',
      ),
    );
    const tenant = (created.createTenant as { id: string }).id;
    const headers = { ...auth, 'x-tenant-id': tenant };
    ok(
      await call(
        `mutation($i: RegisterWebhookInput!) { registerWebhook(input: $i) { secret } }`,
        { i: { url: `http://127.0.0.1:${receiverPort}/hook/${i}`, events: ['ASSESSMENT_SCORED'] } },
        headers,
        'write',
      ),
    );
    clients.push({ headers, tenant, acknowledged: new Map(), seen: new Set() });
  }
  log(
    `${TENANTS} tenants with a webhook endpoint each; load: ${TENANTS} x ${SUBMISSIONS_PER_TENANT} submissions, a round every ${ROUND_MS} ms per client`,
  );

  // --- the load ---
  const counters = { rywMisses: 0, foreignTenant: 0, reads: 0 };
  const loadStart = Date.now();
  const runClient = async (c: TenantClient, index: number) => {
    await sleep((index * ROUND_MS) / TENANTS);
    for (let n = 0; n < SUBMISSIONS_PER_TENANT; n++) {
      const round = Date.now();
      const key = `cluster-${c.tenant}-${n}`;
      const submitted = ok(
        await call(
          `mutation($input: SubmitAssessmentInput!) { submitAssessment(input: $input) { id } }`,
          { input: { period: `${2001 + n}-Q1`, answers: ANSWERS, idempotencyKey: key } },
          c.headers,
          'write',
        ),
      );
      const id = (submitted.submitAssessment as { id: string }).id;
      c.acknowledged.set(key, id);
      // Read-your-writes: right after the acknowledgement, through whichever instance HAProxy picks.
      const mine = ok(
        await call(`query($id: ID!) { assessment(id: $id) { id } }`, { id }, c.headers, 'read'),
      );
      counters.reads++;
      if ((mine.assessment as { id: string } | null)?.id !== id) counters.rywMisses++;
      const listed = ok(
        await call(
          `query { tenant { id } assessments(first: 100) { edges { node { id } } } }`,
          {},
          c.headers,
          'read',
        ),
      );
      counters.reads++;
      if ((listed.tenant as { id: string }).id !== c.tenant) counters.foreignTenant++;
      for (const edge of (listed.assessments as { edges: { node: { id: string } }[] }).edges)
        c.seen.add(edge.node.id);
      await sleep(Math.max(0, ROUND_MS - (Date.now() - round)));
    }
  };

  const faults: Fault[] = [];
  const fault = async (
    name: string,
    start: () => Promise<void> | void,
    durationMs: number,
    end: () => Promise<void> | void,
  ) => {
    const from = Date.now();
    await start();
    log(`fault: ${name}`);
    await sleep(durationMs);
    await end();
    faults.push({ name, from, to: Date.now() });
    log(`fault over: ${name}`);
  };
  const at = (offsetMs: number) => sleep(Math.max(0, loadStart + offsetMs - Date.now()));
  const rateChecks = {
    greedyAccepted: 0,
    greedyRefused: 0,
    refusedEverywhere: false,
    signInRefusedEverywhere: false,
  };
  const chaos = async () => {
    await at(6_000);
    const killed = apis[2];
    const from = Date.now();
    killed.child.kill('SIGKILL');
    await new Promise((r) =>
      killed.child.exitCode !== null || killed.child.signalCode !== null
        ? r(null)
        : killed.child.once('exit', r),
    );
    faults.push({ name: `SIGKILL ${killed.name} (stays down)`, from, to: Date.now() });
    log(`fault: SIGKILL ${killed.name}`);
    await at(12_000);
    await fault(
      'replica stopped (pg_ctl stop -m fast) and restarted',
      () => pgStop(replicaDir, 'fast'),
      6_000,
      () => pgStart(replicaDir, PORTS.replica),
    );
    await at(24_000);
    await fault(
      'Redis stopped (SIGTERM) and restarted',
      () => stopChild(redis, 'SIGTERM'),
      5_000,
      () => {
        redis = startRedis();
      },
    );
    await at(33_000);
    // Rate limits across instances: one address over the per-IP limit through HAProxy (round robin over both
    // survivors), then refused on each surviving instance directly.
    const greedy = {
      'x-forwarded-for': '10.21.99.1',
      ...{ authorization: clients[0].headers.authorization },
    };
    for (let i = 0; i < PER_IP_LIMIT + 20; i++) {
      const answer = await post(PORTS.haproxy, `query { me { id } }`, {}, greedy);
      if (answer.body.errors?.[0]?.extensions?.code === 'RATE_LIMITED') rateChecks.greedyRefused++;
      else if (answer.body.data) rateChecks.greedyAccepted++;
    }
    const direct = await Promise.all(
      apis.slice(0, 2).map((api) => post(api.port, `query { me { id } }`, {}, greedy)),
    );
    rateChecks.refusedEverywhere = direct.every(
      (a) => a.body.errors?.[0]?.extensions?.code === 'RATE_LIMITED',
    );
    // Sign-in failures per email, across instances: fail on api1, api2, api1; then refused on both.
    const email = `cluster-victim-${randomUUID()}@example.test`;
    const logIn = `mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { token } }`;
    for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++)
      await post(apis[i % 2].port, logIn, { e: email, p: `wrong ${i}` }, { 'x-forwarded-for': '10.21.98.1' });
    const refused = await Promise.all(
      apis
        .slice(0, 2)
        .map((api) => post(api.port, logIn, { e: email, p: 'again' }, { 'x-forwarded-for': '10.21.98.1' })),
    );
    rateChecks.signInRefusedEverywhere = refused.every(
      (a) => a.body.errors?.[0]?.extensions?.code === 'RATE_LIMITED',
    );
  };
  await Promise.all([...clients.map(runClient), chaos()]);
  const loadEnd = Date.now();
  log(`load done in ${((loadEnd - loadStart) / 1000).toFixed(1)} s`);

  // --- webhooks drained? ---
  const db = new pg.Client({ connectionString: adminUrl });
  await db.connect();
  await waitFor(
    'webhook outbox drained',
    async () =>
      (
        await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM webhook_deliveries WHERE status = 'PENDING'`,
        )
      ).rows[0].n === 0,
    60_000,
  ).catch((e: unknown) => failures.push(String(e)));

  // --- the checks ---
  const acknowledged = clients.flatMap((c) => [...c.acknowledged.entries()]);
  const stored = await db.query<{ idempotency_key: string; id: string; n: number }>(
    `SELECT idempotency_key, min(id::text) AS id, count(*)::int AS n FROM assessments GROUP BY idempotency_key`,
  );
  const byKey = new Map(stored.rows.map((r) => [r.idempotency_key, r]));
  check(
    acknowledged.length === TENANTS * SUBMISSIONS_PER_TENANT,
    `all ${TENANTS * SUBMISSIONS_PER_TENANT} submissions acknowledged (got ${acknowledged.length})`,
  );
  check(
    acknowledged.every(([key, id]) => byKey.get(key)?.n === 1 && byKey.get(key)?.id === id) &&
      stored.rows.length === acknowledged.length,
    `every acknowledged submission stored exactly once (${stored.rows.length} rows, ${stored.rows.filter((r) => r.n !== 1).length} doubled)`,
  );
  const seen = clients.flatMap((c) => [...c.seen].map((id) => ({ id, tenant: c.tenant })));
  const owners = await db.query<{ id: string; tenant_id: string }>(
    `SELECT id::text, tenant_id::text FROM assessments WHERE id = ANY($1::uuid[])`,
    [seen.map((s) => s.id)],
  );
  const ownerOf = new Map(owners.rows.map((r) => [r.id, r.tenant_id]));
  const foreign = seen.filter((s) => ownerOf.get(s.id) !== s.tenant).length + counters.foreignTenant;
  check(
    foreign === 0,
    `no read returned another tenant's data (${counters.reads} tenant reads, ${seen.length} assessment ids seen, ${foreign} foreign)`,
  );
  check(
    counters.rywMisses === 0,
    `read-your-writes: every read right after its own submission saw it (${counters.rywMisses} misses)`,
  );
  check(
    rateChecks.greedyAccepted <= PER_IP_LIMIT &&
      rateChecks.greedyRefused >= 20 &&
      rateChecks.refusedEverywhere,
    `per-IP limit ${PER_IP_LIMIT}/min held across instances: ${rateChecks.greedyAccepted} accepted, ${rateChecks.greedyRefused} refused, refused directly by every survivor: ${rateChecks.refusedEverywhere}`,
  );
  check(
    rateChecks.signInRefusedEverywhere,
    `sign-in failures per email counted across instances: refused on every survivor after ${SIGN_IN_MAX_FAILURES} failures`,
  );
  const events = await db.query<{ id: string; deliveries: number; delivered: number; attempts: number }>(
    `SELECT e.id::text, count(d.id)::int AS deliveries, count(d.id) FILTER (WHERE d.status = 'DELIVERED')::int AS delivered,
            coalesce(max(d.attempts), 0)::int AS attempts
       FROM webhook_events e LEFT JOIN webhook_deliveries d ON d.tenant_id = e.tenant_id AND d.event_id = e.id
      WHERE e.event = 'assessment.scored' GROUP BY e.id`,
  );
  const received = new Map<string, number>();
  for (const d of receiver.deliveries) received.set(d.eventId, (received.get(d.eventId) ?? 0) + 1);
  const retried = new Set(events.rows.filter((e) => e.attempts > 1).map((e) => e.id));
  const duplicates = [...received.entries()].filter(([, n]) => n > 1);
  const unexplained = duplicates.filter(([id]) => !retried.has(id));
  check(
    events.rows.length === acknowledged.length,
    `one assessment.scored event per submission (${events.rows.length})`,
  );
  check(
    events.rows.every((e) => e.deliveries === 1 && e.delivered === 1 && (received.get(e.id) ?? 0) >= 1) &&
      unexplained.length === 0,
    `every webhook event delivered once by the 3 dispatchers (${receiver.deliveries.length} POSTs received, ${duplicates.length} repeated after a lease ran out, ${unexplained.length} unexplained)`,
  );

  // --- availability ---
  const survivors = new Set(apis.slice(0, 2).map((a) => a.name));
  const during = attempts.filter((a) => a.at >= loadStart && a.at <= loadEnd);
  const longestGap = (list: Attempt[]) => {
    const times = list
      .filter((a) => a.ok)
      .map((a) => a.at)
      .sort((x, y) => x - y);
    let gap = 0;
    for (let i = 1; i < times.length; i++) gap = Math.max(gap, times[i] - times[i - 1]);
    return gap;
  };
  const failed = during.filter((a) => !a.ok).length;
  log(
    `REPORT requests through HAProxy during the load: ${during.length}, failed (then retried): ${failed} (${((100 * failed) / Math.max(1, during.length)).toFixed(2)} %)`,
  );
  for (const name of survivors) {
    const served = during.filter((a) => a.servedBy === name);
    log(
      `REPORT ${name}: ${served.length} answers (${served.filter((a) => !a.ok).length} failures), longest gap between its successes ${longestGap(served)} ms`,
    );
  }
  log(`REPORT longest gap between successful answers through HAProxy: ${longestGap(during)} ms`);
  const backOnReplica = (since: number) => {
    const first = during.find((a) => a.at > since && a.readFrom === 'replica');
    return first ? first.at - since : '?';
  };
  for (const f of faults) {
    const window = during.filter((a) => a.at >= f.from && a.at <= f.to + 2000);
    const firstFailure = window.find((a) => !a.ok);
    const recovered = firstFailure ? window.find((a) => a.ok && a.at > firstFailure.at) : undefined;
    const reads = window.filter((a) => a.kind === 'read' && a.ok);
    log(
      `REPORT fault "${f.name}" (${((f.to - f.from) / 1000).toFixed(1)} s): ${window.length} requests in it (+2 s), ${window.filter((a) => !a.ok).length} failed` +
        (firstFailure
          ? `, recovered ${recovered ? recovered.at - firstFailure.at : '?'} ms after the first failure`
          : '') +
        `; reads from replica/primary: ${reads.filter((a) => a.readFrom === 'replica').length}/${reads.filter((a) => a.readFrom === 'primary').length}` +
        (f.name.startsWith('replica')
          ? `; reads back on the replica ${backOnReplica(f.to)} ms after its restart`
          : ''),
    );
  }
  const reads = during.filter((a) => a.kind === 'read' && a.ok);
  log(
    `REPORT reads on the replica: ${reads.filter((a) => a.readFrom === 'replica').length}, on the primary: ${reads.filter((a) => a.readFrom === 'primary').length}`,
  );
  check(
    longestGap(during) < 10_000,
    `the service answered throughout (longest gap ${longestGap(during)} ms < 10000 ms)`,
  );
  check(
    [...survivors].every((name) => longestGap(during.filter((a) => a.servedBy === name)) < 15_000),
    'each surviving instance served throughout (no gap of 15 s between its successes)',
  );
  await db.end();
  receiver.close();
  if (failures.length > 0) {
    for (const api of apis) log(`--- ${api.name} output (tail) ---\n${api.output().slice(-3000)}`);
    throw new Error(`cluster test failed: ${failures.join('; ')}`);
  }
  log(`cluster test passed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

async function cleanup(): Promise<void> {
  for (const child of children.reverse()) await stopChild(child, 'SIGKILL').catch(() => undefined);
  pgStop(path.join(DATA, 'replica'), 'immediate');
  pgStop(path.join(DATA, 'primary'), 'immediate');
}

main().then(
  async () => {
    await cleanup();
    process.exit(0);
  },
  async (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    await cleanup();
    process.exit(1);
  },
);
