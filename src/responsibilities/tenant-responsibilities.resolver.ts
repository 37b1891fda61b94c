import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ResponsibilityEnum } from '../graphql/enums';
import type { Responsibility } from '../scoring/domain';
import { Access } from '../tenancy/access.decorator';
import { ALL_ROLES } from '../tenancy/roles';
import { TenantTransaction } from '../tenancy/tenant-transaction';
import { assertSelectedTenant } from '../tenancy/selected-tenant';
import { Tenant } from '../tenants/tenant.model';
import { ResponsibilitiesService } from './responsibilities.service';
import { ResponsibilityAssignment } from './responsibility-assignment.model';

@Resolver(() => Tenant)
export class TenantResponsibilitiesResolver {
  constructor(
    private readonly service: ResponsibilitiesService,
    private readonly tx: TenantTransaction,
  ) {}

  @ResolveField(() => [ResponsibilityAssignment], {
    description:
      'Who owns each responsibility that has an owner, in the order of the nine responsibilities. Only for the tenant selected by x-tenant-id.',
  })
  @Access.tenant(ALL_ROLES)
  responsibilities(@Parent() tenant: Tenant): Promise<ResponsibilityAssignment[]> {
    assertSelectedTenant(this.tx, tenant, 'responsibilities');
    return this.service.assigned();
  }

  @ResolveField(() => [ResponsibilityEnum], {
    description:
      'The responsibilities nobody owns (no member, department or agency), in contract order. Only for the tenant selected by x-tenant-id.',
  })
  @Access.tenant(ALL_ROLES)
  unownedResponsibilities(@Parent() tenant: Tenant): Promise<Responsibility[]> {
    assertSelectedTenant(this.tx, tenant, 'unownedResponsibilities');
    return this.service.unowned();
  }
}
