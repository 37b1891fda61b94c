import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '../tenancy/tenant-transaction';
import { assembleFacts, type FactsRow, type OrganisationFacts } from './organisation-facts';

/**
 * The facts in one statement, so the snapshot is consistent (one snapshot of the database) and its cost does
 * not grow with the number of teams or initiatives. Row-level security limits every table to the request's
 * tenant; tenants also shows the caller's other tenants (tenant_member_read), hence its explicit filter.
 */
const FACTS_SQL = `
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

@Injectable()
export class OrganisationFactsReader {
  constructor(private readonly tx: TenantTransaction) {}

  /** The request tenant's facts as they are now, in the request's transaction. */
  async read(): Promise<OrganisationFacts> {
    const manager = await this.tx.manager();
    const [row] = await manager.query<FactsRow[]>(FACTS_SQL);
    return assembleFacts(row);
  }
}
