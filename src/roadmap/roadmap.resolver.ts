import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { requireSelectedTenant } from '../tenancy';
import { Tenant } from '../tenants';
import { Roadmap } from './roadmap.model';
import { RoadmapService } from './roadmap.service';

@Resolver(() => Tenant)
export class TenantRoadmapResolver {
  constructor(private readonly roadmaps: RoadmapService) {}

  @ResolveField(() => Roadmap, {
    nullable: true,
    description:
      'The roadmap from the latest current assessment (period order) toward the target stage; null without an ' +
      'assessment. Needs this tenant selected (x-tenant-id).',
  })
  roadmap(@Parent() tenant: Tenant): Promise<Roadmap | null> {
    requireSelectedTenant(tenant, 'roadmap');
    return this.roadmaps.ofSelectedTenant();
  }
}
