import type {
  Culture,
  Dimension,
  FindingCode,
  Market,
  ReportingCadence,
  Severity,
  Stage,
} from './domain';

/**
 * A scoring model is data: every number the engine uses (its texts are in the catalogues, src/i18n, by code). A new version is a new value of this
 * type registered in SCORING_MODELS, never a fork of the engine.
 */
export interface ScoringModel {
  readonly version: string;
  readonly teamNeeded: TeamNeededRule;
  readonly dimensions: Readonly<Record<Dimension, DimensionWeight>>;
  readonly teamComposition: TeamCompositionRule;
  readonly salesInvolvement: SalesInvolvementRule;
  readonly outsourcing: OutsourcingRule;
  readonly satisfaction: SatisfactionRule;
  readonly measurement: MeasurementRule;
  readonly governance: GovernanceRule;
  /** Lowest overall score of each stage; a score equal to a threshold belongs to that stage. */
  readonly stageThresholds: Readonly<Record<Stage, number>>;
  readonly caps: CapRules;
  readonly growth: GrowthRule;
  readonly findingThresholds: FindingThresholds;
  /** Rule order: findings of equal severity are reported in this order. */
  readonly findingOrder: readonly FindingCode[];
  readonly findings: Readonly<Record<FindingCode, FindingDefinition>>;
}

/** teamNeeded = employees >= always, or employees >= conditional and one of the other conditions holds. */
export interface TeamNeededRule {
  readonly alwaysFromEmployees: number;
  readonly conditionalFromEmployees: number;
  readonly cultures: readonly Culture[];
  readonly minDepartments: number;
  readonly minLocations: number;
}

export interface DimensionWeight {
  readonly weight: number;
  /** Multiplies the weight for a market; a market not listed multiplies by 1. */
  readonly marketMultipliers: Readonly<Partial<Record<Market, number>>>;
}

/** Ratings (insight, experience, affinity, satisfaction, ...) run from ratingMin to ratingMax. */
export interface RatingScale {
  readonly ratingMin: number;
  readonly ratingMax: number;
}

export interface TeamCompositionRule extends RatingScale {
  readonly skillShare: number;
  readonly diversityShare: number;
  /** Diversity is full once the team spans this many departments (or all of a smaller organisation's). */
  readonly diversityDepartmentCap: number;
}

export interface SalesInvolvementRule {
  readonly both: number;
  readonly oneOfTwo: number;
  readonly neither: number;
}

export interface OutsourcingRule {
  /** Agency units a live PARTIAL initiative counts for (a FULL one counts 1). */
  readonly partialAgencyUnits: number;
  /** Up to this share of agency units the score stays at 100. */
  readonly freeShare: number;
  /** The score when everything is outsourced. */
  readonly floor: number;
}

export interface SatisfactionRule extends RatingScale {
  /** Weight of the initiatives' mean satisfaction next to the overall answer, where initiatives are rated. */
  readonly initiativeShare: number;
}

export interface MeasurementRule {
  readonly none: number;
  readonly vanityOnly: number;
  readonly engagement: number;
  readonly business: number;
  readonly businessReported: number;
  /** Cadences that count as regular reporting of business KPIs. */
  readonly reportingCadences: readonly ReportingCadence[];
}

export interface GovernanceRule {
  readonly pointsEach: number;
  readonly policyRoleModelMin: number;
}

export interface CapRules {
  /** At most this many stages above the band of the lowest applicable dimension score. */
  readonly weakestLinkStagesAbove: number;
  readonly fullyOutsourcedMaxStage: Stage;
  readonly noTeamWhereNeededMaxStage: Stage;
}

export interface GrowthRule {
  /** Trends are fitted over this many most recent assessments. */
  readonly trendWindow: number;
}

export interface FindingThresholds {
  /** LOW_SATISFACTION below this SATISFACTION score. */
  readonly lowSatisfactionBelow: number;
  /** WEAK_MANAGEMENT_SUPPORT at or below this answer. */
  readonly weakManagementSupportAtMost: number;
  /** RECURRING_FAILURE_FACTOR from this many initiatives naming the factor. */
  readonly recurringFailureFactorMin: number;
  /** MARKETING_ONLY_TEAM only in organisations with at least this many departments. */
  readonly marketingOnlyMinDepartments: number;
}

/** A finding of the model: its severity and dimension; its texts live in the catalogues (src/i18n), keyed by code. */
export interface FindingDefinition {
  readonly severity: Severity;
  /** Overrides the severity in a market (SALES_NOT_INVOLVED weighs more in B2B). */
  readonly severityByMarket?: Readonly<Partial<Record<Market, Severity>>>;
  readonly dimension: Dimension | null;
}
