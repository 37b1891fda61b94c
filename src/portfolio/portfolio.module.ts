import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { Clock } from './clock';
import { PortfolioRepository } from './portfolio.repository';
import { PortfolioResolver } from './portfolio.resolver';
import { PortfolioService } from './portfolio.service';

@Module({
  imports: [AssessmentsModule],
  providers: [Clock, PortfolioRepository, PortfolioService, PortfolioResolver],
  exports: [PortfolioService, Clock],
})
export class PortfolioModule {}
