import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/errors';
import { isUuid } from '../common/ids';
import { MEMBERSHIP_ADMINS, type Role } from '../common/roles';
import { type Connection, decodeTimeCursor, toConnection } from '../graphql';
import { RequestScope } from '../tenancy';
import type { CreateTenantInput } from './dto/create-tenant.input';
import type { TenantProfileInput } from './dto/tenant-profile.input';
import type { Membership, Tenant, TenantProfile } from './tenant.model';
import { tenantOfRow } from './tenant.row';
import { LastOwnerViolation, TenantsRepository } from './tenants.repository';

export const DEFAULT_CADENCE_DAYS = 90;

const LAST_OWNER = 'A tenant keeps at least one OWNER';

@Injectable()
export class TenantsService {
  constructor(
    private readonly tenants: TenantsRepository,
    private readonly scope: RequestScope,
  ) {}

  async create(input: CreateTenantInput): Promise<Tenant> {
    const id = randomUUID();
    const role: Role = input.asConsultant ? 'CONSULTANT' : 'OWNER';
    await this.scope.enterNewTenant(id, role);
    await this.tenants.insertTenant(id, input.name.trim(), profileOf(input.profile));
    await this.tenants.insertMembership(id, this.scope.userId, role);
    const stored = await this.tenants.find(id);
    if (!stored) throw new NotFoundError('Tenant');
    return tenantOfRow(stored, role);
  }

  async current(): Promise<Tenant> {
    const tenant = await this.tenants.find(this.scope.tenantId);
    if (!tenant) throw new NotFoundError('Tenant');
    return tenantOfRow(tenant, this.currentRole());
  }

  async updateProfile(profile: TenantProfileInput): Promise<Tenant> {
    if (!(await this.tenants.updateProfile(this.scope.tenantId, profileOf(profile)))) throw new NotFoundError('Tenant');
    return this.current();
  }

  /** The caller's tenants, in the order they joined them. */
  async mine(first: number, after?: string | null): Promise<Connection<Tenant>> {
    const position = after ? decodeTimeCursor(after) : null;
    const { rows, totalCount } = await this.tenants.ofUser(
      this.scope.userId,
      first + 1,
      position && { joinedAt: position[0], tenantId: position[1] },
    );
    return toConnection(
      rows,
      first,
      totalCount,
      (row) => tenantOfRow(row, row.my_role),
      (row) => [row.joined_at, row.id],
    );
  }

  async removeMembership(userId: string): Promise<boolean> {
    if (!isUuid(userId)) throw new NotFoundError('Membership');
    const tenantId = this.scope.tenantId;
    const role = await this.tenants.roleOf(tenantId, userId);
    if (!role) throw new NotFoundError('Membership');
    if (role === 'OWNER') {
      if (this.currentRole() !== 'OWNER') throw new ForbiddenError('Only an OWNER can remove an OWNER');
      if ((await this.tenants.ownerCount(tenantId)) <= 1) throw new ConflictError(LAST_OWNER);
    }
    try {
      // A concurrent removal of the other OWNER is caught by the database (memberships_keep_an_owner).
      await this.tenants.deleteMembership(tenantId, userId);
    } catch (error) {
      if (error instanceof LastOwnerViolation) throw new ConflictError(LAST_OWNER);
      throw error;
    }
    return true;
  }

  /** Who has which role in the selected tenant, oldest membership first (OWNER and ADMIN only). */
  async members(first: number, after?: string | null): Promise<Connection<Membership>> {
    if (!MEMBERSHIP_ADMINS.includes(this.currentRole())) {
      throw new ForbiddenError(`Your role ${this.currentRole()} may not list the members`);
    }
    const position = after ? decodeTimeCursor(after) : null;
    const { rows, totalCount } = await this.tenants.members(first + 1, position && { joinedAt: position[0], userId: position[1] });
    return toConnection(
      rows,
      first,
      totalCount,
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

/** The profile as stored: the sector trimmed (empty: none), the default cadence when none is given. */
function profileOf(profile: TenantProfileInput): TenantProfile {
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
