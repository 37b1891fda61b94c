// An external system submitting its periodic reassessment through the public GraphQL API, with typed
// documents generated from the API's schema (see codegen.ts; the generated gql/ folder is committed).
//
//   SMT_API_KEY=smt_live_... node examples/submit-reassessment/submit.ts reassessment.json
//
// It authenticates with the tenant's API key (scope SUBMIT_ASSESSMENTS), sent as `Authorization: Bearer <key>`;
// the key belongs to one tenant, so no x-tenant-id is sent. The key comes from the environment, never the file.
//
// Node 24 runs this file as it is (type stripping); `npx tsc -p examples/submit-reassessment` type-checks it.
import { readFileSync } from 'node:fs';
import { graphql } from './gql/gql.ts';
import type { AssessmentAnswersInput, TypedDocumentString } from './gql/graphql.ts';

/** The JSON file this client reads (the API key is not in it: SMT_API_KEY). */
interface Request {
  /** The API's GraphQL endpoint; the SMT_API_URL environment variable wins over it; default http://localhost:3000/graphql. */
  url?: string;
  period: string;
  answers: AssessmentAnswersInput;
  /** Chosen by this system and kept with its record of the submission, e.g. "hr-system:2026-Q4". */
  idempotencyKey: string;
  /** Replace an assessment already submitted for this period. */
  supersede?: boolean;
}

const SubmitReassessment = graphql(`
  mutation SubmitReassessment($input: SubmitAssessmentInput!) {
    submitAssessment(input: $input) {
      id
      period
      overallScore
      stage
      appliedCaps
      delta
      previous {
        period
      }
      findings {
        severity
        code
        message
        recommendation
      }
    }
  }
`);

class ApiError extends Error {
  readonly code: string;
  readonly url: string;
  constructor(message: string, code: string, url: string) {
    super(message);
    this.code = code;
    this.url = url;
  }
}

interface Connection {
  url: string;
  /** The API key's secret (smt_live_...). */
  apiKey: string;
}

/** One typed operation over HTTP: the result's type comes from the document. */
async function execute<TResult, TVariables>(
  api: Connection,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  headers.authorization = `Bearer ${api.apiKey}`;
  let response: Response;
  try {
    response = await fetch(api.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(`Could not reach ${api.url}: ${cause?.code ?? cause?.message ?? (error as Error).message}`, {
      cause: error,
    });
  }
  const notGraphQL = new Error(
    `${api.url} answered HTTP ${response.status} without a GraphQL response: is it the API's /graphql endpoint?`,
  );
  let body: { data?: TResult; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw notGraphQL;
  }
  if (!body || typeof body !== 'object' || !('data' in body || 'errors' in body)) throw notGraphQL;
  if (body.errors?.length) {
    const [first] = body.errors;
    throw new ApiError(first.message, first.extensions?.code ?? `HTTP_${response.status}`, api.url);
  }
  if (!body.data) throw new ApiError(`No data in the response (HTTP ${response.status})`, `HTTP_${response.status}`, api.url);
  return body.data;
}

function readRequest(file: string): Request {
  const request = JSON.parse(readFileSync(file, 'utf8')) as Partial<Request>;
  const missing = (['period', 'answers', 'idempotencyKey'] as const).filter((key) => request[key] === undefined);
  if (missing.length) throw new Error(`${file} lacks: ${missing.join(', ')}`);
  return request as Request;
}

const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toFixed(1);
const signed = (n: number) => (Math.round(n * 10) > 0 ? `+${oneDecimal(n)}` : oneDecimal(n));
const words = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');

async function main(file: string | undefined): Promise<void> {
  if (!file) throw new Error('usage: node examples/submit-reassessment/submit.ts <request.json>');
  const request = readRequest(file);
  const apiKey = process.env.SMT_API_KEY?.trim();
  if (!apiKey) {
    throw new Error(
      'SMT_API_KEY is not set: an OWNER or ADMIN creates a key with the scope SUBMIT_ASSESSMENTS (createApiKey, or the workspace\'s API keys tab) and this system keeps its secret (smt_live_...)',
    );
  }
  const api: Connection = {
    // The environment wins over the file: one request file can be sent to a test and a live API.
    url: process.env.SMT_API_URL || request.url || 'http://localhost:3000/graphql',
    apiKey,
  };
  const { submitAssessment: a } = await execute(api, SubmitReassessment, {
    input: {
      period: request.period,
      answers: request.answers,
      idempotencyKey: request.idempotencyKey,
      supersede: request.supersede ?? false,
    },
  });

  const change = a.delta === null || a.delta === undefined ? 'first assessment' : `${signed(a.delta)} since ${a.previous?.period}`;
  const caps = a.appliedCaps.length ? ` (held back: ${a.appliedCaps.join(', ')})` : '';
  const lines = [
    `Submitted ${a.period} (assessment ${a.id})`,
    `Stage: ${a.stage}${caps}`,
    `Score: ${oneDecimal(a.overallScore)} / 100 (${change})`,
    a.findings.length ? 'Top findings:' : 'No findings: nothing to fix.',
    ...a.findings.slice(0, 3).flatMap((f, i) => [
      `  ${i + 1}. [${f.severity}] ${words(f.code)}: ${f.message}`,
      `     What to do: ${f.recommendation}`,
    ]),
  ];
  if (a.findings.length > 3) lines.push(`  ... and ${a.findings.length - 3} more`);
  console.log(lines.join('\n'));
}

main(process.argv[2]).catch((error: unknown) => {
  if (error instanceof ApiError) console.error(`The API at ${error.url} refused: ${error.message} (${error.code})`);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
