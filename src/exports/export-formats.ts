import type { PortfolioEntry } from '../portfolio';
import { findingsOf, type AssessmentReportRecord } from '../assessments';
import { toCsv } from './csv';

export const PORTFOLIO_CSV_HEADER = [
  'tenant_id',
  'tenant_name',
  'stage',
  'overall_score',
  'delta',
  'last_assessed_at',
  'due_at',
  'overdue',
  'weakest_dimension',
  'score_drop_alert',
] as const;

/** Scores are kept unrounded and shown rounded to one decimal (domain.md). */
function oneDecimal(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

export function portfolioCsv(entries: readonly PortfolioEntry[]): string {
  return toCsv(
    PORTFOLIO_CSV_HEADER,
    entries.map((e) => [
      e.tenant.id,
      e.tenant.name,
      e.stage,
      oneDecimal(e.overallScore),
      oneDecimal(e.delta),
      e.latestAssessment ? e.latestAssessment.submittedAt.toISOString() : null,
      e.dueAt.toISOString(),
      e.overdue,
      e.weakestDimension,
      e.scoreDropAlert,
    ]),
  );
}

export const ASSESSMENT_REPORT_FORMAT = 'smt-assessment-report/v1';

/**
 * Everything needed to explain (and recompute) a score: the frozen inputs, the result and its findings, the
 * findings with their texts in the request's language (the stored result keeps codes and numbers only).
 */
export function assessmentReport(report: AssessmentReportRecord, exportedAt: Date) {
  const { findings, ...result } = report.result;
  return {
    format: ASSESSMENT_REPORT_FORMAT,
    exportedAt: exportedAt.toISOString(),
    tenant: { id: report.tenant.id, name: report.tenant.name },
    assessment: {
      id: report.id,
      period: report.period,
      submittedAt: report.submittedAt.toISOString(),
      supersededAt: report.supersededAt?.toISOString() ?? null,
      current: report.supersededAt === null,
      modelVersion: report.modelVersion,
      overallScore: report.overallScore,
      stage: report.stage,
    },
    inputs: report.inputs,
    result,
    findings: findingsOf(findings),
  };
}
