import { Injectable } from '@nestjs/common';
import type { Department, FailureFactor, InitiativeStatus, KpiKind, Outsourcing } from '../scoring';
import { TenantTransaction } from '../tenancy';
import { CURSOR_CREATED_AT, type InitiativePosition } from './initiative-cursor';
import type { Initiative, Kpi } from './initiative.model';

/** An `initiatives` row. */
interface InitiativeRow {
  id: string;
  name: string;
  status: InitiativeStatus;
  owner_department: Department;
  outsourcing: Outsourcing;
  satisfaction: number | null;
  failure_factors: FailureFactor[];
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** The fields of an initiative that are written (create: all; update: the ones given). */
export type InitiativeFields = Pick<Initiative, 'name' | 'status' | 'ownerDepartment' | 'outsourcing' | 'satisfaction' | 'failureFactors'>;

export interface InitiativeFilter {
  status?: InitiativeStatus | null;
  ownerDepartment?: Department | null;
}

const INITIATIVE =
  'i.id, i.name, i.status, i.owner_department, i.outsourcing, i.satisfaction, i.failure_factors, i.version, i.created_at, i.updated_at';
const COLUMNS: Record<keyof InitiativeFields, string> = {
  name: 'name',
  status: 'status',
  ownerDepartment: 'owner_department',
  outsourcing: 'outsourcing',
  satisfaction: 'satisfaction',
  failureFactors: 'failure_factors',
};
const FIELDS = Object.keys(COLUMNS) as (keyof InitiativeFields)[];

/**
 * The initiative aggregate (initiatives and their initiative_kpis) through the request's transaction. Row-level
 * security scopes every statement to the request's tenant; tenant_id and id come from the column defaults.
 */
@Injectable()
export class InitiativesRepository {
  constructor(private readonly tx: TenantTransaction) {}

  /** Newest first, after a position; `limit` rows with their cursor positions, then the total of the filter. */
  async page(
    filter: InitiativeFilter,
    limit: number,
    after: InitiativePosition | null,
  ): Promise<{ rows: (Initiative & { position: InitiativePosition })[]; totalCount: number }> {
    const params: unknown[] = [];
    const conditions: string[] = [];
    if (filter.status) conditions.push(`i.status = $${params.push(filter.status)}`);
    if (filter.ownerDepartment) conditions.push(`i.owner_department = $${params.push(filter.ownerDepartment)}`);
    const where = conditions.length > 0 ? conditions.join(' AND ') : 'TRUE';
    const pageParams = [...params, limit];
    let page = `SELECT ${INITIATIVE}, ${CURSOR_CREATED_AT} AS cursor_created_at FROM initiatives i WHERE ${where}`;
    if (after) {
      const at = pageParams.push(after.createdAt);
      pageParams.push(after.id);
      page += ` AND (i.created_at, i.id) < ($${at}::timestamptz, $${at + 1}::uuid)`;
    }
    page += ` ORDER BY i.created_at DESC, i.id DESC LIMIT $${params.length + 1}`;
    const rows = await this.query<(InitiativeRow & { cursor_created_at: string })[]>(page, pageParams);
    const [counted] = await this.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM initiatives i WHERE ${where}`, params);
    return {
      rows: rows.map((row) => ({ ...toInitiative(row), position: { createdAt: row.cursor_created_at, id: row.id } })),
      totalCount: counted.n,
    };
  }

  async find(id: string): Promise<Initiative | null> {
    const [row] = await this.query<InitiativeRow[]>(`SELECT ${INITIATIVE} FROM initiatives i WHERE i.id = $1`, [id]);
    return row ? toInitiative(row) : null;
  }

  /** The version an initiative has now; null when there is no such initiative. */
  async versionOf(id: string): Promise<number | null> {
    const [row] = await this.query<{ version: number }[]>('SELECT v.version FROM initiatives v WHERE v.id = $1', [id]);
    return row ? row.version : null;
  }

  async insert(fields: InitiativeFields): Promise<Initiative> {
    const [row] = await this.query<InitiativeRow[]>(
      `INSERT INTO initiatives AS i (${FIELDS.map((f) => COLUMNS[f]).join(', ')})
       VALUES (${FIELDS.map((_, index) => `$${index + 1}`).join(', ')}) RETURNING ${INITIATIVE}`,
      FIELDS.map((f) => fields[f]),
    );
    return toInitiative(row);
  }

  /** Writes the given fields (and bumps the version) if the initiative is still at expectedVersion; null otherwise. */
  async update(id: string, expectedVersion: number, changes: Partial<InitiativeFields>): Promise<Initiative | null> {
    const given = FIELDS.filter((f) => changes[f] !== undefined);
    const set = ['version = version + 1', 'updated_at = now()', ...given.map((f, index) => `${COLUMNS[f]} = $${index + 3}`)];
    const [rows] = await this.query<[InitiativeRow[], number]>(
      `UPDATE initiatives AS i SET ${set.join(', ')} WHERE i.id = $1 AND i.version = $2 RETURNING ${INITIATIVE}`,
      [id, expectedVersion, ...given.map((f) => changes[f])],
    );
    return rows[0] ? toInitiative(rows[0]) : null;
  }

  /** Deletes an initiative (its KPIs cascade) if it is still at expectedVersion; false otherwise. */
  async delete(id: string, expectedVersion: number): Promise<boolean> {
    const [, affected] = await this.query<[unknown[], number]>(
      'DELETE FROM initiatives WHERE id = $1 AND version = $2',
      [id, expectedVersion],
    );
    return affected > 0;
  }

  /** The KPIs of these initiatives, by initiative then position. */
  async kpisOf(initiativeIds: readonly string[]): Promise<(Kpi & { initiativeId: string })[]> {
    const rows = await this.query<{ initiative_id: string; name: string; kind: KpiKind }[]>(
      `SELECT initiative_id, name, kind FROM initiative_kpis
        WHERE initiative_id = ANY($1::uuid[]) ORDER BY initiative_id, position`,
      [initiativeIds],
    );
    return rows.map((row) => ({ initiativeId: row.initiative_id, name: row.name, kind: row.kind }));
  }

  /** Stores KPIs in the order given (position 0, 1, ...), in one statement. */
  async insertKpis(initiativeId: string, kpis: readonly Kpi[]): Promise<void> {
    await this.query(
      `INSERT INTO initiative_kpis (initiative_id, position, name, kind)
       SELECT $1, (k.position - 1)::int, k.name, k.kind FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS k (name, kind, position)`,
      [initiativeId, kpis.map((k) => k.name), kpis.map((k) => k.kind)],
    );
  }

  async deleteKpis(initiativeId: string): Promise<void> {
    await this.query('DELETE FROM initiative_kpis WHERE initiative_id = $1', [initiativeId]);
  }

  private async query<R>(sql: string, params: unknown[]): Promise<R> {
    const manager = await this.tx.manager();
    return manager.query<R>(sql, params);
  }
}

function toInitiative(row: InitiativeRow): Initiative {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    ownerDepartment: row.owner_department,
    outsourcing: row.outsourcing,
    satisfaction: row.satisfaction,
    failureFactors: row.failure_factors,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
