import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { signWebhook, verifyWebhookSignature } from '../../src/webhooks/signature';
import { RequestScope } from '../../src/tenancy/request-scope';
import { WebhookDispatcher } from '../../src/webhooks/webhook-dispatcher';
import { WebhookOutbox } from '../../src/webhooks/webhook-outbox';
import {
  addMember,
  createTenant,
  signUp,
  startTestApp,
  type Gql,
  type TestApp,
  type TestUser,
} from '../helpers/app';
import { insertAssessment } from '../helpers/clients';
import { adminClient } from '../helpers/db';
import { ok } from '../helpers/structure';
import { WebhookReceiver } from '../helpers/webhook-receiver';

/** Fast retries for tests: 150 ms, then 300 ms; three attempts in all. */
const ENV = {
  WEBHOOKS_ALLOW_PRIVATE: 'true',
  WEBHOOKS_POLL_INTERVAL_MS: '25',
  WEBHOOKS_BACKOFF_BASE_MS: '150',
  WEBHOOKS_BACKOFF_FACTOR: '2',
  WEBHOOKS_MAX_ATTEMPTS: '3',
  WEBHOOKS_TIMEOUT_MS: '2000',
};

const ANSWERS = {
  overallSatisfaction: 3,
  managementSupport: 4,
  hasPolicy: true,
  policyRoleModel: 4,
  hasCrisisPlan: true,
  hasMonitoring: false,
  reportingCadence: 'QUARTERLY',
  communityApplicable: false,
};

const REGISTER = `mutation($input: RegisterWebhookInput!) {
  registerWebhook(input: $input) { secret endpoint { id url events secretHint createdAt } }
}`;
const DELIVERIES = `query($endpointId: ID!, $first: Int, $after: String) {
  webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id event eventId payload status attempts nextAttemptAt lastStatusCode lastError deliveredAt
                   attemptLog { attempt statusCode error durationMs } } }
  }
}`;

async function register(
  gql: Gql,
  user: TestUser,
  tenant: string,
  url: string,
  events = ['ASSESSMENT_SCORED', 'PORTFOLIO_ALERT'],
) {
  return ok(await gql(REGISTER, { input: { url, events } }, { token: user.token, tenant }))
    .registerWebhook as {
    secret: string;
    endpoint: { id: string; url: string; events: string[]; secretHint: string };
  };
}

async function submit(
  gql: Gql,
  user: TestUser,
  tenant: string,
  period = '2026-Q2',
): Promise<{ id: string; overallScore: number; stage: string }> {
  const res = await gql(
    `mutation($input: SubmitAssessmentInput!) { submitAssessment(input: $input) { id overallScore stage } }`,
    { input: { period, answers: ANSWERS, idempotencyKey: `hook-${randomUUID()}` } },
    { token: user.token, tenant },
  );
  return ok(res).submitAssessment;
}

describe('webhooks', () => {
  let t: TestApp;
  let admin: Client;
  let dispatcher: WebhookDispatcher;
  let receiver: WebhookReceiver;
  let owner: TestUser;
  let tenant: string;

  beforeAll(async () => {
    t = await startTestApp(ENV);
    admin = await adminClient();
    dispatcher = t.app.get(WebhookDispatcher);
  });
  beforeEach(async () => {
    receiver = await WebhookReceiver.start();
    owner = await signUp(t.gql, 'Owner');
    tenant = await createTenant(t.gql, owner, { name: 'Hooked' });
  });
  afterEach(async () => {
    await dispatcher.stop();
    await receiver.close();
    // No delivery of this test is left for the next one's dispatcher.
    await admin.query('DELETE FROM webhook_endpoints WHERE tenant_id = $1', [tenant]);
  });
  afterAll(async () => {
    await admin.end();
    await t.close();
  });

  async function deliveries(endpointId: string, variables: Record<string, unknown> = {}) {
    return ok(await t.gql(DELIVERIES, { endpointId, ...variables }, { token: owner.token, tenant }))
      .webhookDeliveries;
  }

  describe('endpoints', () => {
    it('registers an endpoint, shows its secret once and lists it without the secret', async () => {
      const registered = await register(t.gql, owner, tenant, receiver.url, [
        'ASSESSMENT_SCORED',
        'ASSESSMENT_SCORED',
      ]);
      expect(registered.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
      expect(registered.endpoint).toMatchObject({
        url: receiver.url,
        events: ['ASSESSMENT_SCORED'],
        secretHint: registered.secret.slice(-4),
      });
      const listed = ok(
        await t.gql(`{ webhooks { id url events secretHint } }`, {}, { token: owner.token, tenant }),
      ).webhooks;
      expect(listed).toEqual([
        {
          id: registered.endpoint.id,
          url: receiver.url,
          events: ['ASSESSMENT_SCORED'],
          secretHint: registered.secret.slice(-4),
        },
      ]);
      const { rows } = await admin.query('SELECT secret FROM webhook_endpoints WHERE id = $1', [
        registered.endpoint.id,
      ]);
      expect(rows[0].secret).toBe(registered.secret);
    });

    it('lets OWNER, ADMIN and CONSULTANT manage webhooks, not CONTRIBUTOR or VIEWER', async () => {
      const roles: Record<string, TestUser> = {};
      for (const role of ['ADMIN', 'CONSULTANT', 'CONTRIBUTOR', 'VIEWER']) {
        roles[role] = await signUp(t.gql, role);
        await addMember(t.gql, owner, tenant, roles[role], role);
      }
      for (const role of ['ADMIN', 'CONSULTANT']) await register(t.gql, roles[role], tenant, receiver.url);
      for (const role of ['CONTRIBUTOR', 'VIEWER']) {
        const res = await t.gql(
          REGISTER,
          { input: { url: receiver.url, events: ['ASSESSMENT_SCORED'] } },
          { token: roles[role].token, tenant },
        );
        expect(res.code).toBe('FORBIDDEN');
        expect((await t.gql(`{ webhooks { id } }`, {}, { token: roles[role].token, tenant })).code).toBe(
          'FORBIDDEN',
        );
      }
      const listed = ok(
        await t.gql(`{ webhooks { id } }`, {}, { token: roles.CONSULTANT.token, tenant }),
      ).webhooks;
      expect(listed).toHaveLength(2);
    });

    it('keeps endpoints inside their tenant and deletes them with their deliveries', async () => {
      const registered = await register(t.gql, owner, tenant, receiver.url);
      await submit(t.gql, owner, tenant);
      const other = await signUp(t.gql, 'Other');
      const otherTenant = await createTenant(t.gql, other);
      expect(
        ok(await t.gql(`{ webhooks { id } }`, {}, { token: other.token, tenant: otherTenant })).webhooks,
      ).toEqual([]);
      const foreignDelete = await t.gql(
        `mutation($id: ID!) { deleteWebhook(id: $id) }`,
        { id: registered.endpoint.id },
        { token: other.token, tenant: otherTenant },
      );
      expect(foreignDelete.code).toBe('NOT_FOUND');
      const foreignDeliveries = await t.gql(
        DELIVERIES,
        { endpointId: registered.endpoint.id },
        { token: other.token, tenant: otherTenant },
      );
      expect(foreignDeliveries.code).toBe('NOT_FOUND');

      expect((await deliveries(registered.endpoint.id)).totalCount).toBe(1);
      const deleted = await t.gql(
        `mutation($id: ID!) { deleteWebhook(id: $id) }`,
        { id: registered.endpoint.id },
        { token: owner.token, tenant },
      );
      expect(ok(deleted).deleteWebhook).toBe(true);
      const { rows } = await admin.query(
        'SELECT count(*)::int AS n FROM webhook_deliveries WHERE tenant_id = $1',
        [tenant],
      );
      expect(rows[0].n).toBe(0);
      expect(await dispatcher.runOnce()).toBe(0);
      expect(receiver.received).toHaveLength(0);
    });

    it('refuses bad input: no events, not a URL', async () => {
      const noEvents = await t.gql(
        REGISTER,
        { input: { url: receiver.url, events: [] } },
        { token: owner.token, tenant },
      );
      expect(noEvents.code).toBe('BAD_USER_INPUT');
      const notUrl = await t.gql(
        REGISTER,
        { input: { url: 'not a url', events: ['ASSESSMENT_SCORED'] } },
        { token: owner.token, tenant },
      );
      expect(notUrl.code).toBe('BAD_USER_INPUT');
      expect(notUrl.errors?.[0].extensions.fields).toEqual(['input.url']);
    });
  });

  describe('delivery', () => {
    it('delivers assessment.scored after the submission commits, signed with the endpoint secret', async () => {
      const { secret, endpoint } = await register(t.gql, owner, tenant, receiver.url, ['ASSESSMENT_SCORED']);
      receiver.verifyWith(secret);
      const assessment = await submit(t.gql, owner, tenant);
      expect(receiver.received).toHaveLength(0); // nothing is sent inside the request
      expect(await dispatcher.runOnce()).toBe(1);

      const [hook] = await receiver.waitFor(1);
      expect(hook.headers['content-type']).toBe('application/json');
      expect(hook.headers['x-smt-event']).toBe('assessment.scored');
      expect(hook.headers['x-smt-timestamp']).toMatch(/^\d{10}$/);
      // The time is signed with the body (issue 13.6): t=<unix>,v1=<hmac of "t.body">.
      const signature = hook.headers['x-smt-signature'] as string;
      expect(signature).toMatch(/^t=\d{10},v1=[0-9a-f]{64}$/);
      const t0 = Number(/^t=(\d+)/.exec(signature)![1]);
      expect(String(t0)).toBe(hook.headers['x-smt-timestamp']);
      expect(hook.verified).toBe(true);
      // A replay of the captured request six minutes later is refused by the receiver.
      expect(verifyWebhookSignature(secret, hook.body, signature, { now: (t0 + 360) * 1000 })).toBe(false);
      expect(signature).toBe(signWebhook(secret, hook.body, t0));
      expect(verifyWebhookSignature(secret, hook.body, hook.headers['x-smt-signature'] as string)).toBe(true);
      expect(
        verifyWebhookSignature(
          secret,
          hook.body.replace('"assessment.scored"', '"portfolio.alert"'),
          hook.headers['x-smt-signature'] as string,
        ),
      ).toBe(false);
      const body = JSON.parse(hook.body);
      expect(body).toMatchObject({
        type: 'assessment.scored',
        tenantId: tenant,
        data: {
          tenantId: tenant,
          assessmentId: assessment.id,
          period: '2026-Q2',
          overallScore: assessment.overallScore,
          stage: assessment.stage,
          previousOverallScore: null,
          delta: null,
        },
      });

      const page = await deliveries(endpoint.id);
      expect(page.totalCount).toBe(1);
      expect(page.edges[0].node).toMatchObject({
        id: hook.headers['x-smt-delivery'],
        event: 'ASSESSMENT_SCORED',
        eventId: body.id,
        status: 'DELIVERED',
        attempts: 1,
        nextAttemptAt: null,
        lastStatusCode: 200,
        attemptLog: [{ attempt: 1, statusCode: 200, error: null }],
      });
      expect(JSON.parse(page.edges[0].node.payload)).toEqual(body.data);
    });

    it('retries a failing endpoint with backoff, then records the success', async () => {
      const { secret, endpoint } = await register(t.gql, owner, tenant, receiver.url, ['ASSESSMENT_SCORED']);
      receiver.respondWith(500);
      await submit(t.gql, owner, tenant);
      dispatcher.start();
      const [first, second] = await receiver.waitFor(2);
      await dispatcher.stop();

      expect(second.at - first.at).toBeGreaterThanOrEqual(150 - 5);
      expect(second.body).toBe(first.body);
      expect(second.headers['x-smt-delivery']).toBe(first.headers['x-smt-delivery']);
      expect([first.headers['x-smt-attempt'], second.headers['x-smt-attempt']]).toEqual(['1', '2']);
      expect(verifyWebhookSignature(secret, second.body, second.headers['x-smt-signature'] as string)).toBe(true);
      const [delivery] = (await deliveries(endpoint.id)).edges.map((e: any) => e.node);
      expect(delivery).toMatchObject({ status: 'DELIVERED', attempts: 2, lastStatusCode: 200 });
      expect(delivery.attemptLog.map((a: any) => [a.attempt, a.statusCode, a.error])).toEqual([
        [1, 500, 'HTTP 500'],
        [2, 200, null],
      ]);
    });

    it('gives up after the configured number of attempts', async () => {
      const { endpoint } = await register(t.gql, owner, tenant, receiver.url, ['ASSESSMENT_SCORED']);
      receiver.respondWith(503, 502, 500, 500);
      await submit(t.gql, owner, tenant);
      dispatcher.start();
      await receiver.waitFor(3);
      await dispatcher.stop();
      const [delivery] = (await deliveries(endpoint.id)).edges.map((e: any) => e.node);
      expect(delivery).toMatchObject({
        status: 'FAILED',
        attempts: 3,
        nextAttemptAt: null,
        lastStatusCode: 500,
      });
      expect(delivery.attemptLog.map((a: any) => a.statusCode)).toEqual([503, 502, 500]);
      expect(await dispatcher.runOnce()).toBe(0);
      expect(receiver.received).toHaveLength(3);
    });

    it('records an endpoint that does not answer as a failed attempt, without failing anything else', async () => {
      const { endpoint } = await register(t.gql, owner, tenant, receiver.url, ['ASSESSMENT_SCORED']);
      await receiver.close();
      await submit(t.gql, owner, tenant);
      expect(await dispatcher.runOnce()).toBe(1);
      const [delivery] = (await deliveries(endpoint.id)).edges.map((e: any) => e.node);
      expect(delivery).toMatchObject({ status: 'PENDING', attempts: 1, lastStatusCode: null });
      expect(delivery.lastError).toMatch(/ECONNREFUSED/);
      receiver = await WebhookReceiver.start(); // for afterEach
    });

    it('sends portfolio.alert only for a drop of 10 points or more against the previous assessment', async () => {
      const { secret } = await register(t.gql, owner, tenant, receiver.url, ['PORTFOLIO_ALERT']);
      const day = 86_400_000;
      const start = Date.now() - 10 * day;
      for (const [i, score] of [70, 60.01, 50.01, 60].entries()) {
        await insertAssessment(admin, tenant, {
          overallScore: score,
          submittedAt: new Date(start + i * day),
        });
      }
      expect(await dispatcher.runOnce()).toBe(1);
      const [alert] = await receiver.waitFor(1);
      expect(alert.headers['x-smt-event']).toBe('portfolio.alert');
      expect(verifyWebhookSignature(secret, alert.body, alert.headers['x-smt-signature'] as string)).toBe(true);
      const { data } = JSON.parse(alert.body);
      expect(data).toMatchObject({
        overallScore: 50.01,
        previousOverallScore: 60.01,
        alert: 'SCORE_DROP',
        threshold: 10,
      });
      expect(data.delta).toBeCloseTo(-10, 10); // 50.01 - 60.01 is -9.999999999999996 in floating point
      expect(await dispatcher.runOnce()).toBe(0);
    });
  });

  describe('endpoints of a member who leaves', () => {
    const LIST = `{ webhooks { id status disabledAt disabledReason createdBy { id email } enabledBy { id } } }`;
    const ENABLE = `mutation($id: ID!) { enableWebhookEndpoint(id: $id) { id status disabledAt disabledReason enabledBy { id } } }`;
    const REMOVE = `mutation($id: ID!) { removeMembership(userId: $id) }`;
    const list = async (user: TestUser = owner) =>
      ok(await t.gql(LIST, {}, { token: user.token, tenant })).webhooks as any[];

    it("disables the endpoints a removed member registered: nothing is delivered until an ADMIN re-enables one", async () => {
      const consultant = await signUp(t.gql, 'Consultant');
      const admin = await signUp(t.gql, 'Admin');
      await addMember(t.gql, owner, tenant, consultant, 'CONSULTANT');
      await addMember(t.gql, owner, tenant, admin, 'ADMIN');
      const theirs = await register(t.gql, consultant, tenant, receiver.url, ['ASSESSMENT_SCORED']);
      const other = await WebhookReceiver.start();
      try {
        const ours = await register(t.gql, owner, tenant, other.url, ['ASSESSMENT_SCORED']);
        receiver.verifyWith(theirs.secret);
        expect((await list()).map((e) => [e.id, e.status, e.createdBy])).toEqual([
          [theirs.endpoint.id, 'ENABLED', { id: consultant.id, email: consultant.email }],
          [ours.endpoint.id, 'ENABLED', { id: owner.id, email: owner.email }],
        ]);

        expect(ok(await t.gql(REMOVE, { id: consultant.id }, { token: owner.token, tenant })).removeMembership).toBe(true);
        const [disabled, kept] = await list(admin);
        expect(disabled).toMatchObject({
          id: theirs.endpoint.id,
          status: 'DISABLED',
          disabledReason: 'The member who answers for it left the tenant',
          createdBy: { id: consultant.id },
          enabledBy: null,
        });
        expect(Date.parse(disabled.disabledAt)).not.toBeNaN();
        expect(kept).toMatchObject({ id: ours.endpoint.id, status: 'ENABLED', disabledAt: null });

        await submit(t.gql, owner, tenant, '2026-Q1');
        expect(await dispatcher.runOnce()).toBe(1); // the owner's endpoint only
        await other.waitFor(1);
        expect(receiver.received).toHaveLength(0);
        expect((await deliveries(theirs.endpoint.id)).totalCount).toBe(0);

        // Re-enabling is for OWNER and ADMIN (the removed member cannot, a CONSULTANT may not).
        expect((await t.gql(ENABLE, { id: theirs.endpoint.id }, { token: consultant.token, tenant })).code).toBe('FORBIDDEN');
        const enabled = ok(await t.gql(ENABLE, { id: theirs.endpoint.id }, { token: admin.token, tenant }))
          .enableWebhookEndpoint;
        expect(enabled).toEqual({
          id: theirs.endpoint.id,
          status: 'ENABLED',
          disabledAt: null,
          disabledReason: null,
          enabledBy: { id: admin.id },
        });
        const trail = ok(
          await t.gql(`{ auditTrail(first: 5) { edges { node { operation targetId userId } } } }`, {}, { token: owner.token, tenant }),
        ).auditTrail.edges.map((e: any) => e.node);
        expect(trail[0]).toEqual({ operation: 'enableWebhookEndpoint', targetId: theirs.endpoint.id, userId: admin.id });
        // Enabling an enabled endpoint changes nothing and writes no audit row.
        expect(ok(await t.gql(ENABLE, { id: ours.endpoint.id }, { token: owner.token, tenant })).enableWebhookEndpoint.status).toBe(
          'ENABLED',
        );
        const again = ok(
          await t.gql(`{ auditTrail(first: 1) { edges { node { operation targetId } } } }`, {}, { token: owner.token, tenant }),
        ).auditTrail.edges[0].node;
        expect(again).toEqual({ operation: 'enableWebhookEndpoint', targetId: theirs.endpoint.id });

        const assessment = await submit(t.gql, owner, tenant, '2026-Q2');
        expect(await dispatcher.runOnce()).toBe(2);
        const [hook] = await receiver.waitFor(1);
        expect(hook.verified).toBe(true);
        expect(JSON.parse(hook.body).data.assessmentId).toBe(assessment.id);
        expect(receiver.received).toHaveLength(1); // the event of the disabled time is not sent afterwards
      } finally {
        await other.close();
      }
    });

    it('holds deliveries queued before the removal until the endpoint is enabled again', async () => {
      const admin = await signUp(t.gql, 'Admin');
      await addMember(t.gql, owner, tenant, admin, 'ADMIN');
      const { endpoint, secret } = await register(t.gql, admin, tenant, receiver.url, ['ASSESSMENT_SCORED']);
      receiver.verifyWith(secret);
      const assessment = await submit(t.gql, owner, tenant);
      ok(await t.gql(REMOVE, { id: admin.id }, { token: owner.token, tenant }));
      expect(await dispatcher.runOnce()).toBe(0);
      expect(receiver.received).toHaveLength(0);
      expect((await deliveries(endpoint.id)).edges[0].node).toMatchObject({ status: 'PENDING', attempts: 0 });

      ok(await t.gql(ENABLE, { id: endpoint.id }, { token: owner.token, tenant }));
      expect(await dispatcher.runOnce()).toBe(1);
      const [hook] = await receiver.waitFor(1);
      expect(hook.verified).toBe(true);
      expect(JSON.parse(hook.body).data.assessmentId).toBe(assessment.id);
      // The OWNER who re-enabled it answers for it now: the registrant's later departure would not disable it.
      expect((await list())[0]).toMatchObject({ createdBy: { id: admin.id }, enabledBy: { id: owner.id } });
    });

    it('disables them too when the account is deleted or the role no longer manages webhooks', async () => {
      const gone = await signUp(t.gql, 'Gone');
      const demoted = await signUp(t.gql, 'Demoted');
      await addMember(t.gql, owner, tenant, gone, 'ADMIN');
      await addMember(t.gql, owner, tenant, demoted, 'CONSULTANT');
      const a = await register(t.gql, gone, tenant, receiver.url);
      const b = await register(t.gql, demoted, tenant, receiver.url);
      await admin.query('DELETE FROM users WHERE id = $1', [gone.id]);
      await admin.query(`UPDATE memberships SET role = 'VIEWER' WHERE tenant_id = $1 AND user_id = $2`, [tenant, demoted.id]);
      const listed = await list();
      expect(listed.find((e) => e.id === a.endpoint.id)).toMatchObject({
        status: 'DISABLED',
        createdBy: null,
        disabledReason: 'The member who answers for it left the tenant',
      });
      expect(listed.find((e) => e.id === b.endpoint.id)).toMatchObject({
        status: 'DISABLED',
        disabledReason: 'The member who answers for it no longer has a role that manages webhooks (now VIEWER)',
      });
    });

    it('answers NOT_FOUND for an unknown id or another tenant\'s endpoint', async () => {
      const { endpoint } = await register(t.gql, owner, tenant, receiver.url);
      const stranger = await signUp(t.gql, 'Stranger');
      const theirTenant = await createTenant(t.gql, stranger);
      expect((await t.gql(ENABLE, { id: endpoint.id }, { token: stranger.token, tenant: theirTenant })).code).toBe('NOT_FOUND');
      expect((await t.gql(ENABLE, { id: randomUUID() }, { token: owner.token, tenant })).code).toBe('NOT_FOUND');
      expect((await t.gql(ENABLE, { id: 'nope' }, { token: owner.token, tenant })).code).toBe('NOT_FOUND');
    });
  });

  describe('outbox', () => {
    it("queues an event raised by code (WebhookOutbox.enqueue) in the caller's transaction, delivered after commit", async () => {
      const { secret } = await register(t.gql, owner, tenant, receiver.url, ['PORTFOLIO_ALERT']);
      const tx = t.app.get(RequestScope);
      const outbox = t.app.get(WebhookOutbox);
      await expect(
        tx.run(owner.id, tenant, async () => {
          expect(await outbox.enqueue('portfolio.alert', { note: 'rolled back' })).toBe(1);
          throw new Error('the work fails after enqueueing');
        }),
      ).rejects.toThrow('the work fails');
      expect(
        await tx.run(owner.id, tenant, () => outbox.enqueue('assessment.scored', { note: 'not subscribed' })),
      ).toBe(0);
      expect(await tx.run(owner.id, tenant, () => outbox.enqueue('portfolio.alert', { note: 'kept' }))).toBe(
        1,
      );

      expect(await dispatcher.runOnce()).toBe(1);
      const [hook] = await receiver.waitFor(1);
      expect(JSON.parse(hook.body)).toMatchObject({
        type: 'portfolio.alert',
        tenantId: tenant,
        data: { note: 'kept' },
      });
      expect(verifyWebhookSignature(secret, hook.body, hook.headers['x-smt-signature'] as string)).toBe(true);
    });

    it('writes no event when the submitting transaction rolls back', async () => {
      await register(t.gql, owner, tenant, receiver.url);
      const res = await t.gql(
        `mutation($input: SubmitAssessmentInput!, $id: ID!) {
           submitAssessment(input: $input) { id }
           deleteWebhook(id: $id)
         }`,
        {
          input: { period: '2026-Q3', answers: ANSWERS, idempotencyKey: `hook-${randomUUID()}` },
          id: randomUUID(),
        },
        { token: owner.token, tenant },
      );
      expect(res.code).toBe('NOT_FOUND');
      const { rows } = await admin.query(
        `SELECT (SELECT count(*)::int FROM assessments WHERE tenant_id = $1) AS assessments,
                (SELECT count(*)::int FROM webhook_events WHERE tenant_id = $1) AS events`,
        [tenant],
      );
      expect(rows[0]).toEqual({ assessments: 0, events: 0 });
    });

    it('loses no event when the server stops between commit and delivery', async () => {
      const first = await startTestApp(ENV);
      const { secret } = await register(first.gql, owner, tenant, receiver.url, ['ASSESSMENT_SCORED']);
      const assessment = await submit(first.gql, owner, tenant);
      await first.close();
      expect(receiver.received).toHaveLength(0);

      const second = await startTestApp({ ...ENV, WEBHOOKS_DISPATCHER: 'on' });
      try {
        expect(second.app.get(WebhookDispatcher).isRunning).toBe(true);
        const [hook] = await receiver.waitFor(1);
        expect(JSON.parse(hook.body).data.assessmentId).toBe(assessment.id);
        expect(verifyWebhookSignature(secret, hook.body, hook.headers['x-smt-signature'] as string)).toBe(true);
      } finally {
        await second.close();
      }
      expect(second.app.get(WebhookDispatcher).isRunning).toBe(false);
    });
  });

  describe('pages of deliveries', () => {
    it('pages newest first with a cursor', async () => {
      const { endpoint } = await register(t.gql, owner, tenant, receiver.url, ['ASSESSMENT_SCORED']);
      const periods = ['2025-Q1', '2025-Q2', '2025-Q3'];
      const submitted = [];
      for (const period of periods) submitted.push((await submit(t.gql, owner, tenant, period)).id);
      const first = await deliveries(endpoint.id, { first: 2 });
      expect(first.totalCount).toBe(3);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await deliveries(endpoint.id, { first: 2, after: first.pageInfo.endCursor });
      expect(second.pageInfo.hasNextPage).toBe(false);
      const order = [...first.edges, ...second.edges].map(
        (e: any) => JSON.parse(e.node.payload).assessmentId,
      );
      expect(order).toEqual([...submitted].reverse());
      expect(
        (
          await t.gql(
            DELIVERIES,
            { endpointId: endpoint.id, after: 'bm9wZQ' },
            { token: owner.token, tenant },
          )
        ).code,
      ).toBe('BAD_USER_INPUT');
    });
  });
});

describe('webhooks without WEBHOOKS_ALLOW_PRIVATE (SSRF)', () => {
  let t: TestApp;
  let admin: Client;
  let owner: TestUser;
  let tenant: string;

  beforeAll(async () => {
    t = await startTestApp({ WEBHOOKS_POLL_INTERVAL_MS: '25' });
    admin = await adminClient();
    owner = await signUp(t.gql, 'Owner');
    tenant = await createTenant(t.gql, owner);
  });
  afterAll(async () => {
    await admin.end();
    await t.close();
  });

  it.each([
    ['plain http', 'http://93.184.216.34/hook', 'must be an https URL'],
    ['loopback', 'https://127.0.0.1/hook', 'non-public'],
    ['localhost', 'https://localhost:8443/hook', 'non-public'],
    ['a private network', 'https://10.1.2.3/hook', 'non-public'],
    ['link-local (cloud metadata)', 'https://169.254.169.254/latest/meta-data', 'non-public'],
    ['IPv6 loopback', 'https://[::1]/hook', 'non-public'],
    ['IPv6 unique-local', 'https://[fd00::1]/hook', 'non-public'],
    ['multicast', 'https://224.0.0.1/hook', 'non-public'],
    ['IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]/hook', 'non-public'],
    ['credentials', 'https://user:secret@93.184.216.34/hook', 'credentials'],
    ['an SSH port', 'https://93.184.216.34:22/hook', 'must use port 443 or 8443, not 22'],
    ['a database port', 'https://93.184.216.34:5432/hook', 'must use port 443 or 8443, not 5432'],
  ])('refuses %s at registration', async (_what, url, message) => {
    const res = await t.gql(
      REGISTER,
      { input: { url, events: ['ASSESSMENT_SCORED'] } },
      { token: owner.token, tenant },
    );
    expect(res.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions.fields).toEqual(['input.url']);
    expect(res.errors?.[0].message).toContain(message);
  });

  it('accepts an https endpoint on a public address (checked, never called: its tenant submits nothing)', async () => {
    const quiet = await createTenant(t.gql, owner);
    try {
      const { endpoint } = await register(t.gql, owner, quiet, 'https://93.184.216.34/hooks?source=smt');
      expect(endpoint.url).toBe('https://93.184.216.34/hooks?source=smt');
      const deleted = await t.gql(
        `mutation($id: ID!) { deleteWebhook(id: $id) }`,
        { id: endpoint.id },
        { token: owner.token, tenant: quiet },
      );
      expect(ok(deleted).deleteWebhook).toBe(true);
    } finally {
      await admin.query('DELETE FROM webhook_endpoints WHERE tenant_id = $1', [quiet]);
    }
  });

  it('checks the address again at delivery and sends nothing to a private one', async () => {
    const receiver = await WebhookReceiver.start();
    try {
      // Stored behind the registration check's back (as if DNS had changed since): localhost on the receiver's port.
      const url = 'https://localhost:8443/hooks/smt';
      const { rows } = await admin.query<{ id: string }>(
        `INSERT INTO webhook_endpoints (tenant_id, url, events, secret, secret_hint)
         VALUES ($1, $2, '{assessment.scored}', $3, 'test') RETURNING id`,
        [tenant, url, `whsec_${'x'.repeat(43)}`],
      );
      const plain = receiver.url;
      await admin.query(
        `INSERT INTO webhook_endpoints (tenant_id, url, events, secret, secret_hint)
         VALUES ($1, $2, '{assessment.scored}', $3, 'test')`,
        [tenant, plain, `whsec_${'y'.repeat(43)}`],
      );
      await submit(t.gql, owner, tenant);
      const dispatcher = t.app.get(WebhookDispatcher);
      expect(await dispatcher.runOnce()).toBe(2);
      const errors = await admin.query<{ url: string; error: string; status_code: number | null }>(
        `SELECT e.url, a.error, a.status_code FROM webhook_delivery_attempts a
           JOIN webhook_deliveries d ON d.tenant_id = a.tenant_id AND d.id = a.delivery_id
           JOIN webhook_endpoints e ON e.tenant_id = d.tenant_id AND e.id = d.endpoint_id
          WHERE a.tenant_id = $1 ORDER BY e.url`,
        [tenant],
      );
      expect(errors.rows).toEqual([
        { url: plain, error: 'must be an https URL', status_code: null },
        { url, error: 'localhost resolves to a non-public address', status_code: null },
      ]);
      expect(rows).toHaveLength(1);
      expect(receiver.received).toHaveLength(0);
    } finally {
      await receiver.close();
    }
  });
});
