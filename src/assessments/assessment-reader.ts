import { Injectable } from '@nestjs/common';
import { RequestLoaders } from '../graphql';
import type { Stage } from '../scoring';
import type { TenantRow } from '../tenants';
import { toAssessment, toAssessmentSummary } from './assessment.mapper';
import type { Assessment, AssessmentSummary } from './assessment.model';
import {
  AssessmentsRepository,
  type AssessmentReportRecord,
  type AssessmentSummaryRecord,
  type ClientAssessmentsProjection,
  type ClientAssessmentsRow,
} from './assessments.repository';

const LATEST = 'latest';

/** A client of the consultant as the read model returns it: its tenants row and its latest assessment. */
export interface ClientAssessments {
  /** The client's tenants row (tenants/ maps it to a Tenant). */
  tenant: TenantRow;
  /** The latest current assessment in period order, read as the projection asked; it knows its predecessor. */
  latest: AssessmentSummary | null;
  /** The previous current assessment's overall score (null: none). */
  previousScore: number | null;
  /** The latest submission time of the current assessments (the due date counts from it). */
  lastSubmittedAt: Date | null;
}

/**
 * The read model of assessments: the one way other modules (growth, portfolio, exports) and the Assessment field
 * resolvers read stored assessments. It returns models that carry what their fields need (a predecessor already
 * read travels with the assessment), and it alone owns the request's assessment loaders: `previous` and `delta` of
 * every assessment in a response not carrying its predecessor cost one statement, whatever their number.
 */
@Injectable()
export class AssessmentReader {
  constructor(
    private readonly loaders: RequestLoaders,
    private readonly assessments: AssessmentsRepository,
  ) {}

  /**
   * Every current assessment of the request's tenant in period order, oldest first: its growth. Only the latest
   * `pointsInFull` (and the one before them, their predecessor) are read in full; the older ones bring their
   * dimension scores only. The latest `pointsInFull` carry their predecessor.
   */
  async history(pointsInFull: number): Promise<AssessmentSummary[]> {
    const records = await this.assessments.currentInPeriodOrder(pointsInFull + 1);
    const points = records.map(toAssessmentSummary);
    const from = Math.max(0, points.length - pointsInFull);
    for (let index = from; index < points.length; index++) {
      const predecessor = points[index - 1] ?? null;
      points[index].predecessor = predecessor;
      points[index].predecessorScore = predecessor?.overallScore ?? null;
    }
    return points;
  }

  /**
   * The caller's CONSULTANT tenants with their latest assessment, read as the projection asks (one statement).
   * No tenant is selected then, so each latest assessment carries what `previous`/`delta` need.
   */
  async consultantClients(projection: ClientAssessmentsProjection): Promise<ClientAssessments[]> {
    const rows = await this.assessments.consultantClients(projection);
    return rows.map((row) => {
      const latest = summaryOf(row, 'latest');
      if (latest && projection.previousDetail) {
        latest.predecessor = summaryOf(row, 'previous');
        latest.predecessorScore = latest.predecessor?.overallScore ?? null;
      } else if (latest) {
        latest.predecessorScore = row.previous_overall_score;
      }
      return {
        tenant: tenantRowOf(row),
        latest,
        previousScore: row.previous_overall_score,
        lastSubmittedAt: row.last_submitted_at,
      };
    });
  }

  /** One assessment of the selected tenant with its whole snapshot and its tenant (the JSON export), or null. */
  report(id: string): Promise<AssessmentReportRecord | null> {
    return this.assessments.report(id);
  }

  /** The previous current assessment in period order; for a preview, the latest stored one (what it would follow). */
  previous(assessment: AssessmentSummary): Promise<AssessmentSummary | null> {
    if (assessment.predecessor !== undefined) return Promise.resolve(assessment.predecessor);
    if (assessment.preview) return this.latest();
    return this.previousLoader().load(assessment.id);
  }

  /** The previous current assessment's overall score (what `delta` needs), without reading it again if known. */
  async previousScore(assessment: AssessmentSummary): Promise<number | null> {
    if (assessment.predecessorScore !== undefined) return assessment.predecessorScore;
    if (assessment.preview) return (await this.latest())?.overallScore ?? null;
    return this.previousScoreLoader().load(assessment.id);
  }

  /** The current assessment of the request's tenant latest in period order. */
  latest(): Promise<Assessment | null> {
    return this.loaders
      .get<string, Assessment | null>('assessments:latest', async (keys) => {
        const latest = await this.assessments.latest();
        return keys.map(() => (latest ? toAssessment(latest) : null));
      })
      .load(LATEST);
  }

  private previousScoreLoader() {
    return this.loaders.get<string, number | null>('assessments:previousScore', (ids) =>
      Promise.all(ids.map(async (id) => (await this.previousLoader().load(id))?.overallScore ?? null)),
    );
  }

  private previousLoader() {
    return this.loaders.get<string, Assessment | null>('assessments:previous', async (ids) => {
      const previous = await this.assessments.previousOf(ids);
      return ids.map((id) => {
        const record = previous.get(id);
        return record ? toAssessment(record) : null;
      });
    });
  }
}

function summaryOf(row: ClientAssessmentsRow, which: 'latest' | 'previous'): AssessmentSummary | null {
  const id = row[`${which}_id`];
  const submittedAt = row[`${which}_submitted_at`];
  if (!id || !submittedAt) return null;
  const record: AssessmentSummaryRecord = {
    id,
    period: row[`${which}_period`] as string,
    submittedAt,
    supersededAt: row[`${which}_superseded_at`],
    modelVersion: row[`${which}_model_version`] as string,
    overallScore: row[`${which}_overall_score`] as number,
    stage: row[`${which}_stage`] as Stage,
    result: row[`${which}_result`] as AssessmentSummaryRecord['result'],
    answers: row[`${which}_answers`],
  };
  return toAssessmentSummary(record);
}

function tenantRowOf(row: ClientAssessmentsRow): TenantRow {
  return {
    id: row.tenant_id,
    name: row.name,
    employee_count: row.employee_count,
    departments: row.departments,
    culture: row.culture,
    market: row.market,
    locations: row.locations,
    sector: row.sector,
    reassessment_cadence_days: row.reassessment_cadence_days,
    created_at: row.tenant_created_at,
  };
}
