import { Injectable } from '@nestjs/common';
import { BadUserInputError, NotFoundError } from '../common/errors';
import type { Responsibility } from '../scoring';
import { TeamMembersService } from '../teams';
import type { TeamMember } from '../teams';
import type { AssignResponsibilityInput } from './dto/assign-responsibility.input';
import type { ResponsibilityAssignment } from './responsibility-assignment.model';
import { ResponsibilitiesRepository } from './responsibilities.repository';
import { inContractOrder, ownerProblems, unowned } from './responsibility-owner';

/** Who owns each of the nine responsibilities of the tenant. Unowned ones have no row. */
@Injectable()
export class ResponsibilitiesService {
  constructor(
    private readonly assignments: ResponsibilitiesRepository,
    private readonly members: TeamMembersService,
  ) {}

  /** The owned responsibilities, in contract order. */
  async assigned(): Promise<ResponsibilityAssignment[]> {
    return inContractOrder(await this.assignments.all());
  }

  /** The responsibilities nobody owns, in contract order. */
  async unowned(): Promise<Responsibility[]> {
    return unowned(await this.assignments.owned());
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
    const assignment = await this.assignments.upsert({
      responsibility: input.responsibility,
      ownerKind: input.ownerKind,
      memberId,
      department: input.ownerKind === 'DEPARTMENT' ? (input.department ?? null) : null,
    });
    // Null: the member was removed by someone else after the check above.
    if (!assignment) throw new NotFoundError('Team member');
    return assignment;
  }

  /** Leaves a responsibility without owner. True when it had one. */
  async unassign(responsibility: Responsibility): Promise<boolean> {
    return this.assignments.delete(responsibility);
  }
}
