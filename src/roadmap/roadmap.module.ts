import { Module } from '@nestjs/common';
import { TenantRoadmapResolver } from './roadmap.resolver';
import { RoadmapRepository } from './roadmap.repository';
import { RoadmapService } from './roadmap.service';

/** Tenant.roadmap: computed by the pure engine, stored per assessment, model version and target. */
@Module({
  providers: [RoadmapRepository, RoadmapService, TenantRoadmapResolver],
  exports: [RoadmapService],
})
export class RoadmapModule {}
