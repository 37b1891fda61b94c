import { Injectable } from '@nestjs/common';
import { AssessmentLoaders } from '../assessments/assessment.loaders';
import { toAssessmentSummary, type AssessmentSummaryRecord } from '../assessments/assessment.mapper';
import type { Assessment } from '../assessments/assessment.model';
import type { Stage } from '../scoring';
import { tenantFromRow } from '../tenants/tenant.row';
import { toTenant } from '../tenants/tenants.service';
import { Clock } from './clock';
import type { PortfolioArgs } from './dto/portfolio.args';
import type { Portfolio, PortfolioEntry } from './portfolio.model';
import { SUMMARY_PROJECTION, type PortfolioProjection } from './portfolio-projection';
import { PortfolioRepository, type PortfolioRow } from './portfolio.repository';
import { filterPortfolio, portfolioStatus, sortPortfolio } from './portfolio-status';

@Injectable()
export class PortfolioService {
  constructor(
    private readonly repository: PortfolioRepository,
    private readonly assessmentLoaders: AssessmentLoaders,
    private readonly clock: Clock,
  ) {}

  /**
   * The caller's CONSULTANT tenants; the counts cover the whole portfolio, the entries only what the filter keeps.
   * The projection says which parts of the assessments the caller will read (the rest is not fetched).
   */
  async portfolio(
    args: Pick<PortfolioArgs, 'filter' | 'sort'>,
    projection: PortfolioProjection = SUMMARY_PROJECTION,
  ): Promise<Omit<Portfolio, 'entriesAsked'>> {
    const rows = await this.repository.consultantPortfolio(projection);
    const now = this.clock.now();
    const all = rows.map((row) => this.toEntry(row, now, projection));
    const sorted = sortPortfolio(filterPortfolio(all, args.filter), args.sort);
    return {
      sorted,
      sort: args.sort,
      overdueCount: all.filter((e) => e.overdue).length,
      alertCount: all.filter((e) => e.scoreDropAlert).length,
      totalCount: all.length,
    };
  }

  /** All entries (every page), default order: for the CSV export. */
  all(): Promise<Omit<Portfolio, 'entriesAsked'>> {
    return this.portfolio({ filter: null, sort: 'OVERDUE_FIRST' });
  }

  private toEntry(row: PortfolioRow, now: Date, projection: PortfolioProjection): PortfolioEntry {
    const latest = assessmentOf(row, 'latest');
    const previous = projection.previousDetail ? assessmentOf(row, 'previous') : null;
    // Assessment.previous/delta would be looked up under the tenant policy, where no tenant is selected here:
    // hand the loaders what this query already knows.
    if (latest && projection.previousDetail) this.assessmentLoaders.primePrevious(latest.id, previous);
    else if (latest) this.assessmentLoaders.primePreviousScore(latest.id, row.previous_overall_score);
    const status = portfolioStatus(
      {
        tenantCreatedAt: row.tenant_created_at,
        cadenceDays: row.reassessment_cadence_days,
        latest: latest && {
          lastSubmittedAt: row.last_submitted_at ?? latest.submittedAt,
          overallScore: latest.overallScore,
          dimensions: latest.dimensions,
        },
        previousScore: row.previous_overall_score,
      },
      now,
    );
    return {
      id: row.tenant_id,
      name: row.name,
      tenant: toTenant(
        tenantFromRow({ ...row, id: row.tenant_id, created_at: row.tenant_created_at }),
        'CONSULTANT',
      ),
      latestAssessment: latest,
      stage: latest?.stage ?? null,
      overallScore: latest?.overallScore ?? null,
      ...status,
    };
  }
}

function assessmentOf(row: PortfolioRow, which: 'latest' | 'previous'): Assessment | null {
  const id = row[`${which}_id`];
  const submittedAt = row[`${which}_submitted_at`];
  if (!id || !submittedAt) return null;
  const record: AssessmentSummaryRecord = {
    id,
    period: row[`${which}_period`] as string,
    submittedAt,
    submittedKey: String(submittedAt.getTime() * 1000),
    supersededAt: row[`${which}_superseded_at`],
    modelVersion: row[`${which}_model_version`] as string,
    overallScore: row[`${which}_overall_score`] as number,
    stage: row[`${which}_stage`] as Stage,
    result: row[`${which}_result`] as AssessmentSummaryRecord['result'],
    answers: row[`${which}_answers`],
    // Not selected: the portfolio never shows them.
    idempotencyKey: '',
    requestHash: '',
  };
  return toAssessmentSummary(record);
}
