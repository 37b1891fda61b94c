import { Module } from '@nestjs/common';
import { ActionPlanModule } from '../action-plan';
import { AssessmentsModule } from '../assessments';
import { CampaignsModule } from '../campaigns';
import { BenchmarkModule } from '../peer-benchmark';
import { PortfolioModule } from '../portfolio';
import { RoadmapModule } from '../roadmap';
import { TargetsModule } from '../targets';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** The executive report (PDF, HTML) and the portfolio report: a report model, then a renderer per format. */
@Module({
  imports: [
    AssessmentsModule,
    RoadmapModule,
    ActionPlanModule,
    CampaignsModule,
    BenchmarkModule,
    TargetsModule,
    PortfolioModule,
  ],
  controllers: [ReportsController],
  providers: [ReportsService],
})
export class ReportsModule {}
