import type { Client } from 'pg';
import { createTenant, invite, signUp, startTestApp, type TestApp, type TestUser } from '../helpers/app';
import { adminClient } from '../helpers/db';
import { startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { ok } from '../helpers/structure';

const ACCEPT = `mutation($token: String!) { acceptInvitation(token: $token) { id myRole } }`;
const TENANT = `{ tenant { id } }`;
const ME = `{ me { id } }`;

/** Issue 19 items 2 and 3: nobody becomes a member without accepting; sessions that end. */
describe('invitations', () => {
  let t: TestApp;
  let admin: Client;
  let owner: TestUser;
  let tenant: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminClient();
    owner = await signUp(t.gql, 'Owner');
    tenant = await createTenant(t.gql, owner);
  });
  afterAll(async () => {
    await admin.end();
    await t.close();
  });

  it('is accepted by the invited email only, once; the member then has the role', async () => {
    const invitee = await signUp(t.gql, 'Invitee');
    const stranger = await signUp(t.gql, 'Stranger');
    const token = await invite(t.gql, owner, tenant, invitee.email.toUpperCase(), 'CONTRIBUTOR');
    expect((await t.gql(TENANT, {}, { token: invitee.token, tenant })).code).toBe('FORBIDDEN');

    const wrong = await t.gql(ACCEPT, { token }, { token: stranger.token });
    expect(wrong.code).toBe('FORBIDDEN');
    const accepted = await t.gql(ACCEPT, { token }, { token: invitee.token });
    expect(ok(accepted).acceptInvitation).toEqual({ id: tenant, myRole: 'CONTRIBUTOR' });
    expect(ok(await t.gql(TENANT, {}, { token: invitee.token, tenant })).tenant.id).toBe(tenant);
    expect((await t.gql(ACCEPT, { token }, { token: invitee.token })).code).toBe('CONFLICT');
    expect((await t.gql(TENANT, {}, { token: stranger.token, tenant })).code).toBe('FORBIDDEN');
  });

  it('fails once expired, once revoked, and for an unknown token; lists with no token shown', async () => {
    const invitee = await signUp(t.gql, 'Late');
    const expired = await invite(t.gql, owner, tenant, invitee.email, 'VIEWER');
    await admin.query(`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE tenant_id = $1 AND lower(email) = $2`, [tenant, invitee.email]);
    expect((await t.gql(ACCEPT, { token: expired }, { token: invitee.token })).code).toBe('CONFLICT');

    const revokedToken = await invite(t.gql, owner, tenant, invitee.email, 'VIEWER');
    const listed = ok(await t.gql(`{ invitations { id email role token revokedAt acceptedAt } }`, {}, { token: owner.token, tenant }));
    const open = listed.invitations.find((i: any) => i.email === invitee.email && i.revokedAt === null && i.acceptedAt === null);
    expect(listed.invitations.every((i: any) => i.token === null)).toBe(true);
    ok(await t.gql(`mutation($id: ID!) { revokeInvitation(id: $id) { id revokedAt } }`, { id: open.id }, { token: owner.token, tenant }));
    expect((await t.gql(ACCEPT, { token: revokedToken }, { token: invitee.token })).code).toBe('NOT_FOUND');
    expect((await t.gql(ACCEPT, { token: 'A'.repeat(43) }, { token: invitee.token })).code).toBe('NOT_FOUND');
    expect((await t.gql(TENANT, {}, { token: invitee.token, tenant })).code).toBe('FORBIDDEN');
  });

  it('an OWNER invitation only by an OWNER; CONTRIBUTOR and VIEWER cannot invite', async () => {
    const adminUser = await signUp(t.gql, 'Admin');
    const token = await invite(t.gql, owner, tenant, adminUser.email, 'ADMIN');
    ok(await t.gql(ACCEPT, { token }, { token: adminUser.token }));
    const byAdmin = await t.gql(`mutation { inviteMember(email: "new-owner@example.test", role: OWNER) { id } }`, {}, { token: adminUser.token, tenant });
    expect(byAdmin.code).toBe('FORBIDDEN');
    ok(await t.gql(`mutation { inviteMember(email: "new-admin@example.test", role: ADMIN) { id } }`, {}, { token: adminUser.token, tenant }));
  });

  it('addMembership (deprecated) now invites: nobody is added without accepting', async () => {
    const person = await signUp(t.gql, 'Person');
    const res = await t.gql(`mutation($i: AddMembershipInput!) { addMembership(input: $i) }`, { i: { email: person.email, role: 'ADMIN' } }, { token: owner.token, tenant });
    expect(ok(res).addMembership).toBe(true);
    expect((await t.gql(TENANT, {}, { token: person.token, tenant })).code).toBe('FORBIDDEN');
    const members = await admin.query(`SELECT 1 FROM memberships WHERE tenant_id = $1 AND user_id = $2`, [tenant, person.id]);
    expect(members.rows).toEqual([]);
    const pending = await admin.query(`SELECT role FROM invitations WHERE tenant_id = $1 AND email = $2`, [tenant, person.email]);
    expect(pending.rows).toEqual([{ role: 'ADMIN' }]);
  });
});

describe('invitations by mail (SMTP_URL set)', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    t = await startTestApp({ SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('mails the token to the invitee and does not return it', async () => {
    const owner = await signUp(t.gql, 'Owner');
    const tenant = await createTenant(t.gql, owner);
    const invitee = await signUp(t.gql, 'Invitee');
    const res = await t.gql(`mutation($e: String!) { inviteMember(email: $e, role: VIEWER) { id token } }`, { e: invitee.email }, { token: owner.token, tenant });
    expect(ok(res).inviteMember.token).toBeNull();
    const [mail] = await smtp.waitFor(1);
    expect(mail.envelopeTo).toEqual([invitee.email]);
    const token = /\n([A-Za-z0-9_-]{43})\n/.exec(mail.text)?.[1];
    expect(token).toBeDefined();
    // The link leads to the workspace's accept page (GET /invitations/<token> redirects there).
    expect(mail.text).toMatch(new RegExp(`\\nhttps?://[^\\s]+/invitations/${token}\\n`));
    expect(ok(await t.gql(ACCEPT, { token }, { token: invitee.token })).acceptInvitation.id).toBe(tenant);
  });

  it('mails no token for an invitation whose transaction rolled back', async () => {
    const owner = await signUp(t.gql, 'Owner');
    const tenant = await createTenant(t.gql, owner);
    const before = smtp.received.length;
    // Two root fields in one mutation: the second fails, so the whole operation (the invitation too) rolls back.
    const failed = await t.gql(
      `mutation { invited: inviteMember(email: "rolled.back@example.test", role: VIEWER) { id }
        gone: revokeInvitation(id: "00000000-0000-4000-8000-000000000000") { id } }`,
      {},
      { token: owner.token, tenant },
    );
    expect(failed.code).toBe('NOT_FOUND');
    const listed = ok(await t.gql(`{ invitations { email } }`, {}, { token: owner.token, tenant }));
    expect(listed.invitations).toEqual([]);
    // A mail sent inline would have been accepted by the SMTP server before the response was sent.
    expect(smtp.received.slice(before).map((m) => m.envelopeTo)).toEqual([]);
    ok(await t.gql(`mutation { inviteMember(email: "committed@example.test", role: VIEWER) { id } }`, {}, { token: owner.token, tenant }));
    expect(smtp.received.slice(before).map((m) => m.envelopeTo)).toEqual([['committed@example.test']]);
  });
});

describe('sessions that end', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('changePassword needs the current password, ends earlier tokens and returns a working one', async () => {
    const user = await signUp(t.gql, 'Changer');
    const CHANGE = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token } }`;
    expect((await t.gql(CHANGE, { c: 'wrong password!', n: 'a new password 1' }, { token: user.token })).code).toBe('BAD_USER_INPUT');
    expect(ok(await t.gql(ME, {}, { token: user.token })).me.id).toBe(user.id);
    const changed = ok(await t.gql(CHANGE, { c: 'correct horse battery', n: 'a new password 1' }, { token: user.token }));
    expect((await t.gql(ME, {}, { token: user.token })).code).toBe('UNAUTHENTICATED');
    expect(ok(await t.gql(ME, {}, { token: changed.changePassword.token })).me.id).toBe(user.id);
    const old = await t.gql(`mutation($e: String!) { logIn(email: $e, password: "correct horse battery") { token } }`, { e: user.email });
    expect(old.code).toBe('UNAUTHENTICATED');
    const fresh = ok(await t.gql(`mutation($e: String!) { logIn(email: $e, password: "a new password 1") { token } }`, { e: user.email }));
    expect(ok(await t.gql(ME, {}, { token: fresh.logIn.token })).me.id).toBe(user.id);
  });

  it('logOutEverywhere ends every token issued so far, in tenant requests too; a new sign-in works', async () => {
    const user = await signUp(t.gql, 'Leaver');
    const tenant = await createTenant(t.gql, user);
    const second = ok(await t.gql(`mutation($e: String!) { logIn(email: $e, password: "correct horse battery") { token } }`, { e: user.email }));
    expect(ok(await t.gql(`mutation { logOutEverywhere }`, {}, { token: user.token })).logOutEverywhere).toBe(true);
    for (const token of [user.token, second.logIn.token]) {
      expect((await t.gql(ME, {}, { token })).code).toBe('UNAUTHENTICATED');
      expect((await t.gql(TENANT, {}, { token, tenant })).code).toBe('UNAUTHENTICATED');
    }
    const again = ok(await t.gql(`mutation($e: String!) { logIn(email: $e, password: "correct horse battery") { token } }`, { e: user.email }));
    expect(ok(await t.gql(TENANT, {}, { token: again.logIn.token, tenant })).tenant.id).toBe(tenant);
  });
});
