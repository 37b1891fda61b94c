import { Injectable } from '@nestjs/common';
import { LATEST_FIRST } from '../assessments';
import type { Department, Responsibility, RoadmapMove, ScoringInputs } from '../scoring';
import { TenantTransaction } from '../tenancy';
import type { TeamMemberRow } from '../teams';
import type { ActionStatus } from './action.model';

/** An action as read, with its owner member and whether it is overdue now (the database's now()). */
export interface ActionRecord {
  id: string;
  title: string;
  move: RoadmapMove | null;
  responsibility: Responsibility | null;
  department: Department | null;
  ownerMember: TeamMemberRow | null;
  ownerDepartment: Department | null;
  dueAt: Date | null;
  status: ActionStatus;
  version: number;
  overdue: boolean;
  /** created_at in microseconds since 1970, for cursors. */
  createdKey: string;
}

export interface NewAction {
  title: string;
  move: RoadmapMove | null;
  responsibility: Responsibility | null;
  department: Department | null;
  ownerMemberId: string | null;
  ownerDepartment: Department | null;
  dueAt: Date | null;
  createdBy: string;
}

export interface ActionChange {
  id: string;
  expectedVersion: number;
  title: string | null;
  status: ActionStatus | null;
  /** Present: the owner is replaced (member, department or none). */
  owner?: { memberId: string | null; department: Department | null };
  /** Present: the due date is replaced (null clears it). */
  dueAt?: Date | null;
}

/** What a read or write of actions comes with: the latest current assessment's inputs (for `verified`). */
export interface WithLatestInputs<T> {
  value: T;
  latestInputs: ScoringInputs | null;
}

interface Row {
  id: string;
  title: string;
  move: RoadmapMove | null;
  responsibility: Responsibility | null;
  department: Department | null;
  owner_member: TeamMemberRow | null;
  owner_department: Department | null;
  due_at: Date | string | null;
  status: ActionStatus;
  version: number;
  overdue: boolean;
  created_key: string;
}

/** The columns of an action row `a` (joined with its owner member `m`). */
const COLUMNS = `a.id, a.title, a.move, a.responsibility, a.department, a.owner_department, a.due_at, a.status,
  a.version, a.created_at, (extract(epoch FROM a.created_at) * 1000000)::bigint::text AS created_key,
  (a.status IN ('OPEN','IN_PROGRESS') AND a.due_at IS NOT NULL AND a.due_at < now()) AS overdue,
  CASE WHEN m.id IS NULL THEN NULL ELSE json_build_object('id', m.id, 'team_id', m.team_id, 'name', m.name,
    'department', m.department, 'external', m.external, 'insight', m.insight, 'experience', m.experience,
    'affinity', m.affinity) END AS owner_member`;
const OWNER_JOIN = 'LEFT JOIN team_members m ON m.tenant_id = a.tenant_id AND m.id = a.owner_member_id';
/** The inputs of the current assessment latest in period order (the assessments module's order). */
const LATEST_INPUTS = `(SELECT l.inputs FROM assessments l WHERE l.superseded_at IS NULL
  ORDER BY ${LATEST_FIRST('l')} LIMIT 1)`;

/**
 * The action plan, through the request's transaction: explicit SQL, row-level security keeps every statement in
 * the request's tenant. Every read and write is one statement and brings the latest assessment's inputs along.
 */
@Injectable()
export class ActionsRepository {
  constructor(private readonly tx: TenantTransaction) {}

  /** Null when the owner member does not exist (or is another tenant's). */
  async insert(action: NewAction): Promise<WithLatestInputs<ActionRecord> | null> {
    const [row] = await this.rows<Row & { latest_inputs: ScoringInputs | null }>(
      `WITH a AS (
         INSERT INTO actions (title, move, responsibility, department, owner_member_id, owner_department, due_at,
                              created_by)
         SELECT $1, $2, $3, $4, $5::uuid, $6, $7::timestamptz, $8
          WHERE $5::uuid IS NULL OR EXISTS (SELECT 1 FROM team_members t WHERE t.id = $5::uuid)
         RETURNING *)
       SELECT ${COLUMNS}, ${LATEST_INPUTS} AS latest_inputs FROM a ${OWNER_JOIN}`,
      [
        action.title,
        action.move,
        action.responsibility,
        action.department,
        action.ownerMemberId,
        action.ownerDepartment,
        action.dueAt,
        action.createdBy,
      ],
    );
    return row ? { value: toRecord(row), latestInputs: row.latest_inputs } : null;
  }

  /** One conditional UPDATE; null when it matched nothing (see `versionOf` for why). */
  async update(change: ActionChange): Promise<WithLatestInputs<ActionRecord> | null> {
    const owner = change.owner;
    const [row] = await this.rows<Row & { latest_inputs: ScoringInputs | null }>(
      `WITH a AS (
         UPDATE actions a SET
           title = coalesce($3, a.title),
           status = coalesce($4, a.status),
           owner_member_id = CASE WHEN $5::boolean THEN $6::uuid ELSE a.owner_member_id END,
           owner_department = CASE WHEN $5::boolean THEN $7 ELSE a.owner_department END,
           due_at = CASE WHEN $8::boolean THEN $9::timestamptz ELSE a.due_at END,
           version = a.version + 1, updated_at = now()
          WHERE a.id = $1 AND a.version = $2
            AND ($6::uuid IS NULL OR EXISTS (SELECT 1 FROM team_members t WHERE t.id = $6::uuid))
         RETURNING a.*)
       SELECT ${COLUMNS}, ${LATEST_INPUTS} AS latest_inputs FROM a ${OWNER_JOIN}`,
      [
        change.id,
        change.expectedVersion,
        change.title,
        change.status,
        owner !== undefined,
        owner?.memberId ?? null,
        owner?.department ?? null,
        change.dueAt !== undefined,
        change.dueAt ?? null,
      ],
    );
    return row ? { value: toRecord(row), latestInputs: row.latest_inputs } : null;
  }

  /** The action's version now, or null when there is no such action. */
  async versionOf(id: string): Promise<number | null> {
    const [row] = await this.rows<{ version: number }>('SELECT version FROM actions WHERE id = $1', [id]);
    return row?.version ?? null;
  }

  /** A page, oldest first, with the total of the same filter (and the latest inputs if asked): one statement. */
  async page(query: {
    first: number;
    after: { createdKey: string; id: string } | null;
    status: ActionStatus | null;
    /** False: no latest inputs (null), for a page whose `verified` nobody reads. */
    withLatestInputs: boolean;
  }): Promise<WithLatestInputs<{ rows: ActionRecord[]; totalCount: number }>> {
    const [row] = await this.rows<{ rows: Row[]; total: number; latest_inputs: ScoringInputs | null }>(
      `WITH page AS (
         SELECT ${COLUMNS} FROM actions a ${OWNER_JOIN}
          WHERE ($2::text IS NULL OR a.status = $2)
            AND ($3::bigint IS NULL OR (a.created_at, a.id) >
                 (timestamptz 'epoch' + $3::bigint * interval '1 microsecond', $4::uuid))
          ORDER BY a.created_at, a.id
          LIMIT $1)
       SELECT (SELECT coalesce(json_agg(p ORDER BY p.created_at, p.id), '[]') FROM page p) AS rows,
              (SELECT count(*)::int FROM actions a WHERE $2::text IS NULL OR a.status = $2) AS total,
              ${query.withLatestInputs ? LATEST_INPUTS : 'NULL::jsonb'} AS latest_inputs`,
      [query.first + 1, query.status, query.after?.createdKey ?? null, query.after?.id ?? null],
    );
    return { value: { rows: row.rows.map(toRecord), totalCount: row.total }, latestInputs: row.latest_inputs };
  }

  private async rows<R>(sql: string, params: unknown[]): Promise<R[]> {
    const manager = await this.tx.manager();
    return manager.query<R[]>(sql, params);
  }
}

function toRecord(row: Row): ActionRecord {
  return {
    id: row.id,
    title: row.title,
    move: row.move,
    responsibility: row.responsibility,
    department: row.department,
    ownerMember: row.owner_member,
    ownerDepartment: row.owner_department,
    dueAt: row.due_at === null ? null : new Date(row.due_at),
    status: row.status,
    version: row.version,
    overdue: row.overdue,
    createdKey: row.created_key,
  };
}
