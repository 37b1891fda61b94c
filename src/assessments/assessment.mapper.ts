import { randomUUID } from 'node:crypto';
import type { AssessmentAnswers, ScoringResult } from '../scoring';
import type { Assessment } from './assessment.model';
import type { AssessmentRecord } from './assessments.repository';
import { quarterOf } from './period';

/** A stored assessment as the API shows it: the stored result, unrounded. */
export function toAssessment(record: AssessmentRecord): Assessment {
  return {
    id: record.id,
    period: record.period,
    submittedAt: record.submittedAt,
    modelVersion: record.modelVersion,
    overallScore: record.overallScore,
    stage: record.stage,
    ...explained(record.result),
    answers: record.answers,
    supersededAt: record.supersededAt,
    current: record.supersededAt === null,
    preview: false,
  };
}

/** A result that is not stored (scorePreview): a fresh id, this quarter, now. */
export function toPreview(result: ScoringResult, answers: AssessmentAnswers, now: Date): Assessment {
  return {
    id: randomUUID(),
    period: quarterOf(now),
    submittedAt: now,
    modelVersion: result.modelVersion,
    overallScore: result.overallScore,
    stage: result.stage,
    ...explained(result),
    answers,
    supersededAt: null,
    current: false,
    preview: true,
  };
}

function explained(
  result: ScoringResult,
): Pick<Assessment, 'bandStage' | 'appliedCaps' | 'dimensions' | 'findings' | 'facts'> {
  return {
    bandStage: result.bandStage,
    appliedCaps: result.appliedCaps,
    dimensions: result.dimensions.map((d) => ({
      dimension: d.dimension,
      score: d.score,
      applicable: d.applicable,
      weight: d.weight,
      rawWeight: d.rawWeight,
    })),
    findings: result.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      dimension: f.dimension,
      responsibility: f.responsibility,
      failureFactor: f.failureFactor,
      message: f.message,
      recommendation: f.recommendation,
    })),
    facts: {
      teamNeeded: result.facts.teamNeeded,
      inHouseMemberCount: result.facts.inHouseMemberCount,
      outsourcingShare: result.facts.outsourcingShare,
      applicableResponsibilities: result.facts.applicableResponsibilities,
    },
  };
}
