import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Audited } from '../audit';
import type { Connection } from '../graphql';
import { Access } from '../tenancy';
import { ALL_ROLES, EDITORS } from '../common/roles';
import { CreateInitiativeInput } from './dto/create-initiative.input';
import { DeleteInitiativeArgs } from './dto/delete-initiative.args';
import { InitiativesArgs } from './dto/initiatives.args';
import { UpdateInitiativeInput } from './dto/update-initiative.input';
import { Initiative, InitiativeConnection, Kpi } from './initiative.model';
import { InitiativeKpisService } from './initiative-kpis.service';
import { InitiativesService } from './initiatives.service';

@Resolver(() => Initiative)
export class InitiativesResolver {
  constructor(
    private readonly service: InitiativesService,
    private readonly kpiService: InitiativeKpisService,
  ) {}

  @Query(() => InitiativeConnection, {
    description:
      "The selected tenant's initiatives, newest first, optionally of one status and/or owner department.",
  })
  @Access.tenant(ALL_ROLES)
  initiatives(@Args() args: InitiativesArgs): Promise<Connection<Initiative>> {
    return this.service.page(args);
  }

  @Query(() => Initiative, {
    description: 'One initiative of the selected tenant; NOT_FOUND when there is no such initiative.',
  })
  @Access.tenant(ALL_ROLES)
  initiative(
    @Args('id', { type: () => ID, description: "The initiative's id." }) id: string,
  ): Promise<Initiative> {
    return this.service.get(id);
  }

  @Mutation(() => Initiative, { description: 'Records a social media initiative with its KPIs.' })
  @Access.tenant(EDITORS)
  @Audited.result()
  createInitiative(
    @Args('input', { description: 'The initiative to record.' }) input: CreateInitiativeInput,
  ): Promise<Initiative> {
    return this.service.create(input);
  }

  @Mutation(() => Initiative, {
    description: 'Changes an initiative; a stale expectedVersion fails with VERSION_CONFLICT.',
  })
  @Access.tenant(EDITORS)
  @Audited.input('id')
  updateInitiative(
    @Args('input', { description: 'The initiative, its expected version and the fields to change.' })
    input: UpdateInitiativeInput,
  ): Promise<Initiative> {
    return this.service.update(input);
  }

  @Mutation(() => Boolean, {
    description: 'Deletes an initiative; a stale expectedVersion fails with VERSION_CONFLICT.',
  })
  @Access.tenant(EDITORS)
  @Audited.arg('id')
  deleteInitiative(@Args() args: DeleteInitiativeArgs): Promise<boolean> {
    return this.service.delete(args.id, args.expectedVersion);
  }

  @ResolveField(() => [Kpi], { description: 'How the initiative measures success, in the order given.' })
  kpis(@Parent() initiative: Initiative): Promise<Kpi[]> {
    return this.kpiService.kpisOf(initiative.id);
  }
}
