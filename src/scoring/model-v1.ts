import { FINDING_CODES } from './domain';
import type { ScoringModel } from './model';
import { FINDINGS_V1 } from './model-v1-findings';

/** The scoring model social-maturity/v1, for users in docs/methodology.md (checked by methodology.spec.ts). */
export const SOCIAL_MATURITY_V1: ScoringModel = {
  version: 'social-maturity/v1',
  teamNeeded: {
    alwaysFromEmployees: 250,
    conditionalFromEmployees: 50,
    cultures: ['HIERARCHICAL'],
    minDepartments: 4,
    minLocations: 2,
  },
  dimensions: {
    TEAM_COMPOSITION: { weight: 20, marketMultipliers: {} },
    SALES_INVOLVEMENT: { weight: 15, marketMultipliers: { B2B: 2, MIXED: 1.5 } },
    OUTSOURCING: { weight: 10, marketMultipliers: {} },
    SATISFACTION: { weight: 15, marketMultipliers: {} },
    MEASUREMENT: { weight: 15, marketMultipliers: {} },
    RESPONSIBILITY_COVERAGE: { weight: 15, marketMultipliers: {} },
    GOVERNANCE: { weight: 10, marketMultipliers: {} },
  },
  teamComposition: {
    ratingMin: 1,
    ratingMax: 5,
    skillShare: 0.6,
    diversityShare: 0.4,
    diversityDepartmentCap: 5,
  },
  salesInvolvement: { both: 100, oneOfTwo: 60, neither: 0 },
  outsourcing: { partialAgencyUnits: 0.5, freeShare: 0.5, floor: 20 },
  satisfaction: { ratingMin: 1, ratingMax: 5, initiativeShare: 0.5 },
  measurement: {
    none: 0,
    vanityOnly: 20,
    engagement: 50,
    business: 80,
    businessReported: 100,
    reportingCadences: ['MONTHLY', 'WEEKLY'],
  },
  governance: { pointsEach: 25, policyRoleModelMin: 4 },
  stageThresholds: {
    PLANNING: 0,
    PRESENCE: 20,
    ENGAGEMENT: 35,
    FORMALIZED: 50,
    STRATEGIC: 65,
    CONVERGED: 80,
  },
  caps: {
    weakestLinkStagesAbove: 2,
    fullyOutsourcedMaxStage: 'PRESENCE',
    noTeamWhereNeededMaxStage: 'ENGAGEMENT',
  },
  growth: { trendWindow: 4 },
  findingThresholds: {
    lowSatisfactionBelow: 50,
    weakManagementSupportAtMost: 2,
    recurringFailureFactorMin: 2,
    marketingOnlyMinDepartments: 3,
  },
  findingOrder: FINDING_CODES,
  findings: FINDINGS_V1,
};
