import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Audited } from '../audit';
import { Access } from '../tenancy';
import { EDITORS } from '../common/roles';
import { AddTeamMemberInput } from './dto/add-team-member.input';
import { UpdateTeamMemberInput } from './dto/update-team-member.input';
import { TeamMember } from './team.model';
import { TeamMembersService } from './team-members.service';

@Resolver(() => TeamMember)
export class TeamMembersResolver {
  constructor(private readonly members: TeamMembersService) {}

  @Mutation(() => TeamMember, { description: "Adds a person to a team; the team's version goes up." })
  @Access.tenant(EDITORS)
  @Audited.result()
  addTeamMember(
    @Args('input', { description: 'The person and the team they join.' }) input: AddTeamMemberInput,
  ): Promise<TeamMember> {
    return this.members.add(input);
  }

  @Mutation(() => TeamMember, { description: "Changes a team member; the team's version goes up." })
  @Access.tenant(EDITORS)
  @Audited.input('id')
  updateTeamMember(
    @Args('input', { description: 'The member and the fields to change.' }) input: UpdateTeamMemberInput,
  ): Promise<TeamMember> {
    return this.members.update(input);
  }

  @Mutation(() => Boolean, {
    description:
      "Takes a person off their team; responsibilities they owned become unowned; the team's version goes up.",
  })
  @Access.tenant(EDITORS)
  @Audited.arg('id')
  removeTeamMember(
    @Args('id', { type: () => ID, description: "The member's id." }) id: string,
  ): Promise<boolean> {
    return this.members.remove(id);
  }
}
