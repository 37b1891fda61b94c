import { Injectable } from '@nestjs/common';
import type { AssessmentAnswers, ScoringInputs, ScoringResult, Stage } from '../scoring';
import { TenantTransaction } from '../tenancy';
import type { TenantRow } from '../tenants';
import {
  ASSESSMENT_BY_ID_SQL,
  columns,
  COLUMNS,
  CONSULTANT_PORTFOLIO_SQL,
  consultantPortfolioParams,
  INSERT_ASSESSMENT_SQL,
  LATEST_FIRST,
  ORDER_KEY,
  SUBMITTED_KEY,
  type ClientAssessmentsProjection,
} from './assessment-sql';

export type { ClientAssessmentsProjection } from './assessment-sql';

/** A stored assessment as the API reads it (the snapshot's facts stay in the database; its answers come along). */
export interface AssessmentRecord {
  id: string;
  period: string;
  submittedAt: Date;
  /** submitted_at in microseconds since 1970 (exact, unlike a JS Date), for cursors. */
  submittedKey: string;
  supersededAt: Date | null;
  modelVersion: string;
  overallScore: number;
  stage: Stage;
  result: ScoringResult;
  answers: AssessmentAnswers;
  idempotencyKey: string;
  requestHash: string;
}

/** A stored assessment read in part: its stored result in full or only its dimensions, its answers or not. */
export interface AssessmentSummaryRecord
  extends Pick<AssessmentRecord, 'id' | 'period' | 'submittedAt' | 'supersededAt' | 'modelVersion' | 'overallScore' | 'stage'> {
  result: ScoringResult | Pick<ScoringResult, 'dimensions'>;
  answers: AssessmentAnswers | null;
}

/** One assessment with its whole snapshot and its tenant: the JSON export. */
export interface AssessmentReportRecord
  extends Pick<AssessmentRecord, 'id' | 'period' | 'submittedAt' | 'supersededAt' | 'modelVersion' | 'overallScore' | 'stage' | 'result'> {
  inputs: ScoringInputs;
  tenant: { id: string; name: string };
}

/**
 * One client of the consultant (its tenants row) with its latest and previous current assessment in period order
 * (null columns when none, or when the projection left them out: latest_result is then only `{ dimensions }`).
 */
export interface ClientAssessmentsRow extends Omit<TenantRow, 'id' | 'created_at'> {
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

export interface NewAssessment {
  id: string;
  period: string;
  idempotencyKey: string;
  requestHash: string;
  submittedBy: string | null;
  inputs: ScoringInputs;
  result: ScoringResult;
  /** A campaign's aggregate (source CAMPAIGN) rather than one submission. */
  campaignId?: string;
}

/** A position in period order (a cursor): the period's first day and months come from the period. */
export interface PeriodOrderKey {
  periodStart: string;
  periodMonths: number;
  submittedKey: string;
  id: string;
}

export interface PageQuery {
  first: number;
  after: PeriodOrderKey | null;
  includeSuperseded: boolean;
}

interface Row {
  id: string;
  period: string;
  submitted_at: Date;
  submitted_key: string;
  superseded_at: Date | null;
  model_version: string;
  overall_score: number;
  stage: Stage;
  result: ScoringResult;
  answers: AssessmentAnswers;
  idempotency_key: string;
  request_hash: string;
}

/**
 * The assessments table, through the request's transaction. Row-level security limits every statement to the
 * request's tenant. Every order is period order (the period's first day, the shorter period first, submission
 * time, id: the generated columns of migration 1764150008000), never submission time alone.
 */
@Injectable()
export class AssessmentsRepository {
  constructor(private readonly tx: TenantTransaction) {}

  /** The assessment with this idempotency key and the current assessment of this period, in one statement. */
  async findKeyOrCurrentOfPeriod(idempotencyKey: string, period: string): Promise<AssessmentRecord[]> {
    return this.select(
      `SELECT ${columns('a')} FROM assessments a
        WHERE a.idempotency_key = $1 OR (a.period = $2 AND a.superseded_at IS NULL)`,
      [idempotencyKey, period],
    );
  }

  async findById(id: string): Promise<AssessmentRecord | null> {
    const [row] = await this.select(ASSESSMENT_BY_ID_SQL, [id]);
    return row ?? null;
  }

  /**
   * Inserts unless a unique index says otherwise: every unique index is an arbiter (the idempotency key and the
   * current assessment of the period), so a concurrent submission never raises a unique violation that would
   * abort the request's transaction. A conflicting transaction still in progress is waited for. Null when nothing
   * was inserted; the caller then reads what is there (committed by now). Only what the database decided comes
   * back (the submission time): the result and answers just sent are not read back and parsed again.
   */
  async insertUnlessTaken(assessment: NewAssessment): Promise<AssessmentRecord | null> {
    const { result } = assessment;
    const [row] = await this.rows<Pick<Row, 'submitted_at' | 'submitted_key'>>(
      INSERT_ASSESSMENT_SQL,
      [
        assessment.id,
        assessment.period,
        assessment.idempotencyKey,
        assessment.requestHash,
        assessment.submittedBy,
        result.modelVersion,
        JSON.stringify(assessment.inputs),
        JSON.stringify(result),
        result.overallScore,
        result.stage,
        assessment.campaignId ? 'CAMPAIGN' : 'SUBMISSION',
        assessment.campaignId ?? null,
      ],
    );
    if (!row) return null;
    return {
      id: assessment.id,
      period: assessment.period,
      submittedAt: row.submitted_at,
      submittedKey: row.submitted_key,
      supersededAt: null,
      modelVersion: result.modelVersion,
      overallScore: result.overallScore,
      stage: result.stage,
      result,
      answers: assessment.inputs.answers,
      idempotencyKey: assessment.idempotencyKey,
      requestHash: assessment.requestHash,
    };
  }

  /**
   * Marks the current assessment `id` as replaced by `byId` (inserted next in the same transaction: the foreign
   * key is deferred). False when it was superseded meanwhile by a concurrent submission.
   */
  async supersede(id: string, byId: string): Promise<boolean> {
    const manager = await this.tx.manager();
    // TypeORM answers an UPDATE with [rows, affected].
    const [, affected] = await manager.query<[unknown[], number]>(
      `UPDATE assessments SET superseded_at = now(), superseded_by = $2 WHERE id = $1 AND superseded_at IS NULL`,
      [id, byId],
    );
    return affected === 1;
  }

  /** A page, latest period first, with the total of the same filter. */
  async page(query: PageQuery): Promise<{ rows: AssessmentRecord[]; totalCount: number }> {
    const filter = query.includeSuperseded ? 'TRUE' : 'a.superseded_at IS NULL';
    const params: unknown[] = [query.first + 1];
    let after = '';
    if (query.after) {
      const { periodStart, periodMonths, submittedKey, id } = query.after;
      params.push(periodStart, periodMonths, submittedKey, id);
      after = `AND ${ORDER_KEY('a')} < ($2::date, $3::smallint,
                 timestamptz 'epoch' + $4::bigint * interval '1 microsecond', $5::uuid)`;
    }
    const [rows, counted] = await Promise.all([
      this.select(
        `SELECT ${columns('a')} FROM assessments a WHERE ${filter} ${after}
          ORDER BY ${LATEST_FIRST('a')} LIMIT $1`,
        params,
      ),
      this.rows<{ n: number }>(`SELECT count(*)::int AS n FROM assessments a WHERE ${filter}`, []),
    ]);
    return { rows, totalCount: counted[0].n };
  }

  /** For each id: the current assessment just before it in period order, or null. */
  async previousOf(ids: readonly string[]): Promise<Map<string, AssessmentRecord>> {
    const rows = await this.rows<Row & { of_id: string }>(
      `SELECT a.id AS of_id, ${columns('p')}
         FROM assessments a
        CROSS JOIN LATERAL (
          SELECT * FROM assessments p
           WHERE p.superseded_at IS NULL AND ${ORDER_KEY('p')} < ${ORDER_KEY('a')}
           ORDER BY ${LATEST_FIRST('p')}
           LIMIT 1) p
        WHERE a.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.of_id, toRecord(row)]));
  }

  /** The current assessment latest in period order, or null. */
  async latest(): Promise<AssessmentRecord | null> {
    const [row] = await this.select(
      `SELECT ${columns('a')} FROM assessments a WHERE a.superseded_at IS NULL
        ORDER BY ${LATEST_FIRST('a')} LIMIT 1`,
      [],
    );
    return row ?? null;
  }

  /**
   * The current assessment latest in period order with its whole inputs and another module's columns over `a`
   * (parameters $1..$n its own), in one statement; null without one. The record's answers are the inputs' own.
   */
  async latestWith(
    companionColumns: string,
    params: unknown[],
  ): Promise<{ record: AssessmentRecord; inputs: ScoringInputs; row: Record<string, unknown> } | null> {
    const [row] = await this.rows<Omit<Row, 'answers'> & { inputs: ScoringInputs } & Record<string, unknown>>(
      `SELECT ${COLUMNS.map((c) => `a.${c}`).join(', ')}, ${SUBMITTED_KEY('a')} AS submitted_key, a.inputs,
              ${companionColumns}
         FROM assessments a WHERE a.superseded_at IS NULL
        ORDER BY ${LATEST_FIRST('a')} LIMIT 1`,
      params,
    );
    if (!row) return null;
    return { record: toRecord({ ...row, answers: row.inputs.answers }), inputs: row.inputs, row };
  }

  /**
   * Every current assessment in period order, oldest first: the tenant's growth. Only the latest `full` come with
   * their stored result in full and their answers; the older ones bring their dimension scores only (what trends
   * need), so a long history costs little to read.
   */
  async currentInPeriodOrder(full: number): Promise<AssessmentSummaryRecord[]> {
    const rows = await this.rows<Row & { full: boolean }>(
      `SELECT ${COLUMNS.filter((c) => c !== 'result').map((c) => `a.${c}`).join(', ')},
              ${SUBMITTED_KEY('a')} AS submitted_key, a.from_latest <= $1 AS full,
              CASE WHEN a.from_latest <= $1 THEN a.result
                   ELSE jsonb_build_object('dimensions', a.result -> 'dimensions') END AS result,
              CASE WHEN a.from_latest <= $1 THEN a.inputs -> 'answers' END AS answers
         FROM (SELECT *, row_number() OVER (ORDER BY ${LATEST_FIRST('l')}) AS from_latest
                 FROM assessments l WHERE l.superseded_at IS NULL) a
        ORDER BY a.from_latest DESC`,
      [full],
    );
    return rows.map((row) => ({
      id: row.id,
      period: row.period,
      submittedAt: row.submitted_at,
      supersededAt: row.superseded_at,
      modelVersion: row.model_version,
      overallScore: row.overall_score,
      stage: row.stage,
      result: row.result,
      answers: row.full ? row.answers : null,
    }));
  }

  /**
   * The caller's CONSULTANT tenants with their latest and previous assessments, in one statement whatever their
   * number. consultant_portfolio() (migration 1764150003000) turns the transaction-local flag app.portfolio on for
   * its own query only: the policies consultant_portfolio_read then admit the rows of tenants where app.user_id is
   * CONSULTANT, nothing else. The projection (migration 1764150007000) leaves out the large JSON columns the request
   * does not need.
   */
  async consultantClients(projection: ClientAssessmentsProjection): Promise<ClientAssessmentsRow[]> {
    return this.rows<ClientAssessmentsRow>(CONSULTANT_PORTFOLIO_SQL, consultantPortfolioParams(projection));
  }

  /** One assessment of the selected tenant with its full snapshot; row-level security hides any other tenant's. */
  async report(id: string): Promise<AssessmentReportRecord | null> {
    const [row] = await this.rows<
      Pick<
        Row,
        | 'id'
        | 'period'
        | 'submitted_at'
        | 'superseded_at'
        | 'model_version'
        | 'overall_score'
        | 'stage'
        | 'result'
      > & {
        inputs: ScoringInputs;
        tenant_id: string;
        tenant_name: string;
      }
    >(
      `SELECT a.id, a.period, a.submitted_at, a.superseded_at, a.model_version, a.overall_score, a.stage, a.inputs,
              a.result, t.id AS tenant_id, t.name AS tenant_name
         FROM assessments a JOIN tenants t ON t.id = a.tenant_id
        WHERE a.id = $1 AND a.tenant_id = app_current_tenant()`,
      [id],
    );
    if (!row) return null;
    return {
      id: row.id,
      period: row.period,
      submittedAt: row.submitted_at,
      supersededAt: row.superseded_at,
      modelVersion: row.model_version,
      overallScore: row.overall_score,
      stage: row.stage,
      result: row.result,
      inputs: row.inputs,
      tenant: { id: row.tenant_id, name: row.tenant_name },
    };
  }

  private async select(sql: string, params: unknown[]): Promise<AssessmentRecord[]> {
    return (await this.rows<Row>(sql, params)).map(toRecord);
  }

  private async rows<R>(sql: string, params: unknown[]): Promise<R[]> {
    const manager = await this.tx.manager();
    return manager.query<R[]>(sql, params);
  }
}

function toRecord(row: Row): AssessmentRecord {
  return {
    id: row.id,
    period: row.period,
    submittedAt: row.submitted_at,
    submittedKey: row.submitted_key,
    supersededAt: row.superseded_at,
    modelVersion: row.model_version,
    overallScore: row.overall_score,
    stage: row.stage,
    result: row.result,
    answers: row.answers,
    idempotencyKey: row.idempotency_key,
    requestHash: row.request_hash,
  };
}
