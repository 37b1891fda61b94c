/**
 * Q2 for the bare peers: the same one statement as the application's AssessmentsRepository.consultantClients with the projection Q2's
 * selection gives (dimensions and scores, no findings, answers or previous assessment), the same status rules.
 */
import type { ClientBase } from 'pg';
import { CONSULTANT_PORTFOLIO_SQL, consultantPortfolioParams } from '../../src/assessments/assessment-sql';
import { portfolioStatus, sortPortfolio } from '../../src/portfolio/portfolio-status';
import type { ScoringResult, Stage } from '../../src/scoring';

export const PORTFOLIO_SDL = `
  type PortfolioTenant { id: ID! name: String! }
  type PortfolioEntry {
    tenant: PortfolioTenant! latestAssessment: Assessment stage: String delta: Float dueAt: String overdue: Boolean!
    weakestDimension: String scoreDropAlert: Boolean!
  }
  type Portfolio { entries: [PortfolioEntry!]! overdueCount: Int! }
`;

interface Row {
  tenant_id: string;
  name: string;
  reassessment_cadence_days: number;
  tenant_created_at: Date;
  latest_id: string | null;
  latest_period: string | null;
  latest_submitted_at: Date | null;
  latest_model_version: string | null;
  latest_overall_score: number | null;
  latest_stage: Stage | null;
  latest_result: Pick<ScoringResult, 'dimensions'> | null;
  previous_overall_score: number | null;
  last_submitted_at: Date | null;
}

export async function portfolio(client: ClientBase) {
  // The service's statement and Q2's projection (scores and dimensions only), never a copy.
  const projection = { latestDetail: false, latestAnswers: false, previousDetail: false };
  const { rows } = await client.query<Row>(CONSULTANT_PORTFOLIO_SQL, consultantPortfolioParams(projection));
  const now = new Date();
  const entries = rows.map((row) => {
    const latest =
      row.latest_id && row.latest_submitted_at && row.latest_result
        ? {
            id: row.latest_id,
            period: row.latest_period,
            submittedAt: row.latest_submitted_at.toISOString(),
            modelVersion: row.latest_model_version,
            overallScore: row.latest_overall_score as number,
            stage: row.latest_stage,
            dimensions: row.latest_result.dimensions,
          }
        : null;
    const status = portfolioStatus(
      {
        tenantCreatedAt: row.tenant_created_at,
        cadenceDays: row.reassessment_cadence_days,
        // The due date counts from the latest submission of any current assessment, not the latest period's.
        latest: latest && { lastSubmittedAt: row.last_submitted_at as Date, overallScore: latest.overallScore, dimensions: latest.dimensions },
        previousScore: row.previous_overall_score,
      },
      now,
    );
    return {
      id: row.tenant_id,
      name: row.name,
      tenant: { id: row.tenant_id, name: row.name },
      latestAssessment: latest,
      stage: row.latest_stage,
      overallScore: row.latest_overall_score,
      ...status,
      dueAt: status.dueAt.toISOString(),
      dueAtDate: status.dueAt,
    };
  });
  const sorted = sortPortfolio(
    entries.map((e) => ({ ...e, dueAt: e.dueAtDate })),
    'OVERDUE_FIRST',
  );
  return {
    entries: sorted.map((e) => ({ ...e, dueAt: e.dueAt.toISOString() })),
    overdueCount: entries.filter((e) => e.overdue).length,
  };
}
