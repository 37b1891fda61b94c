import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTenant, signUp, startTestApp, type TestApp, type TestUser } from '../helpers/app';
import { answersFixture } from '../../src/scoring/scoring.fixtures';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = path.join(ROOT, 'examples/submit-reassessment');

const ANSWERS = answersFixture({
  managementSupport: 4,
  policyRoleModel: 3,
  hasCrisisPlan: false,
  hasMonitoring: false,
  reportingCadence: 'QUARTERLY',
});

const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];

/**
 * examples/submit-reassessment: the typed client an external system would run. It must type-check against the
 * committed schema's generated types, and print what the API stored.
 */
describe('example client: submit-reassessment', () => {
  let t: TestApp;
  let url: string;
  let owner: TestUser;
  let tenant: string;
  let dir: string;
  let apiKey: string;

  /** An API key of the tenant, created through the API by its OWNER (the secret is in this response only). */
  async function createKey(scopes: string[], name = `example ${scopes.join('+')}`): Promise<{ id: string; secret: string }> {
    const res = await t.gql(
      `mutation($name: String!, $scopes: [ApiKeyScope!]!) { createApiKey(name: $name, scopes: $scopes) { apiKey { id } secret } }`,
      { name, scopes },
      { token: owner.token, tenant },
    );
    expect(res.errors).toBeUndefined();
    return { id: res.data.createApiKey.apiKey.id, secret: res.data.createApiKey.secret };
  }

  beforeAll(async () => {
    t = await startTestApp();
    // The example is a separate process: the app must listen on a real port.
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${((t.app.getHttpServer() as Server).address() as AddressInfo).port}/graphql`;
    owner = await signUp(t.gql, 'Integration');
    tenant = await createTenant(t.gql, owner, { name: 'Example Org' });
    dir = mkdtempSync(path.join(os.tmpdir(), 'smt-example-'));
    apiKey = (await createKey(['SUBMIT_ASSESSMENTS'], 'HR system')).secret;
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  /**
   * Runs the example on Node (type stripping) with a request file and SMT_API_KEY (the SUBMIT_ASSESSMENTS key unless
   * env says otherwise); resolves to its exit code and output.
   */
  async function submit(request: Record<string, unknown>, env: Record<string, string> = {}) {
    const file = path.join(dir, `request-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify({ url, ...request }));
    try {
      const { stdout, stderr } = await run(process.execPath, [path.join(EXAMPLE, 'submit.ts'), file], {
        timeout: 30_000,
        env: { ...process.env, SMT_API_URL: '', SMT_API_KEY: apiKey, ...env },
      });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const failed = e as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  /** A URL nothing listens on: a port the system just gave out and took back. */
  async function deadUrl(): Promise<string> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return `http://127.0.0.1:${port}/graphql`;
  }

  async function latest() {
    const res = await t.gql(
      `{ tenant { latestAssessment { id period overallScore stage appliedCaps delta previous { period }
         findings { severity code message recommendation } } } }`,
      {},
      { token: owner.token, tenant },
    );
    return res.data.tenant.latestAssessment;
  }

  it('type-checks against the types generated from the committed schema', async () => {
    const tsc = require.resolve('typescript/bin/tsc');
    await expect(run(process.execPath, [tsc, '-p', EXAMPLE], { cwd: ROOT, timeout: 120_000 })).resolves.toBeDefined();
  }, 150_000);

  it('submits the period with an API key (no x-tenant-id) and prints the stage, score and top findings', async () => {
    expect(apiKey).toMatch(/^smt_live_/);
    const result = await submit({
      period: '2026-Q2',
      idempotencyKey: 'example:2026-Q2',
      answers: ANSWERS,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const stored = await latest();
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`Submitted 2026-Q2 (assessment ${stored.id})`);
    expect(lines[1]).toBe(
      `Stage: ${stored.stage}${stored.appliedCaps.length ? ` (held back: ${stored.appliedCaps.join(', ')})` : ''}`,
    );
    expect(lines[2]).toBe(`Score: ${(Math.round(stored.overallScore * 10) / 10).toFixed(1)} / 100 (first assessment)`);
    expect(lines[3]).toBe('Top findings:');
    const top = stored.findings.slice(0, 3);
    expect(top.length).toBeGreaterThan(0);
    top.forEach((f: { severity: string; message: string; recommendation: string }, i: number) => {
      expect(lines[4 + 2 * i]).toMatch(new RegExp(`^  ${i + 1}\\. \\[${f.severity}\\] `));
      expect(lines[4 + 2 * i]).toContain(f.message);
      expect(lines[5 + 2 * i]).toBe(`     What to do: ${f.recommendation}`);
    });
    const printed = lines.filter((l) => /^ {2}\d\. \[/.test(l)).map((l) => SEVERITIES.indexOf(/\[(\w+)\]/.exec(l)![1]));
    expect(printed).toEqual([...printed].sort((a, b) => a - b));
  });

  it('is safe to retry: the same idempotency key prints the same assessment', async () => {
    const request = {
      period: '2026-Q2',
      idempotencyKey: 'example:2026-Q2',
      answers: ANSWERS,
    };
    const first = (await submit(request)).stdout.split('\n')[0];
    expect((await submit(request)).stdout.split('\n')[0]).toBe(first);
  });

  it('submits the next period and prints the change', async () => {
    const result = await submit({
      period: '2026-Q3',
      idempotencyKey: 'example:2026-Q3',
      answers: { ...ANSWERS, hasCrisisPlan: true, hasMonitoring: true, reportingCadence: 'MONTHLY' },
    });
    expect(result.code).toBe(0);
    const stored = await latest();
    expect(stored.period).toBe('2026-Q3');
    const delta = (Math.round(stored.delta * 10) / 10).toFixed(1);
    expect(result.stdout).toContain(`(${Math.round(stored.delta * 10) > 0 ? '+' : ''}${delta} since 2026-Q2)`);
  });

  it('reports the API error code and exits 1 when the key lacks the scope (FORBIDDEN)', async () => {
    const readOnly = await createKey(['READ']);
    const result = await submit(
      { period: '2026-Q4', idempotencyKey: 'example:2026-Q4', answers: ANSWERS },
      { SMT_API_KEY: readOnly.secret },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^The API at http:\/\/127\.0\.0\.1:\d+\/graphql refused: .*\(FORBIDDEN\)/);
  });

  it('is refused (UNAUTHENTICATED) with a revoked key, and never prints the secret', async () => {
    const key = await createKey(['SUBMIT_ASSESSMENTS'], 'revoked');
    const res = await t.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: key.id }, { token: owner.token, tenant });
    expect(res.data.revokeApiKey.revokedAt).toBeTruthy();
    const result = await submit(
      { period: '2026-Q4', idempotencyKey: 'example:revoked', answers: ANSWERS },
      { SMT_API_KEY: key.secret },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^The API at http:\/\/127\.0\.0\.1:\d+\/graphql refused: .*\(UNAUTHENTICATED\)/);
    expect(result.stdout + result.stderr).not.toContain(key.secret);
  });

  it('asks for SMT_API_KEY when it is not set, before sending anything', async () => {
    const result = await submit({ period: '2026-Q4', idempotencyKey: 'example:nokey', answers: ANSWERS }, { SMT_API_KEY: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^SMT_API_KEY is not set: .*SUBMIT_ASSESSMENTS/);
  });

  it('takes SMT_API_URL over the URL in the file', async () => {
    // The file points at a port nothing listens on; the environment at the running API.
    const result = await submit(
      { url: await deadUrl(), period: '2026-Q4', idempotencyKey: 'example:env', answers: ANSWERS },
      { SMT_API_URL: url },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Submitted 2026-Q4 \(assessment /);
  });

  it('names the URL it tried when the API cannot be reached', async () => {
    const dead = await deadUrl();
    const result = await submit({ period: '2026-Q4', idempotencyKey: 'example:dead', answers: ANSWERS }, {
      SMT_API_URL: dead,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Could not reach ${dead}: ECONNREFUSED`);
  });

  it('names the URL when it answers, but not as the GraphQL API', async () => {
    const notApi = url.replace(/\/graphql$/, '/health/nothing');
    const result = await submit({ period: '2026-Q4', idempotencyKey: 'example:404', answers: ANSWERS }, {
      SMT_API_URL: notApi,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${notApi} answered HTTP 404`);
  });

  it('commits generated code that matches schema.gql (regenerated with graphql-codegen into a temp folder)', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'smt-codegen-'));
    try {
      const cli = path.join(ROOT, 'node_modules/@graphql-codegen/cli/cjs/bin.js');
      await run(process.execPath, [cli, '--config', path.join(EXAMPLE, 'codegen.ts'), '--silent'], {
        cwd: ROOT,
        timeout: 120_000,
        env: { ...process.env, SMT_CODEGEN_OUT: out },
      });
      const committed = readdirSync(path.join(EXAMPLE, 'gql')).sort();
      expect(readdirSync(out).sort()).toEqual(committed);
      for (const file of committed) {
        const fresh = readFileSync(path.join(out, file), 'utf8');
        // On a difference: npx graphql-codegen --config examples/submit-reassessment/codegen.ts
        expect({ file, text: readFileSync(path.join(EXAMPLE, 'gql', file), 'utf8') }).toEqual({ file, text: fresh });
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 150_000);
});
