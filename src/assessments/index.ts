/** The public API of assessments/: what other modules may import (ARCHITECTURE.md). */
export * from './assessment-reader';
export * from './assessment.model';
export * from './assessments.module';
export type { AssessmentReportRecord, ClientAssessmentsProjection } from './assessments.repository';
