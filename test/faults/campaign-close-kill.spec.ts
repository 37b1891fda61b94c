import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/database/embedded';
import { ensureDatabase } from '../../src/database/provision';
import { DEFAULT_PROFILE } from '../helpers/app';
import { ANSWERS } from '../helpers/assessments';
import { freePort, postGraphQL, startServerProcess, type ServerProcess } from '../helpers/server-process';
import { WebhookReceiver } from '../helpers/webhook-receiver';

/**
 * A campaign's close is one transaction (claim or lock the campaign, store the period's assessment, mark the
 * campaign CLOSED; the campaign.closed event rides the same transaction through the outbox). The service is
 * SIGKILLed in the middle of it, then restarted: exactly one CAMPAIGN assessment, the campaign CLOSED, one
 * campaign.closed event, delivered once.
 *
 * The window is made without timing luck and without a hook in the service: the test holds a SHARE lock on
 * webhook_events (which every close writes to, through the assessments and campaigns triggers, as the endpoint is
 * subscribed), waits until PostgreSQL reports the service's backend blocked behind the test's lock (its campaign
 * claimed and its assessment row written, uncommitted), and kills the process then. The orphaned backend can
 * never commit: the COMMIT was never sent; once the lock is released it fails to reach its dead client and aborts.
 */
const PG_PORT = Number(process.env.FAULTS_CAMPAIGN_PG_PORT ?? 54371);
const DATA_DIR = path.resolve(__dirname, '../../.data/faults-campaign-pg');
const CLOSER_ENV = { CAMPAIGN_CLOSER: 'on', CAMPAIGN_CLOSER_INTERVAL_MS: '100', WEBHOOKS_ALLOW_PRIVATE: 'true', WEBHOOKS_DISPATCHER: 'on', WEBHOOKS_POLL_INTERVAL_MS: '50' };

describe('a campaign close killed mid-transaction', () => {
  let pg: EmbeddedPostgres;
  let databaseUrl: string;
  let port: number;
  let server: ServerProcess | null = null;
  let admin: Client;
  let hooks: WebhookReceiver;
  let auth: Record<string, string>;

  beforeAll(async () => {
    pg = await startEmbeddedPostgres({ dataDir: DATA_DIR, port: PG_PORT });
    const database = `smt_faults_campaign_${process.pid}`;
    const maintenance = new Client({ connectionString: pg.adminUrl() });
    await maintenance.connect();
    await maintenance.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await maintenance.end();
    await ensureDatabase(pg.adminUrl(), database);
    databaseUrl = pg.adminUrl(database);
    port = await freePort();
    hooks = await WebhookReceiver.start();
    server = await startServerProcess(databaseUrl, CLOSER_ENV, port);
    admin = new Client({ connectionString: databaseUrl });
    await admin.connect();
    const signUp = await postGraphQL(server.url, `mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, {
      i: { email: `${randomUUID()}@example.test`, password: 'faults-password', name: 'Closer' },
    });
    auth = { authorization: `Bearer ${signUp.body.data.signUp.token as string}` };
  }, 120_000);

  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await admin?.end();
    await hooks?.close();
    await pg?.stop();
  });

  const gql = async (query: string, variables: Record<string, unknown>, tenant?: string) => {
    const res = await postGraphQL(server!.url, query, variables, tenant ? { ...auth, 'x-tenant-id': tenant } : auth);
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data;
  };

  /** A tenant with a campaign subscribed to campaign.closed, one response in (minResponses 1). */
  async function campaignWithAResponse(): Promise<{ tenant: string; campaignId: string; version: number }> {
    const tenant = (await gql(`mutation($i: CreateTenantInput!) { createTenant(input: $i) { id } }`, { i: { name: `Kill ${randomUUID().slice(0, 6)}`, profile: DEFAULT_PROFILE } }))
      .createTenant.id as string;
    await gql(`mutation($i: RegisterWebhookInput!) { registerWebhook(input: $i) { secret } }`, { i: { url: hooks.url, events: ['CAMPAIGN_CLOSED'] } }, tenant);
    const opened = (
      await gql(
        `mutation($i: OpenCampaignInput!) { openCampaign(input: $i) { id version } }`,
        { i: { period: '2025-Q2', closesAt: new Date(Date.now() + 86_400_000).toISOString(), minResponses: 1 } },
        tenant,
      )
    ).openCampaign as { id: string; version: number };
    const [link] = (
      await gql(`mutation($id: ID!) { inviteRespondents(campaignId: $id, respondents: [{ email: "r@example.test", department: SALES }]) { token } }`, { id: opened.id }, tenant)
    ).inviteRespondents as { token: string }[];
    await gql(`mutation($t: String!, $a: AssessmentAnswersInput!) { submitCampaignResponse(token: $t, answers: $a) }`, { t: link.token, a: ANSWERS });
    return { tenant, campaignId: opened.id, version: opened.version };
  }

  /** Holds a SHARE lock on webhook_events in its own transaction: every close blocks on its outbox write. */
  async function holdOutbox(): Promise<{ pid: number; release: () => Promise<void> }> {
    const holder = new Client({ connectionString: databaseUrl });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE webhook_events IN SHARE MODE');
    const { rows } = await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    return {
      pid: rows[0].pid,
      release: async () => {
        await holder.query('COMMIT');
        await holder.end();
      },
    };
  }

  /** The backend PostgreSQL reports waiting for the holder's lock (polled; PostgreSQL, not a clock, decides). */
  async function blockedBehind(holderPid: number): Promise<number> {
    for (let i = 0; i < 600; i++) {
      const { rows } = await admin.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND $1 = ANY (pg_blocking_pids(pid))`,
        [holderPid],
      );
      if (rows.length > 0) {
        expect(rows).toHaveLength(1);
        return rows[0].pid;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no close blocked behind the test's lock\n${server?.output().slice(-3000)}`);
  }

  async function until(check: () => Promise<boolean>, what: string): Promise<void> {
    for (let i = 0; i < 600; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${what} did not happen\n${server?.output().slice(-3000)}`);
  }

  /** SIGKILL, release the lock, wait for the orphaned backend to be gone (aborted), restart on the same port. */
  async function killMidClose(holder: { pid: number; release: () => Promise<void> }, orphan: number): Promise<void> {
    server!.child.kill('SIGKILL');
    await server!.exited;
    // Nothing is committed while the process is dead and its transaction still open.
    await holder.release();
    await until(async () => (await admin.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [orphan])).rows.length === 0, 'the orphaned backend ending');
    server = await startServerProcess(databaseUrl, CLOSER_ENV, port);
  }

  async function outcome(tenant: string, campaignId: string) {
    const state = await admin.query<{ status: string; assessments: number; sources: string[]; events: number; deliveries: number }>(
      `SELECT c.status,
              (SELECT count(*)::int FROM assessments a WHERE a.tenant_id = c.tenant_id AND a.campaign_id = c.id) AS assessments,
              (SELECT array_agg(a.source) FROM assessments a WHERE a.tenant_id = c.tenant_id) AS sources,
              (SELECT count(*)::int FROM webhook_events e WHERE e.tenant_id = c.tenant_id AND e.event = 'campaign.closed') AS events,
              (SELECT count(*)::int FROM webhook_deliveries d WHERE d.tenant_id = c.tenant_id) AS deliveries
         FROM campaigns c WHERE c.tenant_id = $1 AND c.id = $2`,
      [tenant, campaignId],
    );
    return state.rows[0];
  }

  async function deliveredOnce(campaignId: string) {
    await until(() => Promise.resolve(hooks.received.some((h) => h.body.includes(campaignId))), 'the campaign.closed delivery');
    const mine = hooks.received.filter((h) => h.body.includes(campaignId));
    expect(mine).toHaveLength(1);
    const [assessment] = (await admin.query<{ id: string }>(`SELECT id FROM assessments WHERE campaign_id = $1`, [campaignId])).rows;
    expect(JSON.parse(mine[0].body)).toMatchObject({
      type: 'campaign.closed',
      data: { campaignId, status: 'CLOSED', responseCount: 1, assessmentId: assessment.id },
    });
  }

  it('the background closer killed mid-close: after a restart one assessment, CLOSED, one campaign.closed', async () => {
    const { tenant, campaignId } = await campaignWithAResponse();
    const holder = await holdOutbox();
    await admin.query(`UPDATE campaigns SET closes_at = now() - interval '1 second' WHERE id = $1`, [campaignId]);
    const orphan = await blockedBehind(holder.pid);
    // The closer holds the campaign (claimed FOR UPDATE) and has written the assessment, uncommitted.
    const claimed = await admin.query(`SELECT 1 FROM campaigns WHERE id = $1 FOR UPDATE SKIP LOCKED`, [campaignId]);
    expect(claimed.rows).toHaveLength(0);

    await killMidClose(holder, orphan);
    expect(await outcome(tenant, campaignId)).toMatchObject({ status: 'OPEN', assessments: 0, events: 0 });

    await until(async () => (await outcome(tenant, campaignId)).status === 'CLOSED', 'the restarted closer closing the campaign');
    expect(await outcome(tenant, campaignId)).toEqual({ status: 'CLOSED', assessments: 1, sources: ['CAMPAIGN'], events: 1, deliveries: 1 });
    await deliveredOnce(campaignId);
  }, 180_000);

  it('a manual close killed in flight: the retried close gives one assessment, CLOSED, one campaign.closed', async () => {
    const { tenant, campaignId, version } = await campaignWithAResponse();
    const holder = await holdOutbox();
    const CLOSE = `mutation($id: ID!, $v: Int!) { closeCampaign(id: $id, expectedVersion: $v) { status assessment { id source } } }`;
    const inFlight = postGraphQL(server!.url, CLOSE, { id: campaignId, v: version }, { ...auth, 'x-tenant-id': tenant }).then(
      () => 'answered',
      () => 'connection lost',
    );
    const orphan = await blockedBehind(holder.pid);

    await killMidClose(holder, orphan);
    await expect(inFlight).resolves.toBe('connection lost');
    expect(await outcome(tenant, campaignId)).toMatchObject({ status: 'OPEN', assessments: 0, events: 0 });

    // The client retries with what it knew: the close happens once, now.
    const retried = await gql(CLOSE, { id: campaignId, v: version }, tenant);
    expect(retried.closeCampaign).toMatchObject({ status: 'CLOSED', assessment: { source: 'CAMPAIGN' } });
    // And once more (a client that lost the answer): CLOSED as it is, nothing new.
    const again = await gql(CLOSE, { id: campaignId, v: version }, tenant);
    expect(again.closeCampaign.assessment.id).toBe(retried.closeCampaign.assessment.id);
    expect(await outcome(tenant, campaignId)).toEqual({ status: 'CLOSED', assessments: 1, sources: ['CAMPAIGN'], events: 1, deliveries: 1 });
    const audited = await admin.query(`SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1 AND operation = 'closeCampaign'`, [tenant]);
    expect(audited.rows[0].n).toBe(1);
    await deliveredOnce(campaignId);
  }, 180_000);
});
