/**
 * The domain vocabulary of the scoring engine, spelled exactly as the GraphQL contract spells it.
 * Array order is contract order and is meaningful: stages and severities ascend, dimensions and
 * responsibilities are listed the way results are reported.
 */

export const DEPARTMENTS = [
  'MARKETING',
  'SALES',
  'PR',
  'CORPORATE_COMMUNICATIONS',
  'CUSTOMER_SERVICE',
  'HR',
  'IT',
  'LEGAL',
  'PRODUCT',
  'MANAGEMENT',
  'OTHER',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const CULTURES = ['INFORMAL', 'MIXED', 'HIERARCHICAL'] as const;
export type Culture = (typeof CULTURES)[number];

export const MARKETS = ['B2B', 'B2C', 'MIXED'] as const;
export type Market = (typeof MARKETS)[number];

export const RESPONSIBILITIES = [
  'CHANNEL_MANAGEMENT',
  'CONTENT_MARKETING',
  'AUDIENCE_ENGAGEMENT',
  'REPUTATION_MANAGEMENT',
  'INTERNAL_REPORTING',
  'POLICY_ROLE_MODEL',
  'TOOLING',
  'KNOWLEDGE_SHARING',
  'COMMUNITY_MANAGEMENT',
] as const;
export type Responsibility = (typeof RESPONSIBILITIES)[number];

export const OWNER_KINDS = ['MEMBER', 'DEPARTMENT', 'AGENCY'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

export const OUTSOURCING_LEVELS = ['NONE', 'PARTIAL', 'FULL'] as const;
export type Outsourcing = (typeof OUTSOURCING_LEVELS)[number];

export const KPI_KINDS = ['VANITY', 'ENGAGEMENT', 'BUSINESS'] as const;
export type KpiKind = (typeof KPI_KINDS)[number];

export const INITIATIVE_STATUSES = ['PLANNED', 'ACTIVE', 'COMPLETED', 'STOPPED'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

export const FAILURE_FACTORS = [
  'NO_STRATEGY',
  'NO_BUDGET',
  'NO_TIME',
  'NO_MANAGEMENT_SUPPORT',
  'NO_SKILLS',
  'NO_MEASUREMENT',
  'UNCLEAR_OWNERSHIP',
  'OTHER',
] as const;
export type FailureFactor = (typeof FAILURE_FACTORS)[number];

export const REPORTING_CADENCES = ['NONE', 'AD_HOC', 'QUARTERLY', 'MONTHLY', 'WEEKLY'] as const;
export type ReportingCadence = (typeof REPORTING_CADENCES)[number];

export const DIMENSIONS = [
  'TEAM_COMPOSITION',
  'SALES_INVOLVEMENT',
  'OUTSOURCING',
  'SATISFACTION',
  'MEASUREMENT',
  'RESPONSIBILITY_COVERAGE',
  'GOVERNANCE',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Altimeter's stages of growth toward a Social Business, lowest first. */
export const STAGES = ['PLANNING', 'PRESENCE', 'ENGAGEMENT', 'FORMALIZED', 'STRATEGIC', 'CONVERGED'] as const;
export type Stage = (typeof STAGES)[number];

/** Lowest first. */
export const SEVERITIES = ['INFO', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Caps on the stage, in the fixed order they are reported in `appliedCaps`. */
export const CAP_CODES = ['WEAKEST_LINK', 'FULLY_OUTSOURCED', 'NO_TEAM_WHERE_NEEDED'] as const;
export type CapCode = (typeof CAP_CODES)[number];

/** Every finding the model can raise. */
export const FINDING_CODES = [
  'NO_TEAM_WHERE_NEEDED',
  'TEAM_OPTIONAL',
  'MARKETING_ONLY_TEAM',
  'SALES_NOT_INVOLVED',
  'FULLY_OUTSOURCED',
  'REPUTATION_OUTSOURCED',
  'NO_KPIS',
  'VANITY_METRICS_ONLY',
  'LOW_SATISFACTION',
  'UNCOVERED_RESPONSIBILITY',
  'NO_POLICY',
  'NO_CRISIS_PLAN',
  'NO_MONITORING',
  'WEAK_MANAGEMENT_SUPPORT',
  'RECURRING_FAILURE_FACTOR',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];
