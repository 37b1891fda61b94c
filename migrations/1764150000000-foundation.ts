import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, tenants and memberships, and the tenancy functions every policy uses.
 * Tenant isolation: each tenant table has RLS enabled and FORCED; the tenant comes from the transaction-local
 * setting app.tenant_id (NULLIF: a pooled connection returns '' after a transaction-local setting).
 */
export class Foundation1764150000000 implements MigrationInterface {
  name = 'Foundation1764150000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION app_current_tenant() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
        AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;
      CREATE FUNCTION app_current_user() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
        AS $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$;

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_email_key ON users (lower(email));

      CREATE TABLE tenants (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        employee_count integer NOT NULL CHECK (employee_count BETWEEN 1 AND 10000000),
        departments text[] NOT NULL CHECK (cardinality(departments) >= 1 AND departments <@ ARRAY[
          'MARKETING','SALES','PR','CORPORATE_COMMUNICATIONS','CUSTOMER_SERVICE','HR','IT','LEGAL','PRODUCT',
          'MANAGEMENT','OTHER']::text[]),
        culture text NOT NULL CHECK (culture IN ('INFORMAL','MIXED','HIERARCHICAL')),
        market text NOT NULL CHECK (market IN ('B2B','B2C','MIXED')),
        locations integer NOT NULL CHECK (locations BETWEEN 1 AND 100000),
        sector text CHECK (length(sector) <= 100),
        reassessment_cadence_days integer NOT NULL DEFAULT 90 CHECK (reassessment_cadence_days BETWEEN 7 AND 730),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      );

      CREATE TABLE memberships (
        tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('OWNER','ADMIN','CONSULTANT','CONTRIBUTOR','VIEWER')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, user_id)
      );
      CREATE INDEX memberships_user_idx ON memberships (user_id, created_at, tenant_id);

      ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
      ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON tenants
        USING (id = app_current_tenant()) WITH CHECK (id = app_current_tenant());
      -- A user lists the tenants they belong to (myTenants) without selecting one.
      CREATE POLICY tenant_member_read ON tenants FOR SELECT
        USING (id IN (SELECT m.tenant_id FROM memberships m WHERE m.user_id = app_current_user()));

      ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
      ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON memberships
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      CREATE POLICY membership_self_read ON memberships FOR SELECT
        USING (user_id = app_current_user());
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE memberships; DROP TABLE tenants; DROP TABLE users;
      DROP FUNCTION app_current_user(); DROP FUNCTION app_current_tenant();
    `);
  }
}
