import { NotFoundError } from '../common/errors';
import {
  RESPONSIBILITIES,
  type Department,
  type FailureFactor,
  type InitiativeStatus,
  type KpiKind,
  type Outsourcing,
  type OwnerKind,
  type Responsibility,
  type ScoringInputs,
  type TenantProfileInput,
} from '../scoring';

/** Everything the scoring engine needs except the questionnaire answers: the tenant's current facts. */
export type OrganisationFacts = Omit<ScoringInputs, 'answers'>;

/** The facts as read (one row of JSON arrays, see OrganisationFactsReader). */
export interface FactsRow {
  profile: TenantProfileInput | null;
  teams: { id: string; name: string }[];
  members: {
    id: string;
    teamId: string;
    name: string;
    department: Department;
    external: boolean;
    insight: number;
    experience: number;
    affinity: number;
  }[];
  responsibilities: {
    responsibility: Responsibility;
    ownerKind: OwnerKind;
    memberId: string | null;
    department: Department | null;
  }[];
  initiatives: {
    id: string;
    name: string;
    status: InitiativeStatus;
    ownerDepartment: Department;
    outsourcing: Outsourcing;
    satisfaction: number | null;
    failureFactors: FailureFactor[];
  }[];
  kpis: { initiativeId: string; name: string; kind: KpiKind }[];
}

/** Shapes the statement's rows into exactly the engine's input types, in a deterministic order. */
export function assembleFacts(row: FactsRow): OrganisationFacts {
  if (!row.profile) throw new NotFoundError('Tenant');
  const { employeeCount, departments, culture, market, locations } = row.profile;
  const membersByTeam = groupBy(
    row.teams.map((team) => team.id),
    row.members,
    (member) => member.teamId,
  );
  const kpisByInitiative = groupBy(
    row.initiatives.map((initiative) => initiative.id),
    row.kpis,
    (kpi) => kpi.initiativeId,
  );
  return {
    profile: { employeeCount, departments, culture, market, locations },
    teams: row.teams.map((team, index) => ({
      id: team.id,
      name: team.name,
      members: membersByTeam[index].map((m) => ({
        id: m.id,
        name: m.name,
        department: m.department,
        external: m.external,
        insight: m.insight,
        experience: m.experience,
        affinity: m.affinity,
      })),
    })),
    responsibilities: [...row.responsibilities]
      .sort((a, b) => RESPONSIBILITIES.indexOf(a.responsibility) - RESPONSIBILITIES.indexOf(b.responsibility))
      .map((r) => ({
        responsibility: r.responsibility,
        ownerKind: r.ownerKind,
        memberId: r.memberId,
        department: r.department,
      })),
    initiatives: row.initiatives.map((initiative, index) => ({
      id: initiative.id,
      name: initiative.name,
      status: initiative.status,
      ownerDepartment: initiative.ownerDepartment,
      outsourcing: initiative.outsourcing,
      kpis: kpisByInitiative[index].map((kpi) => ({ name: kpi.name, kind: kpi.kind })),
      satisfaction: initiative.satisfaction,
      failureFactors: initiative.failureFactors,
    })),
  };
}

/** The rows of each key, in the order of `keys`, keeping the rows' order. */
function groupBy<R>(keys: readonly string[], rows: readonly R[], keyOf: (row: R) => string): R[][] {
  const groups = new Map<string, R[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/**
 * The facts in one statement, so the snapshot is consistent (one snapshot of the database) and its cost does
 * not grow with the number of teams or initiatives. Row-level security limits every table to the request's
 * tenant; tenants also shows the caller's other tenants (tenant_member_read), hence its explicit filter.
 */
export const FACTS_SQL = `
  SELECT
    (SELECT json_build_object('employeeCount', t.employee_count, 'departments', t.departments,
                              'culture', t.culture, 'market', t.market, 'locations', t.locations)
       FROM tenants t WHERE t.id = app_current_tenant()) AS profile,
    (SELECT coalesce(json_agg(json_build_object('id', t.id, 'name', t.name) ORDER BY t.created_at, t.id), '[]')
       FROM teams t) AS teams,
    (SELECT coalesce(json_agg(json_build_object('id', m.id, 'teamId', m.team_id, 'name', m.name,
                                                'department', m.department, 'external', m.external,
                                                'insight', m.insight, 'experience', m.experience,
                                                'affinity', m.affinity) ORDER BY m.created_at, m.id), '[]')
       FROM team_members m) AS members,
    (SELECT coalesce(json_agg(json_build_object('responsibility', r.responsibility, 'ownerKind', r.owner_kind,
                                                'memberId', r.member_id, 'department', r.department)), '[]')
       FROM responsibility_assignments r) AS responsibilities,
    (SELECT coalesce(json_agg(json_build_object('id', i.id, 'name', i.name, 'status', i.status,
                                                'ownerDepartment', i.owner_department, 'outsourcing', i.outsourcing,
                                                'satisfaction', i.satisfaction, 'failureFactors', i.failure_factors)
                              ORDER BY i.created_at, i.id), '[]')
       FROM initiatives i) AS initiatives,
    (SELECT coalesce(json_agg(json_build_object('initiativeId', k.initiative_id, 'name', k.name, 'kind', k.kind)
                              ORDER BY k.initiative_id, k.position), '[]')
       FROM initiative_kpis k) AS kpis`;
