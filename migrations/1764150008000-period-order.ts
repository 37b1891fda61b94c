import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12: history in period order (domain.md, "Growth and portfolio"). The latest assessment is the last in
 * period order: the period's first day, then the shorter period (month < quarter < half < year), then the
 * submission time, then the id; not the last submitted.
 *
 * - Two stored generated columns spell the order out of `period` with immutable expressions only (substr, casts,
 *   make_date): `period_start` (the first day) and `period_months` (1, 3, 6 or 12). Existing rows get them when the
 *   column is added; src/scoring/period.ts computes the same in the service (test/integration/period-order.spec.ts
 *   checks every form against it). The year 0000, which the original CHECK admits, starts on make_date(-1, ...)
 *   (PostgreSQL has no year 0: -1 is the year before 1).
 * - Indexes in that order replace assessments_submitted_idx (lists, previous); a partial one over current
 *   assessments serves latest and previous per tenant (portfolio, webhook trigger). assessments_current_latest_idx
 *   (submission order) stays: the due date is the latest submission time of the current assessments.
 * - consultant_portfolio() picks latest and previous in period order and returns the latest submission time
 *   (last_submitted_at, for the due date) as one more column.
 * - The webhook trigger compares a new assessment with the one before it in period order.
 */
const MONTH = `CASE WHEN length(period) = 4 THEN 1
             WHEN substr(period, 6, 1) = 'Q' THEN (substr(period, 7, 1)::integer - 1) * 3 + 1
             WHEN substr(period, 6, 1) = 'H' THEN (substr(period, 7, 1)::integer - 1) * 6 + 1
             ELSE substr(period, 6, 2)::integer END`;
const YEAR = `CASE WHEN substr(period, 1, 4)::integer = 0 THEN -1 ELSE substr(period, 1, 4)::integer END`;
const MONTHS = `CASE WHEN length(period) = 4 THEN 12 WHEN substr(period, 6, 1) = 'Q' THEN 3
             WHEN substr(period, 6, 1) = 'H' THEN 6 ELSE 1 END`;

const RETURNS = (extra: string) => `TABLE (
          tenant_id uuid, name text, employee_count integer, departments text[], culture text, market text,
          locations integer, sector text, reassessment_cadence_days integer, tenant_created_at timestamptz,
          latest_id uuid, latest_period text, latest_submitted_at timestamptz, latest_superseded_at timestamptz,
          latest_model_version text, latest_overall_score double precision, latest_stage text, latest_result jsonb,
          latest_answers jsonb,
          previous_id uuid, previous_period text, previous_submitted_at timestamptz,
          previous_superseded_at timestamptz, previous_model_version text, previous_overall_score double precision,
          previous_stage text, previous_result jsonb, previous_answers jsonb${extra})`;

const PROJECTED = {
  latestResult: `CASE WHEN with_latest_detail THEN l.result ELSE jsonb_build_object('dimensions', l.result -> 'dimensions') END`,
  latestAnswers: `CASE WHEN with_latest_answers THEN l.inputs -> 'answers' END`,
  previousResult: 'CASE WHEN with_previous_detail THEN p.result END',
  previousAnswers: `CASE WHEN with_previous_detail THEN p.inputs -> 'answers' END`,
};

/** consultant_portfolio() as 1764150007000 left it, with the order (and last column) given. */
function portfolioFunction(order: 'period' | 'submission'): string {
  const latestOrder =
    order === 'period'
      ? 'a.period_start DESC, a.period_months DESC, a.submitted_at DESC, a.id DESC'
      : 'a.submitted_at DESC, a.id DESC';
  const before =
    order === 'period'
      ? '(a.period_start, a.period_months, a.submitted_at, a.id) < (l.period_start, l.period_months, l.submitted_at, l.id)'
      : '(a.submitted_at, a.id) < (l.submitted_at, l.id)';
  const extra = order === 'period' ? ', last_submitted_at timestamptz' : '';
  const lastSubmitted =
    order === 'period'
      ? `,
                 (SELECT max(a.submitted_at) FROM assessments a
                   WHERE a.tenant_id = m.tenant_id AND a.superseded_at IS NULL)`
      : '';
  return `
      CREATE FUNCTION consultant_portfolio(with_latest_detail boolean, with_latest_answers boolean,
                                           with_previous_detail boolean) RETURNS ${RETURNS(extra)}
        LANGUAGE plpgsql VOLATILE SECURITY INVOKER SET search_path = public AS $fn$
      BEGIN
        PERFORM set_config('app.portfolio', 'on', true);
        RETURN QUERY
          SELECT t.id, t.name, t.employee_count, t.departments, t.culture, t.market, t.locations, t.sector,
                 t.reassessment_cadence_days, t.created_at,
                 l.id, l.period, l.submitted_at, l.superseded_at, l.model_version, l.overall_score, l.stage,
                 ${PROJECTED.latestResult}, ${PROJECTED.latestAnswers},
                 p.id, p.period, p.submitted_at, p.superseded_at, p.model_version, p.overall_score, p.stage,
                 ${PROJECTED.previousResult}, ${PROJECTED.previousAnswers}${lastSubmitted}
            FROM memberships m
            JOIN tenants t ON t.id = m.tenant_id
            LEFT JOIN LATERAL (
              SELECT a.* FROM assessments a
               WHERE a.tenant_id = m.tenant_id AND a.superseded_at IS NULL
               ORDER BY ${latestOrder} LIMIT 1) l ON true
            LEFT JOIN LATERAL (
              SELECT a.* FROM assessments a
               WHERE a.tenant_id = m.tenant_id AND a.superseded_at IS NULL
                 AND ${before}
               ORDER BY ${latestOrder} LIMIT 1) p ON true
           WHERE m.user_id = app_current_user() AND m.role = 'CONSULTANT';
        PERFORM set_config('app.portfolio', 'off', true);
        RETURN;
      END $fn$;`;
}

/** The webhook trigger of 1764150003000, with the previous assessment taken in the order given. */
function webhookTrigger(order: 'period' | 'submission'): string {
  const before =
    order === 'period'
      ? `(a.period_start, a.period_months, a.submitted_at, a.id)
                 < (NEW.period_start, NEW.period_months, NEW.submitted_at, NEW.id)
           ORDER BY a.period_start DESC, a.period_months DESC, a.submitted_at DESC, a.id DESC LIMIT 1`
      : `(a.submitted_at, a.id) < (NEW.submitted_at, NEW.id)
           ORDER BY a.submitted_at DESC, a.id DESC LIMIT 1`;
  return `
      CREATE OR REPLACE FUNCTION assessments_webhook_events() RETURNS trigger
        LANGUAGE plpgsql SET search_path = public AS $fn$
      DECLARE
        previous_score double precision;
        payload jsonb;
      BEGIN
        IF NEW.superseded_at IS NOT NULL
           OR NOT EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.tenant_id = NEW.tenant_id) THEN
          RETURN NULL;
        END IF;
        BEGIN
          SELECT a.overall_score INTO previous_score FROM assessments a
           WHERE a.tenant_id = NEW.tenant_id AND a.superseded_at IS NULL AND a.id <> NEW.id
             AND ${before};
          payload := jsonb_build_object(
            'tenantId', NEW.tenant_id, 'assessmentId', NEW.id, 'period', NEW.period,
            'submittedAt', NEW.submitted_at, 'modelVersion', NEW.model_version,
            'overallScore', NEW.overall_score, 'stage', NEW.stage,
            'previousOverallScore', previous_score, 'delta', NEW.overall_score - previous_score);
          PERFORM webhook_enqueue_for(NEW.tenant_id, 'assessment.scored', payload);
          -- The same threshold (and float tolerance) as the portfolio's scoreDropAlert.
          IF NEW.overall_score - previous_score <= -10 + 1e-9 THEN
            PERFORM webhook_enqueue_for(NEW.tenant_id, 'portfolio.alert',
              payload || jsonb_build_object('alert', 'SCORE_DROP', 'threshold', 10));
          END IF;
        EXCEPTION WHEN OTHERS THEN
          RAISE WARNING 'webhook events for assessment % not recorded: %', NEW.id, SQLERRM;
        END;
        RETURN NULL;
      END $fn$;`;
}

export class PeriodOrder1764150008000 implements MigrationInterface {
  name = 'PeriodOrder1764150008000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE assessments
        ADD COLUMN period_start date GENERATED ALWAYS AS (make_date(${YEAR}, ${MONTH}, 1)) STORED,
        ADD COLUMN period_months smallint GENERATED ALWAYS AS ((${MONTHS})::smallint) STORED;
      -- Latest period first (lists with superseded ones, previous); DESC on every key for row comparisons.
      DROP INDEX assessments_submitted_idx;
      CREATE INDEX assessments_period_order_idx
        ON assessments (tenant_id, period_start DESC, period_months DESC, submitted_at DESC, id DESC);
      -- The same over current assessments: latest, previous, growth, the portfolio's two lateral joins.
      CREATE INDEX assessments_current_period_order_idx
        ON assessments (tenant_id, period_start DESC, period_months DESC, submitted_at DESC, id DESC)
        WHERE superseded_at IS NULL;
      DROP FUNCTION consultant_portfolio(boolean, boolean, boolean);
      ${portfolioFunction('period')}
      ${webhookTrigger('period')}
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ${webhookTrigger('submission')}
      DROP FUNCTION consultant_portfolio(boolean, boolean, boolean);
      ${portfolioFunction('submission')}
      DROP INDEX assessments_current_period_order_idx;
      DROP INDEX assessments_period_order_idx;
      CREATE INDEX assessments_submitted_idx ON assessments (tenant_id, submitted_at DESC, id DESC);
      ALTER TABLE assessments DROP COLUMN period_months, DROP COLUMN period_start;
    `);
  }
}
