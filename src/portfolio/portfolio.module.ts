import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments';
import { PortfolioResolver } from './portfolio.resolver';
import { PortfolioService } from './portfolio.service';

@Module({
  imports: [AssessmentsModule],
  providers: [PortfolioService, PortfolioResolver],
  exports: [PortfolioService],
})
export class PortfolioModule {}
