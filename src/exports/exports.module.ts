import { Module } from '@nestjs/common';
import { PortfolioModule } from '../portfolio/portfolio.module';
import { AssessmentReportRepository } from './assessment-report.repository';
import { ExportsController } from './exports.controller';

@Module({
  imports: [PortfolioModule],
  controllers: [ExportsController],
  providers: [AssessmentReportRepository],
})
export class ExportsModule {}
