import { Module } from '@nestjs/common';
import { ActionsRepository } from './actions.repository';
import { ActionsResolver, TenantActionsResolver } from './actions.resolver';
import { ActionsService } from './actions.service';
import { ClientActionSummaries, PortfolioActionsResolver } from './portfolio-actions.resolver';

/** The action plan: actions, their verification and overdue state, and the portfolio's counts. */
@Module({
  providers: [
    ActionsRepository,
    ActionsService,
    ActionsResolver,
    TenantActionsResolver,
    ClientActionSummaries,
    PortfolioActionsResolver,
  ],
  exports: [ActionsService, ClientActionSummaries],
})
export class ActionPlanModule {}
