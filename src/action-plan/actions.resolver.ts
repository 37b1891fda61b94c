import { Args, Info, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import { Audited } from '../audit';
import { perFieldNode } from '../graphql';
import { Access } from '../tenancy';
import { EDITORS } from '../common/roles';
import { requireSelectedTenant } from '../tenancy';
import { Tenant } from '../tenants';
import { Action, ActionConnection } from './action.model';
import { ActionsService } from './actions.service';
import { ActionsArgs } from './dto/actions.args';
import { CreateActionInput } from './dto/create-action.input';
import { UpdateActionInput } from './dto/update-action.input';

@Resolver(() => Action)
export class ActionsResolver {
  constructor(private readonly actions: ActionsService) {}

  @Mutation(() => Action, { description: 'Adds an OPEN action to the action plan, optionally from a roadmap step.' })
  @Access.tenant(EDITORS)
  @Audited.result()
  createAction(@Args('input', { description: 'The new action.' }) input: CreateActionInput): Promise<Action> {
    return this.actions.create(input);
  }

  @Mutation(() => Action, { description: 'Changes an action; a stale expectedVersion fails with VERSION_CONFLICT.' })
  @Access.tenant(EDITORS)
  @Audited.input('id')
  updateAction(
    @Args('input', { description: 'The action, its expected version and the changes.' }) input: UpdateActionInput,
  ): Promise<Action> {
    return this.actions.update(input);
  }
}

@Resolver(() => Tenant)
export class TenantActionsResolver {
  constructor(private readonly actionsService: ActionsService) {}

  @ResolveField(() => ActionConnection, {
    description: 'The action plan, oldest first, optionally of one status. Needs this tenant selected (x-tenant-id).',
  })
  actions(
    @Parent() tenant: Tenant,
    @Args() args: ActionsArgs,
    @Info() info: GraphQLResolveInfo,
  ): ReturnType<ActionsService['list']> {
    requireSelectedTenant(tenant, 'actions');
    return this.actionsService.list(args, verifiedAsked(info));
  }
}

/**
 * Whether a page's selection asks for `verified` (aliases, fragments and variables resolved): only then does the
 * page read and parse the latest assessment's inputs, which nothing else of an action needs.
 */
const verifiedAsked = perFieldNode((info: GraphQLResolveInfo): boolean => {
  const tree = parseResolveInfo(info) as ResolveTree | null | undefined;
  const under = (node: ResolveTree | null | undefined, type: string, name: string) =>
    Object.values(node?.fieldsByTypeName[type] ?? {}).filter((f) => f.name === name);
  return under(tree, 'ActionConnection', 'edges')
    .flatMap((edges) => under(edges, 'ActionEdge', 'node'))
    .some((node) => under(node, 'Action', 'verified').length > 0);
});
