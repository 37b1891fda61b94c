import { Controller, Get, Header, Param, Res, StreamableFile, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { NotFoundError } from '../common/errors';
import { ALL_ROLES } from '../common/roles';
import { HttpErrorFilter } from '../exports';
import { Access } from '../tenancy';
import { renderHtml, renderPdf } from './renderers';
import type { ReportDocument } from './report-document';
import { ReportsService } from './reports.service';

/** A self-contained page: its own inline CSS and SVG, nothing loaded, no script. */
const HTML_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * The executive report of an assessment and the consultant's portfolio report, as PDF and printable HTML, in the
 * request's language (Accept-Language), with the exports' authentication, access rules and error bodies.
 */
@Controller('reports')
@UseFilters(HttpErrorFilter)
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('assessments/:id.pdf')
  @Access.tenant(ALL_ROLES)
  @Header('cache-control', 'no-store')
  @Header('x-content-type-options', 'nosniff')
  async assessmentPdf(@Param('id') id: string): Promise<StreamableFile> {
    return pdf(await this.assessment(id));
  }

  @Get('assessments/:id.html')
  @Access.tenant(ALL_ROLES)
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  @Header('x-content-type-options', 'nosniff')
  @Header('content-security-policy', HTML_POLICY)
  async assessmentHtml(@Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const report = await this.assessment(id);
    res.setHeader('content-disposition', disposition('inline', report.filename.replace(/\.pdf$/, '.html')));
    return renderHtml(report);
  }

  /** The caller's CONSULTANT clients only, as the portfolio query reads them. */
  @Get('portfolio.pdf')
  @Access.user()
  @Header('cache-control', 'no-store')
  @Header('x-content-type-options', 'nosniff')
  async portfolioPdf(): Promise<StreamableFile> {
    return pdf(await this.reports.portfolioReport());
  }

  private async assessment(id: string): Promise<ReportDocument> {
    const report = await this.reports.assessmentReport(id);
    if (!report) throw new NotFoundError('Assessment');
    return report;
  }
}

/** The PDF as bytes (a Buffer returned as such would be sent as JSON). */
async function pdf(report: ReportDocument): Promise<StreamableFile> {
  const bytes = await renderPdf(report);
  return new StreamableFile(bytes, {
    type: 'application/pdf',
    length: bytes.length,
    disposition: disposition('attachment', report.filename),
  });
}

function disposition(kind: 'attachment' | 'inline', filename: string): string {
  return `${kind}; filename="${filename}"`;
}
