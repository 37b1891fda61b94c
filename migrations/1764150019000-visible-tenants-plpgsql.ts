import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * app_visible_tenants() (the restrictive `tenant_scope_indexable` policy on assessments, 1764150006000) moves from
 * LANGUAGE sql to plpgsql. Same answer, same rules: the request's tenant, plus the consultant's client tenants
 * while app.portfolio is 'on'.
 *
 * Why: its body has a sub-select (ARRAY(SELECT ...)), so PostgreSQL cannot inline it, and before PostgreSQL 18 a
 * SQL function that is not inlined is parsed and planned again on every statement that calls it. Every statement
 * that reads assessments calls it once (the policy's InitPlan): on PostgreSQL 15, EXPLAIN ANALYZE showed that
 * InitPlan alone at 0.10-0.18 ms, and pgbench (one client, prepared; BEGIN, the tenant, an assessment by id,
 * COMMIT) 0.43 ms per transaction before and 0.26 ms after. plpgsql keeps its statements' plans for the session,
 * as PostgreSQL 18 now does for SQL functions too (where the same pgbench read 0.27-0.31 ms before, 0.27 after).
 */
export class VisibleTenantsPlpgsql1764150019000 implements MigrationInterface {
  name = 'VisibleTenantsPlpgsql1764150019000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION app_visible_tenants() RETURNS uuid[] LANGUAGE plpgsql STABLE PARALLEL SAFE AS $fn$
      BEGIN
        IF current_setting('app.portfolio', true) = 'on' THEN
          RETURN ARRAY(SELECT m.tenant_id FROM memberships m
                        WHERE m.user_id = app_current_user() AND m.role = 'CONSULTANT') || app_current_tenant();
        END IF;
        RETURN ARRAY[app_current_tenant()];
      END
      $fn$;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION app_visible_tenants() RETURNS uuid[] LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
        SELECT CASE WHEN current_setting('app.portfolio', true) = 'on'
          THEN ARRAY(SELECT m.tenant_id FROM memberships m
                      WHERE m.user_id = app_current_user() AND m.role = 'CONSULTANT') || app_current_tenant()
          ELSE ARRAY[app_current_tenant()] END
      $fn$;
    `);
  }
}
