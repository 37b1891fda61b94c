/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The questionnaire of an assessment; ratings run from 1 to 5. */
export type AssessmentAnswersInput = {
  /** Online communities apply to this organisation (makes COMMUNITY_MANAGEMENT applicable). */
  communityApplicable: boolean;
  /** A crisis plan for social media exists. */
  hasCrisisPlan: boolean;
  /** Social media and the online reputation are monitored. */
  hasMonitoring: boolean;
  /** A social media policy and guidelines exist. */
  hasPolicy: boolean;
  /** Senior management's support, 1-5. */
  managementSupport: number;
  /** Satisfaction with the results of social media, 1-5. */
  overallSatisfaction: number;
  /** How well the team lives the policy as an example, 1-5. */
  policyRoleModel: number;
  /** How often results are reported internally. */
  reportingCadence: ReportingCadence;
};

/** How often results are reported internally. */
export type ReportingCadence =
  /** Now and then, without a rhythm. */
  | 'AD_HOC'
  /** Every month: with business KPIs, full marks for measurement. */
  | 'MONTHLY'
  /** Results are not reported internally. */
  | 'NONE'
  /** Every quarter. */
  | 'QUARTERLY'
  /** Every week: with business KPIs, full marks for measurement. */
  | 'WEEKLY';

/** How urgent a finding is. */
export type Severity =
  /** Blocks growth toward a Social Business; fix it first. */
  | 'CRITICAL'
  /** Holds results back; fix it soon. */
  | 'HIGH'
  /** For information; nothing to fix. */
  | 'INFO'
  /** Worth improving when there is room. */
  | 'LOW'
  /** Holds growth back; plan to fix it. */
  | 'MEDIUM';

/** Stages of growth toward a Social Business (Altimeter); CONVERGED is the Social Business. */
export type Stage =
  /** 80 and up: a Social Business. */
  | 'CONVERGED'
  /** 35 to 50: in dialogue with the audiences. */
  | 'ENGAGEMENT'
  /** 50 to 65: organised to scale, with roles, a policy and a team. */
  | 'FORMALIZED'
  /** Overall score below 20: listening and learning, planning the first steps. */
  | 'PLANNING'
  /** 20 to 35: present on social channels, staking a claim. */
  | 'PRESENCE'
  /** 65 to 80: social media serves the business strategy. */
  | 'STRATEGIC';

/** A periodic assessment: the period, the questionnaire answers and an idempotency key. */
export type SubmitAssessmentInput = {
  /** The questionnaire answers. */
  answers: AssessmentAnswersInput;
  /** Chosen by the client: any 1 to 255 characters without control characters. A replay with the same key and body returns the first result; the same key with another body is IDEMPOTENCY_KEY_REUSED. */
  idempotencyKey: string;
  /** YYYY-Qn, YYYY-Hn, YYYY-MM or YYYY, e.g. "2026-Q4". */
  period: string;
  /** Replace the current assessment of this period; the old one stays in history as superseded. */
  supersede?: boolean | null | undefined;
};

export type SubmitReassessmentMutationVariables = Exact<{
  input: SubmitAssessmentInput;
}>;


export type SubmitReassessmentMutation = { submitAssessment: { id: string, period: string, overallScore: number, stage: Stage, appliedCaps: Array<string>, delta: number | null, previous: { period: string } | null, findings: Array<{ severity: Severity, code: string, message: string, recommendation: string }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const SubmitReassessmentDocument = new TypedDocumentString(`
    mutation SubmitReassessment($input: SubmitAssessmentInput!) {
  submitAssessment(input: $input) {
    id
    period
    overallScore
    stage
    appliedCaps
    delta
    previous {
      period
    }
    findings {
      severity
      code
      message
      recommendation
    }
  }
}
    `) as unknown as TypedDocumentString<SubmitReassessmentMutation, SubmitReassessmentMutationVariables>;