import { Module } from '@nestjs/common';
import { TenantsModule } from '../tenants';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsResolver } from './invitations.resolver';
import { InvitationsService } from './invitations.service';

/** Issue 19: invitations to a tenant, accepted by the invitee (the deprecated addMembership invites too). */
@Module({
  imports: [TenantsModule],
  providers: [InvitationsRepository, InvitationsService, InvitationsResolver],
})
export class InvitationsModule {}
