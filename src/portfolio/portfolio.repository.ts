import { Injectable } from '@nestjs/common';
import type { AssessmentAnswers, ScoringResult, Stage } from '../scoring';
import type { PortfolioProjection } from './portfolio-projection';
import { TenantTransaction } from '../tenancy/tenant-transaction';
import type { TenantRow } from '../tenants/tenant.row';

/**
 * One client of the consultant with its latest and previous current assessment in period order (null columns when none, or when
 * the projection left them out: latest_result is then only `{ dimensions }`).
 */
export interface PortfolioRow extends Omit<TenantRow, 'id' | 'created_at'> {
  tenant_id: string;
  tenant_created_at: Date;
  latest_id: string | null;
  latest_period: string | null;
  latest_submitted_at: Date | null;
  latest_superseded_at: Date | null;
  latest_model_version: string | null;
  latest_overall_score: number | null;
  latest_stage: Stage | null;
  latest_result: ScoringResult | Pick<ScoringResult, 'dimensions'> | null;
  latest_answers: AssessmentAnswers | null;
  previous_id: string | null;
  previous_period: string | null;
  previous_submitted_at: Date | null;
  previous_superseded_at: Date | null;
  previous_model_version: string | null;
  previous_overall_score: number | null;
  previous_stage: Stage | null;
  previous_result: ScoringResult | null;
  previous_answers: AssessmentAnswers | null;
  /** The latest submission time of the current assessments (the due date counts from it). */
  last_submitted_at: Date | null;
}

@Injectable()
export class PortfolioRepository {
  constructor(private readonly tx: TenantTransaction) {}

  /**
   * The caller's CONSULTANT tenants in one statement, whatever their number. consultant_portfolio() (migration
   * 1764150003000) turns the transaction-local flag app.portfolio on for its own query only: the policies
   * consultant_portfolio_read then admit the rows of tenants where app.user_id is CONSULTANT, nothing else. The
   * projection (migration 1764150007000) leaves out the large JSON columns the request does not need.
   */
  async consultantPortfolio(projection: PortfolioProjection): Promise<PortfolioRow[]> {
    const manager = await this.tx.manager();
    return manager.query<PortfolioRow[]>('SELECT * FROM consultant_portfolio($1, $2, $3)', [
      projection.latestDetail,
      projection.latestAnswers,
      projection.previousDetail,
    ]);
  }
}
