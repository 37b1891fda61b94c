import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ResponsibilityEnum } from '../graphql';
import type { Responsibility } from '../scoring';
import { requireSelectedTenant } from '../tenancy';
import { Tenant } from '../tenants';
import { ResponsibilitiesService } from './responsibilities.service';
import { ResponsibilityAssignment } from './responsibility-assignment.model';

@Resolver(() => Tenant)
export class TenantResponsibilitiesResolver {
  constructor(
    private readonly service: ResponsibilitiesService,
  ) {}

  @ResolveField(() => [ResponsibilityAssignment], {
    description:
      'Who owns each responsibility that has an owner, in the order of the nine responsibilities. Only for the tenant selected by x-tenant-id.',
  })
  responsibilities(@Parent() tenant: Tenant): Promise<ResponsibilityAssignment[]> {
    requireSelectedTenant(tenant, 'responsibilities');
    return this.service.assigned();
  }

  @ResolveField(() => [ResponsibilityEnum], {
    description:
      'The responsibilities nobody owns (no member, department or agency), in contract order. Only for the tenant selected by x-tenant-id.',
  })
  unownedResponsibilities(@Parent() tenant: Tenant): Promise<Responsibility[]> {
    requireSelectedTenant(tenant, 'unownedResponsibilities');
    return this.service.unowned();
  }
}
