import { TenantEntity } from './tenant.entity';

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
