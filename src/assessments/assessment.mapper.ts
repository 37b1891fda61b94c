import { randomUUID } from 'node:crypto';
import { findingTexts } from '../i18n';
import { requestLanguage } from '../request';
import type { AnswerItem, AssessmentAnswers, FindingResult, ScoringResult } from '../scoring';
import type { Assessment, AssessmentSummary } from './assessment.model';
import type { AssessmentRecord, AssessmentSummaryRecord } from './assessments.repository';
import { quarterOf } from './period';

/** A stored assessment as the API shows it: the stored result, unrounded. */
export function toAssessment(record: AssessmentRecord): Assessment {
  return { ...stored(record), ...explained(record.result), answers: record.answers };
}

type StoredFields = 'id' | 'period' | 'submittedAt' | 'modelVersion' | 'overallScore' | 'stage' | 'supersededAt';

function stored(record: Pick<AssessmentRecord, StoredFields>): Pick<Assessment, StoredFields | 'current' | 'preview'> {
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

/**
 * toAssessment for a record read in part: what it was read without is absent from the summary (its type says so).
 * A projection that missed a field of the selection shows as a GraphQL error on that non-null field.
 */
export function toAssessmentSummary(record: AssessmentSummaryRecord): AssessmentSummary {
  const { result, answers } = record;
  return {
    ...stored(record),
    ...('findings' in result ? explained(result) : { dimensions: dimensionsOf(result) }),
    ...(answers ? { answers } : {}),
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

/**
 * The findings as the API shows them: their texts made here, from the stored codes and numbers, in the request's
 * language (every reader of AssessmentReader gets them so: GraphQL, exports, reports).
 */
export function findingsOf(findings: readonly FindingResult[]): Assessment['findings'] {
  const language = requestLanguage();
  return findings.map((f) => {
    const item = (f as { item?: AnswerItem | null }).item ?? null;
    return {
      code: f.code,
      severity: f.severity,
      dimension: f.dimension,
      responsibility: f.responsibility,
      failureFactor: f.failureFactor,
      item,
      ...findingTexts(language, { ...f, item }),
    };
  });
}

function explained(
  result: ScoringResult,
): Pick<Assessment, 'bandStage' | 'appliedCaps' | 'dimensions' | 'findings' | 'facts'> {
  return {
    bandStage: result.bandStage,
    appliedCaps: result.appliedCaps,
    dimensions: dimensionsOf(result),
    findings: findingsOf(result.findings),
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
