import { randomUUID } from 'node:crypto';
import { DEFAULT_PROFILE } from '../helpers/app';
import { ANSWERS } from '../helpers/assessments';
import { adminClient } from '../helpers/db';
import { postGraphQL, startServerProcess, type ServerProcess } from '../helpers/server-process';
import { testUrls } from '../setup/test-database';

const SUBMIT = `mutation($i: SubmitAssessmentInput!) { submitAssessment(input: $i) { id } }`;

/** pino's JSON lines at error level (50) or worse. */
function errorLines(output: string): string[] {
  return output.split('\n').filter((line) => /"level":(50|60)/.test(line));
}

describe('error logging of the running service', () => {
  let server: ServerProcess;
  let auth: Record<string, string>;
  let tenant: string;

  beforeAll(async () => {
    server = await startServerProcess(testUrls().adminUrl, { LOG_LEVEL: 'info' });
    const signUp = await postGraphQL(server.url, `mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, {
      i: { email: `${randomUUID()}@example.test`, password: 'logging-password', name: 'L' },
    });
    auth = { authorization: `Bearer ${signUp.body.data.signUp.token}` };
    const created = await postGraphQL(
      server.url,
      `mutation($i: CreateTenantInput!) { createTenant(input: $i) { id } }`,
      { i: { name: 'Logging Org', profile: DEFAULT_PROFILE } },
      auth,
    );
    tenant = created.body.data.createTenant.id as string;
  }, 120_000);
  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
  });

  it('does not log the refusals the contract expects as errors', async () => {
    const before = server.output().length;
    const wrongPassword = await postGraphQL(
      server.url,
      `mutation($email: String!, $password: String!) { logIn(email: $email, password: $password) { token } }`,
      { email: 'nobody@example.test', password: 'wrong-password' },
    );
    const anonymous = await postGraphQL(server.url, `{ tenant { id } }`, {});
    const badInput = await postGraphQL(
      server.url,
      `mutation($i: CreateTenantInput!) { createTenant(input: $i) { id } }`,
      { i: { name: '', profile: DEFAULT_PROFILE } },
      auth,
    );
    expect(wrongPassword.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(anonymous.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(badInput.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    await new Promise((r) => setTimeout(r, 200));
    expect(errorLines(server.output().slice(before))).toEqual([]);
  });

  it('rolls back a submission whose client hung up, and logs it as such rather than as a failure', async () => {
    const admin = await adminClient();
    try {
      await abandonSubmission(admin);
    } finally {
      await admin.query('ROLLBACK').catch(() => undefined);
      await admin.end();
    }
  }, 60_000);

  async function abandonSubmission(admin: Awaited<ReturnType<typeof adminClient>>): Promise<void> {
    const before = server.output().length;
    // The submission's INSERT waits behind this lock; the client gives up meanwhile.
    await admin.query('BEGIN');
    await admin.query('LOCK TABLE assessments IN SHARE ROW EXCLUSIVE MODE');
    const abort = new AbortController();
    const abandoned = fetch(`${server.url}/graphql`, {
      method: 'POST',
      signal: abort.signal,
      headers: { 'content-type': 'application/json', ...auth, 'x-tenant-id': tenant },
      body: JSON.stringify({
        query: SUBMIT,
        variables: { i: { period: '2026-Q1', idempotencyKey: randomUUID(), answers: ANSWERS } },
      }),
    }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 500));
    abort.abort();
    expect(String(await abandoned)).toMatch(/abort/i);
    await new Promise((r) => setTimeout(r, 200));
    await admin.query('ROLLBACK');
    await new Promise((r) => setTimeout(r, 500));

    const stored = await admin.query('SELECT count(*)::int AS n FROM assessments WHERE tenant_id = $1', [tenant]);
    expect(stored.rows[0].n).toBe(0);
    const log = server.output().slice(before);
    expect(log).toContain('The client closed the request before the response');
    expect(errorLines(log)).toEqual([]);

    // The connection went back to the pool clean: the same period can be submitted now.
    const again = await postGraphQL(
      server.url,
      SUBMIT,
      { i: { period: '2026-Q1', idempotencyKey: randomUUID(), answers: ANSWERS } },
      { ...auth, 'x-tenant-id': tenant },
    );
    expect(again.body.data?.submitAssessment.id).toEqual(expect.any(String));
  }
});
