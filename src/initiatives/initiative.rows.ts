import type { Department, FailureFactor, InitiativeStatus, Outsourcing } from '../scoring';
import type { Initiative } from './initiative.model';

/** An `initiatives` row as RETURNING * or a raw select gives it. */
export interface InitiativeRow {
  id: string;
  name: string;
  status: InitiativeStatus;
  owner_department: Department;
  outsourcing: Outsourcing;
  satisfaction: number | null;
  failure_factors: FailureFactor[];
  version: number;
  created_at: Date;
  updated_at: Date;
}

export function toInitiative(row: InitiativeRow): Initiative {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    ownerDepartment: row.owner_department,
    outsourcing: row.outsourcing,
    satisfaction: row.satisfaction,
    failureFactors: row.failure_factors,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
