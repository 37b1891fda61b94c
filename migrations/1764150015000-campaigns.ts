import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['campaigns', 'campaign_respondents', 'campaign_responses'];
const DEPARTMENTS = `'MARKETING','SALES','PR','CORPORATE_COMMUNICATIONS','CUSTOMER_SERVICE','HR','IT','LEGAL','PRODUCT','MANAGEMENT','OTHER'`;
// After 1764150014000 (action.overdue); both checks, of endpoints and of events, list every event name.
const EVENTS_BEFORE = `'assessment.scored','portfolio.alert','action.overdue'`;
const EVENTS_AFTER = `'assessment.scored','portfolio.alert','action.overdue','campaign.closed','campaign.expired'`;

/**
 * Issue 16: campaigns, many respondents answering for one period (domain.md "Campaigns").
 *
 * - campaigns: one OPEN campaign per tenant and period (partial unique index). Closing stores the aggregate on the
 *   row and links the period's assessment (assessments.campaign_id, unique: one assessment per campaign whatever the
 *   retries or instances).
 * - campaign_respondents: one per invited person; the response link's token is stored only as its SHA-256 hash
 *   (unique across tenants: the lookup by hash has no tenant yet).
 * - campaign_responses: the last answer of each respondent. The service aggregates them; no API returns one.
 * - Two SECURITY DEFINER functions cross tenants, and only through what a caller already holds:
 *   campaign_link(hash) answers a response link with only what its respondent may see (organisation name, period,
 *   closing time, answered, open) and the ids the service needs to store the answer under that tenant; the
 *   submitting variant also takes a share lock on the campaign, so a close waits for answers in flight and answers
 *   after it see it closed. campaign_claim_due() hands one due OPEN campaign to one background closer (FOR UPDATE
 *   SKIP LOCKED: two instances never close the same campaign at once; a killed closer's lock dies with it).
 * - Webhooks campaign.closed and campaign.expired: a trigger on the status change, like the assessments trigger.
 */
export class Campaigns1764150015000 implements MigrationInterface {
  name = 'Campaigns1764150015000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE campaigns (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        period text NOT NULL CHECK (period ~ '^[0-9]{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$'),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED', 'EXPIRED', 'CANCELLED')),
        closes_at timestamptz NOT NULL,
        min_responses integer NOT NULL CHECK (min_responses BETWEEN 1 AND 1000),
        supersede boolean NOT NULL DEFAULT false,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        aggregate jsonb CHECK (aggregate IS NULL OR jsonb_typeof(aggregate) = 'object'),
        version integer NOT NULL DEFAULT 1,
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT campaigns_ended_check CHECK ((status = 'OPEN') = (ended_at IS NULL))
      );
      CREATE UNIQUE INDEX campaigns_open_period_key ON campaigns (tenant_id, period) WHERE status = 'OPEN';
      CREATE INDEX campaigns_due_idx ON campaigns (closes_at) WHERE status = 'OPEN';
      CREATE INDEX campaigns_created_idx ON campaigns (tenant_id, created_at DESC, id DESC);

      CREATE TABLE campaign_respondents (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant(),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL,
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
        department text NOT NULL CHECK (department IN (${DEPARTMENTS})),
        external boolean NOT NULL DEFAULT false,
        token_hash bytea NOT NULL CHECK (length(token_hash) = 32),
        invited_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE CASCADE,
        CONSTRAINT campaign_respondents_token_hash_key UNIQUE (token_hash)
      );
      CREATE UNIQUE INDEX campaign_respondents_email_key ON campaign_respondents (tenant_id, campaign_id, lower(email));

      CREATE TABLE campaign_responses (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant(),
        respondent_id uuid NOT NULL,
        campaign_id uuid NOT NULL,
        answers jsonb NOT NULL CHECK (jsonb_typeof(answers) = 'object'),
        answered_at timestamptz NOT NULL DEFAULT now(),
        revision integer NOT NULL DEFAULT 1,
        PRIMARY KEY (tenant_id, respondent_id),
        FOREIGN KEY (tenant_id, respondent_id) REFERENCES campaign_respondents (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE CASCADE
      );
      CREATE INDEX campaign_responses_campaign_idx ON campaign_responses (tenant_id, campaign_id);

      -- The period's assessment scored from a campaign: one per campaign.
      ALTER TABLE assessments
        ADD COLUMN source text NOT NULL DEFAULT 'SUBMISSION' CHECK (source IN ('SUBMISSION', 'CAMPAIGN')),
        ADD COLUMN campaign_id uuid,
        ADD CONSTRAINT assessments_campaign_fkey FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id),
        ADD CONSTRAINT assessments_campaign_source CHECK ((source = 'CAMPAIGN') = (campaign_id IS NOT NULL));
      CREATE UNIQUE INDEX assessments_campaign_key ON assessments (tenant_id, campaign_id) WHERE campaign_id IS NOT NULL;
    `);
    for (const table of TABLES) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON ${table}
          USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
        CREATE POLICY campaign_links ON ${table} FOR SELECT TO smt_owner USING (true);
      `);
    }
    await q.query(`
      CREATE POLICY campaign_closer ON campaigns FOR UPDATE TO smt_owner USING (true) WITH CHECK (true);

      -- Campaigns are never deleted by the service; only their state moves on.
      REVOKE UPDATE, DELETE, TRUNCATE ON campaigns FROM smt_app;
      GRANT UPDATE (status, ended_at, aggregate, version) ON campaigns TO smt_app;
      -- The service never reads a token hash back: links are answered by campaign_link().
      REVOKE ALL ON campaign_respondents FROM smt_app;
      GRANT SELECT (tenant_id, id, campaign_id, email, department, external, invited_at), INSERT
        ON campaign_respondents TO smt_app;
      GRANT UPDATE (token_hash, department, external, invited_at) ON campaign_respondents TO smt_app;
      REVOKE DELETE, TRUNCATE ON campaign_responses FROM smt_app;
      REVOKE UPDATE ON campaign_responses FROM smt_app;
      GRANT UPDATE (answers, answered_at, revision) ON campaign_responses TO smt_app;

      -- A response link's view: only what its respondent may see, plus the ids to store an answer with. The
      -- submitting variant (p_lock) takes a share lock on the campaign row for the rest of the transaction.
      CREATE FUNCTION campaign_link(p_hash bytea, p_lock boolean) RETURNS TABLE (
          tenant_id uuid, campaign_id uuid, respondent_id uuid, token_hash bytea, organisation_name text,
          period text, closes_at timestamptz, status text, answered boolean, open boolean)
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $fn$
      DECLARE
        found_tenant uuid;
        found_campaign uuid;
      BEGIN
        SELECT r.tenant_id, r.campaign_id INTO found_tenant, found_campaign
          FROM campaign_respondents r WHERE r.token_hash = p_hash;
        IF found_tenant IS NULL THEN
          RETURN;
        END IF;
        IF p_lock THEN
          PERFORM 1 FROM campaigns c WHERE c.tenant_id = found_tenant AND c.id = found_campaign FOR SHARE;
        END IF;
        RETURN QUERY
          SELECT r.tenant_id, r.campaign_id, r.id, r.token_hash, t.name, c.period, c.closes_at, c.status,
                 EXISTS (SELECT 1 FROM campaign_responses a WHERE a.tenant_id = r.tenant_id AND a.respondent_id = r.id),
                 c.status = 'OPEN' AND c.closes_at > now()
            FROM campaign_respondents r
            JOIN campaigns c ON c.tenant_id = r.tenant_id AND c.id = r.campaign_id
            JOIN tenants t ON t.id = r.tenant_id
           WHERE r.token_hash = p_hash;
      END $fn$;
      REVOKE ALL ON FUNCTION campaign_link(bytea, boolean) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION campaign_link(bytea, boolean) TO smt_app;

      -- One due OPEN campaign for one background closer, locked until its transaction ends; others skip it.
      CREATE FUNCTION campaign_claim_due() RETURNS TABLE (tenant_id uuid, campaign_id uuid)
        LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $fn$
        SELECT c.tenant_id, c.id FROM campaigns c
         WHERE c.status = 'OPEN' AND c.closes_at <= now()
         ORDER BY c.closes_at, c.id
         LIMIT 1
         FOR UPDATE SKIP LOCKED
      $fn$;
      REVOKE ALL ON FUNCTION campaign_claim_due() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION campaign_claim_due() TO smt_app;

      -- The portfolio's open campaigns: of the given tenants only those where the caller is CONSULTANT, with
      -- counts and nothing of the responses.
      CREATE FUNCTION consultant_open_campaigns(p_tenants uuid[]) RETURNS TABLE (
          id uuid, tenant_id uuid, period text, status text, closes_at timestamptz, min_responses integer,
          supersede boolean, created_at timestamptz, ended_at timestamptz, version integer, aggregate jsonb,
          invited_count integer, response_count integer, assessment_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $fn$
        SELECT c.id, c.tenant_id, c.period, c.status, c.closes_at, c.min_responses, c.supersede, c.created_at,
               c.ended_at, c.version, NULL::jsonb,
               (SELECT count(*)::int FROM campaign_respondents r WHERE r.tenant_id = c.tenant_id AND r.campaign_id = c.id),
               (SELECT count(*)::int FROM campaign_responses a WHERE a.tenant_id = c.tenant_id AND a.campaign_id = c.id),
               NULL::uuid
          FROM campaigns c
         WHERE c.status = 'OPEN' AND c.tenant_id = ANY (p_tenants)
           AND c.tenant_id IN (SELECT m.tenant_id FROM memberships m
                                WHERE m.user_id = app_current_user() AND m.role = 'CONSULTANT')
      $fn$;
      REVOKE ALL ON FUNCTION consultant_open_campaigns(uuid[]) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION consultant_open_campaigns(uuid[]) TO smt_app;

      ALTER TABLE webhook_endpoints DROP CONSTRAINT webhook_endpoints_events_check;
      ALTER TABLE webhook_endpoints ADD CONSTRAINT webhook_endpoints_events_check
        CHECK (cardinality(events) >= 1 AND events <@ ARRAY[${EVENTS_AFTER}]::text[]);
      ALTER TABLE webhook_events DROP CONSTRAINT webhook_events_event_check,
        ADD CONSTRAINT webhook_events_event_check CHECK (event IN (${EVENTS_AFTER}));

      -- campaign.closed / campaign.expired when a campaign leaves OPEN that way: counts and ids, never answers.
      CREATE FUNCTION campaigns_webhook_events() RETURNS trigger
        LANGUAGE plpgsql SET search_path = public AS $fn$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.tenant_id = NEW.tenant_id) THEN
          RETURN NULL;
        END IF;
        BEGIN
          PERFORM webhook_enqueue_for(NEW.tenant_id, 'campaign.' || lower(NEW.status), jsonb_build_object(
            'tenantId', NEW.tenant_id, 'campaignId', NEW.id, 'period', NEW.period, 'status', NEW.status,
            'closesAt', NEW.closes_at, 'endedAt', NEW.ended_at, 'minResponses', NEW.min_responses,
            'responseCount', (NEW.aggregate ->> 'responses')::integer,
            'invitedCount', (NEW.aggregate ->> 'invited')::integer,
            'assessmentId', (SELECT a.id FROM assessments a WHERE a.tenant_id = NEW.tenant_id AND a.campaign_id = NEW.id)));
        EXCEPTION WHEN OTHERS THEN
          RAISE WARNING 'webhook events for campaign % not recorded: %', NEW.id, SQLERRM;
        END;
        RETURN NULL;
      END $fn$;
      CREATE TRIGGER campaigns_webhook_events AFTER UPDATE OF status ON campaigns
        FOR EACH ROW WHEN (OLD.status = 'OPEN' AND NEW.status IN ('CLOSED', 'EXPIRED'))
        EXECUTE FUNCTION campaigns_webhook_events();
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER campaigns_webhook_events ON campaigns;
      DROP FUNCTION campaigns_webhook_events();
      DELETE FROM webhook_deliveries d USING webhook_events e
       WHERE e.tenant_id = d.tenant_id AND e.id = d.event_id AND NOT (e.event IN (${EVENTS_BEFORE}));
      DELETE FROM webhook_events WHERE NOT (event IN (${EVENTS_BEFORE}));
      ALTER TABLE webhook_events DROP CONSTRAINT webhook_events_event_check,
        ADD CONSTRAINT webhook_events_event_check CHECK (event IN (${EVENTS_BEFORE}));
      DELETE FROM webhook_endpoints WHERE NOT (events <@ ARRAY[${EVENTS_BEFORE}]::text[]);
      ALTER TABLE webhook_endpoints DROP CONSTRAINT webhook_endpoints_events_check;
      ALTER TABLE webhook_endpoints ADD CONSTRAINT webhook_endpoints_events_check
        CHECK (cardinality(events) >= 1 AND events <@ ARRAY[${EVENTS_BEFORE}]::text[]);
      DROP FUNCTION consultant_open_campaigns(uuid[]);
      DROP FUNCTION campaign_claim_due();
      DROP FUNCTION campaign_link(bytea, boolean);
      DROP INDEX assessments_campaign_key;
      ALTER TABLE assessments DROP CONSTRAINT assessments_campaign_source, DROP CONSTRAINT assessments_campaign_fkey,
        DROP COLUMN campaign_id, DROP COLUMN source;
      DROP TABLE campaign_responses;
      DROP TABLE campaign_respondents;
      DROP TABLE campaigns;
    `);
  }
}
