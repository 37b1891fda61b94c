/** The public API of campaigns/: what other modules may import (ARCHITECTURE.md). */
export { CampaignsModule } from './campaigns.module';
// The executive report shows the participation and contested items of the campaign an assessment came from.
export { CampaignsService } from './campaigns.service';
export type { Campaign } from './campaign.model';
