import type { ReportDocument } from './report-document';

/**
 * The two renderers, loaded on the first report rather than at start-up: pdfkit with fontkit, svg-to-pdfkit,
 * ECharts and eta are tens of megabytes of heap that a service answering GraphQL all day never needs
 * (docs/performance.md: start-up RSS with and without them).
 */
export async function renderPdf(report: ReportDocument): Promise<Buffer> {
  const { renderPdf: render } = await import('./pdf-renderer');
  return render(report);
}

export async function renderHtml(report: ReportDocument): Promise<string> {
  const { renderHtml: render } = await import('./html-renderer');
  return render(report);
}
