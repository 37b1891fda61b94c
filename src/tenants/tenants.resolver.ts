import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Audited } from '../audit';
import { PageArgs, type Connection } from '../graphql';
import { Access } from '../tenancy';
import { ALL_ROLES, MEMBERSHIP_ADMINS, PROFILE_EDITORS } from '../common/roles';
import { requireSelectedTenant } from '../tenancy';
import { CreateTenantInput } from './dto/create-tenant.input';
import { TenantProfileInput } from './dto/tenant-profile.input';
import { Membership, MembershipConnection, Tenant, TenantConnection } from './tenant.model';
import { TenantsService } from './tenants.service';

@Resolver(() => Tenant)
export class TenantsResolver {
  constructor(
    private readonly tenants: TenantsService,
  ) {}

  @Query(() => TenantConnection, { description: 'The tenants the caller is a member of.' })
  @Access.user()
  myTenants(@Args() page: PageArgs): Promise<Connection<Tenant>> {
    return this.tenants.mine(page.first, page.after);
  }

  @Query(() => Tenant, { description: 'The tenant selected by the x-tenant-id header.' })
  @Access.tenant(ALL_ROLES)
  tenant(): Promise<Tenant> {
    return this.tenants.current();
  }

  @Mutation(() => Tenant, {
    description: 'Creates an organisation; the caller becomes OWNER, or CONSULTANT with asConsultant.',
  })
  @Access.user()
  @Audited.result()
  createTenant(
    @Args('input', { description: 'The organisation and its profile.' }) input: CreateTenantInput,
  ): Promise<Tenant> {
    return this.tenants.create(input);
  }

  @Mutation(() => Tenant, { description: "Replaces the selected tenant's profile." })
  @Access.tenant(PROFILE_EDITORS)
  @Audited.result()
  updateTenantProfile(
    @Args('input', { description: 'The complete new profile.' }) input: TenantProfileInput,
  ): Promise<Tenant> {
    return this.tenants.updateProfile(input);
  }

  @Mutation(() => Boolean, {
    description: 'Takes a member out of the selected tenant; their access ends at once.',
  })
  @Access.tenant(MEMBERSHIP_ADMINS)
  @Audited.arg('userId')
  removeMembership(
    @Args('userId', { type: () => ID, description: "The member's user id." }) userId: string,
  ): Promise<boolean> {
    return this.tenants.removeMembership(userId);
  }

  @ResolveField(() => MembershipConnection, {
    description:
      'Who has which role, oldest membership first (OWNER and ADMIN only; others get FORBIDDEN). Only for the ' +
      'tenant selected by x-tenant-id.',
  })
  members(@Parent() tenant: Tenant, @Args() page: PageArgs): Promise<Connection<Membership>> {
    requireSelectedTenant(tenant, 'members');
    return this.tenants.members(page.first, page.after);
  }
}
