import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Tenant } from '../tenants';
import { requireSelectedTenant } from '../tenancy';
import { Team } from './team.model';
import { TeamsService } from './teams.service';

@Resolver(() => Tenant)
export class TenantTeamsResolver {
  constructor(
    private readonly teamsService: TeamsService,
  ) {}

  @ResolveField(() => [Team], {
    description:
      "The organisation's social media teams (central team and spokes), oldest first. Only for the tenant selected by x-tenant-id.",
  })
  teams(@Parent() tenant: Tenant): Promise<Team[]> {
    requireSelectedTenant(tenant, 'teams');
    return this.teamsService.list();
  }
}
