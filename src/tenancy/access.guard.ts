import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { BadUserInputError, ForbiddenError, UnauthenticatedError } from '../common/errors';
import { ACCESS_RULE, type AccessRule } from './access.decorator';
import { requestOf } from './request';
import { RequestScope } from './request-scope';

export const TENANT_HEADER = 'x-tenant-id';

/**
 * Enforces every operation's declared AccessRule (deny by default). The request's scope (user, and the
 * tenant of x-tenant-id when the user is a member) is resolved once, inside the request's own transaction.
 * Runs after the JWT guard has authenticated the caller.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly scope: RequestScope,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw new ForbiddenError('This operation has no access rule');
    const request = requestOf(context);
    const userId = request.user?.id ?? null;
    const header = request.headers[TENANT_HEADER];
    const requestedTenant = typeof header === 'string' && header.length > 0 ? header : null;

    if (rule.kind === 'public') {
      await this.scope.resolve(userId, null);
      return true;
    }
    if (!userId) throw new UnauthenticatedError();
    const scope = await this.scope.resolve(userId, requestedTenant);
    if (rule.kind === 'user') return true;

    if (!requestedTenant) throw BadUserInputError.field(TENANT_HEADER, 'this operation needs the x-tenant-id header');
    if (!scope.tenantId || !scope.role) throw new ForbiddenError('You are not a member of this tenant');
    if (!rule.roles.includes(scope.role)) {
      throw new ForbiddenError(`Your role ${scope.role} may not perform this operation`);
    }
    return true;
  }
}
