import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { WebhookDispatcher } from '../../src/webhooks/webhook-dispatcher';
import { ANSWERS, submitOk } from '../helpers/assessments';
import { addMember, createTenant, signUp, startTestApp, type TestApp, type TestUser } from '../helpers/app';
import { adminClient } from '../helpers/db';
import { addTeamMember, createTeam, ok } from '../helpers/structure';
import { WebhookReceiver } from '../helpers/webhook-receiver';

const ACTION = `id title move responsibility department ownerMember { id name } ownerDepartment dueAt status verified overdue version`;
const CREATE = `mutation($i: CreateActionInput!) { createAction(input: $i) { ${ACTION} } }`;
const UPDATE = `mutation($i: UpdateActionInput!) { updateAction(input: $i) { ${ACTION} } }`;
const ACTIONS = `query($first: Int, $after: String, $status: ActionStatus) {
  tenant { actions(first: $first, after: $after, status: $status) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${ACTION} } } } }
}`;
const ROADMAP = `{ tenant { target { stage dueAt } roadmap {
  basedOn { id overallScore stage } targetStage reachesTarget
  steps { move responsibility department overallScore stage clearsFindings description } } } }`;
const SET_TARGET = `mutation($i: SetTargetInput!) { setTarget(input: $i) { stage dueAt } }`;
const PAST = new Date(Date.now() - 86_400_000).toISOString();
const FUTURE = new Date(Date.now() + 30 * 86_400_000).toISOString();

describe('targets, roadmap and action plan (GraphQL)', () => {
  let t: TestApp;
  let admin: Client;
  let owner: TestUser;
  let tenant: string;
  let as: { token: string; tenant: string };

  beforeAll(async () => {
    t = await startTestApp({ WEBHOOKS_ALLOW_PRIVATE: 'true', WEBHOOKS_TIMEOUT_MS: '2000' });
    admin = await adminClient();
  });
  beforeEach(async () => {
    owner = await signUp(t.gql, 'Owner');
    tenant = await createTenant(t.gql, owner);
    as = { token: owner.token, tenant };
  });
  afterAll(async () => {
    await admin.end();
    await t.close();
  });

  const create = async (i: Record<string, unknown>) => ok(await t.gql(CREATE, { i }, as)).createAction;

  describe('targets', () => {
    it('has no target until one is set, then shows it; setting again replaces it; both are audited', async () => {
      expect(ok(await t.gql(`{ tenant { target { stage } } }`, {}, as)).tenant.target).toBeNull();
      expect(ok(await t.gql(SET_TARGET, { i: { stage: 'STRATEGIC', dueAt: FUTURE } }, as)).setTarget).toEqual({
        stage: 'STRATEGIC',
        dueAt: FUTURE,
      });
      expect(ok(await t.gql(SET_TARGET, { i: { stage: 'FORMALIZED' } }, as)).setTarget).toEqual({ stage: 'FORMALIZED', dueAt: null });
      expect(ok(await t.gql(`{ tenant { target { stage dueAt } } }`, {}, as)).tenant.target).toEqual({ stage: 'FORMALIZED', dueAt: null });
      const audit = await admin.query(`SELECT operation, target_id FROM audit_events WHERE tenant_id = $1 AND operation = 'setTarget'`, [tenant]);
      expect(audit.rows).toEqual([
        { operation: 'setTarget', target_id: tenant },
        { operation: 'setTarget', target_id: tenant },
      ]);
    });

    it('refuses a CONTRIBUTOR (FORBIDDEN) and an unknown stage (BAD_USER_INPUT)', async () => {
      const contributor = await signUp(t.gql, 'Contributor');
      await addMember(t.gql, owner, tenant, contributor, 'CONTRIBUTOR');
      expect((await t.gql(SET_TARGET, { i: { stage: 'STRATEGIC' } }, { token: contributor.token, tenant })).code).toBe('FORBIDDEN');
      expect((await t.gql(SET_TARGET, { i: { stage: 'NIRVANA' } }, as)).code).toBe('BAD_USER_INPUT');
    });
  });

  describe('roadmap', () => {
    it('is null without an assessment', async () => {
      expect(ok(await t.gql(ROADMAP, {}, as)).tenant.roadmap).toBeNull();
    });

    it('aims for the next stage by default, for the target once set, and is stored once per target', async () => {
      const assessment = await submitOk(t.gql, owner, tenant);
      const first = ok(await t.gql(ROADMAP, {}, as)).tenant.roadmap;
      expect(first.basedOn.id).toBe(assessment.id);
      const stages = ['PLANNING', 'PRESENCE', 'ENGAGEMENT', 'FORMALIZED', 'STRATEGIC', 'CONVERGED'];
      expect(first.targetStage).toBe(stages[stages.indexOf(assessment.stage) + 1]);
      expect(first.steps.length).toBeGreaterThan(0);
      expect(first.steps[0].overallScore).toBeGreaterThan(assessment.overallScore);
      for (const step of first.steps) expect(step.description).toMatch(/^[A-Z].{20,}/);
      const again = ok(await t.gql(ROADMAP, {}, as)).tenant.roadmap;
      expect(again).toEqual(first);
      await t.gql(SET_TARGET, { i: { stage: 'CONVERGED' } }, as);
      const toTarget = ok(await t.gql(ROADMAP, {}, as)).tenant.roadmap;
      expect(toTarget.targetStage).toBe('CONVERGED');
      expect(toTarget.steps.length).toBeGreaterThanOrEqual(first.steps.length);
      const stored = await admin.query('SELECT target_stage FROM roadmaps WHERE tenant_id = $1 ORDER BY target_stage', [tenant]);
      expect(stored.rows.map((r) => r.target_stage).sort()).toEqual(['CONVERGED', first.targetStage].sort());
    });
  });

  describe('actions', () => {
    it('creates an action from the first roadmap step, marks it done, and verifies it after the next assessment', async () => {
      await submitOk(t.gql, owner, tenant, { period: '2026-Q1' });
      const step = ok(await t.gql(ROADMAP, {}, as)).tenant.roadmap.steps[0];
      const action = await create({
        title: 'First step',
        move: step.move,
        responsibility: step.responsibility,
        department: step.department,
        ownerDepartment: 'MARKETING',
        dueAt: FUTURE,
      });
      expect(action).toMatchObject({ move: step.move, status: 'OPEN', verified: false, overdue: false, version: 1, ownerDepartment: 'MARKETING' });
      const done = ok(await t.gql(UPDATE, { i: { id: action.id, expectedVersion: 1, status: 'DONE' } }, as)).updateAction;
      expect(done).toMatchObject({ status: 'DONE', version: 2, verified: false });

      // Make the change (the answers of the next assessment, or the facts), then assess again.
      const answers = { ...ANSWERS };
      const answerMoves: Record<string, () => void> = {
        REPORT_MONTHLY: () => (answers.reportingCadence = 'MONTHLY'),
        ADOPT_POLICY: () => (answers.hasPolicy = true),
        LIVE_THE_POLICY: () => (answers.policyRoleModel = 4),
        CRISIS_PLAN: () => (answers.hasCrisisPlan = true),
        MONITORING: () => (answers.hasMonitoring = true),
      };
      if (answerMoves[step.move]) answerMoves[step.move]();
      else if (step.move === 'ASSIGN_OWNER' || step.move === 'INSOURCE') {
        ok(await t.gql(`mutation($i: AssignResponsibilityInput!) { assignResponsibility(input: $i) { responsibility } }`,
          { i: { responsibility: step.responsibility, ownerKind: 'DEPARTMENT', department: 'MARKETING' } }, as));
      } else if (step.move === 'SALES_OWNS_ENGAGEMENT') {
        ok(await t.gql(`mutation($i: AssignResponsibilityInput!) { assignResponsibility(input: $i) { responsibility } }`,
          { i: { responsibility: 'AUDIENCE_ENGAGEMENT', ownerKind: 'DEPARTMENT', department: 'SALES' } }, as));
      } else {
        const team = await createTeam(t.gql, owner, tenant, 'Social media team');
        await addTeamMember(t.gql, owner, tenant, team, { department: step.department ?? 'SALES', external: false });
      }
      const read = async () => ok(await t.gql(ACTIONS, {}, as)).tenant.actions.edges[0].node;
      expect((await read()).verified).toBe(false);
      await submitOk(t.gql, owner, tenant, { period: '2026-Q2', answers });
      expect(await read()).toMatchObject({ id: action.id, status: 'DONE', verified: true });
    });

    it('refuses a stale expectedVersion with VERSION_CONFLICT and an unknown action with NOT_FOUND', async () => {
      const action = await create({ title: 'Write the policy', move: 'ADOPT_POLICY' });
      ok(await t.gql(UPDATE, { i: { id: action.id, expectedVersion: 1, title: 'Write and adopt the policy' } }, as));
      const stale = await t.gql(UPDATE, { i: { id: action.id, expectedVersion: 1, status: 'DONE' } }, as);
      expect(stale.code).toBe('VERSION_CONFLICT');
      expect((await t.gql(UPDATE, { i: { id: randomUUID(), expectedVersion: 1, status: 'DONE' } }, as)).code).toBe('NOT_FOUND');
      expect((await t.gql(UPDATE, { i: { id: 'nope', expectedVersion: 1, status: 'DONE' } }, as)).code).toBe('NOT_FOUND');
    });

    it('checks the move detail and the owner', async () => {
      const bad = async (i: Record<string, unknown>) => (await t.gql(CREATE, { i: { title: 'x', ...i } }, as)).code;
      expect(await bad({ move: 'ASSIGN_OWNER' })).toBe('BAD_USER_INPUT');
      expect(await bad({ move: 'ADOPT_POLICY', responsibility: 'TOOLING' })).toBe('BAD_USER_INPUT');
      expect(await bad({ responsibility: 'TOOLING' })).toBe('BAD_USER_INPUT');
      expect(await bad({ move: 'ADD_MEMBER_FROM_DEPARTMENT' })).toBe('BAD_USER_INPUT');
      expect(await bad({ title: '   ' })).toBe('BAD_USER_INPUT');
      expect(await bad({ ownerMemberId: randomUUID() })).toBe('NOT_FOUND');
      const team = await createTeam(t.gql, owner, tenant, 'Central');
      const member = { id: await addTeamMember(t.gql, owner, tenant, team, { name: 'Mia' }) };
      expect(await bad({ ownerMemberId: member.id, ownerDepartment: 'SALES' })).toBe('BAD_USER_INPUT');
      const owned = await create({ title: 'Monitor', move: 'MONITORING', ownerMemberId: member.id });
      expect(owned.ownerMember).toEqual({ id: member.id, name: 'Mia' });
      const moved = ok(await t.gql(UPDATE, { i: { id: owned.id, expectedVersion: 1, ownerDepartment: 'PR' } }, as)).updateAction;
      expect(moved).toMatchObject({ ownerMember: null, ownerDepartment: 'PR', version: 2 });
      const audit = await admin.query(`SELECT operation FROM audit_events WHERE tenant_id = $1 AND operation LIKE '%Action' ORDER BY occurred_at`, [tenant]);
      expect(audit.rows.map((r) => r.operation)).toEqual(['createAction', 'updateAction']);
    });

    it('is overdue when open past its due date, not once DONE; pages and filters by status', async () => {
      const late = await create({ title: 'Late', dueAt: PAST });
      expect(late.overdue).toBe(true);
      await create({ title: 'On time', dueAt: FUTURE });
      await create({ title: 'No date' });
      const page = ok(await t.gql(ACTIONS, { first: 2 }, as)).tenant.actions;
      expect(page.totalCount).toBe(3);
      expect(page.edges.map((e: any) => e.node.title)).toEqual(['Late', 'On time']);
      const rest = ok(await t.gql(ACTIONS, { first: 2, after: page.pageInfo.endCursor }, as)).tenant.actions;
      expect(rest.edges.map((e: any) => e.node.title)).toEqual(['No date']);
      expect(rest.pageInfo.hasNextPage).toBe(false);
      const done = ok(await t.gql(UPDATE, { i: { id: late.id, expectedVersion: 1, status: 'DONE' } }, as)).updateAction;
      expect(done.overdue).toBe(false);
      const open = ok(await t.gql(ACTIONS, { status: 'OPEN' }, as)).tenant.actions;
      expect(open.edges.map((e: any) => e.node.title)).toEqual(['On time', 'No date']);
      expect((await t.gql(ACTIONS, { after: 'bogus' }, as)).code).toBe('BAD_USER_INPUT');
    });

    it('sends action.overdue once per action', async () => {
      const receiver = await WebhookReceiver.start();
      const dispatcher = t.app.get(WebhookDispatcher);
      try {
        ok(await t.gql(`mutation($i: RegisterWebhookInput!) { registerWebhook(input: $i) { secret } }`,
          { i: { url: receiver.url, events: ['ACTION_OVERDUE'] } }, as));
        // Due long ago: first in the check's order, whatever other tests left overdue.
        const late = await create({ title: 'Late one', dueAt: '2001-01-01T00:00:00.000Z' });
        await create({ title: 'Not yet', dueAt: FUTURE });
        await dispatcher.runOnce();
        await dispatcher.runOnce();
        await dispatcher.runOnce();
        const overdue = receiver.received.filter((r) => r.headers['x-smt-event'] === 'action.overdue');
        const mine = overdue.filter((r) => JSON.parse(r.body).tenantId === tenant);
        expect(mine).toHaveLength(1);
        expect(JSON.parse(mine[0].body).data).toMatchObject({ actionId: late.id, title: 'Late one' });
        const events = await admin.query(`SELECT count(*)::int AS n FROM webhook_events WHERE tenant_id = $1 AND event = 'action.overdue'`, [tenant]);
        expect(events.rows[0].n).toBe(1);
      } finally {
        await dispatcher.stop();
        await receiver.close();
        await admin.query('DELETE FROM webhook_endpoints WHERE tenant_id = $1', [tenant]);
      }
    });
  });

  describe('portfolio', () => {
    it("counts each client's open and overdue actions and shows its target stage", async () => {
      const consultant = await signUp(t.gql, 'Consultant');
      const client = await createTenant(t.gql, consultant, { asConsultant: true });
      const other = await createTenant(t.gql, consultant, { asConsultant: true });
      const c = { token: consultant.token, tenant: client };
      ok(await t.gql(SET_TARGET, { i: { stage: 'STRATEGIC' } }, c));
      const mk = async (i: Record<string, unknown>) => ok(await t.gql(CREATE, { i }, c)).createAction;
      await mk({ title: 'a', dueAt: PAST });
      await mk({ title: 'b', dueAt: FUTURE });
      const dropped = await mk({ title: 'c', dueAt: PAST });
      ok(await t.gql(UPDATE, { i: { id: dropped.id, expectedVersion: 1, status: 'DROPPED' } }, c));
      const res = ok(await t.gql(`{ portfolio { entries(first: 200) { tenant { id } targetStage openActions overdueActions } } }`, {}, { token: consultant.token }));
      const byId = new Map(res.portfolio.entries.map((e: any) => [e.tenant.id, e]));
      expect(byId.get(client)).toEqual({ tenant: { id: client }, targetStage: 'STRATEGIC', openActions: 2, overdueActions: 1 });
      expect(byId.get(other)).toEqual({ tenant: { id: other }, targetStage: null, openActions: 0, overdueActions: 0 });
    });
  });
});
