import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19: API keys for submitting systems, invitations that the invitee accepts, sessions that can end.
 *
 * - `users.tokens_valid_after`: a token whose `iat` is earlier is refused, in the statement that already opens
 *   every request's transaction (tenancy/request-scope.ts). '-infinity' for accounts that never ended a session.
 * - `api_keys`: a tenant table like the others (forced RLS, tenant_isolation). The secret is stored only as its
 *   SHA-256. A request with a key is resolved before any tenant is known, so the lookup by hash is a SECURITY
 *   DEFINER function that returns only a live key (not revoked, not expired); the caller's opening statement sets
 *   app.tenant_id from its row. smt_owner reads the table through a SELECT policy of its own (the function's owner
 *   is subject to the forced RLS too); smt_app cannot become smt_owner.
 * - `invitations`: the token stored as its SHA-256, 7 days. accept_invitation() (SECURITY DEFINER) accepts it for
 *   the signed-in user whose email matches, once, before expiry, and makes the membership.
 */
export class ApiKeysInvitations1764150016000 implements MigrationInterface {
  name = 'ApiKeysInvitations1764150016000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users ADD COLUMN tokens_valid_after timestamptz NOT NULL DEFAULT '-infinity';

      CREATE TABLE api_keys (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        prefix text NOT NULL CHECK (length(prefix) BETWEEN 1 AND 40),
        secret_hash bytea NOT NULL CHECK (length(secret_hash) = 32),
        scopes text[] NOT NULL CHECK (cardinality(scopes) BETWEEN 1 AND 3
          AND scopes <@ ARRAY['READ','SUBMIT_ASSESSMENTS','MANAGE_FACTS']::text[]),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz,
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX api_keys_secret_hash_idx ON api_keys (secret_hash);
      CREATE INDEX api_keys_created_idx ON api_keys (tenant_id, created_at, id);
      ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
      ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON api_keys
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      CREATE POLICY api_key_lookup ON api_keys FOR SELECT TO smt_owner USING (true);
      -- The service never deletes a key (revocation is an update) and never changes its secret.
      REVOKE DELETE, TRUNCATE, UPDATE ON api_keys FROM smt_app;
      GRANT UPDATE (revoked_at, last_used_at) ON api_keys TO smt_app;

      CREATE FUNCTION api_key_caller(p_hash bytea) RETURNS TABLE (id uuid, tenant_id uuid, scopes text[])
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $fn$
        SELECT k.id, k.tenant_id, k.scopes FROM api_keys k
         WHERE k.secret_hash = p_hash AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())
      $fn$;
      REVOKE ALL ON FUNCTION api_key_caller(bytea) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION api_key_caller(bytea) TO smt_app;

      ALTER TABLE audit_events ADD COLUMN api_key_id uuid;

      CREATE TABLE invitations (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
        role text NOT NULL CHECK (role IN ('OWNER','ADMIN','CONSULTANT','CONTRIBUTOR','VIEWER')),
        token_hash bytea NOT NULL CHECK (length(token_hash) = 32),
        invited_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid,
        revoked_at timestamptz,
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX invitations_token_idx ON invitations (token_hash);
      CREATE INDEX invitations_created_idx ON invitations (tenant_id, created_at, id);
      ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
      ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON invitations
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      CREATE POLICY invitation_lookup ON invitations FOR SELECT TO smt_owner USING (true);
      REVOKE DELETE, TRUNCATE, UPDATE ON invitations FROM smt_app;
      GRANT UPDATE (revoked_at) ON invitations TO smt_app;

      -- Accepts an invitation for the signed-in user (app.user_id): the outcome says why not, when not. On OK the
      -- invitation is used up, the membership exists and app.tenant_id is the invitation's tenant (the caller
      -- has just become its member, like a tenant it has just created).
      CREATE FUNCTION accept_invitation(p_hash bytea) RETURNS TABLE (outcome text, tenant_id uuid, role text)
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $fn$
      DECLARE
        v_user uuid := app_current_user();
        v_email text;
        v invitations%ROWTYPE;
      BEGIN
        SELECT lower(u.email) INTO v_email FROM users u WHERE u.id = v_user;
        IF v_email IS NULL THEN RETURN QUERY SELECT 'NOT_FOUND'::text, NULL::uuid, NULL::text; RETURN; END IF;
        SELECT * INTO v FROM invitations i WHERE i.token_hash = p_hash;
        IF NOT FOUND OR v.revoked_at IS NOT NULL THEN
          RETURN QUERY SELECT 'NOT_FOUND'::text, NULL::uuid, NULL::text; RETURN;
        END IF;
        IF lower(v.email) <> v_email THEN RETURN QUERY SELECT 'WRONG_EMAIL'::text, NULL::uuid, NULL::text; RETURN; END IF;
        IF v.accepted_at IS NOT NULL THEN RETURN QUERY SELECT 'USED'::text, NULL::uuid, NULL::text; RETURN; END IF;
        IF v.expires_at <= now() THEN RETURN QUERY SELECT 'EXPIRED'::text, NULL::uuid, NULL::text; RETURN; END IF;
        PERFORM set_config('app.tenant_id', v.tenant_id::text, true);
        IF EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = v.tenant_id AND m.user_id = v_user) THEN
          RETURN QUERY SELECT 'ALREADY_MEMBER'::text, v.tenant_id, NULL::text; RETURN;
        END IF;
        -- Once: of two acceptances at the same time, the second finds it accepted (the row lock orders them).
        UPDATE invitations i SET accepted_at = now(), accepted_by = v_user
         WHERE i.tenant_id = v.tenant_id AND i.id = v.id AND i.accepted_at IS NULL AND i.revoked_at IS NULL;
        IF NOT FOUND THEN RETURN QUERY SELECT 'USED'::text, NULL::uuid, NULL::text; RETURN; END IF;
        INSERT INTO memberships (tenant_id, user_id, role) VALUES (v.tenant_id, v_user, v.role);
        RETURN QUERY SELECT 'OK'::text, v.tenant_id, v.role;
      END $fn$;
      REVOKE ALL ON FUNCTION accept_invitation(bytea) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION accept_invitation(bytea) TO smt_app;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION accept_invitation(bytea);
      DROP TABLE invitations;
      ALTER TABLE audit_events DROP COLUMN api_key_id;
      DROP FUNCTION api_key_caller(bytea);
      DROP TABLE api_keys;
      ALTER TABLE users DROP COLUMN tokens_valid_after;
    `);
  }
}
