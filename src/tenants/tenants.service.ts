import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/errors';
import { isUuid } from '../common/ids';
import { type Connection, decodeTimeCursor, toConnection } from '../graphql/connection';
import { MEMBERSHIP_ADMINS, type Role } from '../tenancy/roles';
import { TenantTransaction } from '../tenancy/tenant-transaction';
import { RequestScope } from '../tenancy/request-scope';
import type { CreateTenantInput } from './dto/create-tenant.input';
import type { TenantProfileInput } from './dto/tenant-profile.input';
import { MembershipEntity } from './membership.entity';
import { TenantEntity } from './tenant.entity';
import { tenantFromRow, type TenantRow } from './tenant.row';
import type { Membership, Tenant } from './tenant.model';

export const DEFAULT_CADENCE_DAYS = 90;

const LAST_OWNER = 'A tenant keeps at least one OWNER';

@Injectable()
export class TenantsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly scope: RequestScope,
  ) {}

  async create(input: CreateTenantInput): Promise<Tenant> {
    const id = randomUUID();
    const role: Role = input.asConsultant ? 'CONSULTANT' : 'OWNER';
    await this.scope.enterNewTenant(id, role);
    const manager = await this.tx.manager();
    const tenant = manager.create(TenantEntity, {
      id,
      name: input.name.trim(),
      ...profileColumns(input.profile),
      version: 1,
    });
    await manager.insert(TenantEntity, tenant);
    await manager.insert(MembershipEntity, { tenantId: id, userId: this.scope.userId, role });
    const stored = await manager.findOneByOrFail(TenantEntity, { id });
    return toTenant(stored, role);
  }

  async current(): Promise<Tenant> {
    const manager = await this.tx.manager();
    const tenant = await manager.findOneBy(TenantEntity, { id: this.scope.tenantId });
    if (!tenant) throw new NotFoundError('Tenant');
    return toTenant(tenant, this.currentRole());
  }

  async updateProfile(profile: TenantProfileInput): Promise<Tenant> {
    const manager = await this.tx.manager();
    const result = await manager
      .createQueryBuilder()
      .update(TenantEntity)
      .set({ ...profileColumns(profile), version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id', { id: this.scope.tenantId })
      .execute();
    if (!result.affected) throw new NotFoundError('Tenant');
    return this.current();
  }

  /** The caller's tenants, in the order they joined them. */
  async mine(first: number, after?: string | null): Promise<Connection<Tenant>> {
    const manager = await this.tx.manager();
    const userId = this.scope.userId;
    const query = manager
      .createQueryBuilder(MembershipEntity, 'm')
      .innerJoin(TenantEntity, 't', 't.id = m.tenant_id')
      .select(['t.*', 'm.role AS my_role', 'm.created_at::text AS joined_at'])
      .where('m.user_id = :userId', { userId })
      .orderBy('m.created_at', 'ASC')
      .addOrderBy('m.tenant_id', 'ASC')
      .limit(first + 1);
    if (after) {
      const [joinedAt, tenantId] = decodeTimeCursor(after);
      query.andWhere('(m.created_at, m.tenant_id) > (:joinedAt::timestamptz, :tenantId::uuid)', {
        joinedAt,
        tenantId,
      });
    }
    const [rows, totalCount] = await Promise.all([
      query.getRawMany<RawTenantRow>(),
      manager.countBy(MembershipEntity, { userId }),
    ]);
    return toConnection(
      rows,
      first,
      totalCount,
      (row) => toTenant(tenantFromRow(row), row.my_role),
      (row) => [row.joined_at, row.id],
    );
  }

  async removeMembership(userId: string): Promise<boolean> {
    if (!isUuid(userId)) throw new NotFoundError('Membership');
    const manager = await this.tx.manager();
    const target = await manager.findOneBy(MembershipEntity, { tenantId: this.scope.tenantId, userId });
    if (!target) throw new NotFoundError('Membership');
    if (target.role === 'OWNER') {
      if (this.currentRole() !== 'OWNER') throw new ForbiddenError('Only an OWNER can remove an OWNER');
      const owners = await manager.countBy(MembershipEntity, { tenantId: this.scope.tenantId, role: 'OWNER' });
      if (owners <= 1) throw new ConflictError(LAST_OWNER);
    }
    try {
      // A concurrent removal of the other OWNER is caught by the database (memberships_keep_an_owner).
      await manager.delete(MembershipEntity, { tenantId: this.scope.tenantId, userId });
    } catch (error) {
      if (isLastOwnerViolation(error)) throw new ConflictError(LAST_OWNER);
      throw error;
    }
    return true;
  }

  /** Who has which role in the selected tenant, oldest membership first (OWNER and ADMIN only). */
  async members(first: number, after?: string | null): Promise<Connection<Membership>> {
    if (!MEMBERSHIP_ADMINS.includes(this.currentRole())) {
      throw new ForbiddenError(`Your role ${this.currentRole()} may not list the members`);
    }
    const manager = await this.tx.manager();
    const params: unknown[] = [first + 1];
    let page = '';
    if (after) {
      const [joinedAt, userId] = decodeTimeCursor(after);
      params.push(joinedAt, userId);
      page = 'AND (m.created_at, m.user_id) > ($2::timestamptz, $3::uuid)';
    }
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
    return toConnection(
      rows,
      first,
      counted[0].n,
      (row) => ({
        user: { id: row.user_id, email: row.email, name: row.name },
        role: row.role,
        createdAt: row.created_at,
      }),
      (row) => [row.joined_at, row.user_id],
    );
  }

  private currentRole(): Role {
    return this.scope.role;
  }
}

interface MemberRow {
  user_id: string;
  role: Role;
  created_at: Date;
  joined_at: string;
  email: string;
  name: string;
}

/** The database's last-OWNER guard (migration 1764150012000), raised by a removal that lost a race. */
function isLastOwnerViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driver = error.driverError as { code?: string; constraint?: string };
  return driver.code === '23000' && driver.constraint === 'tenant_keeps_an_owner';
}

interface RawTenantRow extends TenantRow {
  my_role: Role;
  joined_at: string;
}

function profileColumns(profile: TenantProfileInput): Partial<TenantEntity> {
  return {
    employeeCount: profile.employeeCount,
    departments: profile.departments,
    culture: profile.culture,
    market: profile.market,
    locations: profile.locations,
    sector: profile.sector?.trim() || null,
    reassessmentCadenceDays: profile.reassessmentCadenceDays ?? DEFAULT_CADENCE_DAYS,
  };
}

export function toTenant(entity: TenantEntity, myRole: Role): Tenant {
  return {
    id: entity.id,
    name: entity.name,
    myRole,
    createdAt: entity.createdAt,
    profile: {
      employeeCount: entity.employeeCount,
      departments: entity.departments,
      culture: entity.culture,
      market: entity.market,
      locations: entity.locations,
      sector: entity.sector,
      reassessmentCadenceDays: entity.reassessmentCadenceDays,
    },
  };
}
