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
  ReportingCadence,
  Responsibility,
  Severity,
  Stage,
} from './domain';

export interface TenantProfileInput {
  employeeCount: number;
  departments: Department[];
  culture: Culture;
  market: Market;
  locations: number;
}

export interface TeamMemberInput {
  id: string;
  name: string;
  department: Department;
  /** An agency person rather than staff. */
  external: boolean;
  /** 1-5 each. */
  insight: number;
  experience: number;
  affinity: number;
}

export interface TeamInput {
  id: string;
  name: string;
  members: TeamMemberInput[];
}

/** Only assigned responsibilities are listed; a missing responsibility is owned by nobody. */
export interface ResponsibilityAssignmentInput {
  responsibility: Responsibility;
  ownerKind: OwnerKind;
  memberId?: string | null;
  department?: Department | null;
}

export interface KpiInput {
  name: string;
  kind: KpiKind;
}

export interface InitiativeInput {
  id: string;
  name: string;
  status: InitiativeStatus;
  ownerDepartment: Department;
  outsourcing: Outsourcing;
  kpis: KpiInput[];
  /** 1-5, or null when not rated. */
  satisfaction: number | null;
  failureFactors: FailureFactor[];
}

export interface AssessmentAnswers {
  /** 1-5. */
  overallSatisfaction: number;
  /** 1-5. */
  managementSupport: number;
  hasPolicy: boolean;
  /** 1-5: how well the team lives the policy as an example. */
  policyRoleModel: number;
  hasCrisisPlan: boolean;
  hasMonitoring: boolean;
  reportingCadence: ReportingCadence;
  communityApplicable: boolean;
}

export interface ScoringInputs {
  profile: TenantProfileInput;
  teams: TeamInput[];
  responsibilities: ResponsibilityAssignmentInput[];
  initiatives: InitiativeInput[];
  answers: AssessmentAnswers;
}

export interface DimensionResult {
  dimension: Dimension;
  /** Unrounded 0-100, null when not applicable. */
  score: number | null;
  applicable: boolean;
  /** Share of the overall score: applicable weights sum to 1; 0 when not applicable. */
  weight: number;
  /** The model's weight after the market multiplier. */
  rawWeight: number;
}

export interface FindingResult {
  code: string;
  severity: Severity;
  dimension: Dimension | null;
  responsibility: Responsibility | null;
  failureFactor: FailureFactor | null;
  /**
   * The numbers its texts need, when they need any (RECURRING_FAILURE_FACTOR: count; LOW_RESPONSE_RATE: responses,
   * invited). The engine writes no texts: message and recommendation are made from the code, the codes above and
   * these numbers, in the reader's language (src/i18n, keys finding.<code>.message|recommendation).
   */
  values?: Readonly<Record<string, number>>;
}

/** The context the score was computed in, kept so a result can be explained. */
export interface ScoringFacts {
  teamNeeded: boolean;
  inHouseMemberCount: number;
  /** s = agency units / outsourcing units; null without outsourcing units. */
  outsourcingShare: number | null;
  applicableResponsibilities: Responsibility[];
}

export interface ScoringResult {
  modelVersion: string;
  /** Unrounded 0-100. */
  overallScore: number;
  /** The stage of the overall score before caps. */
  bandStage: Stage;
  /** The stage after caps. */
  stage: Stage;
  appliedCaps: string[];
  /** All dimensions, in contract order. */
  dimensions: DimensionResult[];
  findings: FindingResult[];
  facts: ScoringFacts;
}
