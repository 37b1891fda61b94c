/** The public API of action-plan/: what other modules may import (ARCHITECTURE.md). */
export { ActionPlanModule } from './action-plan.module';
// The executive and portfolio reports read the action plan and the clients' action counts.
export { ActionsService } from './actions.service';
export { ClientActionSummaries, type ClientActionSummary } from './portfolio-actions.resolver';
export { OPEN_STATUSES, type Action, type ActionStatus } from './action.model';
