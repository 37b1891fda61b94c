import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 7: the portfolio reads only what the request asks for.
 *
 * consultant_portfolio() returned, for each client, the latest and the previous current assessment in full: both
 * stored results (~3.8 KB of JSON text each) and both answer sets. A dashboard shows the dimension scores of the
 * latest one and the change against the previous score: for 20 clients that was ~160 KB of JSON to serialise in
 * PostgreSQL and to parse in the service, per request, of which ~16 KB was used. On the benchmark data (pgbench,
 * one client, the statement alone): 2.57 ms in full, 0.53 ms with the dimensions and the previous score only.
 *
 * The function now takes what to include (the GraphQL selection decides, see portfolio-projection.ts):
 * - with_latest_detail: the latest result in full (findings, caps, facts); otherwise only its dimensions;
 * - with_latest_answers: the latest answers;
 * - with_previous_detail: the previous assessment in full (result and answers); otherwise only its id, period,
 *   submission time, model version, score and stage.
 * Columns left out are NULL; the row shape is the same. Row-level security is unchanged (the same flag, the
 * same policies, the same statement).
 */
const RETURNS = `TABLE (
          tenant_id uuid, name text, employee_count integer, departments text[], culture text, market text,
          locations integer, sector text, reassessment_cadence_days integer, tenant_created_at timestamptz,
          latest_id uuid, latest_period text, latest_submitted_at timestamptz, latest_superseded_at timestamptz,
          latest_model_version text, latest_overall_score double precision, latest_stage text, latest_result jsonb,
          latest_answers jsonb,
          previous_id uuid, previous_period text, previous_submitted_at timestamptz,
          previous_superseded_at timestamptz, previous_model_version text, previous_overall_score double precision,
          previous_stage text, previous_result jsonb, previous_answers jsonb)`;

function definition(signature: string, latestResult: string, latestAnswers: string, previousResult: string, previousAnswers: string): string {
  return `
      CREATE FUNCTION consultant_portfolio(${signature}) RETURNS ${RETURNS}
        LANGUAGE plpgsql VOLATILE SECURITY INVOKER SET search_path = public AS $fn$
      BEGIN
        PERFORM set_config('app.portfolio', 'on', true);
        RETURN QUERY
          SELECT t.id, t.name, t.employee_count, t.departments, t.culture, t.market, t.locations, t.sector,
                 t.reassessment_cadence_days, t.created_at,
                 l.id, l.period, l.submitted_at, l.superseded_at, l.model_version, l.overall_score, l.stage,
                 ${latestResult}, ${latestAnswers},
                 p.id, p.period, p.submitted_at, p.superseded_at, p.model_version, p.overall_score, p.stage,
                 ${previousResult}, ${previousAnswers}
            FROM memberships m
            JOIN tenants t ON t.id = m.tenant_id
            LEFT JOIN LATERAL (
              SELECT a.* FROM assessments a
               WHERE a.tenant_id = m.tenant_id AND a.superseded_at IS NULL
               ORDER BY a.submitted_at DESC, a.id DESC LIMIT 1) l ON true
            LEFT JOIN LATERAL (
              SELECT a.* FROM assessments a
               WHERE a.tenant_id = m.tenant_id AND a.superseded_at IS NULL
                 AND (a.submitted_at, a.id) < (l.submitted_at, l.id)
               ORDER BY a.submitted_at DESC, a.id DESC LIMIT 1) p ON true
           WHERE m.user_id = app_current_user() AND m.role = 'CONSULTANT';
        PERFORM set_config('app.portfolio', 'off', true);
        RETURN;
      END $fn$;`;
}

export class PortfolioProjection1764150007000 implements MigrationInterface {
  name = 'PortfolioProjection1764150007000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION consultant_portfolio();
      ${definition(
        'with_latest_detail boolean, with_latest_answers boolean, with_previous_detail boolean',
        `CASE WHEN with_latest_detail THEN l.result ELSE jsonb_build_object('dimensions', l.result -> 'dimensions') END`,
        `CASE WHEN with_latest_answers THEN l.inputs -> 'answers' END`,
        'CASE WHEN with_previous_detail THEN p.result END',
        `CASE WHEN with_previous_detail THEN p.inputs -> 'answers' END`,
      )}
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION consultant_portfolio(boolean, boolean, boolean);
      ${definition('', 'l.result', `l.inputs -> 'answers'`, 'p.result', `p.inputs -> 'answers'`)}
    `);
  }
}
