import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13, items 4 and 5: who answers for a webhook endpoint, and a tenant that always keeps an OWNER.
 *
 * - Endpoints carry `disabled_at`/`disabled_reason` and `enabled_by` (who re-enabled it last). The member who
 *   answers for an endpoint is `coalesce(enabled_by, created_by)`. When that member's membership ends (removed, or
 *   their account deleted) or their role changes to one that does not manage webhooks, a trigger on memberships
 *   disables the endpoint in the same transaction. A disabled endpoint gets no new deliveries (webhook_enqueue_for
 *   skips it) and its queued ones wait (webhook_claim_deliveries skips them) until an OWNER or ADMIN re-enables it.
 * - The last OWNER: a row trigger on memberships (removal, or demotion of an OWNER) takes a transaction-level
 *   advisory lock on the tenant and then counts the OWNERs that remain, in a fresh snapshot. Two OWNERs removing each
 *   other at once are serialised by the lock: the second sees the first's committed removal and is refused
 *   (SQLSTATE 23000, constraint tenant_keeps_an_owner). Not refused: the cascade of a deleted tenant or a deleted
 *   account (an operator's action, not a membership change).
 */
export class WebhookOwners1764150012000 implements MigrationInterface {
  name = 'WebhookOwners1764150012000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE webhook_endpoints
        ADD COLUMN disabled_at timestamptz,
        ADD COLUMN disabled_reason text CHECK (length(disabled_reason) <= 500),
        ADD COLUMN enabled_by uuid,
        ADD CONSTRAINT webhook_endpoints_disabled_reason CHECK ((disabled_at IS NULL) = (disabled_reason IS NULL));
      -- The endpoints a member answers for (the membership trigger's lookup).
      CREATE INDEX webhook_endpoints_responsible_idx
        ON webhook_endpoints (tenant_id, (coalesce(enabled_by, created_by))) WHERE disabled_at IS NULL;

      GRANT SELECT (disabled_at, disabled_reason, enabled_by) ON webhook_endpoints TO smt_app;
      -- Re-enabling is an UPDATE of these columns only (row-level security keeps it in the selected tenant).
      GRANT UPDATE (disabled_at, disabled_reason, enabled_by) ON webhook_endpoints TO smt_app;

      -- No new deliveries for a disabled endpoint.
      CREATE OR REPLACE FUNCTION webhook_enqueue_for(p_tenant uuid, p_event text, p_payload jsonb) RETURNS integer
        LANGUAGE sql VOLATILE SET search_path = public AS $fn$
        WITH subscribed AS (
          SELECT e.id FROM webhook_endpoints e
           WHERE e.tenant_id = p_tenant AND p_event = ANY (e.events) AND e.disabled_at IS NULL
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

      -- Queued deliveries of a disabled endpoint wait: they are not claimed until it is enabled again.
      CREATE OR REPLACE FUNCTION webhook_claim_deliveries(p_limit integer, p_lease_ms integer) RETURNS TABLE (
          tenant_id uuid, delivery_id uuid, attempt integer, url text, secret text, event text, event_id uuid,
          payload jsonb, occurred_at timestamptz)
        LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $fn$
        WITH due AS (
          SELECT d.tenant_id, d.id FROM webhook_deliveries d
            JOIN webhook_endpoints e ON e.tenant_id = d.tenant_id AND e.id = d.endpoint_id
           WHERE d.status = 'PENDING' AND d.next_attempt_at <= now() AND e.disabled_at IS NULL
           ORDER BY d.next_attempt_at, d.id
           LIMIT least(greatest(p_limit, 1), 100)
           FOR UPDATE OF d SKIP LOCKED
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

      -- SECURITY DEFINER: also when the membership ends by cascade (a deleted account), where no tenant is selected.
      -- It touches only the endpoints of the membership's own tenant and user.
      CREATE FUNCTION memberships_disable_webhooks() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $fn$
      BEGIN
        UPDATE webhook_endpoints e
           SET disabled_at = now(),
               disabled_reason = CASE WHEN TG_OP = 'DELETE'
                 THEN 'The member who answers for it left the tenant'
                 ELSE 'The member who answers for it no longer has a role that manages webhooks (now ' || NEW.role || ')'
               END
         WHERE e.tenant_id = OLD.tenant_id AND coalesce(e.enabled_by, e.created_by) = OLD.user_id
           AND e.disabled_at IS NULL;
        RETURN NULL;
      END $fn$;
      REVOKE ALL ON FUNCTION memberships_disable_webhooks() FROM PUBLIC;
      CREATE TRIGGER memberships_disable_webhooks AFTER DELETE ON memberships
        FOR EACH ROW EXECUTE FUNCTION memberships_disable_webhooks();
      CREATE TRIGGER memberships_demotion_disables_webhooks AFTER UPDATE OF role ON memberships
        FOR EACH ROW WHEN (NEW.role NOT IN ('OWNER', 'ADMIN', 'CONSULTANT') AND OLD.role IS DISTINCT FROM NEW.role)
        EXECUTE FUNCTION memberships_disable_webhooks();

      -- SECURITY INVOKER: it counts what the caller can see, which is the selected tenant's memberships (the only
      -- ones the caller can change). The advisory lock needs no privilege and holds until the transaction ends.
      CREATE FUNCTION memberships_keep_an_owner() RETURNS trigger
        LANGUAGE plpgsql SET search_path = public AS $fn$
      BEGIN
        -- A deleted account or tenant takes its memberships with it: not a membership change to refuse.
        IF NOT EXISTS (SELECT 1 FROM users u WHERE u.id = OLD.user_id)
           OR NOT EXISTS (SELECT 1 FROM tenants t WHERE t.id = OLD.tenant_id) THEN
          RETURN NULL;
        END IF;
        PERFORM pg_advisory_xact_lock(1764150012, hashtext(OLD.tenant_id::text));
        -- A new statement, so a new snapshot (READ COMMITTED): it sees what committed while this one waited.
        IF NOT EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = OLD.tenant_id AND m.role = 'OWNER') THEN
          RAISE EXCEPTION 'A tenant keeps at least one OWNER'
            USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'tenant_keeps_an_owner',
                  DETAIL = 'Tenant ' || OLD.tenant_id || ' would have no OWNER left';
        END IF;
        RETURN NULL;
      END $fn$;
      CREATE TRIGGER memberships_keep_an_owner AFTER DELETE ON memberships
        FOR EACH ROW WHEN (OLD.role = 'OWNER') EXECUTE FUNCTION memberships_keep_an_owner();
      CREATE TRIGGER memberships_keep_an_owner_on_demotion AFTER UPDATE OF role ON memberships
        FOR EACH ROW WHEN (OLD.role = 'OWNER' AND NEW.role <> 'OWNER') EXECUTE FUNCTION memberships_keep_an_owner();
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER memberships_keep_an_owner_on_demotion ON memberships;
      DROP TRIGGER memberships_keep_an_owner ON memberships;
      DROP FUNCTION memberships_keep_an_owner();
      DROP TRIGGER memberships_demotion_disables_webhooks ON memberships;
      DROP TRIGGER memberships_disable_webhooks ON memberships;
      DROP FUNCTION memberships_disable_webhooks();

      CREATE OR REPLACE FUNCTION webhook_enqueue_for(p_tenant uuid, p_event text, p_payload jsonb) RETURNS integer
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
      CREATE OR REPLACE FUNCTION webhook_claim_deliveries(p_limit integer, p_lease_ms integer) RETURNS TABLE (
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

      REVOKE UPDATE (disabled_at, disabled_reason, enabled_by) ON webhook_endpoints FROM smt_app;
      REVOKE SELECT (disabled_at, disabled_reason, enabled_by) ON webhook_endpoints FROM smt_app;
      DROP INDEX webhook_endpoints_responsible_idx;
      ALTER TABLE webhook_endpoints DROP CONSTRAINT webhook_endpoints_disabled_reason,
        DROP COLUMN enabled_by, DROP COLUMN disabled_reason, DROP COLUMN disabled_at;
    `);
  }
}
