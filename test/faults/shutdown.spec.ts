import { randomUUID } from 'node:crypto';
import { DEFAULT_PROFILE } from '../helpers/app';
import { adminClient } from '../helpers/db';
import { postGraphQL, startServerProcess } from '../helpers/server-process';
import { testUrls } from '../setup/test-database';

describe('graceful shutdown', () => {
  it('on SIGTERM stops accepting, finishes the in-flight request, then exits 0', async () => {
    const server = await startServerProcess(testUrls().adminUrl);
    const email = `${randomUUID()}@example.test`;
    const signUp = await postGraphQL(server.url, `mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, {
      i: { email, password: 'shutdown-password', name: 'S' },
    });
    const auth = { authorization: `Bearer ${signUp.body.data.signUp.token}` };
    const created = await postGraphQL(
      server.url,
      `mutation($i: CreateTenantInput!) { createTenant(input: $i) { id } }`,
      { i: { name: 'Shutdown Org', profile: DEFAULT_PROFILE } },
      auth,
    );
    const tenant = created.body.data.createTenant.id as string;

    const admin = await adminClient();
    await admin.query('BEGIN');
    await admin.query('SELECT id FROM tenants WHERE id = $1 FOR UPDATE', [tenant]);
    const inFlight = postGraphQL(
      server.url,
      `mutation($i: TenantProfileInput!) { updateTenantProfile(input: $i) { profile { locations } } }`,
      { i: { ...DEFAULT_PROFILE, locations: 7 } },
      { ...auth, 'x-tenant-id': tenant },
    );
    await new Promise((r) => setTimeout(r, 300));
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    const refused = await fetch(`${server.url}/health`).then(() => 'served', () => 'refused');
    expect(refused).toBe('refused');
    await admin.query('COMMIT');
    const done = await inFlight;
    expect(done.body.data.updateTenantProfile.profile.locations).toBe(7);
    expect(await server.exited).toBe(0);
    const stored = await admin.query('SELECT locations FROM tenants WHERE id = $1', [tenant]);
    expect(stored.rows[0].locations).toBe(7);
    await admin.end();
    expect(server.output()).toContain('stopped');
  }, 300_000);
});
