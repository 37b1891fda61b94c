import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments';
import { GrowthPointsResolver, GrowthResolver } from './growth.resolver';
import { GrowthService } from './growth.service';

@Module({
  imports: [AssessmentsModule],
  providers: [GrowthService, GrowthResolver, GrowthPointsResolver],
})
export class GrowthModule {}
