import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import type { Responsibility } from '../scoring';
import { TenantTransaction } from '../tenancy';
import type { ResponsibilityAssignment } from './responsibility-assignment.model';

interface AssignmentRow {
  responsibility: Responsibility;
  owner_kind: ResponsibilityAssignment['ownerKind'];
  member_id: string | null;
  department: ResponsibilityAssignment['department'];
  updated_at: Date;
}

const ASSIGNMENT = 'responsibility, owner_kind, member_id, department, updated_at';
const FOREIGN_KEY_VIOLATION = '23503';

/** responsibility_assignments through the request's transaction (row-level security: the request's tenant). */
@Injectable()
export class ResponsibilitiesRepository {
  constructor(private readonly tx: TenantTransaction) {}

  async all(): Promise<ResponsibilityAssignment[]> {
    return (await this.query<AssignmentRow[]>(`SELECT ${ASSIGNMENT} FROM responsibility_assignments`, [])).map(toAssignment);
  }

  /** The responsibilities that have an owner. */
  async owned(): Promise<Responsibility[]> {
    const rows = await this.query<{ responsibility: Responsibility }[]>('SELECT responsibility FROM responsibility_assignments', []);
    return rows.map((row) => row.responsibility);
  }

  /** Inserts or replaces the owner of a responsibility; null when the member is gone (a foreign key says so). */
  async upsert(assignment: Omit<ResponsibilityAssignment, 'updatedAt'>): Promise<ResponsibilityAssignment | null> {
    try {
      const [row] = await this.query<AssignmentRow[]>(
        `INSERT INTO responsibility_assignments (responsibility, owner_kind, member_id, department)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, responsibility) DO UPDATE
           SET owner_kind = EXCLUDED.owner_kind, member_id = EXCLUDED.member_id,
               department = EXCLUDED.department, updated_at = now()
         RETURNING ${ASSIGNMENT}`,
        [assignment.responsibility, assignment.ownerKind, assignment.memberId, assignment.department],
      );
      return toAssignment(row);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === FOREIGN_KEY_VIOLATION) {
        return null;
      }
      throw error;
    }
  }

  /** Deletes the assignment; false when the responsibility had no owner. */
  async delete(responsibility: Responsibility): Promise<boolean> {
    const [, affected] = await this.query<[unknown[], number]>(
      'DELETE FROM responsibility_assignments WHERE responsibility = $1',
      [responsibility],
    );
    return affected > 0;
  }

  private async query<R>(sql: string, params: unknown[]): Promise<R> {
    const manager = await this.tx.manager();
    return manager.query<R>(sql, params);
  }
}

function toAssignment(row: AssignmentRow): ResponsibilityAssignment {
  return {
    responsibility: row.responsibility,
    ownerKind: row.owner_kind,
    memberId: row.member_id,
    department: row.department,
    updatedAt: row.updated_at,
  };
}
