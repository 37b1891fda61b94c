import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Assessment } from '../assessments';
import type { Connection } from '../graphql';
import { RequestLoaders } from '../graphql';
import { PortfolioEntry } from '../portfolio';
import { requireSelectedTenant } from '../tenancy';
import { Tenant } from '../tenants';
import { AssessmentSourceEnum, Campaign, CampaignConnection, type AssessmentSource } from './campaign.model';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsService, toCampaign } from './campaigns.service';
import { CampaignsArgs } from './dto/campaigns.args';

@Resolver(() => Tenant)
export class TenantCampaignsResolver {
  constructor(private readonly service: CampaignsService) {}

  @ResolveField(() => CampaignConnection, {
    description: "The tenant's campaigns, newest first. Only for the tenant selected by x-tenant-id.",
  })
  campaigns(@Parent() tenant: Tenant, @Args() args: CampaignsArgs): Promise<Connection<Campaign>> {
    requireSelectedTenant(tenant, 'campaigns');
    return this.service.list(args);
  }
}

/** Assessment.source and Assessment.campaign: one statement for every assessment of a response. */
@Resolver(() => Assessment)
export class AssessmentCampaignResolver {
  constructor(
    private readonly repository: CampaignsRepository,
    private readonly loaders: RequestLoaders,
  ) {}

  @ResolveField(() => AssessmentSourceEnum, { description: 'Where its answers came from: one submission or a campaign.' })
  async source(@Parent() assessment: Assessment): Promise<AssessmentSource> {
    return (await this.campaignIdOf(assessment)) ? 'CAMPAIGN' : 'SUBMISSION';
  }

  @ResolveField(() => Campaign, { nullable: true, description: 'The campaign it was scored from (source CAMPAIGN).' })
  async campaign(@Parent() assessment: Assessment): Promise<Campaign | null> {
    const campaignId = await this.campaignIdOf(assessment);
    if (!campaignId) return null;
    const campaign = await this.loaders
      .get<string, Campaign | null>('campaign.byId', async (ids) => {
        const rows = await this.repository.findByIds(ids);
        return ids.map((id) => {
          const row = rows.find((r) => r.id === id);
          return row ? toCampaign(row) : null;
        });
      })
      .load(campaignId);
    return campaign;
  }

  private campaignIdOf(assessment: Assessment): Promise<string | null> {
    if (assessment.preview) return Promise.resolve(null);
    return this.loaders
      .get<string, string | null>('assessment.campaignId', async (ids) => {
        const found = await this.repository.assessmentSources(ids);
        return ids.map((id) => found.get(id) ?? null);
      })
      .load(assessment.id);
  }
}

/** PortfolioEntry.openCampaign: every entry's open campaign in one statement, whatever the portfolio's size. */
@Resolver(() => PortfolioEntry)
export class PortfolioCampaignResolver {
  constructor(
    private readonly repository: CampaignsRepository,
    private readonly loaders: RequestLoaders,
  ) {}

  @ResolveField(() => Campaign, {
    nullable: true,
    description:
      "The client's OPEN campaign with its counts (response rate); its aggregates need the tenant selected with x-tenant-id.",
  })
  openCampaign(@Parent() entry: PortfolioEntry): Promise<Campaign | null> {
    return this.loaders
      .get<string, Campaign | null>('portfolio.openCampaign', async (tenantIds) => {
        const rows = await this.repository.openOfConsultantTenants(tenantIds);
        return tenantIds.map((id) => {
          const row = rows.find((r) => r.tenantId === id);
          return row ? toCampaign(row) : null;
        });
      })
      .load(entry.tenant.id);
  }
}
