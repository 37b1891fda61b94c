import { Injectable } from '@nestjs/common';
import { RequestLoaders } from '../graphql';
import type { ScoringInputs, Stage } from '../scoring';
import type { TenantRow } from '../tenants';
import { toAssessment, toAssessmentSummary } from './assessment.mapper';
import type { Assessment, AssessmentSummary } from './assessment.model';
import {
  AssessmentsRepository,
  type AssessmentRecord,
  type AssessmentReportRecord,
  type AssessmentSummaryRecord,
  type ClientAssessmentsProjection,
  type ClientAssessmentsRow,
} from './assessments.repository';

/** The latest assessment's loader key of a reader that asks for nothing beside it (DataLoader refuses null). */
const ALONE = 'alone';

/**
 * Columns another module reads in the same statement as the latest current assessment (one round trip for both,
 * and the assessment read once per request however many fields ask for it): select-list expressions over the
 * assessment row `a`, with their own parameters as $1..$n.
 */
export interface LatestCompanion<T> {
  /** Names the companion: the same name, the same columns and parameters (the loader's key). */
  readonly name: string;
  readonly columns: string;
  readonly params: unknown[];
  /** The companion's value from the statement's row. */
  read(row: Record<string, unknown>): T;
}

/** The latest current assessment (mapped once per request), its record and whole inputs, and a companion's value. */
export interface LatestWith<T> {
  assessment: Assessment;
  record: AssessmentRecord;
  inputs: ScoringInputs;
  companion: T;
}

type LatestKey = LatestCompanion<unknown> | typeof ALONE;
type LatestRead = { assessment: Assessment; with?: LatestWith<unknown> } | null;

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
   * dimension scores only. The latest `pointsInFull` carry their predecessor; every point its predecessor's score.
   * The read is kept for the request: `previous`/`delta` of an assessment in it need no statement of their own.
   */
  history(pointsInFull: number): Promise<AssessmentSummary[]> {
    return this.loaders.once(
      `${HISTORY}:${pointsInFull}`,
      async () => {
        const records = await this.assessments.currentInPeriodOrder(
          pointsInFull === 0 ? 0 : pointsInFull + 1,
        );
        const points = records.map(toAssessmentSummary);
        const from = Math.max(0, points.length - pointsInFull);
        for (let index = 0; index < points.length; index++) {
          const predecessor = points[index - 1] ?? null;
          if (index >= from) points[index].predecessor = predecessor;
          points[index].predecessorScore = predecessor?.overallScore ?? null;
        }
        return points;
      },
      HISTORY,
    );
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
  async previous(assessment: AssessmentSummary): Promise<AssessmentSummary | null> {
    if (assessment.predecessor !== undefined) return assessment.predecessor;
    if (assessment.preview) return this.latest();
    const known = (await this.inHistory(assessment.id))?.predecessor;
    if (known !== undefined) return known;
    return this.previousLoader().load(assessment.id);
  }

  /** The previous current assessment's overall score (what `delta` needs), without reading it again if known. */
  async previousScore(assessment: AssessmentSummary): Promise<number | null> {
    if (assessment.predecessorScore !== undefined) return assessment.predecessorScore;
    if (assessment.preview) return (await this.latest())?.overallScore ?? null;
    const known = (await this.inHistory(assessment.id))?.predecessorScore;
    if (known !== undefined) return known;
    return this.previousScoreLoader().load(assessment.id);
  }

  /** The current assessment of the request's tenant latest in period order (read once per request). */
  async latest(): Promise<Assessment | null> {
    return (await this.latestLoader().load(ALONE))?.assessment ?? null;
  }

  /**
   * The latest current assessment with its whole inputs and `companion`'s columns, in one statement shared with
   * `latest()` when both are asked in the same tick (Tenant.latestAssessment and Tenant.roadmap); null without one.
   */
  async latestWith<T>(companion: LatestCompanion<T>): Promise<LatestWith<T> | null> {
    const read = await this.latestLoader().load(companion);
    return (read?.with as LatestWith<T> | undefined) ?? null;
  }

  /** The point of this request's growth read (already made, or on its way) with this id, if any. */
  private async inHistory(id: string): Promise<AssessmentSummary | undefined> {
    const history = this.loaders.made<AssessmentSummary[]>(HISTORY);
    return history ? (await history).find((point) => point.id === id) : undefined;
  }

  private latestLoader() {
    return this.loaders.get<LatestKey, LatestRead>(
      'assessments:latest',
      async (keys) => {
        const companions = keys.filter((key): key is LatestCompanion<unknown> => key !== ALONE);
        const reads = new Map<LatestKey, LatestRead>();
        for (const companion of companions) {
          const read = await this.assessments.latestWith(companion.columns, companion.params);
          const assessment = read ? toAssessment(read.record) : null;
          reads.set(
            companion,
            read && assessment
              ? {
                  assessment,
                  with: {
                    assessment,
                    record: read.record,
                    inputs: read.inputs,
                    companion: companion.read(read.row),
                  },
                }
              : null,
          );
        }
        if (keys.includes(ALONE)) {
          const shared = companions.length > 0 ? reads.get(companions[0]) : undefined;
          if (shared !== undefined) reads.set(ALONE, shared && { assessment: shared.assessment });
          else {
            const record = await this.assessments.latest();
            reads.set(ALONE, record ? { assessment: toAssessment(record) } : null);
          }
        }
        return keys.map((key) => reads.get(key) ?? null);
      },
      (key) => (key === ALONE ? ALONE : `with:${key.name}`),
    );
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

const HISTORY = 'assessments:history';

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
