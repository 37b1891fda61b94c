import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { NotFoundError } from '../common/errors';
import { isUuid } from '../common/ids';
import { groupByKeys, RequestLoaders } from '../graphql';
import type { AddTeamMemberInput } from './dto/add-team-member.input';
import type { UpdateTeamMemberInput } from './dto/update-team-member.input';
import type { TeamMember } from './team.model';
import { TeamsRepository, type TeamMemberChanges } from './teams.repository';

const MEMBERS_OF_TEAM = 'teams:members-of-team';
const MEMBER_BY_ID = 'teams:member-by-id';

/**
 * Team members, and the request's loaders that read them in one batch (members of many teams, members owning
 * responsibilities). Every change to a member bumps its team's version, so a team's version covers its members.
 */
@Injectable()
export class TeamMembersService {
  constructor(
    private readonly teams: TeamsRepository,
    private readonly loaders: RequestLoaders,
  ) {}

  /** The members of a team, oldest first; batched over all teams of the request. */
  membersOf(teamId: string): Promise<TeamMember[]> {
    return this.membersOfTeam().load(teamId);
  }

  /** A member of this tenant, or null (also for ids that are not UUIDs); batched over the request. */
  async memberById(id: string): Promise<TeamMember | null> {
    if (!isUuid(id)) return null;
    return this.memberByIdLoader().load(id.toLowerCase());
  }

  async add(input: AddTeamMemberInput): Promise<TeamMember> {
    if (!isUuid(input.teamId)) throw new NotFoundError('Team');
    await this.bumpTeam(input.teamId);
    const member = await this.teams.insertMember({
      teamId: input.teamId,
      name: input.name.trim(),
      department: input.department,
      external: input.external,
      insight: input.insight,
      experience: input.experience,
      affinity: input.affinity,
    });
    this.changed(member);
    return member;
  }

  async update(input: UpdateTeamMemberInput): Promise<TeamMember> {
    if (!isUuid(input.id)) throw new NotFoundError('Team member');
    const { id, name, ...scalars } = input;
    const changes: TeamMemberChanges = Object.fromEntries(
      Object.entries(scalars).filter(([, value]) => value !== undefined),
    );
    if (name !== undefined) changes.name = name.trim();
    if (Object.keys(changes).length === 0) {
      const unchanged = await this.memberById(id);
      if (!unchanged) throw new NotFoundError('Team member');
      return unchanged;
    }
    const member = await this.teams.updateMember(id, changes);
    if (!member) throw new NotFoundError('Team member');
    await this.bumpTeam(member.teamId);
    this.changed(member);
    return member;
  }

  /** Removes a member; the responsibilities they owned become unowned (the assignment rows cascade). */
  async remove(id: string): Promise<boolean> {
    if (!isUuid(id)) throw new NotFoundError('Team member');
    const teamId = await this.teams.deleteMember(id);
    if (!teamId) throw new NotFoundError('Team member');
    await this.bumpTeam(teamId);
    this.membersOfTeam().clear(teamId);
    this.memberByIdLoader().clear(id.toLowerCase());
    return true;
  }

  /** A team just created has no members: spares the loader a query. */
  primeMembers(teamId: string, members: TeamMember[]): void {
    this.membersOfTeam().clear(teamId).prime(teamId, members);
  }

  /** Forgets what the request's loaders hold about a deleted team and its members. */
  forgetTeam(teamId: string): void {
    this.membersOfTeam().clear(teamId);
    this.memberByIdLoader().clearAll();
  }

  /** Adding, changing or removing a member is a change of its team: one UPDATE, NOT_FOUND when no such team. */
  private async bumpTeam(teamId: string): Promise<void> {
    if (!(await this.teams.bump(teamId))) throw new NotFoundError('Team');
  }

  private changed(member: TeamMember): void {
    this.membersOfTeam().clear(member.teamId);
    this.memberByIdLoader().clear(member.id).prime(member.id, member);
  }

  private membersOfTeam(): DataLoader<string, TeamMember[]> {
    return this.loaders.get<string, TeamMember[]>(MEMBERS_OF_TEAM, async (teamIds) =>
      groupByKeys(teamIds, await this.teams.membersOf(teamIds), (m) => m.teamId),
    );
  }

  private memberByIdLoader(): DataLoader<string, TeamMember | null> {
    return this.loaders.get<string, TeamMember | null>(MEMBER_BY_ID, async (ids) => {
      const byId = new Map((await this.teams.membersById(ids)).map((member) => [member.id, member]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }
}
