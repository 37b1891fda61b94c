import { Controller, Get, Header, Param, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { AssessmentReader } from '../assessments';
import { Clock } from '../common/clock';
import { NotFoundError } from '../common/errors';
import { isUuid } from '../common/ids';
import { PortfolioService } from '../portfolio';
import { Access } from '../tenancy';
import { ALL_ROLES } from '../common/roles';
import { assessmentReport, portfolioCsv } from './export-formats';
import { HttpErrorFilter } from './http-error.filter';

/**
 * Downloads over plain HTTP, with the GraphQL API's authentication and access rules (the global guards) and its
 * request transaction (ended by TenantTransactionInterceptor).
 */
@Controller('exports')
@UseFilters(HttpErrorFilter)
export class ExportsController {
  constructor(
    private readonly portfolios: PortfolioService,
    private readonly assessments: AssessmentReader,
    private readonly clock: Clock,
  ) {}

  /** The caller's portfolio (every CONSULTANT tenant), overdue first. */
  @Get('portfolio.csv')
  @Access.user()
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('cache-control', 'no-store')
  @Header('x-content-type-options', 'nosniff')
  async portfolio(@Res({ passthrough: true }) res: Response): Promise<string> {
    const { sorted: entries } = await this.portfolios.all();
    const day = this.clock.now().toISOString().slice(0, 10);
    res.setHeader('content-disposition', `attachment; filename="portfolio-${day}.csv"`);
    return portfolioCsv(entries);
  }

  /** One assessment of the selected tenant (x-tenant-id): inputs, result and findings. */
  @Get('assessments/:id.json')
  @Access.tenant(ALL_ROLES)
  @Header('content-type', 'application/json; charset=utf-8')
  @Header('cache-control', 'no-store')
  @Header('x-content-type-options', 'nosniff')
  async assessment(@Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const report = isUuid(id) ? await this.assessments.report(id) : null;
    if (!report) throw new NotFoundError('Assessment');
    res.setHeader('content-disposition', `attachment; filename="assessment-${report.id}.json"`);
    return `${JSON.stringify(assessmentReport(report, this.clock.now()), null, 2)}\n`;
  }
}
