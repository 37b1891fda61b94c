import { addMember, createTenant, DEFAULT_PROFILE, signUp, startTestApp, type TestApp, type TestUser } from '../helpers/app';
import { adminClient, appClient } from '../helpers/db';
import { answersFixture } from '../../src/scoring/scoring.fixtures';

describe('audit trail', () => {
  let t: TestApp;
  let owner: TestUser;
  let tenant: string;
  const trail = `{ auditTrail(first: 50) { totalCount edges { node { operation targetId userId requestId occurredAt } } } }`;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await signUp(t.gql);
    tenant = await createTenant(t.gql, owner);
  });
  afterAll(() => t.close());

  it('records every successful mutation with who, what, target and request id, newest first', async () => {
    const member = await signUp(t.gql);
    await addMember(t.gql, owner, tenant, member, 'VIEWER');
    const res = await t.gql(
      `mutation($id: ID!) { removeMembership(userId: $id) }`,
      { id: member.id },
      { token: owner.token, tenant, headers: { 'x-request-id': 'req-audit-1' } },
    );
    expect(res.data.removeMembership).toBe(true);
    const read = await t.gql(trail, {}, { token: owner.token, tenant });
    const ops = read.data.auditTrail.edges.map((e: any) => e.node);
    // Since issue 19 a member joins by invitation: the owner invites, the member accepts (recorded as the member).
    expect(ops.slice(0, 4).map((o: any) => o.operation)).toEqual(['removeMembership', 'acceptInvitation', 'inviteMember', 'createTenant']);
    expect(ops[0]).toMatchObject({ targetId: member.id, userId: owner.id, requestId: 'req-audit-1' });
    expect(ops[1]).toMatchObject({ userId: member.id });
    expect(ops[3]).toMatchObject({ targetId: tenant, userId: owner.id });
  });

  it('writes one row for a submission and none for its idempotent replay', async () => {
    const input = {
      period: '2026-Q3',
      idempotencyKey: `audit-${Date.now()}`,
      answers: answersFixture({ policyRoleModel: 3, reportingCadence: 'QUARTERLY' }),
    };
    const submit = `mutation($input: SubmitAssessmentInput!) { submitAssessment(input: $input) { id } }`;
    const first = await t.gql(submit, { input }, { token: owner.token, tenant });
    const replay = await t.gql(submit, { input }, { token: owner.token, tenant });
    expect(replay.data.submitAssessment.id).toBe(first.data.submitAssessment.id);
    const rows = (await t.gql(trail, {}, { token: owner.token, tenant })).data.auditTrail.edges
      .map((e: any) => e.node)
      .filter((n: any) => n.targetId === first.data.submitAssessment.id);
    expect(rows.map((n: any) => n.operation)).toEqual(['submitAssessment']);
  });

  it('audits each mutation of one request on its own: a replay beside a real change leaves the change its row', async () => {
    const input = {
      period: '2026-Q4',
      idempotencyKey: `audit-batch-${Date.now()}`,
      answers: {
        overallSatisfaction: 3, managementSupport: 3, hasPolicy: true, policyRoleModel: 3,
        hasCrisisPlan: true, hasMonitoring: true, reportingCadence: 'QUARTERLY', communityApplicable: false,
      },
    };
    const submit = `mutation($input: SubmitAssessmentInput!) { submitAssessment(input: $input) { id } }`;
    const first = await t.gql(submit, { input }, { token: owner.token, tenant });
    expect(first.errors).toBeUndefined();
    const batch = await t.gql(
      `mutation($input: SubmitAssessmentInput!) {
         replay: submitAssessment(input: $input) { id }
         team: createTeam(input: { name: "Audited after a replay" }) { id }
       }`,
      { input },
      { token: owner.token, tenant },
    );
    expect(batch.errors).toBeUndefined();
    expect(batch.data.replay.id).toBe(first.data.submitAssessment.id);
    const nodes = (await t.gql(trail, {}, { token: owner.token, tenant })).data.auditTrail.edges.map((e: any) => e.node);
    expect(nodes.filter((n: any) => n.targetId === first.data.submitAssessment.id).map((n: any) => n.operation)).toEqual([
      'submitAssessment',
    ]);
    expect(nodes.filter((n: any) => n.targetId === batch.data.team.id).map((n: any) => n.operation)).toEqual(['createTeam']);
  });

  it('writes no row for a mutation that failed', async () => {
    const before = (await t.gql(trail, {}, { token: owner.token, tenant })).data.auditTrail.totalCount;
    // addMembership no longer fails for an unknown email (issue 19: it invites); removing a non-member does.
    const res = await t.gql(`mutation { removeMembership(userId: "00000000-0000-4000-8000-000000000000") }`, {}, { token: owner.token, tenant });
    expect(res.code).toBe('NOT_FOUND');
    expect((await t.gql(trail, {}, { token: owner.token, tenant })).data.auditTrail.totalCount).toBe(before);
  });

  it('rolls the change back whole when its audit row cannot be written (the row goes with the COMMIT)', async () => {
    const other = await createTenant(t.gql, owner);
    const admin = await adminClient();
    // A stand-in for any failure of the audit insert, for this tenant only.
    const fn = `audit_fail_${process.pid}`;
    await admin.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.tenant_id = '${other}' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER ${fn} BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    try {
      const res = await t.gql(
        `mutation($input: TenantProfileInput!) { updateTenantProfile(input: $input) { profile { locations } } }`,
        { input: { ...DEFAULT_PROFILE, locations: 42 } },
        { token: owner.token, tenant: other },
      );
      expect(res.code).toBe('INTERNAL_SERVER_ERROR');
      expect(res.data ?? null).toBeNull();
      const stored = await admin.query('SELECT locations FROM tenants WHERE id = $1', [other]);
      expect(stored.rows[0].locations).toBe(DEFAULT_PROFILE.locations);
    } finally {
      await admin.query(`DROP TRIGGER ${fn} ON audit_events; DROP FUNCTION ${fn}()`);
      await admin.end();
    }
    // Without the failure the same change commits with its row.
    const again = await t.gql(
      `mutation($input: TenantProfileInput!) { updateTenantProfile(input: $input) { profile { locations } } }`,
      { input: { ...DEFAULT_PROFILE, locations: 42 } },
      { token: owner.token, tenant: other },
    );
    expect(again.data.updateTenantProfile.profile.locations).toBe(42);
    const ops = (await t.gql(trail, {}, { token: owner.token, tenant: other })).data.auditTrail.edges.map((e: any) => e.node.operation);
    expect(ops).toEqual(['updateTenantProfile', 'createTenant']);
  });

  it('is readable by OWNER and ADMIN only', async () => {
    const viewer = await signUp(t.gql);
    const admin = await signUp(t.gql);
    await addMember(t.gql, owner, tenant, viewer, 'VIEWER');
    await addMember(t.gql, owner, tenant, admin, 'ADMIN');
    expect((await t.gql(trail, {}, { token: viewer.token, tenant })).code).toBe('FORBIDDEN');
    expect((await t.gql(trail, {}, { token: admin.token, tenant })).data.auditTrail.totalCount).toBeGreaterThan(0);
  });

  it('cannot be changed or deleted by the service role', async () => {
    const db = await appClient();
    try {
      await db.query('BEGIN');
      await db.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
      expect((await db.query('SELECT count(*)::int AS n FROM audit_events')).rows[0].n).toBeGreaterThan(0);
      await expect(db.query(`UPDATE audit_events SET operation = 'forged'`)).rejects.toThrow(/permission denied/);
      await db.query('ROLLBACK');
      await db.query('BEGIN');
      await db.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
      await expect(db.query(`DELETE FROM audit_events`)).rejects.toThrow(/permission denied/);
      await db.query('ROLLBACK');
    } finally {
      await db.end();
    }
  });
});
