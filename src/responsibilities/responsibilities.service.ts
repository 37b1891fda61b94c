import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { BadUserInputError, NotFoundError } from '../common/errors';
import type { Responsibility } from '../scoring';
import { TenantTransaction } from '../tenancy';
import { TeamMembersService } from '../teams';
import type { TeamMember } from '../teams';
import type { AssignResponsibilityInput } from './dto/assign-responsibility.input';
import { ResponsibilityAssignmentEntity } from './responsibility-assignment.entity';
import type { ResponsibilityAssignment } from './responsibility-assignment.model';
import { inContractOrder, ownerProblems, unowned } from './responsibility-owner';

interface AssignmentRow {
  responsibility: Responsibility;
  owner_kind: ResponsibilityAssignment['ownerKind'];
  member_id: string | null;
  department: ResponsibilityAssignment['department'];
  updated_at: Date;
}

const FOREIGN_KEY_VIOLATION = '23503';

/** Who owns each of the nine responsibilities of the tenant. Unowned ones have no row. */
@Injectable()
export class ResponsibilitiesService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly members: TeamMembersService,
  ) {}

  /** The owned responsibilities, in contract order. */
  async assigned(): Promise<ResponsibilityAssignment[]> {
    const manager = await this.tx.manager();
    const rows = await manager.find(ResponsibilityAssignmentEntity);
    return inContractOrder(rows.map(toAssignment));
  }

  /** The responsibilities nobody owns, in contract order. */
  async unowned(): Promise<Responsibility[]> {
    const manager = await this.tx.manager();
    const rows = await manager.find(ResponsibilityAssignmentEntity, { select: { responsibility: true } });
    return unowned(rows.map((row) => row.responsibility));
  }

  /** The member owning an assignment, through the request's loader (one query for all assignments). */
  owner(assignment: ResponsibilityAssignment): Promise<TeamMember | null> {
    return assignment.memberId ? this.members.memberById(assignment.memberId) : Promise.resolve(null);
  }

  /** Sets the owner of a responsibility (insert or replace). */
  async assign(input: AssignResponsibilityInput): Promise<ResponsibilityAssignment> {
    const problems = ownerProblems(input);
    if (problems.length > 0) {
      throw new BadUserInputError(
        `Invalid owner: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
        problems,
      );
    }
    let memberId: string | null = null;
    if (input.ownerKind === 'MEMBER') {
      // Also primes the loader that resolves `member` in the response.
      const member = await this.members.memberById(input.memberId ?? '');
      if (!member) throw new NotFoundError('Team member');
      memberId = member.id;
    }
    const manager = await this.tx.manager();
    try {
      const rows = await manager.query<AssignmentRow[]>(
        `INSERT INTO responsibility_assignments (responsibility, owner_kind, member_id, department)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, responsibility) DO UPDATE
           SET owner_kind = EXCLUDED.owner_kind, member_id = EXCLUDED.member_id,
               department = EXCLUDED.department, updated_at = now()
         RETURNING responsibility, owner_kind, member_id, department, updated_at`,
        [
          input.responsibility,
          input.ownerKind,
          memberId,
          input.ownerKind === 'DEPARTMENT' ? input.department : null,
        ],
      );
      return fromRow(rows[0]);
    } catch (error) {
      // The member was removed by someone else after the check above.
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { code?: string }).code === FOREIGN_KEY_VIOLATION
      ) {
        throw new NotFoundError('Team member');
      }
      throw error;
    }
  }

  /** Leaves a responsibility without owner. True when it had one. */
  async unassign(responsibility: Responsibility): Promise<boolean> {
    const manager = await this.tx.manager();
    const result = await manager.delete(ResponsibilityAssignmentEntity, { responsibility });
    return (result.affected ?? 0) > 0;
  }
}

function toAssignment(entity: ResponsibilityAssignmentEntity): ResponsibilityAssignment {
  return {
    responsibility: entity.responsibility,
    ownerKind: entity.ownerKind,
    memberId: entity.memberId,
    department: entity.department,
    updatedAt: entity.updatedAt,
  };
}

function fromRow(row: AssignmentRow): ResponsibilityAssignment {
  return {
    responsibility: row.responsibility,
    ownerKind: row.owner_kind,
    memberId: row.member_id,
    department: row.department,
    updatedAt: row.updated_at,
  };
}
