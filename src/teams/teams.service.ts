import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/errors';
import { isUuid } from '../common/ids';
import { conflictOrMissing } from '../common/versioned';
import { TenantTransaction } from '../tenancy';
import type { CreateTeamInput } from './dto/create-team.input';
import type { UpdateTeamInput } from './dto/update-team.input';
import { TeamEntity } from './team.entity';
import type { Team } from './team.model';
import { toTeam, type TeamRow } from './team.rows';
import { TeamMembersService } from './team-members.service';

/** The tenant's social media teams. The policies scope every statement to the request's tenant. */
@Injectable()
export class TeamsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly members: TeamMembersService,
  ) {}

  /** The tenant's teams, oldest first. */
  async list(): Promise<Team[]> {
    const manager = await this.tx.manager();
    const teams = await manager.find(TeamEntity, { order: { createdAt: 'ASC', id: 'ASC' } });
    return teams.map(toTeam);
  }

  async get(id: string): Promise<Team> {
    if (!isUuid(id)) throw new NotFoundError('Team');
    const manager = await this.tx.manager();
    const team = await manager.findOneBy(TeamEntity, { id });
    if (!team) throw new NotFoundError('Team');
    return toTeam(team);
  }

  async create(input: CreateTeamInput): Promise<Team> {
    const manager = await this.tx.manager();
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(TeamEntity)
      .values({ name: input.name.trim() })
      .returning('*')
      .execute();
    const team = toTeam((result.raw as TeamRow[])[0]);
    this.members.primeMembers(team.id, []);
    return team;
  }

  /** One conditional UPDATE: it changes the team only when it is still at expectedVersion. */
  async update(input: UpdateTeamInput): Promise<Team> {
    if (!isUuid(input.id)) throw new NotFoundError('Team');
    const manager = await this.tx.manager();
    const result = await manager
      .createQueryBuilder()
      .update(TeamEntity)
      .set({ name: input.name.trim(), version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND version = :expectedVersion', {
        id: input.id,
        expectedVersion: input.expectedVersion,
      })
      .returning('*')
      .execute();
    const row = (result.raw as TeamRow[])[0];
    if (!row) throw await conflictOrMissing(manager, TeamEntity, 'Team', input.id, input.expectedVersion);
    return toTeam(row);
  }

  /** Deletes a team with its members; responsibilities they owned become unowned. */
  async delete(id: string, expectedVersion?: number | null): Promise<boolean> {
    if (!isUuid(id)) throw new NotFoundError('Team');
    const manager = await this.tx.manager();
    const query = manager.createQueryBuilder().delete().from(TeamEntity).where('id = :id', { id });
    if (expectedVersion != null) query.andWhere('version = :expectedVersion', { expectedVersion });
    const result = await query.execute();
    if (!result.affected) {
      if (expectedVersion == null) throw new NotFoundError('Team');
      throw await conflictOrMissing(manager, TeamEntity, 'Team', id, expectedVersion);
    }
    this.members.forgetTeam(id);
    return true;
  }
}
