import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments';
import { PortfolioModule } from '../portfolio';
import { ExportsController } from './exports.controller';

@Module({
  imports: [PortfolioModule, AssessmentsModule],
  controllers: [ExportsController],
})
export class ExportsModule {}
