import { createHash } from 'node:crypto';
import type { AssessmentAnswers } from '../scoring';

export interface SubmissionBody {
  period: string;
  answers: AssessmentAnswers;
  supersede: boolean;
}

/** The answers' fields in a fixed order, without whatever else the object carries: as hashed and stored. */
export function canonicalAnswers(answers: AssessmentAnswers): AssessmentAnswers {
  return {
    overallSatisfaction: answers.overallSatisfaction,
    managementSupport: answers.managementSupport,
    hasPolicy: answers.hasPolicy,
    policyRoleModel: answers.policyRoleModel,
    hasCrisisPlan: answers.hasCrisisPlan,
    hasMonitoring: answers.hasMonitoring,
    reportingCadence: answers.reportingCadence,
    communityApplicable: answers.communityApplicable,
  };
}

/**
 * SHA-256 (hex) of the canonical submission body (period, answers, supersede), independent of the order or
 * extra properties of the request. Two submissions with one key are replays exactly when their hashes are equal.
 */
export function requestHash(body: SubmissionBody): string {
  const canonical = {
    period: body.period,
    supersede: body.supersede,
    answers: canonicalAnswers(body.answers),
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
