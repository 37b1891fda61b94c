import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AssessmentsService } from '../assessments/assessments.service';
import { Tenant } from '../tenants/tenant.model';
import { Growth } from './growth.model';
import { GrowthService } from './growth.service';

@Resolver(() => Tenant)
export class GrowthResolver {
  constructor(
    private readonly growthService: GrowthService,
    private readonly assessments: AssessmentsService,
  ) {}

  @ResolveField(() => Growth, {
    description:
      'Assessments over time, trends per dimension and the next stage; needs this tenant selected.',
  })
  growth(@Parent() tenant: Tenant): Promise<Growth> {
    this.assessments.assertSelectedTenant(tenant.id);
    return this.growthService.ofSelectedTenant();
  }
}
