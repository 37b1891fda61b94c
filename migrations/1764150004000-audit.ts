import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Append-only audit trail: one row per successful mutation, written in the mutation's own transaction.
 * The service's role may insert and read its tenant's rows, never update or delete them.
 */
export class Audit1764150004000 implements MigrationInterface {
  name = 'Audit1764150004000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_events (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        user_id uuid,
        operation text NOT NULL CHECK (length(operation) BETWEEN 1 AND 100),
        target_id text CHECK (length(target_id) <= 200),
        request_id text CHECK (length(request_id) <= 100),
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX audit_events_time_idx ON audit_events (tenant_id, occurred_at DESC, id DESC);
      ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
      ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON audit_events
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM smt_app;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events`);
  }
}
