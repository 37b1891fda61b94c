import { Pool } from 'pg';
import type { Stage } from '../../src/scoring/domain';
import { ApiError, client, type Gql } from './api';
import { periodsOf, stateOf } from './history';
import { CLIENTS, PEER_PERIODS, PEERS, type Archetype } from './organisations';
import { planClient, type ClientPlan } from './plan';
import { reconcile } from './reconcile';

export const DEMO_LOGIN = { email: 'consultant@demo.example', password: 'demo-consultant-2026', name: 'Dana de Vries' };
/** The owner of the peer organisations: another account, as real peers are other customers. */
export const DEMO_PEERS_LOGIN = { email: 'peers@demo.example', password: 'demo-peers-2026', name: 'Pieter Peer' };

// ---- loading through the API -------------------------------------------------------------------------------------

export interface Submitted {
  id: string;
  period: string;
  overallScore: number;
  stage: Stage;
  delta: number | null;
}

export interface DemoClient {
  id: string;
  name: string;
  plan: ClientPlan;
  latest: Submitted;
  lastSubmittedAt: Date;
}

export interface DemoResult {
  clients: DemoClient[];
  created: { consultant: boolean; tenants: number; assessments: number; factChanges: number };
}

/**
 * Spreads a client's submission times over its quarters (demo-only; see the file's comment): the benchmark counts
 * a tenant as a peer only when its submissions lie 60+ days apart by server time. Row-level security is forced on
 * assessments, for the owner too: the tenant is selected like the API does.
 */
async function spreadSubmissions(pool: Pool, tenantId: string, submitted: { id: string; at: Date }[]): Promise<void> {
  const admin = await pool.connect();
  await admin.query('BEGIN');
  try {
    await admin.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    await admin.query(
      `UPDATE assessments a SET submitted_at = s.at
         FROM unnest($1::uuid[], $2::timestamptz[]) AS s (id, at)
        WHERE a.id = s.id AND abs(extract(epoch FROM a.submitted_at - s.at)) > 60`,
      [submitted.map((x) => x.id), submitted.map((x) => x.at)],
    );
    await admin.query('COMMIT');
  } catch (e) {
    await admin.query('ROLLBACK');
    throw e;
  } finally {
    admin.release();
  }
}

async function loadClient(
  gql: Gql,
  admin: Pool,
  existing: Map<string, string>,
  archetype: Archetype,
  index: number,
  now: Date,
  counts: DemoResult['created'],
  role: { asConsultant: boolean; periods?: number[] } = { asConsultant: true },
): Promise<DemoClient> {
  const plan = planClient(archetype, index);
  let id = existing.get(archetype.name);
  if (!id) {
    const { createTenant } = await gql<{ createTenant: { id: string } }>(
      `mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }`,
      {
        input: {
          name: archetype.name,
          asConsultant: role.asConsultant,
          profile: {
            employeeCount: archetype.employeeCount,
            departments: archetype.departments,
            culture: archetype.culture,
            market: archetype.market,
            locations: archetype.locations,
            sector: archetype.sector,
          },
        },
      },
    );
    id = createTenant.id;
    counts.tenants++;
  }
  const { assessments } = await gql<{ assessments: { edges: { node: { period: string } }[] } }>(
    `query { assessments(first: 50) { edges { node { period } } } }`,
    {},
    id,
  );
  const done = new Set(assessments.edges.map((e) => e.node.period));
  const slots = periodsOf(plan, index, now);
  const submitted: { id: string; at: Date }[] = [];
  let latest: Submitted | null = null;
  for (const [k, slot] of slots.entries()) {
    if (role.periods && !role.periods.includes(k)) continue;
    const state = stateOf(plan, k);
    if (!done.has(slot.period)) counts.factChanges += await reconcile(gql, id, state);
    const { submitAssessment } = await gql<{ submitAssessment: Submitted }>(
      `mutation($input: SubmitAssessmentInput!) {
         submitAssessment(input: $input) { id period overallScore stage delta }
       }`,
      { input: { period: slot.period, answers: state.answers, idempotencyKey: `demo:${plan.slug}:${slot.period}` } },
      id,
    );
    if (!done.has(slot.period)) counts.assessments++;
    submitted.push({ id: submitAssessment.id, at: slot.submittedAt });
    latest = submitAssessment;
  }
  if (!latest) throw new Error(`no period loaded for ${archetype.name}`);
  await spreadSubmissions(admin, id, submitted);
  return { id, name: archetype.name, plan, latest, lastSubmittedAt: slots[slots.length - 1].submittedAt };
}

/** Logs in the demo account, or signs it up on the first run; true when it was created. */
async function logInOrSignUp(gql: Gql, login: typeof DEMO_LOGIN, setToken: (token: string) => void): Promise<boolean> {
  try {
    const { logIn } = await gql<{ logIn: { token: string } }>(
      `mutation($email: String!, $password: String!) { logIn(email: $email, password: $password) { token } }`,
      { email: login.email, password: login.password },
    );
    setToken(logIn.token);
    return false;
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== 'UNAUTHENTICATED') throw e;
    const { signUp } = await gql<{ signUp: { token: string } }>(
      `mutation($input: SignUpInput!) { signUp(input: $input) { token } }`,
      { input: login },
    );
    setToken(signUp.token);
    return true;
  }
}

async function tenantsWithRole(gql: Gql, role: string): Promise<Map<string, string>> {
  const { myTenants } = await gql<{ myTenants: { edges: { node: { id: string; name: string; myRole: string } }[] } }>(
    `query { myTenants(first: 100) { edges { node { id name myRole } } } }`,
  );
  return new Map(myTenants.edges.filter((e) => e.node.myRole === role).map((e) => [e.node.name, e.node.id]));
}

export interface DemoBenchmark {
  sizeBand: string;
  source: string;
  peerCount: number;
  quarter: number | null;
  release: { p25: number; p50: number; p75: number; releasedAt: string; epsilon: number } | null;
}

/** Loads the demo through the API at baseUrl; `adminUrl` is only for spreading the submission times. */
export async function loadDemo(
  baseUrl: string,
  adminUrl: string,
  now = new Date(),
): Promise<DemoResult & { peers: DemoClient[]; benchmarks: Map<string, DemoBenchmark> }> {
  let token: string | null = null;
  let peersToken: string | null = null;
  const gql = client(baseUrl, () => token);
  const peersGql = client(baseUrl, () => peersToken);
  const counts = { consultant: false, tenants: 0, assessments: 0, factChanges: 0 };
  counts.consultant = await logInOrSignUp(gql, DEMO_LOGIN, (t) => (token = t));
  await logInOrSignUp(peersGql, DEMO_PEERS_LOGIN, (t) => (peersToken = t));
  const existing = await tenantsWithRole(gql, 'CONSULTANT');
  const existingPeers = await tenantsWithRole(peersGql, 'OWNER');

  const admin = new Pool({ connectionString: adminUrl, max: 3 });
  try {
    const clients: DemoClient[] = [];
    // Three clients at a time; each client's periods stay in order.
    for (let i = 0; i < CLIENTS.length; i += 3) {
      const batch = CLIENTS.slice(i, i + 3).map((archetype, j) => loadClient(gql, admin, existing, archetype, i + j, now, counts));
      clients.push(...(await Promise.all(batch)));
    }
    const peers: DemoClient[] = [];
    for (let i = 0; i < PEERS.length; i += 3) {
      const batch = PEERS.slice(i, i + 3).map((archetype, j) =>
        loadClient(peersGql, admin, existingPeers, archetype, 100 + i + j, now, counts, { asConsultant: false, periods: PEER_PERIODS }),
      );
      peers.push(...(await Promise.all(batch)));
    }
    // Read after loading: the day's release of a band is made by its first read (every client of a band then
    // reads that same release all day).
    const benchmarks = new Map<string, DemoBenchmark>();
    for (const c of clients) {
      const { benchmark } = await gql<{ benchmark: DemoBenchmark }>(
        `query { benchmark { sizeBand source peerCount quarter release { p25 p50 p75 releasedAt epsilon } } }`,
        {},
        c.id,
      );
      benchmarks.set(c.id, benchmark);
    }
    return { clients, peers, benchmarks, created: counts };
  } finally {
    await admin.end();
  }
}

// ---- the command ------------------------------------------------------------------------------------------------
