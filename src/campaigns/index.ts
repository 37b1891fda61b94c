/** The public API of campaigns/: what other modules may import (ARCHITECTURE.md). */
export { CampaignsModule } from './campaigns.module';
