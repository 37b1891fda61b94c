/** The public API of assessments/: what other modules may import (ARCHITECTURE.md). */
export * from './assessment-reader';
export * from './assessment.model';
export * from './assessments.module';
export type { AssessmentReportRecord, ClientAssessmentsProjection } from './assessments.repository';
// The roadmap reads the latest assessment's stored inputs in the same statement as its target and stored roadmaps
// (one round trip): it maps that row with the assessments' own mapper rather than a copy of it.
export type { AssessmentRecord } from './assessments.repository';
export { toAssessment } from './assessment.mapper';
