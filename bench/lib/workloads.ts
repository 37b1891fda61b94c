import type { AssessmentAnswers } from '../../src/scoring';
import type { TenantRef } from './generate';

export type WorkloadName = 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'Q5';

export const Q1_QUERY = `query Q1($id: ID!) {
  assessment(id: $id) {
    id period submittedAt modelVersion overallScore stage appliedCaps
    dimensions { dimension score applicable weight }
    findings { code severity dimension responsibility message recommendation }
  }
}`;

export const Q3_MUTATION = `mutation Q3($input: SubmitAssessmentInput!) {
  submitAssessment(input: $input) {
    id period overallScore stage appliedCaps
    dimensions { dimension score applicable weight }
    findings { code severity message }
  }
}`;

/**
 * Q4, the workspace's client page in one request: the tenant with its latest assessment (findings, change), its
 * growth, the roadmap toward its target, its open actions and its open campaign. The overview page's query
 * (web/src/api/documents.ts TenantOverview) with what the roadmap, actions and campaigns pages show of them.
 */
export const Q4_QUERY = `query Q4 {
  tenant {
    id name myRole
    latestAssessment {
      id period submittedAt overallScore stage appliedCaps delta
      dimensions { dimension score applicable weight }
      findings { code severity dimension responsibility message recommendation }
    }
    growth { totalPoints overallSlopePer90Days nextStage points(last: 20) { id period overallScore stage } }
    roadmap { targetStage reachesTarget steps { move responsibility department description overallScore stage } }
    actions(first: 20, status: OPEN) { totalCount edges { node { id title move status dueAt overdue } } }
    campaigns(first: 1, status: OPEN) { edges { node { id period closesAt invitedCount responseCount } } }
  }
}`;

/** Q5, a respondent's answer through a response link (no login; answering again replaces the answer). */
export const Q5_MUTATION = `mutation Q5($token: String!, $answers: AssessmentAnswersInput!) {
  submitCampaignResponse(token: $token, answers: $answers)
}`;

/** PostGraphile's Q1: the assessment by its primary key; dimensions and findings live in the result JSON. */
export const Q1_POSTGRAPHILE = `query Q1($tenantId: UUID!, $id: UUID!) {
  assessment: assessmentByTenantIdAndRowId(tenantId: $tenantId, rowId: $id) {
    id: rowId period submittedAt modelVersion overallScore stage result
  }
}`;

const ANSWERS: AssessmentAnswers = {
  overallSatisfaction: 3,
  managementSupport: 4,
  hasPolicy: true,
  policyRoleModel: 4,
  hasCrisisPlan: false,
  hasMonitoring: true,
  reportingCadence: 'MONTHLY',
  communityApplicable: false,
};

/**
 * Periods a submission may use (domain.md: started, from 2000 on), none of them a quarter the data set's history
 * uses (2024-Q1 to 2025-Q4, generate.ts): every month from 2000-01 to this one, the quarters of 2000-2023, the
 * halves and the years that have started. About 500 per tenant.
 */
function submissionPeriods(today = new Date()): string[] {
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth() + 1;
  const periods: string[] = [];
  for (let y = 2000; y <= year; y++) {
    for (let m = 1; m <= (y === year ? month : 12); m++) periods.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  for (let y = 2000; y <= 2023; y++) for (let q = 1; q <= 4; q++) periods.push(`${y}-Q${q}`);
  for (let y = 2000; y <= year; y++) {
    periods.push(`${y}-H1`);
    if (y < year || month >= 7) periods.push(`${y}-H2`);
    periods.push(String(y));
  }
  return periods;
}

let periods: string[] | null = null;

/**
 * The k-th submission of the whole run: tenants in turn, and for each tenant a period no other submission of the
 * run used, so every one succeeds without superseding or conflicting.
 */
export function submissionFor(k: number, submitters: TenantRef[], run: string) {
  const ref = submitters[k % submitters.length];
  const slot = Math.floor(k / submitters.length);
  periods ??= submissionPeriods();
  const period = periods[slot];
  if (!period) throw new Error(`more than ${periods.length} submissions per tenant: add submission tenants`);
  return {
    ref,
    input: {
      period,
      idempotencyKey: `bench-${run}-${k}`,
      answers: { ...ANSWERS, overallSatisfaction: (k % 5) + 1 },
    },
  };
}

export interface Check {
  ok: boolean;
  why?: string;
}

interface GqlBody {
  data?: Record<string, unknown> | null;
  errors?: unknown[];
}

function parse(body: string): GqlBody | null {
  try {
    return JSON.parse(body) as GqlBody;
  } catch {
    return null;
  }
}

/** A response is right when it is 200, has no errors, and has the expected id and shape. */
export function checkAssessment(status: number, body: string, field: string, expect: { id?: string; period?: string }): Check {
  if (status !== 200) return { ok: false, why: `status ${status}: ${body.slice(0, 300)}` };
  const parsed = parse(body);
  if (!parsed) return { ok: false, why: `not JSON: ${body.slice(0, 200)}` };
  if (parsed.errors?.length) return { ok: false, why: `errors: ${JSON.stringify(parsed.errors).slice(0, 300)}` };
  const a = parsed.data?.[field] as
    | { id?: string; period?: string; dimensions?: unknown[]; findings?: unknown[]; result?: { dimensions?: unknown[] } }
    | undefined;
  if (!a) return { ok: false, why: `no ${field}: ${body.slice(0, 200)}` };
  if (expect.id && a.id !== expect.id) return { ok: false, why: `id ${a.id} instead of ${expect.id}` };
  if (expect.period && a.period !== expect.period) return { ok: false, why: `period ${a.period} instead of ${expect.period}` };
  const dimensions = a.dimensions ?? a.result?.dimensions;
  if (!Array.isArray(dimensions) || dimensions.length !== 7) return { ok: false, why: 'dimensions missing' };
  if (!a.result && !Array.isArray(a.findings)) return { ok: false, why: 'findings missing' };
  return { ok: true };
}

/** The k-th response of the run: the links in turn (each answered again and again), varied answers. */
export function responseFor(k: number, tokens: string[]) {
  return { token: tokens[k % tokens.length], answers: { ...ANSWERS, overallSatisfaction: (k % 5) + 1, managementSupport: ((k >> 2) % 5) + 1 } };
}

interface ClientPage {
  tenant?: {
    id?: string;
    latestAssessment?: { dimensions?: unknown[]; findings?: unknown[] } | null;
    growth?: { totalPoints?: number; points?: unknown[] };
    roadmap?: { steps?: unknown[] } | null;
    actions?: { totalCount?: number; edges?: { node: { status: string } }[] };
    campaigns?: { edges?: { node: { id: string } }[] };
  };
}

/** Q4 is right when the tenant, its assessment (7 dimensions), growth, roadmap, open actions and campaign are there. */
export function checkClientPage(status: number, body: string, expect: { tenantId: string; actions: number; campaign: string }): Check {
  if (status !== 200) return { ok: false, why: `status ${status}: ${body.slice(0, 300)}` };
  const parsed = parse(body);
  if (!parsed) return { ok: false, why: `not JSON: ${body.slice(0, 200)}` };
  if (parsed.errors?.length) return { ok: false, why: `errors: ${JSON.stringify(parsed.errors).slice(0, 300)}` };
  const t = (parsed.data as ClientPage | null | undefined)?.tenant;
  if (t?.id !== expect.tenantId) return { ok: false, why: `tenant ${t?.id} instead of ${expect.tenantId}` };
  if (t.latestAssessment?.dimensions?.length !== 7 || !Array.isArray(t.latestAssessment.findings)) return { ok: false, why: 'latest assessment missing' };
  if (!t.growth?.totalPoints || t.growth.points?.length !== Math.min(20, t.growth.totalPoints)) return { ok: false, why: 'growth missing' };
  if (!t.roadmap || !Array.isArray(t.roadmap.steps)) return { ok: false, why: 'roadmap missing' };
  const actions = t.actions?.edges ?? [];
  if (t.actions?.totalCount !== expect.actions || actions.length !== expect.actions || actions.some((e) => e.node.status !== 'OPEN')) {
    return { ok: false, why: `expected ${expect.actions} open actions: ${JSON.stringify(t.actions).slice(0, 200)}` };
  }
  if (t.campaigns?.edges?.[0]?.node.id !== expect.campaign) return { ok: false, why: 'open campaign missing' };
  return { ok: true };
}

/** Q5 is right when the answer was taken. */
export function checkResponse(status: number, body: string): Check {
  if (status !== 200) return { ok: false, why: `status ${status}: ${body.slice(0, 300)}` };
  const parsed = parse(body);
  if (parsed?.data?.submitCampaignResponse !== true || parsed.errors?.length) return { ok: false, why: `not taken: ${body.slice(0, 300)}` };
  return { ok: true };
}

export function parseBody(body: string): GqlBody | null {
  return parse(body);
}
