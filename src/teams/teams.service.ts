import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/errors';
import { isUuid } from '../common/ids';
import { conflictOrMissing } from '../common/versioned';
import type { CreateTeamInput } from './dto/create-team.input';
import type { UpdateTeamInput } from './dto/update-team.input';
import type { Team } from './team.model';
import { TeamMembersService } from './team-members.service';
import { TeamsRepository } from './teams.repository';

/** The tenant's social media teams. The policies scope every statement to the request's tenant. */
@Injectable()
export class TeamsService {
  constructor(
    private readonly teams: TeamsRepository,
    private readonly members: TeamMembersService,
  ) {}

  /** The tenant's teams, oldest first. */
  list(): Promise<Team[]> {
    return this.teams.list();
  }

  async get(id: string): Promise<Team> {
    if (!isUuid(id)) throw new NotFoundError('Team');
    const team = await this.teams.find(id);
    if (!team) throw new NotFoundError('Team');
    return team;
  }

  async create(input: CreateTeamInput): Promise<Team> {
    const team = await this.teams.insert(input.name.trim());
    this.members.primeMembers(team.id, []);
    return team;
  }

  /** One conditional UPDATE: it changes the team only when it is still at expectedVersion. */
  async update(input: UpdateTeamInput): Promise<Team> {
    if (!isUuid(input.id)) throw new NotFoundError('Team');
    const team = await this.teams.rename(input.id, input.name.trim(), input.expectedVersion);
    if (!team) throw conflictOrMissing('Team', input.expectedVersion, await this.teams.versionOf(input.id));
    return team;
  }

  /** Deletes a team with its members; responsibilities they owned become unowned. */
  async delete(id: string, expectedVersion?: number | null): Promise<boolean> {
    if (!isUuid(id)) throw new NotFoundError('Team');
    const deleted = await this.teams.delete(id, expectedVersion ?? null);
    if (!deleted) {
      if (expectedVersion == null) throw new NotFoundError('Team');
      throw conflictOrMissing('Team', expectedVersion, await this.teams.versionOf(id));
    }
    this.members.forgetTeam(id);
    return true;
  }
}
