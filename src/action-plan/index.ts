/** The public API of action-plan/: what other modules may import (ARCHITECTURE.md). */
export { ActionPlanModule } from './action-plan.module';
