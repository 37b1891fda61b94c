import { Args, Info, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Assessment, type AssessmentSummary } from '../assessments';
import { requireSelectedTenant } from '../tenancy';
import { Tenant } from '../tenants';
import { GrowthPointsArgs } from './dto/growth-points.args';
import { Growth } from './growth.model';
import { GrowthService, pointsAsked } from './growth.service';

@Resolver(() => Tenant)
export class GrowthResolver {
  constructor(
    private readonly growthService: GrowthService,
  ) {}

  @ResolveField(() => Growth, {
    description:
      'Assessments in period order, trends per dimension and the next stage; needs this tenant selected.',
  })
  growth(@Parent() tenant: Tenant, @Info() info: GraphQLResolveInfo): Promise<Growth> {
    requireSelectedTenant(tenant, 'growth');
    return this.growthService.ofSelectedTenant(pointsAsked(info));
  }
}

@Resolver(() => Growth)
export class GrowthPointsResolver {
  constructor(private readonly growthService: GrowthService) {}

  @ResolveField(() => [Assessment], {
    description:
      'The latest `last` current assessments (period order), oldest first; each has its delta and previous (the ' +
      'first one against its real predecessor).',
  })
  points(@Parent() growth: Growth, @Args() args: GrowthPointsArgs): AssessmentSummary[] {
    return this.growthService.latestPoints(growth, args.last);
  }
}
