import { Injectable } from '@nestjs/common';
import { AssessmentReader, type ClientAssessments } from '../assessments';
import { Clock } from '../common/clock';
import { tenantOfRow } from '../tenants';
import type { PortfolioArgs } from './dto/portfolio.args';
import type { Portfolio, PortfolioEntry } from './portfolio.model';
import { SUMMARY_PROJECTION, type PortfolioProjection } from './portfolio-projection';
import { filterPortfolio, portfolioStatus, sortPortfolio } from './portfolio-status';

@Injectable()
export class PortfolioService {
  constructor(
    private readonly assessments: AssessmentReader,
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
    const clients = await this.assessments.consultantClients(projection);
    const now = this.clock.now();
    const all = clients.map((client) => toEntry(client, now));
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
}

function toEntry({ tenant, latest, previousScore, lastSubmittedAt }: ClientAssessments, now: Date): PortfolioEntry {
  const status = portfolioStatus(
    {
      tenantCreatedAt: tenant.created_at,
      cadenceDays: tenant.reassessment_cadence_days,
      latest: latest && {
        lastSubmittedAt: lastSubmittedAt ?? latest.submittedAt,
        overallScore: latest.overallScore,
        dimensions: latest.dimensions,
      },
      previousScore,
    },
    now,
  );
  return {
    id: tenant.id,
    name: tenant.name,
    tenant: tenantOfRow(tenant, 'CONSULTANT'),
    latestAssessment: latest,
    stage: latest?.stage ?? null,
    overallScore: latest?.overallScore ?? null,
    ...status,
  };
}
