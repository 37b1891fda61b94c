import { RESPONSIBILITIES, type Department, type Responsibility } from './domain';
import type { OutsourcingRule, ScoringModel, TeamNeededRule } from './model';
import type {
  InitiativeInput,
  ResponsibilityAssignmentInput,
  ScoringInputs,
  TeamMemberInput,
  TenantProfileInput,
} from './types';

/** Who owns a responsibility, once the assignment is resolved against the teams. */
export type ResponsibilityOwner =
  | { kind: 'MEMBER'; member: TeamMemberInput }
  | { kind: 'DEPARTMENT'; department: Department }
  | { kind: 'AGENCY' };

/** The terms of the model ("in-house members", "live initiatives", ...) computed once from the inputs. */
export interface ScoringContext {
  teamNeeded: boolean;
  organisationDepartments: Department[];
  inHouseMembers: TeamMemberInput[];
  liveInitiatives: InitiativeInput[];
  applicableResponsibilities: Responsibility[];
  /** Owners of the applicable responsibilities that have one. */
  owners: ReadonlyMap<Responsibility, ResponsibilityOwner>;
  /** s = agency units / outsourcing units; null without outsourcing units. */
  outsourcingShare: number | null;
}

export function buildScoringContext(inputs: ScoringInputs, model: ScoringModel): ScoringContext {
  const members = inputs.teams.flatMap((team) => team.members);
  const liveInitiatives = inputs.initiatives.filter((initiative) => initiative.status !== 'STOPPED');
  const applicableResponsibilities = RESPONSIBILITIES.filter(
    (responsibility) => responsibility !== 'COMMUNITY_MANAGEMENT' || inputs.answers.communityApplicable,
  );
  const owners = resolveOwners(inputs.responsibilities, applicableResponsibilities, members);
  return {
    teamNeeded: isTeamNeeded(inputs.profile, model.teamNeeded),
    organisationDepartments: distinct(inputs.profile.departments),
    inHouseMembers: members.filter((member) => !member.external),
    liveInitiatives,
    applicableResponsibilities,
    owners,
    outsourcingShare: outsourcingShare(owners, liveInitiatives, model.outsourcing),
  };
}

/** Mid-size and large, hierarchical or spread-out organisations need a team; small informal ones do not. */
export function isTeamNeeded(profile: TenantProfileInput, rule: TeamNeededRule): boolean {
  if (profile.employeeCount >= rule.alwaysFromEmployees) return true;
  if (profile.employeeCount < rule.conditionalFromEmployees) return false;
  return (
    rule.cultures.includes(profile.culture) ||
    distinct(profile.departments).length >= rule.minDepartments ||
    profile.locations >= rule.minLocations
  );
}

/**
 * The first usable assignment of each applicable responsibility wins. An assignment to a member id not
 * found in any team, or to a department without naming one, leaves the responsibility unowned.
 */
function resolveOwners(
  assignments: readonly ResponsibilityAssignmentInput[],
  applicable: readonly Responsibility[],
  members: readonly TeamMemberInput[],
): Map<Responsibility, ResponsibilityOwner> {
  const owners = new Map<Responsibility, ResponsibilityOwner>();
  for (const assignment of assignments) {
    if (!applicable.includes(assignment.responsibility) || owners.has(assignment.responsibility)) continue;
    const owner = resolveOwner(assignment, members);
    if (owner) owners.set(assignment.responsibility, owner);
  }
  return owners;
}

function resolveOwner(
  assignment: ResponsibilityAssignmentInput,
  members: readonly TeamMemberInput[],
): ResponsibilityOwner | null {
  switch (assignment.ownerKind) {
    case 'AGENCY':
      return { kind: 'AGENCY' };
    case 'DEPARTMENT':
      return assignment.department ? { kind: 'DEPARTMENT', department: assignment.department } : null;
    case 'MEMBER': {
      const member = members.find((candidate) => candidate.id === assignment.memberId);
      return member ? { kind: 'MEMBER', member } : null;
    }
  }
}

/** Outsourcing units: owned responsibilities + live initiatives; agency units: AGENCY + FULL + a share of PARTIAL. */
function outsourcingShare(
  owners: ReadonlyMap<Responsibility, ResponsibilityOwner>,
  liveInitiatives: readonly InitiativeInput[],
  rule: OutsourcingRule,
): number | null {
  const units = owners.size + liveInitiatives.length;
  if (units === 0) return null;
  const agencyResponsibilities = [...owners.values()].filter((owner) => owner.kind === 'AGENCY').length;
  const agencyInitiatives = liveInitiatives.reduce(
    (sum, initiative) =>
      sum +
      (initiative.outsourcing === 'FULL'
        ? 1
        : initiative.outsourcing === 'PARTIAL'
          ? rule.partialAgencyUnits
          : 0),
    0,
  );
  return (agencyResponsibilities + agencyInitiatives) / units;
}

/** Sales owns a responsibility when the SALES department or an in-house member from SALES owns it. */
export function salesOwnsAResponsibility(context: ScoringContext): boolean {
  return [...context.owners.values()].some(
    (owner) =>
      (owner.kind === 'DEPARTMENT' && owner.department === 'SALES') ||
      (owner.kind === 'MEMBER' && !owner.member.external && owner.member.department === 'SALES'),
  );
}

export function isFullyOutsourced(context: ScoringContext): boolean {
  return context.outsourcingShare === 1;
}

export function lacksNeededTeam(context: ScoringContext): boolean {
  return context.teamNeeded && context.inHouseMembers.length === 0;
}

function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
