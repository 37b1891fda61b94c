import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Tenant } from '../tenants';
import { AssessmentReader } from './assessment-reader';
import { Assessment } from './assessment.model';
import { requireSelectedTenant } from '../tenancy';

@Resolver(() => Tenant)
export class TenantAssessmentsResolver {
  constructor(
    private readonly reader: AssessmentReader,
  ) {}

  @ResolveField(() => Assessment, {
    nullable: true,
    description:
      'The current assessment latest in period order (not the last submitted); readable only with this tenant ' +
      'selected (x-tenant-id).',
  })
  latestAssessment(@Parent() tenant: Tenant): Promise<Assessment | null> {
    requireSelectedTenant(tenant, 'latestAssessment');
    return this.reader.latest();
  }
}
