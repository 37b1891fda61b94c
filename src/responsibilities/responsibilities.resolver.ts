import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Audited } from '../audit';
import { ResponsibilityEnum } from '../graphql';
import type { Responsibility } from '../scoring';
import { Access } from '../tenancy';
import { EDITORS } from '../common/roles';
import { TeamMember } from '../teams';
import { AssignResponsibilityInput } from './dto/assign-responsibility.input';
import { ResponsibilitiesService } from './responsibilities.service';
import { ResponsibilityAssignment } from './responsibility-assignment.model';

@Resolver(() => ResponsibilityAssignment)
export class ResponsibilitiesResolver {
  constructor(private readonly responsibilities: ResponsibilitiesService) {}

  @Mutation(() => ResponsibilityAssignment, {
    description:
      'Gives a responsibility its owner (a team member, an in-house department or the agency), replacing any earlier one.',
  })
  @Access.tenant(EDITORS)
  @Audited.input('responsibility')
  assignResponsibility(
    @Args('input', { description: 'The responsibility and its new owner.' }) input: AssignResponsibilityInput,
  ): Promise<ResponsibilityAssignment> {
    return this.responsibilities.assign(input);
  }

  @Mutation(() => Boolean, {
    description:
      'Leaves a responsibility without owner; true when it had one, false when it was already unowned.',
  })
  @Access.tenant(EDITORS)
  @Audited.arg('responsibility')
  unassignResponsibility(
    @Args('responsibility', {
      type: () => ResponsibilityEnum,
      description: 'The task to leave without owner.',
    })
    responsibility: Responsibility,
  ): Promise<boolean> {
    return this.responsibilities.unassign(responsibility);
  }

  @ResolveField(() => TeamMember, {
    nullable: true,
    description: 'The owning team member, when ownerKind is MEMBER.',
  })
  member(@Parent() assignment: ResponsibilityAssignment): Promise<TeamMember | null> {
    return this.responsibilities.owner(assignment);
  }
}
