import { Injectable } from '@nestjs/common';
import { ClientActionSummaries, ActionsService, type Action } from '../action-plan';
import { AssessmentReader, toAssessment, type Assessment, type AssessmentRecord } from '../assessments';
import { CampaignsService } from '../campaigns';
import { Clock } from '../common/clock';
import { isUuid } from '../common/ids';
import { BenchmarkService } from '../peer-benchmark';
import { PortfolioService } from '../portfolio';
import { requestLanguage } from '../request';
import { RoadmapService } from '../roadmap';
import { getScoringModel, periodStart, stageOutlook } from '../scoring';
import { TargetsService } from '../targets';
import { assessmentReport, type AssessmentReportData } from './assessment-report.model';
import { portfolioReport, type PortfolioReportClient } from './portfolio-report.model';
import type { ReportDocument } from './report-document';

/** The growth chart shows at most this many periods (the latest). */
const GROWTH_POINTS = 12;
const ACTIONS_PAGE = 100;

/**
 * Gathers what a report shows through the other modules' services and read models (the same ones the GraphQL
 * API answers with, so texts follow the request's language where they do), then builds the report's document.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly assessments: AssessmentReader,
    private readonly roadmaps: RoadmapService,
    private readonly actions: ActionsService,
    private readonly campaigns: CampaignsService,
    private readonly benchmarks: BenchmarkService,
    private readonly targets: TargetsService,
    private readonly portfolios: PortfolioService,
    private readonly clientActions: ClientActionSummaries,
    private readonly clock: Clock,
  ) {}

  /** The executive report of one assessment of the selected tenant; null when it is unknown or another's. */
  async assessmentReport(id: string): Promise<ReportDocument | null> {
    const data = await this.assessmentData(id);
    return data ? assessmentReport(data, requestLanguage()) : null;
  }

  async assessmentData(id: string): Promise<AssessmentReportData | null> {
    const record = isUuid(id) ? await this.assessments.report(id) : null;
    if (!record) return null;
    // The read model's own mapper, so findings read as the API's do.
    const assessment = toAssessment({
      ...record,
      answers: record.inputs.answers,
      submittedKey: '',
      idempotencyKey: '',
      requestHash: '',
    } satisfies AssessmentRecord);
    const [previous, history, roadmap, target, actions, campaign, benchmark] = await Promise.all([
      this.assessments.previous(assessment),
      this.assessments.history(0),
      this.roadmaps.ofSelectedTenant(),
      this.targets.current(),
      this.openActions(),
      this.campaigns.ofAssessment(assessment.id),
      this.benchmarks.ofSelectedTenant(),
    ]);
    const model = getScoringModel(assessment.modelVersion);
    return {
      organisation: record.tenant.name,
      assessment,
      previous: previous
        ? {
            period: previous.period,
            overallScore: previous.overallScore,
            stage: previous.stage,
            dimensions: previous.dimensions,
          }
        : null,
      history: growthUpTo(assessment, history).slice(-GROWTH_POINTS),
      outlook: stageOutlook(
        { overallScore: assessment.overallScore, stage: assessment.stage, dimensions: assessment.dimensions },
        model,
      ),
      roadmap: roadmap
        ? {
            basedOnPeriod: roadmap.basedOn.period,
            targetStage: roadmap.targetStage,
            reachesTarget: roadmap.reachesTarget,
            steps: roadmap.steps,
          }
        : null,
      targetDueAt: target?.dueAt ?? null,
      actions: actions.map((a) => ({
        title: a.title,
        status: a.status === 'IN_PROGRESS' ? 'IN_PROGRESS' : 'OPEN',
        ownerName: a.ownerMember?.name ?? null,
        ownerDepartment: a.ownerDepartment,
        dueAt: a.dueAt,
        overdue: a.overdue,
      })),
      campaign: campaign
        ? {
            invitedCount: campaign.invitedCount,
            responseCount: campaign.responseCount,
            minResponses: campaign.minResponses,
            items: await this.campaigns.items(campaign),
          }
        : null,
      benchmark,
      model,
      generatedAt: this.clock.now(),
    };
  }

  /** The caller's portfolio (every CONSULTANT tenant, as the portfolio query reads it) on a few pages. */
  async portfolioReport(): Promise<ReportDocument> {
    const { sorted } = await this.portfolios.all();
    const clients: PortfolioReportClient[] = await Promise.all(
      sorted.map(async (entry) => {
        const counts = await this.clientActions.of(entry.tenant.id);
        return {
          name: entry.tenant.name,
          stage: entry.stage,
          overallScore: entry.overallScore,
          delta: entry.delta,
          dueAt: entry.dueAt,
          overdue: entry.overdue,
          scoreDropAlert: entry.scoreDropAlert,
          openActions: counts.openActions,
          overdueActions: counts.overdueActions,
        };
      }),
    );
    return portfolioReport({ clients, generatedAt: this.clock.now() }, requestLanguage());
  }

  /** OPEN and IN_PROGRESS actions, oldest first, overdue ones first. */
  private async openActions(): Promise<Action[]> {
    const pages = await Promise.all(
      (['OPEN', 'IN_PROGRESS'] as const).map((status) =>
        this.actions.list({ first: ACTIONS_PAGE, after: null, status }),
      ),
    );
    const open = pages.flatMap((page) => page.edges.map((edge) => edge.node));
    return open.sort((a, b) => Number(b.overdue) - Number(a.overdue));
  }
}

/** The current assessments in period order up to the reported one (which is added when it is superseded). */
function growthUpTo(
  assessment: Assessment,
  history: { id: string; period: string; overallScore: number }[],
): { period: string; overallScore: number }[] {
  const index = history.findIndex((p) => p.id === assessment.id);
  if (index >= 0) return history.slice(0, index + 1);
  const start = periodStart(assessment.period).getTime();
  return [
    ...history.filter((p) => periodStart(p.period).getTime() < start),
    { period: assessment.period, overallScore: assessment.overallScore },
  ];
}
