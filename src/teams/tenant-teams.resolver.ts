import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../tenancy/access.decorator';
import { ALL_ROLES } from '../tenancy/roles';
import { TenantTransaction } from '../tenancy/tenant-transaction';
import { Tenant } from '../tenants/tenant.model';
import { assertSelectedTenant } from '../tenancy/selected-tenant';
import { Team } from './team.model';
import { TeamsService } from './teams.service';

@Resolver(() => Tenant)
export class TenantTeamsResolver {
  constructor(
    private readonly teamsService: TeamsService,
    private readonly tx: TenantTransaction,
  ) {}

  @ResolveField(() => [Team], {
    description:
      "The organisation's social media teams (central team and spokes), oldest first. Only for the tenant selected by x-tenant-id.",
  })
  @Access.tenant(ALL_ROLES)
  teams(@Parent() tenant: Tenant): Promise<Team[]> {
    assertSelectedTenant(this.tx, tenant, 'teams');
    return this.teamsService.list();
  }
}
