/** Q2, the consultant's dashboard: the app's and the bare peer's query, PostGraphile's, and their checks. */
export const Q2_QUERY = `query Q2 {
  portfolio {
    overdueCount
    entries {
      tenant { id name }
      stage delta dueAt overdue weakestDimension scoreDropAlert
      latestAssessment { id overallScore stage dimensions { dimension score applicable weight } }
    }
  }
}`;

/**
 * PostGraphile: the consultant's client tenants with their newest assessment (the portfolio policy admits them).
 * Its default schema offers no condition on superseded_at (not indexed alone): the check asserts the newest one
 * is current instead, which holds for the generated data.
 */
export const Q2_POSTGRAPHILE = `query Q2 {
  allTenants {
    nodes {
      id: rowId name
      assessmentsByTenantId(first: 1, orderBy: [SUBMITTED_AT_DESC, ROW_ID_DESC]) {
        nodes { id: rowId overallScore stage supersededAt result }
      }
    }
  }
}`;

interface Body {
  data?: Record<string, unknown> | null;
  errors?: unknown[];
}

function problem(status: number, body: Body | null, raw: string): string | null {
  if (status !== 200) return `status ${status}: ${raw.slice(0, 300)}`;
  if (!body) return `not JSON: ${raw.slice(0, 200)}`;
  if (body.errors?.length) return `errors: ${JSON.stringify(body.errors).slice(0, 300)}`;
  return null;
}

export function checkPortfolio(status: number, body: Body | null, raw: string, clients: string[]): string | null {
  const p = problem(status, body, raw);
  if (p) return p;
  const entries = (body!.data?.portfolio as { entries?: { tenant: { id: string }; latestAssessment: { dimensions: unknown[] } | null }[] })?.entries;
  if (!Array.isArray(entries) || entries.length !== clients.length) return `expected ${clients.length} entries: ${raw.slice(0, 200)}`;
  const ids = new Set(clients);
  for (const e of entries) {
    if (!ids.has(e.tenant.id)) return `foreign tenant ${e.tenant.id}`;
    if (!e.latestAssessment || e.latestAssessment.dimensions.length !== 7) return `no latest assessment for ${e.tenant.id}`;
  }
  return null;
}

export function checkPostGraphilePortfolio(status: number, body: Body | null, raw: string, clients: string[]): string | null {
  const p = problem(status, body, raw);
  if (p) return p;
  const nodes = (
    body!.data?.allTenants as {
      nodes?: { id: string; assessmentsByTenantId: { nodes: { supersededAt: string | null; result: { dimensions: unknown[] } }[] } }[];
    }
  )?.nodes;
  if (!Array.isArray(nodes) || nodes.length !== clients.length) return `expected ${clients.length} tenants: ${raw.slice(0, 200)}`;
  const ids = new Set(clients);
  for (const n of nodes) {
    if (!ids.has(n.id)) return `foreign tenant ${n.id}`;
    const latest = n.assessmentsByTenantId.nodes[0];
    if (!latest || latest.supersededAt !== null || latest.result.dimensions.length !== 7) return `no latest assessment for ${n.id}`;
  }
  return null;
}
