import { Args, Query, Resolver } from '@nestjs/graphql';
import { type Connection, PageArgs } from '../graphql';
import { Access } from '../tenancy';
import { MEMBERSHIP_ADMINS } from '../common/roles';
import { AuditEvent, AuditEventConnection } from './audit-event.model';
import { AuditService } from './audit.service';

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEventConnection, { description: "The selected tenant's audit trail, newest first (OWNER, ADMIN)." })
  @Access.tenant(MEMBERSHIP_ADMINS)
  auditTrail(@Args() page: PageArgs): Promise<Connection<AuditEvent>> {
    return this.audit.trail(page.first, page.after);
  }
}
