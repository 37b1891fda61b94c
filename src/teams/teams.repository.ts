import { Injectable } from '@nestjs/common';
import type { Department } from '../scoring';
import { TenantTransaction } from '../tenancy';
import type { Team, TeamMember } from './team.model';

/** A `teams` row. */
interface TeamRow {
  id: string;
  name: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** A `team_members` row. */
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

/** The member fields a change may set (undefined: unchanged). */
export type TeamMemberChanges = Partial<Omit<TeamMember, 'id' | 'teamId'>>;

const TEAM = 'id, name, version, created_at, updated_at';
const MEMBER = 'id, team_id, name, department, external, insight, experience, affinity';
/** team_members columns by model field: the only column names a member change can write. */
const MEMBER_COLUMNS: Record<keyof TeamMemberChanges, string> = {
  name: 'name',
  department: 'department',
  external: 'external',
  insight: 'insight',
  experience: 'experience',
  affinity: 'affinity',
};

/**
 * The team aggregate (teams and their team_members) through the request's transaction. Row-level security scopes
 * every statement to the request's tenant; tenant_id and id come from the column defaults. UPDATE and DELETE come
 * back from TypeORM as [rows, affected].
 */
@Injectable()
export class TeamsRepository {
  constructor(private readonly tx: TenantTransaction) {}

  /** The tenant's teams, oldest first. */
  async list(): Promise<Team[]> {
    return (await this.query<TeamRow[]>(`SELECT ${TEAM} FROM teams ORDER BY created_at, id`, [])).map(toTeam);
  }

  async find(id: string): Promise<Team | null> {
    const [row] = await this.query<TeamRow[]>(`SELECT ${TEAM} FROM teams WHERE id = $1`, [id]);
    return row ? toTeam(row) : null;
  }

  /** The version a team has now; null when there is no such team. */
  async versionOf(id: string): Promise<number | null> {
    const [row] = await this.query<{ version: number }[]>('SELECT v.version FROM teams v WHERE v.id = $1', [id]);
    return row ? row.version : null;
  }

  async insert(name: string): Promise<Team> {
    const [row] = await this.query<TeamRow[]>(`INSERT INTO teams (name) VALUES ($1) RETURNING ${TEAM}`, [name]);
    return toTeam(row);
  }

  /** Renames the team if it is still at expectedVersion; null otherwise. */
  async rename(id: string, name: string, expectedVersion: number): Promise<Team | null> {
    const [rows] = await this.query<[TeamRow[], number]>(
      `UPDATE teams SET name = $2, version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $3 RETURNING ${TEAM}`,
      [id, name, expectedVersion],
    );
    return rows[0] ? toTeam(rows[0]) : null;
  }

  /** A change to a team's members is a change of the team: its version goes up. False when there is no such team. */
  async bump(id: string): Promise<boolean> {
    const [, affected] = await this.query<[unknown[], number]>(
      'UPDATE teams SET version = version + 1, updated_at = now() WHERE id = $1',
      [id],
    );
    return affected > 0;
  }

  /** Deletes a team (its members cascade), at expectedVersion when given. False when nothing was deleted. */
  async delete(id: string, expectedVersion: number | null): Promise<boolean> {
    const [, affected] =
      expectedVersion === null
        ? await this.query<[unknown[], number]>('DELETE FROM teams WHERE id = $1', [id])
        : await this.query<[unknown[], number]>('DELETE FROM teams WHERE id = $1 AND version = $2', [id, expectedVersion]);
    return affected > 0;
  }

  /** The members of these teams, by team then oldest first. */
  async membersOf(teamIds: readonly string[]): Promise<TeamMember[]> {
    const rows = await this.query<TeamMemberRow[]>(
      `SELECT ${MEMBER} FROM team_members WHERE team_id = ANY($1::uuid[]) ORDER BY team_id, created_at, id`,
      [teamIds],
    );
    return rows.map(toTeamMember);
  }

  async membersById(ids: readonly string[]): Promise<TeamMember[]> {
    const rows = await this.query<TeamMemberRow[]>(`SELECT ${MEMBER} FROM team_members WHERE id = ANY($1::uuid[])`, [ids]);
    return rows.map(toTeamMember);
  }

  async insertMember(member: Omit<TeamMember, 'id'>): Promise<TeamMember> {
    const [row] = await this.query<TeamMemberRow[]>(
      `INSERT INTO team_members (team_id, name, department, external, insight, experience, affinity)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${MEMBER}`,
      [member.teamId, member.name, member.department, member.external, member.insight, member.experience, member.affinity],
    );
    return toTeamMember(row);
  }

  /** Writes the given fields of a member (at least one); null when there is no such member. */
  async updateMember(id: string, changes: TeamMemberChanges): Promise<TeamMember | null> {
    const fields = (Object.keys(MEMBER_COLUMNS) as (keyof TeamMemberChanges)[]).filter((f) => changes[f] !== undefined);
    const set = fields.map((field, index) => `${MEMBER_COLUMNS[field]} = $${index + 2}`).join(', ');
    const [rows] = await this.query<[TeamMemberRow[], number]>(
      `UPDATE team_members SET ${set} WHERE id = $1 RETURNING ${MEMBER}`,
      [id, ...fields.map((field) => changes[field])],
    );
    return rows[0] ? toTeamMember(rows[0]) : null;
  }

  /** Deletes a member; its team's id, or null when there is no such member. */
  async deleteMember(id: string): Promise<string | null> {
    const [rows] = await this.query<[{ team_id: string }[], number]>(
      'DELETE FROM team_members WHERE id = $1 RETURNING team_id',
      [id],
    );
    return rows[0]?.team_id ?? null;
  }

  private async query<R>(sql: string, params: unknown[]): Promise<R> {
    const manager = await this.tx.manager();
    return manager.query<R>(sql, params);
  }
}

function toTeam(row: TeamRow): Team {
  return { id: row.id, name: row.name, version: row.version, createdAt: row.created_at, updatedAt: row.updated_at };
}

export function toTeamMember(row: TeamMemberRow): TeamMember {
  return {
    id: row.id,
    teamId: row.team_id,
    name: row.name,
    department: row.department,
    external: row.external,
    insight: row.insight,
    experience: row.experience,
    affinity: row.affinity,
  };
}
