import type { Role } from '../common/roles';
import type { Culture, Department, Market } from '../scoring';
import type { Tenant, TenantProfile } from './tenant.model';

/** A tenants row as raw SQL returns it (snake_case columns): also what other modules read (the portfolio). */
export interface TenantRow {
  id: string;
  name: string;
  employee_count: number;
  departments: Department[];
  culture: Culture;
  market: Market;
  locations: number;
  sector: string | null;
  reassessment_cadence_days: number;
  created_at: Date;
}

/** The columns of a TenantRow, for a SELECT of tenants aliased `t`. */
export const TENANT_COLUMNS =
  't.id, t.name, t.employee_count, t.departments, t.culture, t.market, t.locations, t.sector, t.reassessment_cadence_days, t.created_at';

/** A tenants row (this module's read, or another module's) as the API shows it to a caller with this role. */
export function tenantOfRow(row: TenantRow, myRole: Role): Tenant {
  const profile: TenantProfile = {
    employeeCount: row.employee_count,
    departments: row.departments,
    culture: row.culture,
    market: row.market,
    locations: row.locations,
    sector: row.sector,
    reassessmentCadenceDays: row.reassessment_cadence_days,
  };
  return { id: row.id, name: row.name, myRole, createdAt: row.created_at, profile };
}
