import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import type { Role } from '../common/roles';
import { TenantTransaction } from '../tenancy';
import type { TenantProfile } from './tenant.model';
import { TENANT_COLUMNS, type TenantRow } from './tenant.row';

export interface MemberRow {
  user_id: string;
  role: Role;
  created_at: Date;
  joined_at: string;
  email: string;
  name: string;
}

export interface MyTenantRow extends TenantRow {
  my_role: Role;
  joined_at: string;
}

/** Raised by the database's last-OWNER guard (migration 1764150012000) when a removal lost a race. */
export class LastOwnerViolation extends Error {}

function profileParams(profile: TenantProfile): unknown[] {
  return [
    profile.employeeCount,
    profile.departments,
    profile.culture,
    profile.market,
    profile.locations,
    profile.sector,
    profile.reassessmentCadenceDays,
  ];
}

/**
 * The tenant aggregate (tenants and their memberships) and the account lookups it needs, through the request's
 * transaction. Row-level security decides which rows each statement sees.
 */
@Injectable()
export class TenantsRepository {
  constructor(private readonly tx: TenantTransaction) {}

  async insertTenant(id: string, name: string, profile: TenantProfile): Promise<void> {
    await this.query(
      `INSERT INTO tenants (id, name, employee_count, departments, culture, market, locations, sector,
                            reassessment_cadence_days, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1)`,
      [id, name, ...profileParams(profile)],
    );
  }

  async insertMembership(tenantId: string, userId: string, role: Role): Promise<void> {
    await this.query('INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, $3)', [tenantId, userId, role]);
  }

  /** Adds a membership unless the user already has one; false then. */
  async insertMembershipUnlessMember(tenantId: string, userId: string, role: Role): Promise<boolean> {
    const inserted = await this.query<unknown[]>(
      `INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, user_id) DO NOTHING RETURNING user_id`,
      [tenantId, userId, role],
    );
    return inserted.length > 0;
  }

  async find(id: string): Promise<TenantRow | null> {
    const [row] = await this.query<TenantRow[]>(`SELECT ${TENANT_COLUMNS} FROM tenants t WHERE t.id = $1`, [id]);
    return row ?? null;
  }

  /** Replaces the profile and bumps the version; false when the tenant is not there. */
  async updateProfile(id: string, profile: TenantProfile): Promise<boolean> {
    const [, affected] = await this.query<[unknown[], number]>(
      `UPDATE tenants SET employee_count = $2, departments = $3, culture = $4, market = $5, locations = $6,
              sector = $7, reassessment_cadence_days = $8, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, ...profileParams(profile)],
    );
    return affected > 0;
  }

  /** The user's tenants in the order they joined them, after a position; and how many there are. */
  async ofUser(
    userId: string,
    limit: number,
    after: { joinedAt: string; tenantId: string } | null,
  ): Promise<{ rows: MyTenantRow[]; totalCount: number }> {
    const params: unknown[] = [userId, limit];
    let page = '';
    if (after) {
      params.push(after.joinedAt, after.tenantId);
      page = 'AND (m.created_at, m.tenant_id) > ($3::timestamptz, $4::uuid)';
    }
    const [rows, counted] = await Promise.all([
      this.query<MyTenantRow[]>(
        `SELECT ${TENANT_COLUMNS}, m.role AS my_role, m.created_at::text AS joined_at
           FROM memberships m JOIN tenants t ON t.id = m.tenant_id
          WHERE m.user_id = $1 ${page}
          ORDER BY m.created_at, m.tenant_id LIMIT $2`,
        params,
      ),
      this.query<{ n: number }[]>('SELECT count(*)::int AS n FROM memberships WHERE user_id = $1', [userId]),
    ]);
    return { rows, totalCount: counted[0].n };
  }

  /** The id of the account with this email (compared case-insensitively), or null. */
  async userIdByEmail(email: string): Promise<string | null> {
    const [row] = await this.query<{ id: string }[]>('SELECT u.id FROM users u WHERE lower(u.email) = $1', [email]);
    return row?.id ?? null;
  }

  async roleOf(tenantId: string, userId: string): Promise<Role | null> {
    const [row] = await this.query<{ role: Role }[]>(
      'SELECT role FROM memberships WHERE tenant_id = $1 AND user_id = $2',
      [tenantId, userId],
    );
    return row?.role ?? null;
  }

  async ownerCount(tenantId: string): Promise<number> {
    const [row] = await this.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM memberships WHERE tenant_id = $1 AND role = 'OWNER'`,
      [tenantId],
    );
    return row.n;
  }

  /** Removes a membership; a LastOwnerViolation when the database's guard refuses it. */
  async deleteMembership(tenantId: string, userId: string): Promise<void> {
    try {
      await this.query('DELETE FROM memberships WHERE tenant_id = $1 AND user_id = $2', [tenantId, userId]);
    } catch (error) {
      if (isLastOwnerViolation(error)) throw new LastOwnerViolation();
      throw error;
    }
  }

  /** The members of the selected tenant, oldest membership first, after a position; and how many there are. */
  async members(limit: number, after: { joinedAt: string; userId: string } | null): Promise<{ rows: MemberRow[]; totalCount: number }> {
    const params: unknown[] = [limit];
    let page = '';
    if (after) {
      params.push(after.joinedAt, after.userId);
      page = 'AND (m.created_at, m.user_id) > ($2::timestamptz, $3::uuid)';
    }
    const manager = await this.tx.manager();
    const [rows, counted] = await Promise.all([
      manager.query<MemberRow[]>(
        `SELECT m.user_id, m.role, m.created_at, m.created_at::text AS joined_at, u.email, u.name
           FROM memberships m JOIN users u ON u.id = m.user_id
          WHERE m.tenant_id = app_current_tenant() ${page}
          ORDER BY m.created_at, m.user_id LIMIT $1`,
        params,
      ),
      manager.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM memberships WHERE tenant_id = app_current_tenant()',
      ),
    ]);
    return { rows, totalCount: counted[0].n };
  }

  private async query<R>(sql: string, params: unknown[]): Promise<R> {
    const manager = await this.tx.manager();
    return manager.query<R>(sql, params);
  }
}

/** The database's last-OWNER guard (migration 1764150012000), raised by a removal that lost a race. */
function isLastOwnerViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driver = error.driverError as { code?: string; constraint?: string };
  return driver.code === '23000' && driver.constraint === 'tenant_keeps_an_owner';
}
