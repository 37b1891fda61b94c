import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Audited } from '../audit';
import { Access } from '../tenancy';
import { MEMBERSHIP_ADMINS } from '../common/roles';
import { AddMembershipInput } from '../tenants';
import { Tenant } from '../tenants';
import { InviteMemberArgs } from './dto/invite-member.args';
import { Invitation } from './invitation.model';
import { InvitationsService } from './invitations.service';

@Resolver(() => Invitation)
export class InvitationsResolver {
  constructor(private readonly service: InvitationsService) {}

  @Query(() => [Invitation], { description: "The selected tenant's invitations, newest first (OWNER, ADMIN)." })
  @Access.tenant(MEMBERSHIP_ADMINS)
  invitations(): Promise<Invitation[]> {
    return this.service.list();
  }

  @Mutation(() => Invitation, {
    description:
      'Invites an email to the selected tenant in a role (OWNER, ADMIN; an OWNER only by an OWNER). The token is ' +
      'emailed when mail is configured, else returned in this response only. Valid 7 days, once.',
  })
  @Access.tenant(MEMBERSHIP_ADMINS)
  @Audited.result()
  inviteMember(@Args() args: InviteMemberArgs): Promise<Invitation> {
    return this.service.invite(args.email, args.role);
  }

  @Mutation(() => Invitation, { description: 'Revokes an open invitation (OWNER, ADMIN): it can no longer be accepted.' })
  @Access.tenant(MEMBERSHIP_ADMINS)
  @Audited.arg('id')
  revokeInvitation(@Args('id', { type: () => ID, description: "The invitation's id." }) id: string): Promise<Invitation> {
    return this.service.revoke(id);
  }

  @Mutation(() => Tenant, {
    description: 'Accepts an invitation, signed in with the invited email; returns the tenant joined.',
  })
  @Access.user()
  @Audited.result()
  acceptInvitation(@Args('token', { description: 'The invitation token.' }) token: string): Promise<Tenant> {
    return this.service.accept(token);
  }

  @Mutation(() => Boolean, {
    deprecationReason: 'Use inviteMember: nobody becomes a member without accepting an invitation.',
    description:
      'Deprecated: now invites the email in the role (as inviteMember; the token is emailed when mail is ' +
      'configured, else use inviteMember to see it) and returns true. It no longer adds anyone at once.',
  })
  @Access.tenant(MEMBERSHIP_ADMINS)
  @Audited.none()
  async addMembership(
    @Args('input', { description: 'The email and the role it is invited to.' }) input: AddMembershipInput,
  ): Promise<boolean> {
    await this.service.invite(input.email, input.role);
    return true;
  }
}
