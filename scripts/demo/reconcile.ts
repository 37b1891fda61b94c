import type { Department, Responsibility } from '../../src/scoring/domain';
import { RESPONSIBILITIES } from '../../src/scoring/domain';
import type { Gql } from './api';
import type { InitiativeState, MemberState, PeriodState } from './history';

interface ServerState {
  teams: {
    id: string;
    name: string;
    members: (MemberState & { id: string })[];
  }[];
  responsibilities: {
    responsibility: Responsibility;
    ownerKind: 'MEMBER' | 'DEPARTMENT' | 'AGENCY';
    department: Department | null;
    member: { id: string; name: string } | null;
  }[];
  initiatives: { edges: { node: InitiativeState & { id: string; version: number } }[] };
}

const TEAMS_QUERY = `
  query DemoTeams {
    tenant {
      teams { id name members { id name department external insight experience affinity } }
      responsibilities { responsibility ownerKind department member { id name } }
    }
  }`;

const INITIATIVES_QUERY = `
  query DemoInitiatives {
    tenant {
      initiatives(first: 20) {
        edges { node { id name status ownerDepartment outsourcing satisfaction failureFactors version kpis { name kind } } }
      }
    }
  }`;

const sameList = <T>(a: readonly T[], b: readonly T[]) => JSON.stringify(a) === JSON.stringify(b);

/** Brings the tenant's recorded facts to the desired state with the API's own mutations; a no-op when they match. */
export async function reconcile(gql: Gql, tenant: string, desired: PeriodState): Promise<number> {
  let changes = 0;
  // Two reads: one would exceed the API's query cost limit (as it should for a client).
  const [{ tenant: people }, { tenant: work }] = await Promise.all([
    gql<{ tenant: Omit<ServerState, 'initiatives'> }>(TEAMS_QUERY, {}, tenant),
    gql<{ tenant: Pick<ServerState, 'initiatives'> }>(INITIATIVES_QUERY, {}, tenant),
  ]);
  const current: ServerState = { ...people, ...work };
  const memberIds = new Map<string, string>();
  const wanted = new Set(desired.teams.flatMap((t) => t.members.map((m) => m.name)));

  for (const team of current.teams) {
    for (const member of team.members) {
      if (!wanted.has(member.name)) {
        await gql(`mutation($id: ID!) { removeTeamMember(id: $id) }`, { id: member.id }, tenant);
        changes++;
      }
    }
  }
  for (const team of desired.teams) {
    let existing = current.teams.find((t) => t.name === team.name);
    if (!existing) {
      const { createTeam } = await gql<{ createTeam: { id: string } }>(
        `mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }`,
        { input: { name: team.name } },
        tenant,
      );
      existing = { id: createTeam.id, name: team.name, members: [] };
      changes++;
    }
    for (const member of team.members) {
      const found = current.teams.flatMap((t) => t.members).find((m) => m.name === member.name);
      if (!found) {
        const { addTeamMember } = await gql<{ addTeamMember: { id: string } }>(
          `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { id } }`,
          { input: { teamId: existing.id, ...member } },
          tenant,
        );
        memberIds.set(member.name, addTeamMember.id);
        changes++;
        continue;
      }
      memberIds.set(member.name, found.id);
      const { id: _id, name: _name, ...now } = found;
      const { name: _n, ...then } = member;
      if (JSON.stringify(now, Object.keys(then).sort()) !== JSON.stringify(then, Object.keys(then).sort())) {
        await gql(
          `mutation($input: UpdateTeamMemberInput!) { updateTeamMember(input: $input) { id } }`,
          { input: { id: found.id, ...then } },
          tenant,
        );
        changes++;
      }
    }
  }

  for (const responsibility of RESPONSIBILITIES) {
    const want = desired.owners[responsibility];
    const have = current.responsibilities.find((r) => r.responsibility === responsibility);
    const haveMember = have?.member && wanted.has(have.member.name) ? have.member.name : null;
    const same =
      (!want && !have) ||
      (want &&
        have &&
        want.ownerKind === have.ownerKind &&
        (want.ownerKind !== 'MEMBER' || want.member === haveMember) &&
        (want.ownerKind !== 'DEPARTMENT' || want.department === have.department));
    if (same) continue;
    if (!want) {
      await gql(`mutation($r: Responsibility!) { unassignResponsibility(responsibility: $r) }`, { r: responsibility }, tenant);
    } else {
      const input =
        want.ownerKind === 'MEMBER'
          ? { responsibility, ownerKind: 'MEMBER', memberId: memberIds.get(want.member) }
          : want.ownerKind === 'DEPARTMENT'
            ? { responsibility, ownerKind: 'DEPARTMENT', department: want.department }
            : { responsibility, ownerKind: 'AGENCY' };
      await gql(
        `mutation($input: AssignResponsibilityInput!) { assignResponsibility(input: $input) { responsibility } }`,
        { input },
        tenant,
      );
    }
    changes++;
  }

  for (const initiative of desired.initiatives) {
    const found = current.initiatives.edges.map((e) => e.node).find((i) => i.name === initiative.name);
    if (!found) {
      await gql(
        `mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`,
        { input: initiative },
        tenant,
      );
      changes++;
      continue;
    }
    const differs =
      found.status !== initiative.status ||
      found.outsourcing !== initiative.outsourcing ||
      found.satisfaction !== initiative.satisfaction ||
      !sameList(found.failureFactors, initiative.failureFactors) ||
      !sameList(
        found.kpis.map((k) => [k.name, k.kind]),
        initiative.kpis.map((k) => [k.name, k.kind]),
      );
    if (differs) {
      const { name: _name, ownerDepartment: _owner, ...changed } = initiative;
      await gql(
        `mutation($input: UpdateInitiativeInput!) { updateInitiative(input: $input) { id } }`,
        { input: { id: found.id, expectedVersion: found.version, ...changed } },
        tenant,
      );
      changes++;
    }
  }
  return changes;
}

// ---- loading -------------------------------------------------------------------------------------------------
