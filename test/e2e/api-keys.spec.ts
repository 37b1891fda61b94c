import { createHash } from 'node:crypto';
import type { Client } from 'pg';
import { submission, SUBMIT } from '../helpers/assessments';
import {
  addMember,
  createApiKey,
  createTenant,
  signUp,
  startTestApp,
  type TestApp,
  type TestUser,
} from '../helpers/app';
import { adminClient } from '../helpers/db';
import { ok } from '../helpers/structure';

/**
 * Issue 19 item 1: API keys. A key acts in its own tenant only, for its scopes' operations only; revocation and
 * expiry take effect on the next request; the secret appears once, in createApiKey's response, and never again
 * (responses, audit trail, logs).
 */
describe('API keys', () => {
  let t: TestApp;
  let admin: Client;
  let owner: TestUser;
  let tenant: string;
  const logLines: string[] = [];
  let restoreStdout = () => undefined as void;

  beforeAll(async () => {
    // The application's pino output (nestjs-pino writes its lines to process.stdout), captured and not shown.
    const realWrite = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      logLines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      if (done) process.nextTick(done);
      return true;
    });
    restoreStdout = () => {
      process.stdout.write = realWrite;
    };
    t = await startTestApp({ LOG_LEVEL: 'info' });
    admin = await adminClient();
    owner = await signUp(t.gql, 'Owner');
    tenant = await createTenant(t.gql, owner);
  });
  afterAll(async () => {
    await admin.end();
    await t.close();
    restoreStdout();
  });

  const asKey = (secret: string, tenantHeader?: string) => ({
    headers: { authorization: `Bearer ${secret}`, ...(tenantHeader ? { 'x-tenant-id': tenantHeader } : {}) },
  });

  it('creates a key with a recognisable prefix and 256 random bits, stored only as its SHA-256', async () => {
    const key = await createApiKey(t.gql, owner, tenant, ['READ']);
    expect(key.secret).toMatch(/^smt_live_[A-Za-z0-9_-]{43}$/);
    const stored = await admin.query(`SELECT prefix, encode(secret_hash, 'hex') AS hash, row_to_json(k)::text AS row FROM api_keys k WHERE id = $1`, [key.id]);
    expect(key.secret.startsWith(stored.rows[0].prefix)).toBe(true);
    expect(stored.rows[0].hash).toBe(createHash('sha256').update(key.secret).digest('hex'));
    expect(stored.rows[0].row).not.toContain(key.secret.slice('smt_live_'.length));
  });

  it('acts in its own tenant without x-tenant-id; another tenant id in the header is FORBIDDEN', async () => {
    const key = await createApiKey(t.gql, owner, tenant, ['READ']);
    const read = await t.gql(`{ tenant { id } teams { id } }`, {}, asKey(key.secret));
    expect(ok(read).tenant.id).toBe(tenant);
    const same = await t.gql(`{ tenant { id } }`, {}, asKey(key.secret, tenant));
    expect(ok(same).tenant.id).toBe(tenant);

    const other = await signUp(t.gql, 'Other');
    const otherTenant = await createTenant(t.gql, other);
    for (const header of [otherTenant, 'not-a-uuid', '00000000-0000-0000-0000-000000000000']) {
      const res = await t.gql(`{ tenant { id } }`, {}, asKey(key.secret, header));
      expect({ header, code: res.code, data: res.data }).toEqual({ header, code: 'FORBIDDEN', data: null });
    }
    // Nor with a user's token alongside (the key wins: one credential per request), nor as a user operation.
    const me = await t.gql(`{ me { id } myTenants { totalCount } }`, {}, asKey(key.secret));
    expect(me.code).toBe('FORBIDDEN');
  });

  it('each scope allows exactly its operations; memberships, keys, invitations and webhooks never', async () => {
    const read = await createApiKey(t.gql, owner, tenant, ['READ']);
    const submit = await createApiKey(t.gql, owner, tenant, ['SUBMIT_ASSESSMENTS']);
    const facts = await createApiKey(t.gql, owner, tenant, ['MANAGE_FACTS']);
    const all = await createApiKey(t.gql, owner, tenant, ['READ', 'SUBMIT_ASSESSMENTS', 'MANAGE_FACTS']);
    const createTeam = `mutation { createTeam(input: { name: "Social ${Date.now()}" }) { id } }`;
    const teams = `{ teams { id } }`;
    const submitIt = () => ({ query: SUBMIT, variables: { input: submission({ supersede: true }) } });
    const cases: [string, { query: string; variables?: Record<string, unknown> }][] = [
      ['teams', { query: teams }],
      ['createTeam', { query: createTeam }],
      ['submitAssessment', submitIt()],
      ['apiKeys', { query: `{ apiKeys { id } }` }],
      ['createApiKey', { query: `mutation { createApiKey(name: "x", scopes: [READ]) { secret } }` }],
      ['inviteMember', { query: `mutation { inviteMember(email: "x@example.test", role: VIEWER) { id } }` }],
      ['auditTrail', { query: `{ auditTrail { totalCount } }` }],
      ['webhooks', { query: `{ webhooks { id } }` }],
    ];
    const allowed: Record<string, string[]> = {
      READ: ['teams'],
      SUBMIT_ASSESSMENTS: ['submitAssessment'],
      MANAGE_FACTS: ['createTeam'],
      ALL: ['teams', 'createTeam', 'submitAssessment'],
    };
    for (const [name, key] of [['READ', read], ['SUBMIT_ASSESSMENTS', submit], ['MANAGE_FACTS', facts], ['ALL', all]] as const) {
      const passed: string[] = [];
      for (const [op, call] of cases) {
        const res = await t.gql(call.query, call.variables ?? {}, asKey(key.secret));
        if (res.errors === undefined) passed.push(op);
        else expect({ name, op, code: res.code }).toEqual({ name, op, code: 'FORBIDDEN' });
      }
      expect({ name, passed }).toEqual({ name, passed: allowed[name] });
    }
  });

  it('a revoked key and an expired key are UNAUTHENTICATED at once; an unknown or malformed one too', async () => {
    const key = await createApiKey(t.gql, owner, tenant, ['READ']);
    expect(ok(await t.gql(`{ tenant { id } }`, {}, asKey(key.secret))).tenant.id).toBe(tenant);
    const revoked = await t.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`, { id: key.id }, { token: owner.token, tenant });
    expect(ok(revoked).revokeApiKey.revokedAt).toEqual(expect.any(String));
    expect((await t.gql(`{ tenant { id } }`, {}, asKey(key.secret))).code).toBe('UNAUTHENTICATED');

    const soon = await createApiKey(t.gql, owner, tenant, ['READ'], new Date(Date.now() + 60_000).toISOString());
    expect(ok(await t.gql(`{ tenant { id } }`, {}, asKey(soon.secret))).tenant.id).toBe(tenant);
    await admin.query(`UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [soon.id]);
    expect((await t.gql(`{ tenant { id } }`, {}, asKey(soon.secret))).code).toBe('UNAUTHENTICATED');

    const unknown = `smt_live_${'A'.repeat(43)}`;
    expect((await t.gql(`{ tenant { id } }`, {}, asKey(unknown))).code).toBe('UNAUTHENTICATED');
    expect((await t.gql(`{ tenant { id } }`, {}, asKey('smt_live_short'))).code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expiry in the past, and only OWNER and ADMIN manage keys', async () => {
    const past = await t.gql(`mutation { createApiKey(name: "old", scopes: [READ], expiresAt: "2000-01-01T00:00:00Z") { secret } }`, {}, { token: owner.token, tenant });
    expect(past.code).toBe('BAD_USER_INPUT');
    const contributor = await signUp(t.gql, 'Contributor');
    await addMember(t.gql, owner, tenant, contributor, 'CONTRIBUTOR');
    const res = await t.gql(`mutation { createApiKey(name: "x", scopes: [READ]) { secret } }`, {}, { token: contributor.token, tenant });
    expect(res.code).toBe('FORBIDDEN');
    expect((await t.gql(`{ apiKeys { id } }`, {}, { token: contributor.token, tenant })).code).toBe('FORBIDDEN');
  });

  it('writes lastUsedAt at most once a minute, with the COMMIT', async () => {
    const key = await createApiKey(t.gql, owner, tenant, ['READ']);
    const lastUsed = async () =>
      (await admin.query<{ at: string | null }>(`SELECT last_used_at::text AS at FROM api_keys WHERE id = $1`, [key.id])).rows[0].at;
    expect(await lastUsed()).toBeNull();
    ok(await t.gql(`{ tenant { id } }`, {}, asKey(key.secret)));
    const first = await lastUsed();
    expect(first).not.toBeNull();
    ok(await t.gql(`{ tenant { id } }`, {}, asKey(key.secret)));
    expect(await lastUsed()).toBe(first);
    await admin.query(`UPDATE api_keys SET last_used_at = now() - interval '2 minutes' WHERE id = $1`, [key.id]);
    const aged = await lastUsed();
    ok(await t.gql(`{ tenant { id } }`, {}, asKey(key.secret)));
    expect(await lastUsed()).not.toBe(aged);
  });

  it('the audit trail and the logs name the key; the secret appears in no later response, audit row or log line', async () => {
    const key = await createApiKey(t.gql, owner, tenant, ['MANAGE_FACTS', 'READ']);
    const created = await t.gql(`mutation { createTeam(input: { name: "By key" }) { id } }`, {}, asKey(key.secret));
    ok(created);
    const trail = await t.gql(`{ auditTrail(first: 5) { edges { node { operation userId apiKeyId } } } }`, {}, { token: owner.token, tenant });
    expect(ok(trail).auditTrail.edges[0].node).toEqual({ operation: 'createTeam', userId: null, apiKeyId: key.id });

    const listed = await t.gql(`{ apiKeys { id name prefix scopes createdAt expiresAt lastUsedAt revokedAt } }`, {}, { token: owner.token, tenant });
    const responses = JSON.stringify([created.body, trail.body, listed.body]);
    const audit = await admin.query(`SELECT row_to_json(a)::text AS row FROM audit_events a WHERE tenant_id = $1`, [tenant]);
    await new Promise((resolve) => setImmediate(resolve));
    const logs = logLines.join('');
    const secretPart = key.secret.slice('smt_live_'.length);
    expect(responses).not.toContain(secretPart);
    expect(audit.rows.map((r) => r.row).join('\n')).not.toContain(secretPart);
    expect(logs).toContain(key.id);
    expect(logs).not.toContain(secretPart);
  });
});
