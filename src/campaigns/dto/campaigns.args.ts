import { ArgsType, Field } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { PageArgs } from '../../graphql';
import { CAMPAIGN_STATUSES, CampaignStatusEnum, type CampaignStatus } from '../campaign.model';

@ArgsType()
export class CampaignsArgs extends PageArgs {
  @Field(() => CampaignStatusEnum, { nullable: true, description: 'Only campaigns in this status.' })
  @IsOptional()
  @IsIn(CAMPAIGN_STATUSES)
  status?: CampaignStatus | null;
}
