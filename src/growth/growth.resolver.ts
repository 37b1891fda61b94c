import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { assertSelectedTenant } from '../tenancy/selected-tenant';
import { TenantTransaction } from '../tenancy/tenant-transaction';
import { Tenant } from '../tenants/tenant.model';
import { Growth } from './growth.model';
import { GrowthService } from './growth.service';

@Resolver(() => Tenant)
export class GrowthResolver {
  constructor(
    private readonly growthService: GrowthService,
    private readonly tx: TenantTransaction,
  ) {}

  @ResolveField(() => Growth, {
    description:
      'Assessments over time, trends per dimension and the next stage; needs this tenant selected.',
  })
  growth(@Parent() tenant: Tenant): Promise<Growth> {
    assertSelectedTenant(this.tx, tenant, 'growth');
    return this.growthService.ofSelectedTenant();
  }
}
