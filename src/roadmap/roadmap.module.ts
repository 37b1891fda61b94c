import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments';
import { TenantRoadmapResolver } from './roadmap.resolver';
import { RoadmapRepository } from './roadmap.repository';
import { RoadmapService } from './roadmap.service';

/** Tenant.roadmap: computed by the pure engine, stored per assessment, model version and target. */
@Module({
  imports: [AssessmentsModule],
  providers: [RoadmapRepository, RoadmapService, TenantRoadmapResolver],
  exports: [RoadmapService],
})
export class RoadmapModule {}
