import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { In } from 'typeorm';
import { NotFoundError } from '../common/errors';
import { isUuid } from '../common/ids';
import { groupByKeys, RequestLoaders } from '../graphql';
import { TenantTransaction } from '../tenancy';
import type { AddTeamMemberInput } from './dto/add-team-member.input';
import type { UpdateTeamMemberInput } from './dto/update-team-member.input';
import { TeamEntity } from './team.entity';
import type { TeamMember } from './team.model';
import { toTeamMember, type TeamMemberRow } from './team.rows';
import { TeamMemberEntity } from './team-member.entity';

const MEMBERS_OF_TEAM = 'teams:members-of-team';
const MEMBER_BY_ID = 'teams:member-by-id';

/**
 * Team members, and the request's loaders that read them in one batch (members of many teams, members owning
 * responsibilities). Every change to a member bumps its team's version, so a team's version covers its members.
 */
@Injectable()
export class TeamMembersService {
  constructor(
    private readonly tx: TenantTransaction,
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
    const manager = await this.tx.manager();
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(TeamMemberEntity)
      .values({
        teamId: input.teamId,
        name: input.name.trim(),
        department: input.department,
        external: input.external,
        insight: input.insight,
        experience: input.experience,
        affinity: input.affinity,
      })
      .returning('*')
      .execute();
    const member = toTeamMember((result.raw as TeamMemberRow[])[0]);
    this.changed(member);
    return member;
  }

  async update(input: UpdateTeamMemberInput): Promise<TeamMember> {
    if (!isUuid(input.id)) throw new NotFoundError('Team member');
    const { id, name, ...scalars } = input;
    const changes: Partial<TeamMemberEntity> = Object.fromEntries(
      Object.entries(scalars).filter(([, value]) => value !== undefined),
    );
    if (name !== undefined) changes.name = name.trim();
    if (Object.keys(changes).length === 0) {
      const unchanged = await this.memberById(id);
      if (!unchanged) throw new NotFoundError('Team member');
      return unchanged;
    }
    const manager = await this.tx.manager();
    const result = await manager
      .createQueryBuilder()
      .update(TeamMemberEntity)
      .set(changes)
      .where('id = :id', { id })
      .returning('*')
      .execute();
    const row = (result.raw as TeamMemberRow[])[0];
    if (!row) throw new NotFoundError('Team member');
    await this.bumpTeam(row.team_id);
    const member = toTeamMember(row);
    this.changed(member);
    return member;
  }

  /** Removes a member; the responsibilities they owned become unowned (the assignment rows cascade). */
  async remove(id: string): Promise<boolean> {
    if (!isUuid(id)) throw new NotFoundError('Team member');
    const manager = await this.tx.manager();
    const result = await manager
      .createQueryBuilder()
      .delete()
      .from(TeamMemberEntity)
      .where('id = :id', { id })
      .returning('team_id')
      .execute();
    const row = (result.raw as { team_id: string }[])[0];
    if (!row) throw new NotFoundError('Team member');
    await this.bumpTeam(row.team_id);
    this.membersOfTeam().clear(row.team_id);
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
    const manager = await this.tx.manager();
    const result = await manager
      .createQueryBuilder()
      .update(TeamEntity)
      .set({ version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :teamId', { teamId })
      .execute();
    if (!result.affected) throw new NotFoundError('Team');
  }

  private changed(member: TeamMember): void {
    this.membersOfTeam().clear(member.teamId);
    this.memberByIdLoader().clear(member.id).prime(member.id, member);
  }

  private membersOfTeam(): DataLoader<string, TeamMember[]> {
    return this.loaders.get<string, TeamMember[]>(MEMBERS_OF_TEAM, async (teamIds) => {
      const manager = await this.tx.manager();
      const rows = await manager.find(TeamMemberEntity, {
        where: { teamId: In([...teamIds]) },
        order: { teamId: 'ASC', createdAt: 'ASC', id: 'ASC' },
      });
      return groupByKeys(teamIds, rows.map(toTeamMember), (m) => m.teamId);
    });
  }

  private memberByIdLoader(): DataLoader<string, TeamMember | null> {
    return this.loaders.get<string, TeamMember | null>(MEMBER_BY_ID, async (ids) => {
      const manager = await this.tx.manager();
      const rows = await manager.findBy(TeamMemberEntity, { id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, toTeamMember(row)]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }
}
