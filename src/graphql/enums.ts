import { registerEnumType } from '@nestjs/graphql';
import * as domain from '../scoring/domain';
import { ROLES, type Role } from '../tenancy/roles';

/** GraphQL enums built from the domain's own arrays, so the schema and the scoring engine cannot drift. */
function enumObject<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

function register<T extends string>(
  name: string,
  values: readonly T[],
  description: string,
  valueDescriptions: Partial<Record<T, string>> = {},
): { [K in T]: K } {
  const object = enumObject(values);
  registerEnumType(object, {
    name,
    description,
    valuesMap: Object.fromEntries(
      Object.entries(valueDescriptions).map(([k, v]) => [k, { description: v as string }]),
    ) as never,
  });
  return object;
}

export const RoleEnum = register<Role>('Role', ROLES, 'A member\'s role in a tenant.', {
  OWNER: 'Created the tenant; manages members and everything else.',
  ADMIN: 'Manages members and the organisation\'s facts.',
  CONSULTANT: 'An outside adviser; sees the tenant in their portfolio and may edit its facts.',
  CONTRIBUTOR: 'Records teams, responsibilities, initiatives and assessments.',
  VIEWER: 'Reads only.',
});
export const DepartmentEnum = register('Department', domain.DEPARTMENTS, 'A department of the organisation.', {
  SALES: 'Often left out of social media, a missed chance above all in B2B.',
});
export const CultureEnum = register('Culture', domain.CULTURES, 'How the organisation works: informal and fast, or traditional and hierarchical.');
export const MarketEnum = register('Market', domain.MARKETS, 'Whom the organisation sells to; B2B raises the weight of Sales involvement.');
export const ResponsibilityEnum = register('Responsibility', domain.RESPONSIBILITIES, 'The nine tasks of a social media team.', {
  CHANNEL_MANAGEMENT: 'Claim, optimise, maintain and integrate the social channels.',
  CONTENT_MARKETING: 'Collect, create and share relevant, good content.',
  AUDIENCE_ENGAGEMENT: 'Interact with the target audiences: share, ask, respond.',
  REPUTATION_MANAGEMENT: 'Online reputation management, including monitoring and crisis management.',
  INTERNAL_REPORTING: 'Report internally on progress, successes and failures.',
  POLICY_ROLE_MODEL: 'Live the social media policy and guidelines as an example.',
  TOOLING: 'Evaluate and buy software (intranet, monitoring, automation).',
  KNOWLEDGE_SHARING: 'Share knowledge and experience internally to build awareness and support.',
  COMMUNITY_MANAGEMENT: 'Where it applies: facilitate and run online communities.',
});
export const OwnerKindEnum = register('OwnerKind', domain.OWNER_KINDS, 'Who owns a responsibility.', {
  MEMBER: 'A team member.',
  DEPARTMENT: 'An in-house department (organisations without a formal team).',
  AGENCY: 'An outside agency.',
});
export const OutsourcingEnum = register('Outsourcing', domain.OUTSOURCING_LEVELS, 'How much of an initiative an agency runs.');
export const KpiKindEnum = register('KpiKind', domain.KPI_KINDS, 'What a KPI measures.', {
  VANITY: 'Followers, likes: easy to count, meaningless for results.',
  ENGAGEMENT: 'Interaction: shares, replies, traffic.',
  BUSINESS: 'Leads, sales, customer satisfaction, reputation.',
});
export const InitiativeStatusEnum = register('InitiativeStatus', domain.INITIATIVE_STATUSES, 'Where an initiative stands; STOPPED ones no longer count as live.');
export const FailureFactorEnum = register('FailureFactor', domain.FAILURE_FACTORS, 'A reason a social media project failed or struggles.');
export const ReportingCadenceEnum = register('ReportingCadence', domain.REPORTING_CADENCES, 'How often results are reported internally.');
export const DimensionEnum = register('Dimension', domain.DIMENSIONS, 'A scored dimension of social business maturity.');
export const StageEnum = register('Stage', domain.STAGES, 'Stages of growth toward a Social Business (Altimeter); CONVERGED is the Social Business.');
export const SeverityEnum = register('Severity', domain.SEVERITIES, 'How urgent a finding is.');
