import type { MigrationInterface, QueryRunner } from 'typeorm';

const STAGES = `'PLANNING','PRESENCE','ENGAGEMENT','FORMALIZED','STRATEGIC','CONVERGED'`;
const MOVES = `'ASSIGN_OWNER','INSOURCE','SALES_OWNS_ENGAGEMENT','ADD_SALES_MEMBER','ADD_MEMBER_FROM_DEPARTMENT',
  'ADD_BUSINESS_KPI','REPORT_MONTHLY','ADOPT_POLICY','LIVE_THE_POLICY','CRISIS_PLAN','MONITORING','TRAIN_TEAM'`;
const RESPONSIBILITIES = `'CHANNEL_MANAGEMENT','CONTENT_MARKETING','AUDIENCE_ENGAGEMENT','REPUTATION_MANAGEMENT',
  'INTERNAL_REPORTING','POLICY_ROLE_MODEL','TOOLING','KNOWLEDGE_SHARING','COMMUNITY_MANAGEMENT'`;
const DEPARTMENTS = `'MARKETING','SALES','PR','CORPORATE_COMMUNICATIONS','CUSTOMER_SERVICE','HR','IT','LEGAL',
  'PRODUCT','MANAGEMENT','OTHER'`;
const STATUSES = `'OPEN','IN_PROGRESS','DONE','DROPPED'`;
const OLD_EVENTS = `'assessment.scored','portfolio.alert'`;
const NEW_EVENTS = `'assessment.scored','portfolio.alert','action.overdue'`;
const TABLES = ['tenant_targets', 'roadmaps', 'actions'];

/**
 * Issue 17: targets, the stored roadmap and the action plan.
 *
 * - tenant_targets: at most one target stage (and date) per tenant.
 * - roadmaps: the computed roadmap of an assessment per (model version, target stage), written on first read
 *   (INSERT ... ON CONFLICT DO NOTHING). Assessments are immutable snapshots, so a stored roadmap never goes stale;
 *   it goes with its assessment (cascade). Only codes and numbers are stored, never texts.
 * - actions: the action plan, with optimistic concurrency (version). An owner is a team member or a department,
 *   not both; a removed member leaves the action without an owner. overdue_notified_at is set by
 *   actions_notify_overdue() in the same statement that enqueues the action.overdue webhook event: once per action.
 * - Cross-tenant reads stay in the database: actions_notify_overdue() (the dispatcher, no tenant selected) and
 *   consultant_action_summary() (portfolio counts, CONSULTANT tenants of the caller only) are SECURITY DEFINER and
 *   read through owner-only policies, like the benchmark and the webhook dispatcher.
 */
export class TargetsActions1764150014000 implements MigrationInterface {
  name = 'TargetsActions1764150014000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tenant_targets (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id) ON DELETE CASCADE,
        stage text NOT NULL CHECK (stage IN (${STAGES})),
        due_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id)
      );

      CREATE TABLE roadmaps (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant(),
        assessment_id uuid NOT NULL,
        model_version text NOT NULL CHECK (length(model_version) BETWEEN 1 AND 100),
        target_stage text NOT NULL CHECK (target_stage IN (${STAGES})),
        roadmap jsonb NOT NULL CHECK (jsonb_typeof(roadmap) = 'object'),
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, assessment_id, model_version, target_stage),
        FOREIGN KEY (tenant_id, assessment_id) REFERENCES assessments (tenant_id, id) ON DELETE CASCADE
      );

      CREATE TABLE actions (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        move text CHECK (move IN (${MOVES})),
        responsibility text CHECK (responsibility IN (${RESPONSIBILITIES})),
        department text CHECK (department IN (${DEPARTMENTS})),
        owner_member_id uuid,
        owner_department text CHECK (owner_department IN (${DEPARTMENTS})),
        due_at timestamptz,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN (${STATUSES})),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        overdue_notified_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, owner_member_id) REFERENCES team_members (tenant_id, id)
          ON DELETE SET NULL (owner_member_id),
        CONSTRAINT actions_one_owner CHECK (owner_member_id IS NULL OR owner_department IS NULL),
        CONSTRAINT actions_move_detail CHECK (move IS NOT NULL OR (responsibility IS NULL AND department IS NULL))
      );
      -- Tenant.actions (oldest first), with or without a status filter.
      CREATE INDEX actions_created_idx ON actions (tenant_id, created_at, id);
      CREATE INDEX actions_status_idx ON actions (tenant_id, status, created_at, id);
      -- The overdue check (across tenants): open actions with a due date not yet notified.
      CREATE INDEX actions_overdue_due_idx ON actions (due_at)
        WHERE status IN ('OPEN','IN_PROGRESS') AND due_at IS NOT NULL AND overdue_notified_at IS NULL;
      CREATE INDEX actions_owner_member_idx ON actions (tenant_id, owner_member_id) WHERE owner_member_id IS NOT NULL;
    `);
    for (const table of TABLES) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON ${table}
          USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      `);
    }
    await q.query(`
      -- Stored roadmaps are written once and never changed by the service.
      REVOKE UPDATE, DELETE, TRUNCATE ON roadmaps FROM smt_app;
      -- The service never deletes actions (DROPPED is a status) nor marks them notified (the function does).
      REVOKE DELETE, TRUNCATE ON actions FROM smt_app;

      CREATE POLICY overdue_check ON actions TO smt_owner USING (true) WITH CHECK (true);
      CREATE POLICY consultant_summary ON tenant_targets FOR SELECT TO smt_owner USING (true);

      ALTER TABLE webhook_events DROP CONSTRAINT webhook_events_event_check,
        ADD CONSTRAINT webhook_events_event_check CHECK (event IN (${NEW_EVENTS}));
      ALTER TABLE webhook_endpoints DROP CONSTRAINT webhook_endpoints_events_check,
        ADD CONSTRAINT webhook_endpoints_events_check
          CHECK (cardinality(events) >= 1 AND events <@ ARRAY[${NEW_EVENTS}]::text[]);

      -- Marks up to p_limit open actions past their due date as notified and enqueues action.overdue for each, in
      -- one statement: an action is notified once (SKIP LOCKED lets several instances share the work).
      CREATE FUNCTION actions_notify_overdue(p_limit integer) RETURNS integer
        LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $fn$
        WITH due AS (
          SELECT a.tenant_id, a.id FROM actions a
           WHERE a.status IN ('OPEN','IN_PROGRESS') AND a.due_at IS NOT NULL AND a.due_at < now()
             AND a.overdue_notified_at IS NULL
           ORDER BY a.due_at, a.id
           LIMIT least(greatest(p_limit, 1), 1000)
           FOR UPDATE SKIP LOCKED
        ), marked AS (
          UPDATE actions a SET overdue_notified_at = now()
            FROM due WHERE a.tenant_id = due.tenant_id AND a.id = due.id
          RETURNING a.tenant_id, a.id, a.title, a.move, a.responsibility, a.department, a.owner_member_id,
                    a.owner_department, a.due_at, a.status
        )
        SELECT coalesce(sum(webhook_enqueue_for(m.tenant_id, 'action.overdue', jsonb_build_object(
                 'actionId', m.id, 'title', m.title, 'move', m.move, 'responsibility', m.responsibility,
                 'department', m.department, 'ownerMemberId', m.owner_member_id,
                 'ownerDepartment', m.owner_department, 'dueAt', m.due_at, 'status', m.status))), 0)::integer
          FROM marked m
      $fn$;
      REVOKE ALL ON FUNCTION actions_notify_overdue(integer) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION actions_notify_overdue(integer) TO smt_app;

      -- The portfolio's per-client target and action counts: only for the given tenants where the caller is
      -- CONSULTANT (the same rule as consultant_portfolio_read), aggregates only.
      CREATE FUNCTION consultant_action_summary(p_tenants uuid[]) RETURNS TABLE (
          tenant_id uuid, target_stage text, open_actions integer, overdue_actions integer)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $fn$
        SELECT m.tenant_id, t.stage,
               (SELECT count(*)::integer FROM actions a
                 WHERE a.tenant_id = m.tenant_id AND a.status IN ('OPEN','IN_PROGRESS')),
               (SELECT count(*)::integer FROM actions a
                 WHERE a.tenant_id = m.tenant_id AND a.status IN ('OPEN','IN_PROGRESS') AND a.due_at < now())
          FROM memberships m
          LEFT JOIN tenant_targets t ON t.tenant_id = m.tenant_id
         WHERE m.user_id = app_current_user() AND m.role = 'CONSULTANT' AND m.tenant_id = ANY (p_tenants)
      $fn$;
      REVOKE ALL ON FUNCTION consultant_action_summary(uuid[]) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION consultant_action_summary(uuid[]) TO smt_app;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION consultant_action_summary(uuid[]);
      DROP FUNCTION actions_notify_overdue(integer);
      DELETE FROM webhook_deliveries d USING webhook_events e
       WHERE e.tenant_id = d.tenant_id AND e.id = d.event_id AND e.event = 'action.overdue';
      DELETE FROM webhook_events WHERE event = 'action.overdue';
      UPDATE webhook_endpoints SET events = array_remove(events, 'action.overdue');
      ALTER TABLE webhook_endpoints DROP CONSTRAINT webhook_endpoints_events_check,
        ADD CONSTRAINT webhook_endpoints_events_check
          CHECK (cardinality(events) >= 1 AND events <@ ARRAY[${OLD_EVENTS}]::text[]);
      ALTER TABLE webhook_events DROP CONSTRAINT webhook_events_event_check,
        ADD CONSTRAINT webhook_events_event_check CHECK (event IN (${OLD_EVENTS}));
      DROP TABLE actions; DROP TABLE roadmaps; DROP TABLE tenant_targets;
    `);
  }
}
