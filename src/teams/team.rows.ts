import type { Department } from '../scoring';
import type { Team, TeamMember } from './team.model';
import type { TeamEntity } from './team.entity';
import type { TeamMemberEntity } from './team-member.entity';

/** A `teams` row as RETURNING * gives it. */
export interface TeamRow {
  id: string;
  name: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** A `team_members` row as RETURNING * gives it. */
export interface TeamMemberRow {
  id: string;
  team_id: string;
  name: string;
  department: Department;
  external: boolean;
  insight: number;
  experience: number;
  affinity: number;
}

export function toTeam(source: TeamEntity | TeamRow): Team {
  if ('created_at' in source) {
    return {
      id: source.id,
      name: source.name,
      version: source.version,
      createdAt: source.created_at,
      updatedAt: source.updated_at,
    };
  }
  return {
    id: source.id,
    name: source.name,
    version: source.version,
    createdAt: source.createdAt,
    updatedAt: source.updatedAt,
  };
}

export function toTeamMember(source: TeamMemberEntity | TeamMemberRow): TeamMember {
  const teamId = 'team_id' in source ? source.team_id : source.teamId;
  return {
    id: source.id,
    teamId,
    name: source.name,
    department: source.department,
    external: source.external,
    insight: source.insight,
    experience: source.experience,
    affinity: source.affinity,
  };
}
