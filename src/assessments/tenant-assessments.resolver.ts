import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Tenant } from '../tenants/tenant.model';
import { AssessmentLoaders } from './assessment.loaders';
import { Assessment } from './assessment.model';
import { AssessmentsService } from './assessments.service';

@Resolver(() => Tenant)
export class TenantAssessmentsResolver {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly loaders: AssessmentLoaders,
  ) {}

  @ResolveField(() => Assessment, {
    nullable: true,
    description: 'The newest current assessment; readable only with this tenant selected (x-tenant-id).',
  })
  latestAssessment(@Parent() tenant: Tenant): Promise<Assessment | null> {
    this.assessments.assertSelectedTenant(tenant.id);
    return this.loaders.latest();
  }
}
