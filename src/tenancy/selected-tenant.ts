import { ForbiddenError } from '../common/errors';
import type { TenantTransaction } from './tenant-transaction';
import type { Tenant } from '../tenants/tenant.model';

/**
 * A Tenant's teams, responsibilities and initiatives are read through the request's transaction, which the
 * policies scope to the tenant selected by x-tenant-id. For any other Tenant object (a node of myTenants) those
 * rows would be the selected tenant's, or none: refuse instead of answering for the wrong tenant.
 */
export function assertSelectedTenant(tx: TenantTransaction, tenant: Tenant, field: string): void {
  if (tx.scope.tenantId !== tenant.id) {
    throw new ForbiddenError(
      `Tenant.${field} can be read only for the tenant selected by the x-tenant-id header`,
    );
  }
}
