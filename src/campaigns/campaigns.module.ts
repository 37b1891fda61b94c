import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments';
import { CampaignCloser } from './campaign-closer';
import { AssessmentCampaignResolver, PortfolioCampaignResolver, TenantCampaignsResolver } from './campaign-fields.resolver';
import { CampaignInvitationsService } from './campaign-invitations.service';
import { CampaignResponsesService } from './campaign-responses.service';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsResolver } from './campaigns.resolver';
import { CampaignsService } from './campaigns.service';

/** Campaigns (issue 16): many respondents, one assessment, and where they disagree. */
@Module({
  imports: [AssessmentsModule],
  providers: [
    CampaignsRepository,
    CampaignsService,
    CampaignInvitationsService,
    CampaignResponsesService,
    CampaignCloser,
    CampaignsResolver,
    TenantCampaignsResolver,
    AssessmentCampaignResolver,
    PortfolioCampaignResolver,
  ],
  exports: [CampaignCloser, CampaignsService],
})
export class CampaignsModule {}
