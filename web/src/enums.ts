import type {
  Culture,
  Department,
  Dimension,
  FailureFactor,
  InitiativeStatus,
  KpiKind,
  Market,
  Outsourcing,
  OwnerKind,
  PortfolioSort,
  ReportingCadence,
  Responsibility,
  Role,
  Severity,
  Stage,
} from './gql/graphql';

/** The schema's enum values in the order the workspace shows them (labels: enum.<Type>.<VALUE> in en.json and nl.json). */
export const DEPARTMENTS: Department[] = [
  'MARKETING', 'SALES', 'PR', 'CORPORATE_COMMUNICATIONS', 'CUSTOMER_SERVICE', 'IT', 'HR', 'LEGAL', 'MANAGEMENT', 'PRODUCT', 'OTHER',
];
export const CULTURES: Culture[] = ['INFORMAL', 'MIXED', 'HIERARCHICAL'];
export const MARKETS: Market[] = ['B2B', 'B2C', 'MIXED'];
export const RESPONSIBILITIES: Responsibility[] = [
  'CHANNEL_MANAGEMENT', 'CONTENT_MARKETING', 'AUDIENCE_ENGAGEMENT', 'REPUTATION_MANAGEMENT', 'INTERNAL_REPORTING',
  'POLICY_ROLE_MODEL', 'TOOLING', 'KNOWLEDGE_SHARING', 'COMMUNITY_MANAGEMENT',
];
export const OWNER_KINDS: OwnerKind[] = ['MEMBER', 'DEPARTMENT', 'AGENCY'];
export const INITIATIVE_STATUSES: InitiativeStatus[] = ['PLANNED', 'ACTIVE', 'COMPLETED', 'STOPPED'];
export const OUTSOURCINGS: Outsourcing[] = ['NONE', 'PARTIAL', 'FULL'];
export const KPI_KINDS: KpiKind[] = ['VANITY', 'ENGAGEMENT', 'BUSINESS'];
export const FAILURE_FACTORS: FailureFactor[] = [
  'UNCLEAR_OWNERSHIP', 'NO_STRATEGY', 'NO_BUDGET', 'NO_TIME', 'NO_SKILLS', 'NO_MANAGEMENT_SUPPORT', 'NO_MEASUREMENT', 'OTHER',
];
export const REPORTING_CADENCES: ReportingCadence[] = ['NONE', 'AD_HOC', 'QUARTERLY', 'MONTHLY', 'WEEKLY'];
export const ROLES: Role[] = ['OWNER', 'ADMIN', 'CONSULTANT', 'CONTRIBUTOR', 'VIEWER'];
export const SEVERITIES: Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];
export const STAGES: Stage[] = ['PLANNING', 'PRESENCE', 'ENGAGEMENT', 'FORMALIZED', 'STRATEGIC', 'CONVERGED'];
export const DIMENSIONS: Dimension[] = [
  'RESPONSIBILITY_COVERAGE', 'TEAM_COMPOSITION', 'SALES_INVOLVEMENT', 'GOVERNANCE', 'MEASUREMENT', 'SATISFACTION', 'OUTSOURCING',
];
export const PORTFOLIO_SORTS: PortfolioSort[] = ['OVERDUE_FIRST', 'DUE_AT', 'NAME', 'SCORE_ASC', 'SCORE_DESC', 'STAGE'];
/** The lower bound of each stage's band of the overall score (docs/methodology.md). */
export const STAGE_BANDS: { stage: Stage; from: number; to: number }[] = [
  { stage: 'PLANNING', from: 0, to: 20 },
  { stage: 'PRESENCE', from: 20, to: 35 },
  { stage: 'ENGAGEMENT', from: 35, to: 50 },
  { stage: 'FORMALIZED', from: 50, to: 65 },
  { stage: 'STRATEGIC', from: 65, to: 80 },
  { stage: 'CONVERGED', from: 80, to: 100 },
];
