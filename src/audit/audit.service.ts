import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { type Connection, decodeTimeCursor, toConnection } from '../graphql';
import { apiKeyIdOf, userIdOf } from '../request';
import { RequestScope } from '../tenancy';
import type { AuditEvent } from './audit-event.model';
import { AuditRepository } from './audit.repository';

@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly scope: RequestScope,
    private readonly cls: ClsService,
  ) {}

  /**
   * Records a change in the request's transaction: it commits or rolls back with the change itself. The row is
   * written with the COMMIT, in its round trip (TenantTransaction.beforeCommit), for the tenant selected now.
   */
  record(operation: string, targetId: string | null): void {
    const { tenantId, caller } = this.scope.current;
    if (!tenantId) return; // account operations (signUp, logIn) belong to no tenant
    this.audit.queue({ tenantId, userId: userIdOf(caller), operation, targetId, requestId: this.cls.getId(), apiKeyId: apiKeyIdOf(caller) });
  }

  /** The tenant's trail, newest first. */
  async trail(first: number, after?: string | null): Promise<Connection<AuditEvent>> {
    const key = after ? decodeTimeCursor(after) : null;
    const { rows, totalCount } = await this.audit.page(first, key && { occurredAt: key[0], id: key[1] });
    return toConnection(
      rows,
      first,
      totalCount,
      ({ key: _key, ...event }) => event,
      (r) => [r.key.occurredAt, r.key.id],
    );
  }
}
