import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { BadUserInputError, ForbiddenError, UnauthenticatedError } from '../common/errors';
import { ACCESS_RULE, type AccessRule } from './access.decorator';
import { scopesAllowing } from './api-key-access';
import { requestOf, type AppRequest } from './request';
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

    if (request.apiKey) return this.allowKey(context, request, rule, requestedTenant);
    if (rule.kind === 'public') {
      await this.scope.resolve(userId, null);
      return true;
    }
    if (!userId) throw new UnauthenticatedError();
    const scope = await this.scope.resolve(userId, requestedTenant, request.user?.issuedAt);
    if (rule.kind === 'user') return true;

    if (!requestedTenant) throw BadUserInputError.field(TENANT_HEADER, 'this operation needs the x-tenant-id header');
    if (!scope.tenantId || !scope.role) throw new ForbiddenError('You are not a member of this tenant');
    if (!rule.roles.includes(scope.role)) {
      throw new ForbiddenError(`Your role ${scope.role} may not perform this operation`);
    }
    return true;
  }

  /**
   * A request made with an API key: resolved (live key, its own tenant), then allowed only when one of the key's
   * scopes maps to this operation (tenancy/api-key-access.ts). Roles play no part.
   */
  private async allowKey(
    context: ExecutionContext,
    request: AppRequest,
    rule: AccessRule,
    requestedTenant: string | null,
  ): Promise<boolean> {
    const scope = await this.scope.resolveApiKey(request.apiKey!.hash, requestedTenant);
    if (scope.caller?.kind !== 'apiKey') throw new UnauthenticatedError();
    request.apiKey!.id = scope.caller.keyId;
    const operation = operationOf(context);
    const allowing = scopesAllowing(operation, rule);
    if (allowing.length === 0) throw new ForbiddenError('An API key may not perform this operation');
    const held = scope.caller.scopes;
    if (!allowing.some((s) => held.includes(s))) {
      throw new ForbiddenError(`This operation needs an API key with the scope ${allowing.join(' or ')}`);
    }
    return true;
  }
}

/** `Query.x` / `Mutation.x` for a GraphQL root field; the HTTP method for a REST route. */
function operationOf(context: ExecutionContext): string {
  if (context.getType<GqlContextType>() === 'graphql') {
    const info = GqlExecutionContext.create(context).getInfo<{ parentType: { name: string }; fieldName: string }>();
    return `${info.parentType.name}.${info.fieldName}`;
  }
  return context.switchToHttp().getRequest<AppRequest>().method;
}
