/**
 * The vocabulary and rules of campaigns (domain.md "Campaigns: many respondents, one assessment"), spelled as the
 * GraphQL contract spells it. Array order is contract order and is meaningful.
 */
import type { Dimension, Severity } from './domain';
import type { AssessmentAnswers } from './types';

/** The questionnaire's items, in the contract's order of `AnswerItem`. */
export const ANSWER_ITEMS = [
  'OVERALL_SATISFACTION',
  'MANAGEMENT_SUPPORT',
  'HAS_POLICY',
  'POLICY_ROLE_MODEL',
  'HAS_CRISIS_PLAN',
  'HAS_MONITORING',
  'REPORTING_CADENCE',
  'COMMUNITY_APPLICABLE',
] as const;
export type AnswerItem = (typeof ANSWER_ITEMS)[number];

/** How an item is answered: a rating 1-5, yes/no, or a reporting cadence. */
export type AnswerKind = 'RATING' | 'YES_NO' | 'CADENCE';

export interface AnswerItemDefinition {
  /** The field of AssessmentAnswers the item is answered in. */
  readonly field: keyof AssessmentAnswers;
  readonly kind: AnswerKind;
  /** The dimension a RESPONDENTS_DISAGREE finding on this item belongs to. */
  readonly dimension: Dimension | null;
}

export const ANSWER_ITEM_DEFINITIONS: Readonly<Record<AnswerItem, AnswerItemDefinition>> = {
  OVERALL_SATISFACTION: { field: 'overallSatisfaction', kind: 'RATING', dimension: 'SATISFACTION' },
  MANAGEMENT_SUPPORT: { field: 'managementSupport', kind: 'RATING', dimension: null },
  HAS_POLICY: { field: 'hasPolicy', kind: 'YES_NO', dimension: 'GOVERNANCE' },
  POLICY_ROLE_MODEL: { field: 'policyRoleModel', kind: 'RATING', dimension: 'GOVERNANCE' },
  HAS_CRISIS_PLAN: { field: 'hasCrisisPlan', kind: 'YES_NO', dimension: 'GOVERNANCE' },
  HAS_MONITORING: { field: 'hasMonitoring', kind: 'YES_NO', dimension: 'GOVERNANCE' },
  REPORTING_CADENCE: { field: 'reportingCadence', kind: 'CADENCE', dimension: 'MEASUREMENT' },
  COMMUNITY_APPLICABLE: {
    field: 'communityApplicable',
    kind: 'YES_NO',
    dimension: 'RESPONSIBILITY_COVERAGE',
  },
};

/** Every campaign finding, in rule order (findings of equal severity are reported in this order). */
export const CAMPAIGN_FINDING_CODES = [
  'RESPONDENTS_DISAGREE',
  'SALES_NOT_HEARD',
  'SINGLE_DEPARTMENT_VIEW',
  'LOW_RESPONSE_RATE',
] as const;
export type CampaignFindingCode = (typeof CAMPAIGN_FINDING_CODES)[number];

/** The numbers of the campaign rules; data, like the scoring model. */
export interface CampaignRules {
  /** Ratings run from ratingMin to ratingMax (disagreement = (max - min) / (ratingMax - ratingMin)). */
  readonly ratingMin: number;
  readonly ratingMax: number;
  /** An item is contested with at least this many responses ... */
  readonly contestedMinResponses: number;
  /** ... and a disagreement of at least this. */
  readonly contestedFrom: number;
  /** Smallest group a department breakdown may show. */
  readonly minGroup: number;
  /** LOW_RESPONSE_RATE below this share of the invited respondents. */
  readonly lowResponseRateBelow: number;
  /** SINGLE_DEPARTMENT_VIEW only in organisations with at least this many departments. */
  readonly singleDepartmentMinDepartments: number;
  readonly severities: Readonly<Record<CampaignFindingCode, Severity>>;
}

export const CAMPAIGN_RULES: CampaignRules = {
  ratingMin: 1,
  ratingMax: 5,
  contestedMinResponses: 2,
  contestedFrom: 0.5,
  minGroup: 3,
  lowResponseRateBelow: 0.5,
  singleDepartmentMinDepartments: 3,
  severities: {
    RESPONDENTS_DISAGREE: 'MEDIUM',
    SALES_NOT_HEARD: 'LOW',
    SINGLE_DEPARTMENT_VIEW: 'LOW',
    LOW_RESPONSE_RATE: 'LOW',
  },
};
