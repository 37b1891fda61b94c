import type { AssessmentAnswers } from '../../src/scoring';
import type { TenantRef } from './generate';

export type WorkloadName = 'Q1' | 'Q2' | 'Q3';

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

export function parseBody(body: string): GqlBody | null {
  return parse(body);
}
