import type { MigrationInterface, QueryRunner } from 'typeorm';

const STAGES = `'PLANNING','PRESENCE','ENGAGEMENT','FORMALIZED','STRATEGIC','CONVERGED'`;

/**
 * Assessments: immutable, scored snapshots of a tenant's facts and questionnaire answers, one current per period,
 * and assessment_scores: the results of rescoring a stored snapshot under a (newer) model version.
 *
 * - Idempotency is enforced by UNIQUE (tenant_id, idempotency_key); "one current assessment per period" by a
 *   partial unique index. Superseding first marks the old row (superseded_by = the new id) and then inserts the
 *   new one, so the self-reference is checked at commit (DEFERRABLE INITIALLY DEFERRED).
 * - Immutable for the service: it may INSERT and SELECT, and UPDATE only the two superseded_* columns (once a
 *   row is superseded it is history); it may only read assessment_scores, written by the operator's rescore.
 * - The rescore tool runs as the owner role across all tenants. FORCE ROW LEVEL SECURITY applies to the owner
 *   too, so the owner gets an explicit policy; it grants nothing the owner lacks (it could drop the policies),
 *   and the service's role is not a member of the owner role.
 */
export class Assessments1764150002000 implements MigrationInterface {
  name = 'Assessments1764150002000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assessments (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        period text NOT NULL CHECK (period ~ '^[0-9]{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$'),
        idempotency_key text NOT NULL CHECK (idempotency_key ~ '^[A-Za-z0-9._:-]{8,200}$'),
        request_hash text NOT NULL CHECK (request_hash ~ '^[0-9a-f]{64}$'),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        submitted_by uuid,
        model_version text NOT NULL CHECK (length(model_version) BETWEEN 1 AND 100),
        inputs jsonb NOT NULL CHECK (jsonb_typeof(inputs) = 'object'),
        result jsonb NOT NULL CHECK (jsonb_typeof(result) = 'object'),
        overall_score double precision NOT NULL CHECK (overall_score BETWEEN 0 AND 100),
        stage text NOT NULL CHECK (stage IN (${STAGES})),
        superseded_at timestamptz,
        superseded_by uuid,
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT assessments_idempotency_key UNIQUE (tenant_id, idempotency_key),
        CONSTRAINT assessments_superseded_by_fkey FOREIGN KEY (tenant_id, superseded_by)
          REFERENCES assessments (tenant_id, id) DEFERRABLE INITIALLY DEFERRED,
        CONSTRAINT assessments_superseded_check CHECK (
          (superseded_at IS NULL) = (superseded_by IS NULL) AND superseded_by IS DISTINCT FROM id
        )
      );
      -- One current assessment per tenant and period; superseded ones stay as history.
      CREATE UNIQUE INDEX assessments_current_period_key ON assessments (tenant_id, period) WHERE superseded_at IS NULL;
      -- Newest first (lists, latest, previous); DESC on both keys so (submitted_at, id) row comparisons use it.
      CREATE INDEX assessments_submitted_idx ON assessments (tenant_id, submitted_at DESC, id DESC);
      -- Backs the self-referencing foreign key.
      CREATE INDEX assessments_superseded_by_idx ON assessments (tenant_id, superseded_by) WHERE superseded_by IS NOT NULL;

      CREATE TABLE assessment_scores (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant(),
        assessment_id uuid NOT NULL,
        model_version text NOT NULL CHECK (length(model_version) BETWEEN 1 AND 100),
        result jsonb NOT NULL CHECK (jsonb_typeof(result) = 'object'),
        overall_score double precision NOT NULL CHECK (overall_score BETWEEN 0 AND 100),
        stage text NOT NULL CHECK (stage IN (${STAGES})),
        scored_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, assessment_id, model_version),
        FOREIGN KEY (tenant_id, assessment_id) REFERENCES assessments (tenant_id, id) ON DELETE CASCADE
      );
    `);
    for (const table of ['assessments', 'assessment_scores']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON ${table}
          USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      `);
    }
    await q.query(`
      CREATE POLICY operator_rescore ON assessments FOR SELECT TO smt_owner USING (true);
      CREATE POLICY operator_rescore ON assessment_scores TO smt_owner USING (true) WITH CHECK (true);

      REVOKE UPDATE, DELETE, TRUNCATE ON assessments FROM smt_app;
      GRANT UPDATE (superseded_at, superseded_by) ON assessments TO smt_app;
      REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON assessment_scores FROM smt_app;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE assessment_scores; DROP TABLE assessments;`);
  }
}
