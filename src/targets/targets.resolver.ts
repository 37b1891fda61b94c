import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Audited } from '../audit';
import { Access } from '../tenancy';
import { PROFILE_EDITORS } from '../common/roles';
import { requireSelectedTenant } from '../tenancy';
import { Tenant } from '../tenants';
import { SetTargetInput } from './dto/set-target.input';
import { Target } from './target.model';
import { TargetsService } from './targets.service';

@Resolver(() => Tenant)
export class TargetsResolver {
  constructor(private readonly targets: TargetsService) {}

  @Mutation(() => Target, {
    description: "Sets the selected tenant's target stage and date (OWNER, ADMIN or CONSULTANT); replaces the last.",
  })
  @Access.tenant(PROFILE_EDITORS)
  @Audited.none()
  setTarget(@Args('input', { description: 'The target stage and date.' }) input: SetTargetInput): Promise<Target> {
    return this.targets.set(input);
  }

  @ResolveField(() => Target, {
    nullable: true,
    description: 'The target stage and date; null when none is set. Needs this tenant selected (x-tenant-id).',
  })
  target(@Parent() tenant: Tenant): Promise<Target | null> {
    requireSelectedTenant(tenant, 'target');
    return this.targets.current();
  }
}
