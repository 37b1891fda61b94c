import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 7: keep every assessments query of the service on an index that starts with tenant_id.
 *
 * Two permissive SELECT policies apply to the service's role on assessments (tenant_isolation, and the
 * consultant_portfolio_read of the portfolio), and PostgreSQL ORs them: the planner then cannot use
 * `tenant_id = app_current_tenant()` as an index condition, so `WHERE id = $1` walked the whole primary key,
 * the idempotency lookup the whole unique index, and latest/count/list every tenant's rows (cost growing with
 * the table, not the tenant). EXPLAIN ANALYZE on the benchmark data: assessment by id 2.3 ms -> 0.2 ms.
 *
 * The fix is a RESTRICTIVE policy (ANDed with the permissive ones) that states the same set as one indexable
 * condition: `tenant_id = ANY (app_visible_tenants())`, the request's tenant, plus the consultant's client
 * tenants while the portfolio flag is on, exactly what the two permissive policies admit. As a scalar subquery it
 * is computed once per statement (an InitPlan), not again on every rescan of a lateral join (the portfolio's
 * statement: 6.7 ms with the bare function call, 2.2 ms this way, 2.9 ms without the policy). A restrictive policy
 * can only take rows away, never grant any: should the two ever disagree, rows disappear (the tests notice),
 * nothing leaks. It applies to the service's role only; the owner's operator policies are untouched.
 */
export class Performance1764150006000 implements MigrationInterface {
  name = 'Performance1764150006000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION app_visible_tenants() RETURNS uuid[] LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
        SELECT CASE WHEN current_setting('app.portfolio', true) = 'on'
          THEN ARRAY(SELECT m.tenant_id FROM memberships m
                      WHERE m.user_id = app_current_user() AND m.role = 'CONSULTANT') || app_current_tenant()
          ELSE ARRAY[app_current_tenant()] END
      $fn$;
      CREATE POLICY tenant_scope_indexable ON assessments AS RESTRICTIVE FOR SELECT TO smt_app
        USING (tenant_id = ANY ((SELECT app_visible_tenants())::uuid[]));
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP POLICY tenant_scope_indexable ON assessments;
      DROP FUNCTION app_visible_tenants();
    `);
  }
}
