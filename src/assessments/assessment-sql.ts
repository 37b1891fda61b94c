/**
 * The statement texts of assessments/: the repository sends them, and bench/peers imports them (so the baseline
 * always measures the service's statements, never a copy). Pure: no Nest, no I/O.
 */

/** Period order, latest first (domain.md): the order of assessments_period_order_idx and its partial twin. */
export const LATEST_FIRST = (alias: string) =>
  `${alias}.period_start DESC, ${alias}.period_months DESC, ${alias}.submitted_at DESC, ${alias}.id DESC`;
export const ORDER_KEY = (alias: string) =>
  `(${alias}.period_start, ${alias}.period_months, ${alias}.submitted_at, ${alias}.id)`;

export const COLUMNS = [
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

export const SUBMITTED_KEY = (alias: string) => `(extract(epoch FROM ${alias}.submitted_at) * 1000000)::bigint::text`;

/** The columns of a record; of the snapshot's inputs only the answers (the facts can be large). */
export function columns(alias: string): string {
  return [
    ...COLUMNS.map((column) => `${alias}.${column}`),
    `${SUBMITTED_KEY(alias)} AS submitted_key`,
    `${alias}.inputs -> 'answers' AS answers`,
  ].join(', ');
}

/** Q1 of the budgets and the bench: one assessment by id. Shared with bench/peers (the same text, never a copy). */
export const ASSESSMENT_BY_ID_SQL = `SELECT ${columns('a')} FROM assessments a WHERE a.id = $1`;

/** The insert of a submission (see insertUnlessTaken). Shared with bench/peers. */
export const INSERT_ASSESSMENT_SQL = `INSERT INTO assessments AS a (id, period, idempotency_key, request_hash, submitted_by, model_version, inputs,
                                     result, overall_score, stage, source, campaign_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11, $12)
       ON CONFLICT DO NOTHING
       RETURNING a.submitted_at, ${SUBMITTED_KEY('a')} AS submitted_key`;

/** What of the clients' assessments a portfolio request reads (consultant_portfolio()'s arguments). */
export interface ClientAssessmentsProjection {
  /** The latest assessment's stored result in full (bandStage, appliedCaps, findings, facts). */
  latestDetail: boolean;
  /** The latest assessment's answers. */
  latestAnswers: boolean;
  /** The previous assessment in full. */
  previousDetail: boolean;
}

/** Q2 of the budgets and the bench: the caller's CONSULTANT tenants with their assessments. Shared with bench/peers. */
export const CONSULTANT_PORTFOLIO_SQL = 'SELECT * FROM consultant_portfolio($1, $2, $3)';

/** The arguments of CONSULTANT_PORTFOLIO_SQL for a projection. */
export function consultantPortfolioParams(projection: ClientAssessmentsProjection): boolean[] {
  return [projection.latestDetail, projection.latestAnswers, projection.previousDetail];
}
