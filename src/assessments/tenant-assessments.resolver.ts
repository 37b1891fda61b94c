import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Tenant } from '../tenants/tenant.model';
import { AssessmentLoaders } from './assessment.loaders';
import { Assessment } from './assessment.model';
import { assertSelectedTenant } from '../tenancy/selected-tenant';
import { TenantTransaction } from '../tenancy/tenant-transaction';

@Resolver(() => Tenant)
export class TenantAssessmentsResolver {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly loaders: AssessmentLoaders,
  ) {}

  @ResolveField(() => Assessment, {
    nullable: true,
    description:
      'The current assessment latest in period order (not the last submitted); readable only with this tenant ' +
      'selected (x-tenant-id).',
  })
  latestAssessment(@Parent() tenant: Tenant): Promise<Assessment | null> {
    assertSelectedTenant(this.tx, tenant, 'latestAssessment');
    return this.loaders.latest();
  }
}
