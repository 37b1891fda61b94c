/** The public API of tenants/: what other modules may import (ARCHITECTURE.md). */
export * from './tenant.model';
export * from './tenant.row';
export * from './tenants.module';
// Invitations make members (acceptInvitation) and keep addMembership's input (deprecated: it now invites).
export { TenantsService } from './tenants.service';
export { AddMembershipInput } from './dto/add-membership.input';
