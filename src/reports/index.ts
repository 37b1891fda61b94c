/** The public API of reports/: what other modules may import (ARCHITECTURE.md). */
export { ReportsModule } from './reports.module';
export { assessmentReport, type AssessmentReportData } from './assessment-report.model';
export { portfolioReport, type PortfolioReportData } from './portfolio-report.model';
export type { ReportDocument } from './report-document';
export { renderPdf, renderHtml } from './renderers';
