import { registerEnumType } from '@nestjs/graphql';
import * as domain from '../scoring';
import { ANSWER_ITEMS } from '../scoring';
import { ROLES, type Role } from '../common/roles';

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
  MARKETING: 'Marketing (advertising included): leads social media in about half of the cases, but does not own it.',
  SALES: 'Often left out of social media, a missed chance above all in B2B.',
  PR: 'Public relations: involved in 69% of the surveyed social media teams.',
  CORPORATE_COMMUNICATIONS: 'Corporate communications: involved in 49% of the surveyed teams.',
  CUSTOMER_SERVICE: 'Customer service: answers customers on social channels (19% of the surveyed teams).',
  HR: 'Human resources: employer branding, the policy, sharing knowledge internally.',
  IT: 'IT: tooling and integration (17% of the surveyed teams).',
  LEGAL: 'Legal: the policy and its risks (14% of the surveyed teams).',
  PRODUCT: 'Product development and management.',
  MANAGEMENT: 'The board and senior management.',
  OTHER: 'Any other department.',
});
export const CultureEnum = register('Culture', domain.CULTURES, 'How the organisation works: informal and fast, or traditional and hierarchical.', {
  INFORMAL: 'Informal, short lines, fast reactions: a small informal organisation usually needs no team.',
  MIXED: 'Partly informal, partly hierarchical.',
  HIERARCHICAL: 'Traditional and hierarchical, with distance between staff: from 50 employees it needs a team.',
});
export const MarketEnum = register('Market', domain.MARKETS, 'Whom the organisation sells to; B2B raises the weight of Sales involvement.', {
  B2B: 'Sells to businesses: Sales involvement weighs double.',
  B2C: 'Sells to consumers.',
  MIXED: 'Sells to businesses and consumers: Sales involvement weighs one and a half times.',
});
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
export const OutsourcingEnum = register('Outsourcing', domain.OUTSOURCING_LEVELS, 'How much of an initiative an agency runs.', {
  NONE: 'Run in-house.',
  PARTIAL: 'Partly run by an agency: counts as half an agency unit.',
  FULL: 'Run entirely by an agency; fully outsourcing social media hardly happens, and rightly so.',
});
export const KpiKindEnum = register('KpiKind', domain.KPI_KINDS, 'What a KPI measures.', {
  VANITY: 'Followers, likes: easy to count, meaningless for results.',
  ENGAGEMENT: 'Interaction: shares, replies, traffic.',
  BUSINESS: 'Leads, sales, customer satisfaction, reputation.',
});
export const InitiativeStatusEnum = register('InitiativeStatus', domain.INITIATIVE_STATUSES, 'Where an initiative stands; STOPPED ones no longer count as live.', {
  PLANNED: 'Not started yet; counts as live.',
  ACTIVE: 'Running; counts as live.',
  COMPLETED: 'Finished; still counts as live (its KPIs and satisfaction count).',
  STOPPED: 'Ended early; not live, but its failure factors still count.',
});
export const FailureFactorEnum = register('FailureFactor', domain.FAILURE_FACTORS, 'A reason a social media project failed or struggles.', {
  NO_STRATEGY: 'No clear goal or strategy.',
  NO_BUDGET: 'No budget, or too little.',
  NO_TIME: 'No time for it next to other duties.',
  NO_MANAGEMENT_SUPPORT: 'Senior management did not support it.',
  NO_SKILLS: 'The skills or the experience were missing.',
  NO_MEASUREMENT: 'Its results were not measured.',
  UNCLEAR_OWNERSHIP: 'Nobody clearly owned it: who does what was not settled.',
  OTHER: 'Another reason.',
});
export const ReportingCadenceEnum = register('ReportingCadence', domain.REPORTING_CADENCES, 'How often results are reported internally.', {
  NONE: 'Results are not reported internally.',
  AD_HOC: 'Now and then, without a rhythm.',
  QUARTERLY: 'Every quarter.',
  MONTHLY: 'Every month: with business KPIs, full marks for measurement.',
  WEEKLY: 'Every week: with business KPIs, full marks for measurement.',
});
export const DimensionEnum = register('Dimension', domain.DIMENSIONS, 'A scored dimension of social business maturity.', {
  TEAM_COMPOSITION: 'Skill (insight, experience, affinity) and departmental spread of the in-house team members.',
  SALES_INVOLVEMENT: 'Sales on the team, owning a responsibility or leading an initiative; applies when there is a Sales department.',
  OUTSOURCING: 'How much of the work an agency does: full marks up to half, 20 when everything is outsourced.',
  SATISFACTION: 'Satisfaction with the results, overall and per live initiative.',
  MEASUREMENT: 'What the KPIs of live initiatives measure (vanity, engagement, business) and how often it is reported.',
  RESPONSIBILITY_COVERAGE: 'The share of the applicable responsibilities that have an owner.',
  GOVERNANCE: 'A policy, the team living it as an example, a crisis plan and monitoring: 25 points each.',
});
export const StageEnum = register('Stage', domain.STAGES, 'Stages of growth toward a Social Business (Altimeter); CONVERGED is the Social Business.', {
  PLANNING: 'Overall score below 20: listening and learning, planning the first steps.',
  PRESENCE: '20 to 35: present on social channels, staking a claim.',
  ENGAGEMENT: '35 to 50: in dialogue with the audiences.',
  FORMALIZED: '50 to 65: organised to scale, with roles, a policy and a team.',
  STRATEGIC: '65 to 80: social media serves the business strategy.',
  CONVERGED: '80 and up: a Social Business.',
});
export const SeverityEnum = register('Severity', domain.SEVERITIES, 'How urgent a finding is.', {
  INFO: 'For information; nothing to fix.',
  LOW: 'Worth improving when there is room.',
  MEDIUM: 'Holds growth back; plan to fix it.',
  HIGH: 'Holds results back; fix it soon.',
  CRITICAL: 'Blocks growth toward a Social Business; fix it first.',
});

export const AnswerItemEnum = register('AnswerItem', ANSWER_ITEMS, 'One question of the questionnaire (the fields of AssessmentAnswersInput).', {
  OVERALL_SATISFACTION: 'overallSatisfaction, 1-5.',
  MANAGEMENT_SUPPORT: 'managementSupport, 1-5.',
  HAS_POLICY: 'hasPolicy, yes/no.',
  POLICY_ROLE_MODEL: 'policyRoleModel, 1-5.',
  HAS_CRISIS_PLAN: 'hasCrisisPlan, yes/no.',
  HAS_MONITORING: 'hasMonitoring, yes/no.',
  REPORTING_CADENCE: 'reportingCadence, NONE to WEEKLY.',
  COMMUNITY_APPLICABLE: 'communityApplicable, yes/no.',
});
