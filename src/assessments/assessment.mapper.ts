import { randomUUID } from 'node:crypto';
import type { AnswerItem, AssessmentAnswers, ScoringResult } from '../scoring';
import type { Assessment } from './assessment.model';
import type { AssessmentRecord } from './assessments.repository';
import { quarterOf } from './period';

/** A stored assessment as the API shows it: the stored result, unrounded. */
export function toAssessment(record: AssessmentRecord): Assessment {
  return { ...stored(record), ...explained(record.result), answers: record.answers };
}

function stored(
  record: Omit<AssessmentRecord, 'result' | 'answers'>,
): Pick<Assessment, 'id' | 'period' | 'submittedAt' | 'modelVersion' | 'overallScore' | 'stage' | 'supersededAt' | 'current' | 'preview'> {
  return {
    id: record.id,
    period: record.period,
    submittedAt: record.submittedAt,
    modelVersion: record.modelVersion,
    overallScore: record.overallScore,
    stage: record.stage,
    supersededAt: record.supersededAt,
    current: record.supersededAt === null,
    preview: false,
  };
}

/** A stored assessment read without its stored result in full or without its answers (a projection). */
export interface AssessmentSummaryRecord extends Omit<AssessmentRecord, 'result' | 'answers'> {
  /** In full, or only its dimensions. */
  result: ScoringResult | Pick<ScoringResult, 'dimensions'>;
  answers: AssessmentAnswers | null;
}

/** Assessment fields read from the stored result beyond its dimensions. */
export const EXPLANATION_FIELDS = ['bandStage', 'appliedCaps', 'findings', 'facts'] as const;

/**
 * toAssessment for what a projection read: the parts it left out throw when read. A resolver reaching one means
 * the projection missed a field of the selection, and a loud internal error beats a silently empty list.
 */
export function toAssessmentSummary(record: AssessmentSummaryRecord): Assessment {
  const { result, answers } = record;
  const full = 'findings' in result;
  const assessment = {
    ...stored(record),
    ...(full ? explained(result) : { dimensions: dimensionsOf(result) }),
    ...(answers ? { answers } : {}),
  } as Assessment;
  const missing = [...(full ? [] : EXPLANATION_FIELDS), ...(answers ? [] : (['answers'] as const))];
  for (const field of missing) {
    Object.defineProperty(assessment, field, {
      get() {
        throw new Error(`Assessment.${field} was not read for this request (projection)`);
      },
    });
  }
  return assessment;
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
    dimensions: dimensionsOf(result),
    findings: result.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      dimension: f.dimension,
      responsibility: f.responsibility,
      failureFactor: f.failureFactor,
      item: (f as { item?: AnswerItem | null }).item ?? null,
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

function dimensionsOf(result: Pick<ScoringResult, 'dimensions'>): Assessment['dimensions'] {
  return result.dimensions.map((d) => ({
    dimension: d.dimension,
    score: d.score,
    applicable: d.applicable,
    weight: d.weight,
    rawWeight: d.rawWeight,
  }));
}
