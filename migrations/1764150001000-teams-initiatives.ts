import type { MigrationInterface, QueryRunner } from 'typeorm';

const DEPARTMENTS = `'MARKETING','SALES','PR','CORPORATE_COMMUNICATIONS','CUSTOMER_SERVICE','HR','IT','LEGAL','PRODUCT','MANAGEMENT','OTHER'`;
const RESPONSIBILITIES = `'CHANNEL_MANAGEMENT','CONTENT_MARKETING','AUDIENCE_ENGAGEMENT','REPUTATION_MANAGEMENT',
  'INTERNAL_REPORTING','POLICY_ROLE_MODEL','TOOLING','KNOWLEDGE_SHARING','COMMUNITY_MANAGEMENT'`;
const FAILURE_FACTORS = `'NO_STRATEGY','NO_BUDGET','NO_TIME','NO_MANAGEMENT_SUPPORT','NO_SKILLS','NO_MEASUREMENT',
  'UNCLEAR_OWNERSHIP','OTHER'`;
const TABLES = ['teams', 'team_members', 'responsibility_assignments', 'initiatives', 'initiative_kpis'];

/**
 * Teams and their members, who owns each of the nine responsibilities, and initiatives with their KPIs.
 * Every table is keyed by (tenant_id, ...); tenant_id defaults to the transaction's tenant, so services never
 * pass it, and the FORCED policies keep every query inside that tenant. Foreign keys include tenant_id, so no
 * row can point into another tenant. Removing a member deletes the assignments it owned: the responsibility
 * becomes unowned, never dangling.
 */
export class TeamsInitiatives1764150001000 implements MigrationInterface {
  name = 'TeamsInitiatives1764150001000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE teams (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100 AND name ~ '\\S'),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX teams_created_idx ON teams (tenant_id, created_at, id);

      CREATE TABLE team_members (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        team_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100 AND name ~ '\\S'),
        department text NOT NULL CHECK (department IN (${DEPARTMENTS})),
        external boolean NOT NULL,
        insight integer NOT NULL CHECK (insight BETWEEN 1 AND 5),
        experience integer NOT NULL CHECK (experience BETWEEN 1 AND 5),
        affinity integer NOT NULL CHECK (affinity BETWEEN 1 AND 5),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, team_id) REFERENCES teams (tenant_id, id) ON DELETE CASCADE
      );
      -- Backs the members-of-teams loader (and the cascade from teams).
      CREATE INDEX team_members_team_idx ON team_members (tenant_id, team_id, created_at, id);

      CREATE TABLE responsibility_assignments (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id) ON DELETE CASCADE,
        responsibility text NOT NULL CHECK (responsibility IN (${RESPONSIBILITIES})),
        owner_kind text NOT NULL CHECK (owner_kind IN ('MEMBER','DEPARTMENT','AGENCY')),
        member_id uuid,
        department text CHECK (department IN (${DEPARTMENTS})),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, responsibility),
        FOREIGN KEY (tenant_id, member_id) REFERENCES team_members (tenant_id, id) ON DELETE CASCADE,
        CONSTRAINT responsibility_assignments_owner_check CHECK (
          (owner_kind = 'MEMBER' AND member_id IS NOT NULL AND department IS NULL) OR
          (owner_kind = 'DEPARTMENT' AND member_id IS NULL AND department IS NOT NULL) OR
          (owner_kind = 'AGENCY' AND member_id IS NULL AND department IS NULL)
        )
      );
      -- Backs the cascade when a member is removed.
      CREATE INDEX responsibility_assignments_member_idx ON responsibility_assignments (tenant_id, member_id)
        WHERE member_id IS NOT NULL;

      CREATE TABLE initiatives (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200 AND name ~ '\\S'),
        status text NOT NULL CHECK (status IN ('PLANNED','ACTIVE','COMPLETED','STOPPED')),
        owner_department text NOT NULL CHECK (owner_department IN (${DEPARTMENTS})),
        outsourcing text NOT NULL CHECK (outsourcing IN ('NONE','PARTIAL','FULL')),
        satisfaction integer CHECK (satisfaction BETWEEN 1 AND 5),
        failure_factors text[] NOT NULL DEFAULT '{}' CHECK (failure_factors <@ ARRAY[${FAILURE_FACTORS}]::text[]),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      );
      -- Backs the initiatives connection (newest first: scanned backwards).
      CREATE INDEX initiatives_created_idx ON initiatives (tenant_id, created_at, id);

      CREATE TABLE initiative_kpis (
        tenant_id uuid NOT NULL DEFAULT app_current_tenant() REFERENCES tenants (id) ON DELETE CASCADE,
        initiative_id uuid NOT NULL,
        position integer NOT NULL CHECK (position BETWEEN 0 AND 19),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100 AND name ~ '\\S'),
        kind text NOT NULL CHECK (kind IN ('VANITY','ENGAGEMENT','BUSINESS')),
        -- The primary key backs the KPIs-of-initiatives loader.
        PRIMARY KEY (tenant_id, initiative_id, position),
        FOREIGN KEY (tenant_id, initiative_id) REFERENCES initiatives (tenant_id, id) ON DELETE CASCADE
      );
    `);
    for (const table of TABLES) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON ${table}
          USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      `);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE initiative_kpis; DROP TABLE initiatives; DROP TABLE responsibility_assignments;
      DROP TABLE team_members; DROP TABLE teams;
    `);
  }
}
