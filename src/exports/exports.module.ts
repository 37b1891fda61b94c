import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { PortfolioModule } from '../portfolio/portfolio.module';
import { ExportsController } from './exports.controller';

@Module({
  imports: [PortfolioModule, AssessmentsModule],
  controllers: [ExportsController],
})
export class ExportsModule {}
