import { randomBytes, randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { loadConfig, type AppConfig } from '../../src/config/config';
import { testUrls } from '../setup/test-database';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  gql: Gql;
  close: () => Promise<void>;
}

export interface GqlOptions {
  token?: string;
  tenant?: string;
  headers?: Record<string, string>;
}

export interface GqlResponse<T = any> {
  status: number;
  body: { data?: T; errors?: { message: string; path?: string[]; extensions: { code: string; fields?: string[] } }[] };
  data: T;
  errors: { message: string; extensions: { code: string; fields?: string[] } }[] | undefined;
  /** The first error's extensions.code, or undefined. */
  code: string | undefined;
  /** SQL statements the request ran (x-sql-statements), transaction control included. */
  sqlStatements: number;
  /** Where the request's transaction ran (x-read-from: primary, replica or none). */
  readFrom: string | undefined;
}

export type Gql = <T = any>(query: string, variables?: Record<string, unknown>, options?: GqlOptions) => Promise<GqlResponse<T>>;

export const TEST_ENV = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  // Random per run: production refuses published constants, and tests run the app in production mode too.
  JWT_SECRET: randomBytes(32).toString('base64url'),
  RATE_LIMIT_PER_IP: '1000000',
  RATE_LIMIT_PER_USER: '1000000',
  RATE_LIMIT_SIGN_IN_PER_IP: '1000000',
  // The query-budget and limits tests read the x-sql-statements header.
  SQL_STATEMENTS_HEADER: 'true',
  // CI's second pass of the suites (.ci/run, PostgreSQL 15) sets 0: every operation then runs compiled.
  GRAPHQL_COMPILE_AFTER_RUNS: process.env.GRAPHQL_COMPILE_AFTER_RUNS ?? '1',
};

/** A real application on the test database, as the app role: everything goes through GraphQL over HTTP. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({ ...TEST_ENV, ...env });
  const app = await createApp(config, testUrls().appUrl);
  await app.init();
  const server = app.getHttpServer();
  const gql: Gql = async (query, variables = {}, options = {}) => {
    let req = request(server).post('/graphql').set('content-type', 'application/json');
    if (options.token) req = req.set('authorization', `Bearer ${options.token}`);
    if (options.tenant) req = req.set('x-tenant-id', options.tenant);
    for (const [k, v] of Object.entries(options.headers ?? {})) req = req.set(k, v);
    const res = await req.send({ query, variables });
    const body = res.body as GqlResponse['body'];
    return {
      status: res.status,
      body,
      data: body.data as never,
      errors: body.errors,
      code: body.errors?.[0]?.extensions?.code,
      sqlStatements: Number(res.headers['x-sql-statements'] ?? NaN),
      readFrom: res.headers['x-read-from'],
    };
  };
  return { app, config, gql, close: () => app.close() };
}

export interface TestUser {
  id: string;
  email: string;
  token: string;
}

export async function signUp(gql: Gql, name = 'Test User'): Promise<TestUser> {
  const email = `user-${randomUUID()}@example.test`;
  const res = await gql(
    `mutation($input: SignUpInput!) { signUp(input: $input) { token user { id email } } }`,
    { input: { email, password: 'correct horse battery', name } },
  );
  if (!res.data) throw new Error(`signUp failed: ${JSON.stringify(res.body)}`);
  return { id: res.data.signUp.user.id, email, token: res.data.signUp.token };
}

export const DEFAULT_PROFILE = {
  employeeCount: 300,
  departments: ['MARKETING', 'SALES', 'PR', 'IT'],
  culture: 'HIERARCHICAL',
  market: 'B2B',
  locations: 2,
};

export async function createTenant(
  gql: Gql,
  user: TestUser,
  options: { name?: string; profile?: Record<string, unknown>; asConsultant?: boolean } = {},
): Promise<string> {
  const res = await gql(
    `mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }`,
    {
      input: {
        name: options.name ?? `Org ${randomUUID().slice(0, 8)}`,
        profile: options.profile ?? DEFAULT_PROFILE,
        asConsultant: options.asConsultant ?? false,
      },
    },
    { token: user.token },
  );
  if (!res.data) throw new Error(`createTenant failed: ${JSON.stringify(res.body)}`);
  return res.data.createTenant.id;
}

/**
 * Makes `member` a member of `tenant` the only way there is (issue 19): the owner invites the member's email
 * (inviteMember; without SMTP_URL the token comes back once) and the member accepts it.
 */
export async function addMember(gql: Gql, owner: TestUser, tenant: string, member: TestUser, role: string): Promise<void> {
  const token = await invite(gql, owner, tenant, member.email, role);
  const accepted = await gql(`mutation($token: String!) { acceptInvitation(token: $token) { id } }`, { token }, { token: member.token });
  if (accepted.data?.acceptInvitation?.id !== tenant) throw new Error(`acceptInvitation failed: ${JSON.stringify(accepted.body)}`);
}

/** Invites an email into a tenant; returns the invitation's token (no SMTP_URL in tests: it is returned once). */
export async function invite(gql: Gql, inviter: TestUser, tenant: string, email: string, role: string): Promise<string> {
  const res = await gql(
    `mutation($email: String!, $role: Role!) { inviteMember(email: $email, role: $role) { id token } }`,
    { email, role },
    { token: inviter.token, tenant },
  );
  if (!res.data?.inviteMember?.token) throw new Error(`inviteMember failed: ${JSON.stringify(res.body)}`);
  return res.data.inviteMember.token;
}

/** Creates an API key in a tenant as `admin`; returns its id and secret. */
export async function createApiKey(
  gql: Gql,
  admin: TestUser,
  tenant: string,
  scopes: string[],
  expiresAt?: string,
): Promise<{ id: string; secret: string }> {
  const res = await gql(
    `mutation($name: String!, $scopes: [ApiKeyScope!]!, $expiresAt: DateTime) {
       createApiKey(name: $name, scopes: $scopes, expiresAt: $expiresAt) { apiKey { id } secret } }`,
    { name: `key ${scopes.join('+')}`, scopes, expiresAt: expiresAt ?? null },
    { token: admin.token, tenant },
  );
  if (!res.data?.createApiKey) throw new Error(`createApiKey failed: ${JSON.stringify(res.body)}`);
  return { id: res.data.createApiKey.apiKey.id, secret: res.data.createApiKey.secret };
}
