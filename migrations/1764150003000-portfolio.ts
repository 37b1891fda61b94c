import type { MigrationInterface, QueryRunner } from 'typeorm';

const WEBHOOK_EVENTS = `'assessment.scored','portfolio.alert'`;
const WEBHOOK_TABLES = [
  'webhook_endpoints',
  'webhook_events',
  'webhook_deliveries',
  'webhook_delivery_attempts',
];

/**
 * Issue 5: the consultant portfolio, peer benchmarks and webhooks. Everything that crosses tenants is written here,
 * in the database, rather than trusted to a WHERE clause of the service:
 *
 * - Portfolio: `consultant_portfolio_read` (tenants, assessments) lets a user SELECT the rows of tenants where they
 *   are CONSULTANT, only while the transaction-local flag app.portfolio is 'on'. consultant_portfolio() sets the
 *   flag, runs its one query (latest and previous current assessment of every client, by LATERAL on a partial
 *   index) and clears it again within the same statement, so no other query of the request (GraphQL runs root
 *   fields concurrently on the request's one connection) ever sees the widened rows. The app role may set
 *   app.portfolio itself: the flag is not the boundary, the membership subquery of the policy is.
 * - Benchmark: tenant_benchmark() is SECURITY DEFINER (owner) because peers are other tenants. It takes no
 *   argument: the band comes from app_current_tenant(), and it returns aggregates only, and those only when at
 *   least 5 peers qualify (k-anonymity). The owner reads peers through owner-only SELECT policies; the app role is
 *   not a member of the owner role.
 *   Peers exclude every tenant that shares a member with the benchmarked tenant (see tenant_benchmark()).
 * - Webhooks: endpoints, the outbox of events, one delivery per event and endpoint, and the attempt log. An AFTER
 *   INSERT trigger on assessments writes the outbox rows in the submitting transaction (a rolled back submission
 *   leaves no event; a committed one cannot lose it). Delivery happens after commit in the service's background
 *   dispatcher, through two SECURITY DEFINER functions (claim with FOR UPDATE SKIP LOCKED and a lease; record an
 *   attempt). The app role cannot read endpoint secrets (column privileges): only the dispatcher function returns
 *   them, to sign.
 */
export class Portfolio1764150003000 implements MigrationInterface {
  name = 'Portfolio1764150003000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Latest and previous current assessment per tenant (portfolio, benchmark, webhook trigger).
      CREATE INDEX assessments_current_latest_idx ON assessments (tenant_id, submitted_at DESC, id DESC)
        WHERE superseded_at IS NULL;
      -- The consultant memberships of a user (portfolio query and policy subquery).
      CREATE INDEX memberships_consultant_idx ON memberships (user_id, tenant_id) WHERE role = 'CONSULTANT';

      CREATE POLICY consultant_portfolio_read ON tenants FOR SELECT
        USING (current_setting('app.portfolio', true) = 'on' AND id IN (
          SELECT m.tenant_id FROM memberships m WHERE m.user_id = app_current_user() AND m.role = 'CONSULTANT'));
      CREATE POLICY consultant_portfolio_read ON assessments FOR SELECT
        USING (current_setting('app.portfolio', true) = 'on' AND tenant_id IN (
          SELECT m.tenant_id FROM memberships m WHERE m.user_id = app_current_user() AND m.role = 'CONSULTANT'));

      CREATE FUNCTION consultant_portfolio() RETURNS TABLE (
          tenant_id uuid, name text, employee_count integer, departments text[], culture text, market text,
          locations integer, sector text, reassessment_cadence_days integer, tenant_created_at timestamptz,
          latest_id uuid, latest_period text, latest_submitted_at timestamptz, latest_superseded_at timestamptz,
          latest_model_version text, latest_overall_score double precision, latest_stage text, latest_result jsonb,
          latest_answers jsonb,
          previous_id uuid, previous_period text, previous_submitted_at timestamptz,
          previous_superseded_at timestamptz, previous_model_version text, previous_overall_score double precision,
          previous_stage text, previous_result jsonb, previous_answers jsonb)
        LANGUAGE plpgsql VOLATILE SECURITY INVOKER SET search_path = public AS $fn$
      BEGIN
        PERFORM set_config('app.portfolio', 'on', true);
        RETURN QUERY
          SELECT t.id, t.name, t.employee_count, t.departments, t.culture, t.market, t.locations, t.sector,
                 t.reassessment_cadence_days, t.created_at,
                 l.id, l.period, l.submitted_at, l.superseded_at, l.model_version, l.overall_score, l.stage,
                 l.result, l.inputs -> 'answers',
                 p.id, p.period, p.submitted_at, p.superseded_at, p.model_version, p.overall_score, p.stage,
                 p.result, p.inputs -> 'answers'
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
      END $fn$;

      -- Benchmark size bands, in one place; the index backs the peer lookup.
      CREATE FUNCTION benchmark_size_band(employee_count integer) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT CASE WHEN employee_count < 50 THEN '1-49' WHEN employee_count < 250 THEN '50-249'
                          WHEN employee_count < 1000 THEN '250-999' ELSE '1000+' END $$;
      CREATE INDEX tenants_size_band_idx ON tenants (benchmark_size_band(employee_count));

      CREATE POLICY benchmark_peers ON tenants FOR SELECT TO smt_owner USING (true);
      CREATE POLICY benchmark_peers ON assessments FOR SELECT TO smt_owner USING (true);
      CREATE POLICY benchmark_peers ON memberships FOR SELECT TO smt_owner USING (true);

      -- Percentile = (peers with a lower score + half the peers with an equal score) / peers * 100, over the latest
      -- current assessment of each peer. Peers: the other tenants of the band with a current assessment, except
      -- those sharing a member with this tenant: their scores are no secret to that member, so they cannot count
      -- toward the anonymity of the rest (and one account cannot fill a band with its own tenants to isolate a real
      -- peer). The same for every member of the tenant. Below 5 peers nothing about them is returned.
      CREATE FUNCTION tenant_benchmark() RETURNS TABLE (
          size_band text, peer_count integer, percentile double precision, own_score double precision,
          minimum_peers integer)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $fn$
        WITH me AS (
          SELECT t.id, benchmark_size_band(t.employee_count) AS band,
                 (SELECT a.overall_score FROM assessments a
                   WHERE a.tenant_id = t.id AND a.superseded_at IS NULL
                   ORDER BY a.submitted_at DESC, a.id DESC LIMIT 1) AS score
            FROM tenants t WHERE t.id = app_current_tenant()
        ), peers AS (
          SELECT l.overall_score AS score
            FROM me
            JOIN tenants t ON benchmark_size_band(t.employee_count) = me.band AND t.id <> me.id
            CROSS JOIN LATERAL (
              SELECT a.overall_score FROM assessments a
               WHERE a.tenant_id = t.id AND a.superseded_at IS NULL
               ORDER BY a.submitted_at DESC, a.id DESC LIMIT 1) l
           WHERE t.id NOT IN (
             SELECT theirs.tenant_id FROM memberships ours
               JOIN memberships theirs ON theirs.user_id = ours.user_id
              WHERE ours.tenant_id = me.id)
        ), tally AS (
          SELECT count(p.score)::integer AS n,
                 count(p.score) FILTER (WHERE p.score < me.score)::integer AS below,
                 count(p.score) FILTER (WHERE p.score = me.score)::integer AS ties
            FROM me LEFT JOIN peers p ON true
        )
        SELECT me.band,
               CASE WHEN tally.n >= 5 THEN tally.n END,
               CASE WHEN tally.n >= 5 AND me.score IS NOT NULL
                    THEN (tally.below + 0.5 * tally.ties) / tally.n * 100 END,
               me.score,
               5
          FROM me CROSS JOIN tally
      $fn$;
      REVOKE ALL ON FUNCTION tenant_benchmark() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION tenant_benchmark() TO smt_app;
    `);

    await q.query(`
      CREATE TABLE webhook_endpoints (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        url text NOT NULL CHECK (length(url) BETWEEN 10 AND 2000 AND url ~ '^https?://'),
        events text[] NOT NULL CHECK (cardinality(events) >= 1 AND events <@ ARRAY[${WEBHOOK_EVENTS}]::text[]),
        secret text NOT NULL CHECK (length(secret) >= 32),
        secret_hint text NOT NULL CHECK (length(secret_hint) BETWEEN 1 AND 8),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX webhook_endpoints_created_idx ON webhook_endpoints (tenant_id, created_at, id);

      -- The outbox: one row per event that at least one endpoint subscribes to.
      CREATE TABLE webhook_events (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        event text NOT NULL CHECK (event IN (${WEBHOOK_EVENTS})),
        payload jsonb NOT NULL CHECK (jsonb_typeof(payload) = 'object'),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      );

      -- One delivery per event and subscribed endpoint; next_attempt_at doubles as the claim's lease.
      CREATE TABLE webhook_deliveries (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant(),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        endpoint_id uuid NOT NULL,
        event_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','DELIVERED','FAILED')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_status_code integer,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, endpoint_id) REFERENCES webhook_endpoints (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, event_id) REFERENCES webhook_events (tenant_id, id) ON DELETE CASCADE
      );
      -- The dispatcher's queue (across tenants).
      CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at, id) WHERE status = 'PENDING';
      -- The deliveries of an endpoint, newest first (and the cascade from endpoints).
      CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (tenant_id, endpoint_id, created_at DESC, id DESC);
      CREATE INDEX webhook_deliveries_event_idx ON webhook_deliveries (tenant_id, event_id);

      CREATE TABLE webhook_delivery_attempts (
        tenant_id uuid NOT NULL,
        delivery_id uuid NOT NULL,
        attempt integer NOT NULL CHECK (attempt >= 1),
        attempted_at timestamptz NOT NULL DEFAULT now(),
        status_code integer,
        error text,
        duration_ms integer,
        PRIMARY KEY (tenant_id, delivery_id, attempt),
        FOREIGN KEY (tenant_id, delivery_id) REFERENCES webhook_deliveries (tenant_id, id) ON DELETE CASCADE
      );
    `);
    for (const table of WEBHOOK_TABLES) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON ${table}
          USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
        CREATE POLICY webhook_dispatcher ON ${table} TO smt_owner USING (true) WITH CHECK (true);
      `);
    }
    await q.query(`
      -- The service registers, lists and deletes endpoints but never reads a secret back.
      REVOKE ALL ON webhook_endpoints FROM smt_app;
      GRANT SELECT (tenant_id, id, url, events, secret_hint, created_by, created_at), INSERT, DELETE
        ON webhook_endpoints TO smt_app;
      REVOKE UPDATE, DELETE, TRUNCATE ON webhook_events FROM smt_app;
      REVOKE UPDATE, DELETE, TRUNCATE ON webhook_deliveries FROM smt_app;
      REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON webhook_delivery_attempts FROM smt_app;

      -- Writes an event and its deliveries for the tenant's subscribed endpoints; nothing when none subscribes.
      -- SECURITY INVOKER: row-level security keeps it inside the caller's tenant.
      CREATE FUNCTION webhook_enqueue_for(p_tenant uuid, p_event text, p_payload jsonb) RETURNS integer
        LANGUAGE sql VOLATILE SET search_path = public AS $fn$
        WITH subscribed AS (
          SELECT e.id FROM webhook_endpoints e WHERE e.tenant_id = p_tenant AND p_event = ANY (e.events)
        ), event AS (
          INSERT INTO webhook_events (tenant_id, event, payload)
          SELECT p_tenant, p_event, p_payload WHERE EXISTS (SELECT 1 FROM subscribed)
          RETURNING id
        ), deliveries AS (
          INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event_id)
          SELECT p_tenant, s.id, event.id FROM subscribed s CROSS JOIN event
          RETURNING 1
        )
        SELECT count(*)::integer FROM deliveries
      $fn$;
      CREATE FUNCTION webhook_enqueue(p_event text, p_payload jsonb) RETURNS integer
        LANGUAGE sql VOLATILE SET search_path = public
        AS $fn$ SELECT webhook_enqueue_for(app_current_tenant(), p_event, p_payload) $fn$;

      -- assessment.scored for every new current assessment; portfolio.alert when it is 10+ points below the
      -- previous current assessment. A failure here is logged and swallowed: webhooks never fail a submission.
      CREATE FUNCTION assessments_webhook_events() RETURNS trigger
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
             AND (a.submitted_at, a.id) < (NEW.submitted_at, NEW.id)
           ORDER BY a.submitted_at DESC, a.id DESC LIMIT 1;
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
      END $fn$;
      CREATE TRIGGER assessments_webhook_events AFTER INSERT ON assessments
        FOR EACH ROW EXECUTE FUNCTION assessments_webhook_events();

      -- The dispatcher's claim: due deliveries across tenants, locked without waiting for other dispatchers,
      -- leased (next_attempt_at moves past the delivery timeout) and counted as an attempt before any HTTP call.
      CREATE FUNCTION webhook_claim_deliveries(p_limit integer, p_lease_ms integer) RETURNS TABLE (
          tenant_id uuid, delivery_id uuid, attempt integer, url text, secret text, event text, event_id uuid,
          payload jsonb, occurred_at timestamptz)
        LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $fn$
        WITH due AS (
          SELECT d.tenant_id, d.id FROM webhook_deliveries d
           WHERE d.status = 'PENDING' AND d.next_attempt_at <= now()
           ORDER BY d.next_attempt_at, d.id
           LIMIT least(greatest(p_limit, 1), 100)
           FOR UPDATE SKIP LOCKED
        ), claimed AS (
          UPDATE webhook_deliveries d
             SET attempts = d.attempts + 1,
                 next_attempt_at = now() + least(greatest(p_lease_ms, 1000), 3600000) * interval '1 millisecond'
            FROM due WHERE d.tenant_id = due.tenant_id AND d.id = due.id
          RETURNING d.tenant_id, d.id, d.attempts, d.endpoint_id, d.event_id
        )
        SELECT c.tenant_id, c.id, c.attempts, e.url, e.secret, ev.event, ev.id, ev.payload, ev.occurred_at
          FROM claimed c
          JOIN webhook_endpoints e ON e.tenant_id = c.tenant_id AND e.id = c.endpoint_id
          JOIN webhook_events ev ON ev.tenant_id = c.tenant_id AND ev.id = c.event_id
      $fn$;

      -- Logs an attempt and moves the delivery on: DELIVERED, PENDING again after p_retry_in_ms, or FAILED (no
      -- retry). A stale report (the lease ran out and another dispatcher claimed it again) is logged only.
      CREATE FUNCTION webhook_record_attempt(
          p_tenant uuid, p_delivery uuid, p_attempt integer, p_status_code integer, p_error text,
          p_duration_ms integer, p_delivered boolean, p_retry_in_ms integer) RETURNS text
        LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $fn$
        WITH logged AS (
          INSERT INTO webhook_delivery_attempts (tenant_id, delivery_id, attempt, status_code, error, duration_ms)
          VALUES (p_tenant, p_delivery, p_attempt, p_status_code, left(p_error, 1000), p_duration_ms)
          ON CONFLICT DO NOTHING
          RETURNING 1
        )
        UPDATE webhook_deliveries d
           SET status = CASE WHEN p_delivered THEN 'DELIVERED' WHEN p_retry_in_ms IS NULL THEN 'FAILED'
                             ELSE 'PENDING' END,
               next_attempt_at = CASE WHEN NOT p_delivered AND p_retry_in_ms IS NOT NULL
                                      THEN now() + p_retry_in_ms * interval '1 millisecond'
                                      ELSE d.next_attempt_at END,
               delivered_at = CASE WHEN p_delivered THEN now() END,
               last_status_code = p_status_code,
               last_error = left(p_error, 1000)
         WHERE d.tenant_id = p_tenant AND d.id = p_delivery AND d.attempts = p_attempt AND d.status = 'PENDING'
        RETURNING d.status
      $fn$;
      REVOKE ALL ON FUNCTION webhook_claim_deliveries(integer, integer) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION webhook_claim_deliveries(integer, integer) TO smt_app;
      REVOKE ALL ON FUNCTION webhook_record_attempt(uuid, uuid, integer, integer, text, integer, boolean, integer)
        FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION webhook_record_attempt(uuid, uuid, integer, integer, text, integer, boolean, integer)
        TO smt_app;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER assessments_webhook_events ON assessments;
      DROP FUNCTION assessments_webhook_events();
      DROP FUNCTION webhook_record_attempt(uuid, uuid, integer, integer, text, integer, boolean, integer);
      DROP FUNCTION webhook_claim_deliveries(integer, integer);
      DROP FUNCTION webhook_enqueue(text, jsonb);
      DROP FUNCTION webhook_enqueue_for(uuid, text, jsonb);
      DROP TABLE webhook_delivery_attempts; DROP TABLE webhook_deliveries; DROP TABLE webhook_events;
      DROP TABLE webhook_endpoints;
      DROP FUNCTION tenant_benchmark();
      DROP POLICY benchmark_peers ON memberships; DROP POLICY benchmark_peers ON assessments;
      DROP POLICY benchmark_peers ON tenants;
      DROP INDEX tenants_size_band_idx; DROP FUNCTION benchmark_size_band(integer);
      DROP FUNCTION consultant_portfolio();
      DROP POLICY consultant_portfolio_read ON assessments; DROP POLICY consultant_portfolio_read ON tenants;
      DROP INDEX memberships_consultant_idx; DROP INDEX assessments_current_latest_idx;
    `);
  }
}
