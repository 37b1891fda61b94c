/** The public API of assessments/: what other modules may import (ARCHITECTURE.md). */
export * from './assessment-reader';
export * from './assessment.model';
export * from './assessments.module';
export type { AssessmentReportRecord, ClientAssessmentsProjection } from './assessments.repository';
// The roadmap reads the latest assessment's stored inputs in the same statement as its target and stored roadmaps
// (one round trip): it maps that row with the assessments' own mapper rather than a copy of it.
export type { AssessmentRecord } from './assessments.repository';
export { findingsOf, toAssessment } from './assessment.mapper';
// Campaigns store the period's assessment from the aggregated answers through the assessments service (scoring and
// the insert stay here), and take answers and periods by the same rules as a submission.
export { AssessmentsService, assertAssessablePeriod } from './assessments.service';
export { AssessmentAnswersInput } from './dto/assessment-answers.input';
export { PERIOD_PATTERN } from './period';
export { canonicalAnswers } from './request-hash';
// Period order and the exact submission key, for modules that read an assessment in the same statement as their own rows.
export { LATEST_FIRST, SUBMITTED_KEY } from './assessment-sql';
