import { Injectable } from '@nestjs/common';
import type { AssessmentAnswers, ScoringInputs, ScoringResult, Stage } from '../scoring';
import { TenantTransaction } from '../tenancy/tenant-transaction';
import type { AssessmentSummaryRecord } from './assessment.mapper';

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

export interface NewAssessment {
  id: string;
  period: string;
  idempotencyKey: string;
  requestHash: string;
  submittedBy: string | null;
  inputs: ScoringInputs;
  result: ScoringResult;
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

/** Period order, latest first (domain.md): the order of assessments_period_order_idx and its partial twin. */
const LATEST_FIRST = (alias: string) =>
  `${alias}.period_start DESC, ${alias}.period_months DESC, ${alias}.submitted_at DESC, ${alias}.id DESC`;
const ORDER_KEY = (alias: string) =>
  `(${alias}.period_start, ${alias}.period_months, ${alias}.submitted_at, ${alias}.id)`;

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

const COLUMNS = [
  'id',
  'period',
  'submitted_at',
  'superseded_at',
  'model_version',
  'overall_score',
  'stage',
  'result',
  'idempotency_key',
  'request_hash',
];

const SUBMITTED_KEY = (alias: string) => `(extract(epoch FROM ${alias}.submitted_at) * 1000000)::bigint::text`;

/** The columns of a record; of the snapshot's inputs only the answers (the facts can be large). */
function columns(alias: string): string {
  return [
    ...COLUMNS.map((column) => `${alias}.${column}`),
    `${SUBMITTED_KEY(alias)} AS submitted_key`,
    `${alias}.inputs -> 'answers' AS answers`,
  ].join(', ');
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
    const [row] = await this.select(`SELECT ${columns('a')} FROM assessments a WHERE a.id = $1`, [id]);
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
      `INSERT INTO assessments AS a (id, period, idempotency_key, request_hash, submitted_by, model_version, inputs,
                                     result, overall_score, stage)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10)
       ON CONFLICT DO NOTHING
       RETURNING a.submitted_at, ${SUBMITTED_KEY('a')} AS submitted_key`,
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
    return rows.map((row) => ({ ...toRecord(row), answers: row.full ? row.answers : null }));
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
