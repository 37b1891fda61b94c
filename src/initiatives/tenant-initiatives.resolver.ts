import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Connection } from '../graphql/connection';
import { Access } from '../tenancy/access.decorator';
import { ALL_ROLES } from '../tenancy/roles';
import { TenantTransaction } from '../tenancy/tenant-transaction';
import { assertSelectedTenant } from '../tenancy/selected-tenant';
import { Tenant } from '../tenants/tenant.model';
import { InitiativesArgs } from './dto/initiatives.args';
import { type Initiative, InitiativeConnection } from './initiative.model';
import { InitiativesService } from './initiatives.service';

@Resolver(() => Tenant)
export class TenantInitiativesResolver {
  constructor(
    private readonly service: InitiativesService,
    private readonly tx: TenantTransaction,
  ) {}

  @ResolveField(() => InitiativeConnection, {
    description:
      "The organisation's social media initiatives, newest first, optionally of one status and/or owner department. Only for the tenant selected by x-tenant-id.",
  })
  @Access.tenant(ALL_ROLES)
  initiatives(@Parent() tenant: Tenant, @Args() args: InitiativesArgs): Promise<Connection<Initiative>> {
    assertSelectedTenant(this.tx, tenant, 'initiatives');
    return this.service.page(args);
  }
}
