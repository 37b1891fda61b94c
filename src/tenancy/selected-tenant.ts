import { AppError, ForbiddenError } from '../common/errors';
import { currentRequestContext } from '../request';

/**
 * The rule of every tenant-owned field of `Tenant` (teams, responsibilities, initiatives, members, assessments,
 * growth): field resolvers run no guards (no `fieldResolverEnhancers`), so this explicit check is the rule, called
 * first by each of those field resolvers. Their rows are read through the request's transaction, which the policies
 * scope to the tenant selected by x-tenant-id; for any other Tenant object (a node of myTenants) those rows would
 * be the selected tenant's, or none: refuse instead of answering for the wrong tenant.
 */
export function requireSelectedTenant(tenant: { id: string }, field: string): void {
  const scope = currentRequestContext()?.scope;
  if (!scope) throw new AppError('INTERNAL_SERVER_ERROR', 'No request scope: the tenancy guard did not run');
  if (scope.tenantId !== tenant.id) {
    throw new ForbiddenError(`Tenant.${field} can be read only for the tenant selected by the x-tenant-id header`);
  }
}
