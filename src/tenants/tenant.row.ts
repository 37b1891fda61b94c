import type { Role } from '../common/roles';
import { TenantEntity } from './tenant.entity';
import type { Tenant } from './tenant.model';

/** A tenants row as raw SQL returns it (snake_case columns). */
export interface TenantRow {
  id: string;
  name: string;
  employee_count: number;
  departments: TenantEntity['departments'];
  culture: TenantEntity['culture'];
  market: TenantEntity['market'];
  locations: number;
  sector: string | null;
  reassessment_cadence_days: number;
  created_at: Date;
}

export function tenantFromRow(row: TenantRow): TenantEntity {
  return Object.assign(new TenantEntity(), {
    id: row.id,
    name: row.name,
    employeeCount: row.employee_count,
    departments: row.departments,
    culture: row.culture,
    market: row.market,
    locations: row.locations,
    sector: row.sector,
    reassessmentCadenceDays: row.reassessment_cadence_days,
    createdAt: row.created_at,
  });
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

/** A tenants row (raw SQL, another module's read) as the API shows it to a caller with this role. */
export function tenantOfRow(row: TenantRow, myRole: Role): Tenant {
  return toTenant(tenantFromRow(row), myRole);
}
