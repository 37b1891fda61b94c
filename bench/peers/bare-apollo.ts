/**
 * Peer (a): a bare Apollo Server 5 (its standalone HTTP server) + pg with hand-written SQL. Same JWT check
 * (HS256 pinned, issuer, audience, expiry), the same per-request transaction (the application's tenant protocol:
 * user, then membership proven before app.tenant_id is set) and the same row-level security as the app role.
 */
import { installChild, ready, requiredEnv } from '../lib/child';

installChild();

import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError } from 'graphql';
import { createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { usePreparedStatements } from '../../src/database/prepared-statements';
import { findingTexts } from '../../src/i18n';
import { Pool, type PoolClient } from 'pg';
import { assessmentById, openTenant, commit, rollback, submitAssessment, type AssessmentRow, type SubmitInput, type TenantProtocol } from './sql';
import { portfolio, PORTFOLIO_SDL } from './portfolio';
import { answerLink, CLIENT_PAGE_SDL, clientPage, ResponseRefused } from './client-page';

const typeDefs = `#graphql
  type DimensionScore { dimension: String! score: Float applicable: Boolean! weight: Float! }
  type Finding {
    code: String! severity: String! dimension: String responsibility: String message: String! recommendation: String!
  }
  type Assessment {
    id: ID! period: String! submittedAt: String! modelVersion: String! overallScore: Float! stage: String!
    appliedCaps: [String!]! dimensions: [DimensionScore!]! findings: [Finding!]! delta: Float
  }
  input AssessmentAnswersInput {
    overallSatisfaction: Int! managementSupport: Int! hasPolicy: Boolean! policyRoleModel: Int!
    hasCrisisPlan: Boolean! hasMonitoring: Boolean! reportingCadence: String! communityApplicable: Boolean!
  }
  input SubmitAssessmentInput {
    period: String! answers: AssessmentAnswersInput! idempotencyKey: String! supersede: Boolean
  }
  ${PORTFOLIO_SDL}
  ${CLIENT_PAGE_SDL}
  type Query { assessment(id: ID!): Assessment  portfolio: Portfolio!  tenant: Tenant! }
  type Mutation {
    submitAssessment(input: SubmitAssessmentInput!): Assessment!
    submitCampaignResponse(token: String!, answers: AssessmentAnswersInput!): Boolean!
  }
`;

interface Context {
  /** Null without an Authorization header: only the response link's mutation takes that. */
  userId: string | null;
  tenantId: string | null;
  requestId: string;
}

/** A KeyObject, as the application passes it (a string makes jsonwebtoken try a public-key parse each time). */
const secret = createSecretKey(Buffer.from(requiredEnv('JWT_SECRET'), 'utf8'));
const issuer = requiredEnv('JWT_ISSUER');
const audience = requiredEnv('JWT_AUDIENCE');
const protocol = (process.env.BENCH_PROTOCOL ?? 'merged') as TenantProtocol;
/** Named statements, as the application sends them (src/database/prepared-statements.ts). */
const prepared = process.env.BENCH_PREPARED !== 'off';
const pool = new Pool({ connectionString: requiredEnv('BENCH_APP_URL'), max: Number(process.env.DB_POOL_SIZE ?? 10) });
const EDITORS = ['OWNER', 'ADMIN', 'CONSULTANT', 'CONTRIBUTOR'];
let requests = 0;

function fail(message: string, code: string): never {
  throw new GraphQLError(message, { extensions: { code } });
}

/** One transaction for the operation: opened with the tenant protocol, committed (or rolled back) at the end. */
async function inTransaction<T>(ctx: Context, roles: string[] | null, work: (client: PoolClient, role: string) => Promise<T>): Promise<T> {
  if (!ctx.userId) fail('Missing, invalid or expired token', 'UNAUTHENTICATED');
  const client = await pool.connect();
  if (prepared) usePreparedStatements(client);
  try {
    const role = await openTenant(client, protocol, ctx.userId, ctx.tenantId);
    if (roles && (!role || !roles.includes(role))) fail('You are not a member of this tenant', 'FORBIDDEN');
    const result = await work(client, role ?? '');
    await commit(client);
    return result;
  } catch (e) {
    await rollback(client).catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** A transaction with no caller (a response link): the application's opening for a public operation. */
async function inPublicTransaction<T>(work: (client: PoolClient) => Promise<{ result: T; beforeCommit: string }>): Promise<T> {
  const client = await pool.connect();
  if (prepared) usePreparedStatements(client);
  try {
    await client.query(`BEGIN; SELECT set_config('app.user_id', '', true)`);
    const { result, beforeCommit } = await work(client);
    await client.query(`${beforeCommit}; COMMIT`);
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (e instanceof ResponseRefused) fail(e.message, e.code);
    throw e;
  } finally {
    client.release();
  }
}

function toAssessment(row: AssessmentRow) {
  return {
    id: row.id,
    period: row.period,
    submittedAt: row.submitted_at.toISOString(),
    modelVersion: row.model_version,
    overallScore: row.overall_score,
    stage: row.stage,
    appliedCaps: row.result.appliedCaps,
    dimensions: row.result.dimensions,
    // Stored results keep codes only: the peer writes the texts as the app does (English, its default).
    findings: row.result.findings.map((f) => ({ ...f, ...findingTexts('en', f) })),
  };
}

const resolvers = {
  Query: {
    assessment: (_: unknown, args: { id: string }, ctx: Context) =>
      inTransaction(ctx, EDITORS.concat('VIEWER'), async (client) => {
        const row = await assessmentById(client, args.id);
        return row ? toAssessment(row) : null;
      }),
    portfolio: (_: unknown, __: unknown, ctx: Context) =>
      inTransaction({ ...ctx, tenantId: null }, null, (client) => portfolio(client)),
    tenant: (_: unknown, __: unknown, ctx: Context) =>
      inTransaction(ctx, EDITORS.concat('VIEWER'), (client, role) => clientPage(client, ctx.tenantId!, role)),
  },
  Mutation: {
    submitAssessment: (_: unknown, args: { input: SubmitInput }, ctx: Context) =>
      inTransaction(ctx, EDITORS, async (client) =>
        toAssessment(await submitAssessment(client, ctx.userId!, args.input, ctx.requestId)),
      ),
    submitCampaignResponse: (_: unknown, args: { token: string; answers: SubmitInput['answers'] }, ctx: Context) =>
      inPublicTransaction(async (client) => ({
        result: true,
        beforeCommit: await answerLink(client, args.token, args.answers, ctx.requestId),
      })),
  },
};

async function main(): Promise<void> {
  const server = new ApolloServer<Context>({
    typeDefs,
    resolvers,
    introspection: false,
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  const port = Number(requiredEnv('BENCH_PORT'));
  await startStandaloneServer(server, {
    listen: { port, host: '127.0.0.1' },
    // eslint-disable-next-line @typescript-eslint/require-await -- Apollo wants a promise; the check is synchronous
    context: async ({ req }) => {
      requests += 1;
      const tenant = req.headers['x-tenant-id'];
      const header = req.headers.authorization ?? '';
      if (!header) return { userId: null, tenantId: null, requestId: String(requests) };
      const token = header.startsWith('Bearer ') ? header.slice(7) : '';
      let sub: unknown;
      try {
        sub = (jwt.verify(token, secret, { algorithms: ['HS256'], issuer, audience }) as { sub?: unknown }).sub;
      } catch {
        fail('Missing, invalid or expired token', 'UNAUTHENTICATED');
      }
      if (typeof sub !== 'string') fail('Invalid token', 'UNAUTHENTICATED');
      return { userId: sub, tenantId: typeof tenant === 'string' && tenant ? tenant : null, requestId: String(requests) };
    },
  });
  ready(port);
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
