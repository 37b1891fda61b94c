import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Connection } from '../graphql';
import { requireSelectedTenant } from '../tenancy';
import { Tenant } from '../tenants';
import { InitiativesArgs } from './dto/initiatives.args';
import { type Initiative, InitiativeConnection } from './initiative.model';
import { InitiativesService } from './initiatives.service';

@Resolver(() => Tenant)
export class TenantInitiativesResolver {
  constructor(
    private readonly service: InitiativesService,
  ) {}

  @ResolveField(() => InitiativeConnection, {
    description:
      "The organisation's social media initiatives, newest first, optionally of one status and/or owner department. Only for the tenant selected by x-tenant-id.",
  })
  initiatives(@Parent() tenant: Tenant, @Args() args: InitiativesArgs): Promise<Connection<Initiative>> {
    requireSelectedTenant(tenant, 'initiatives');
    return this.service.page(args);
  }
}
