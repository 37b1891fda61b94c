import { Injectable } from '@nestjs/common';
import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestLoaders } from '../graphql';
import { StageEnum } from '../graphql';
import { PortfolioEntry } from '../portfolio';
import type { Stage } from '../scoring';
import { TenantTransaction } from '../tenancy';

export interface ClientActionSummary {
  targetStage: Stage | null;
  openActions: number;
  overdueActions: number;
}

const NONE: ClientActionSummary = { targetStage: null, openActions: 0, overdueActions: 0 };

/**
 * The target and action counts of a consultant's clients, for every entry of a response in one statement:
 * consultant_action_summary() (SECURITY DEFINER) answers only for the caller's CONSULTANT tenants, aggregates only.
 */
@Injectable()
export class ClientActionSummaries {
  constructor(
    private readonly loaders: RequestLoaders,
    private readonly tx: TenantTransaction,
  ) {}

  of(tenantId: string): Promise<ClientActionSummary> {
    return this.loaders
      .get<string, ClientActionSummary>('actions:clientSummary', async (ids) => {
        const manager = await this.tx.manager();
        const rows = await manager.query<
          { tenant_id: string; target_stage: Stage | null; open_actions: number; overdue_actions: number }[]
        >('SELECT * FROM consultant_action_summary($1::uuid[])', [ids]);
        const byTenant = new Map(rows.map((row) => [row.tenant_id, row]));
        return ids.map((id) => {
          const row = byTenant.get(id);
          return row
            ? { targetStage: row.target_stage, openActions: row.open_actions, overdueActions: row.overdue_actions }
            : NONE;
        });
      })
      .load(tenantId);
  }
}

@Resolver(() => PortfolioEntry)
export class PortfolioActionsResolver {
  constructor(private readonly summaries: ClientActionSummaries) {}

  @ResolveField(() => StageEnum, { nullable: true, description: "The client's target stage; null when none is set." })
  async targetStage(@Parent() entry: PortfolioEntry): Promise<Stage | null> {
    return (await this.summaries.of(entry.tenant.id)).targetStage;
  }

  @ResolveField(() => Int, { description: "The client's OPEN and IN_PROGRESS actions." })
  async openActions(@Parent() entry: PortfolioEntry): Promise<number> {
    return (await this.summaries.of(entry.tenant.id)).openActions;
  }

  @ResolveField(() => Int, { description: "The client's open actions past their due date." })
  async overdueActions(@Parent() entry: PortfolioEntry): Promise<number> {
    return (await this.summaries.of(entry.tenant.id)).overdueActions;
  }
}
