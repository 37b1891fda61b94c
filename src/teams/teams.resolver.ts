import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Audited } from '../audit';
import { Access } from '../tenancy';
import { ALL_ROLES, EDITORS } from '../common/roles';
import { CreateTeamInput } from './dto/create-team.input';
import { DeleteTeamArgs } from './dto/delete-team.args';
import { UpdateTeamInput } from './dto/update-team.input';
import { Team, TeamMember } from './team.model';
import { TeamMembersService } from './team-members.service';
import { TeamsService } from './teams.service';

@Resolver(() => Team)
export class TeamsResolver {
  constructor(
    private readonly teamsService: TeamsService,
    private readonly membersService: TeamMembersService,
  ) {}

  @Query(() => [Team], { description: "The selected tenant's social media teams, oldest first." })
  @Access.tenant(ALL_ROLES)
  teams(): Promise<Team[]> {
    return this.teamsService.list();
  }

  @Query(() => Team, {
    description: 'One team of the selected tenant; NOT_FOUND when there is no such team.',
  })
  @Access.tenant(ALL_ROLES)
  team(@Args('id', { type: () => ID, description: "The team's id." }) id: string): Promise<Team> {
    return this.teamsService.get(id);
  }

  @Mutation(() => Team, { description: 'Forms a social media team: the central team or a spoke.' })
  @Access.tenant(EDITORS)
  @Audited.result()
  createTeam(@Args('input', { description: 'The new team.' }) input: CreateTeamInput): Promise<Team> {
    return this.teamsService.create(input);
  }

  @Mutation(() => Team, {
    description: 'Renames a team; a stale expectedVersion fails with VERSION_CONFLICT.',
  })
  @Access.tenant(EDITORS)
  @Audited.input('id')
  updateTeam(
    @Args('input', { description: 'The team, its expected version and new name.' }) input: UpdateTeamInput,
  ): Promise<Team> {
    return this.teamsService.update(input);
  }

  @Mutation(() => Boolean, {
    description: 'Deletes a team and its members; the responsibilities they owned become unowned.',
  })
  @Access.tenant(EDITORS)
  @Audited.arg('id')
  deleteTeam(@Args() args: DeleteTeamArgs): Promise<boolean> {
    return this.teamsService.delete(args.id, args.expectedVersion);
  }

  @ResolveField(() => [TeamMember], { description: 'The people on the team, in the order they joined.' })
  members(@Parent() team: Team): Promise<TeamMember[]> {
    return this.membersService.membersOf(team.id);
  }
}
