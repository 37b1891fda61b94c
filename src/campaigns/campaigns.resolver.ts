import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Audited } from '../audit';
import { Assessment } from '../assessments';
import { AssessmentsService } from '../assessments';
import { AssessmentAnswersInput } from '../assessments';
import { ForbiddenError } from '../common/errors';
import { currentRequestContext } from '../request';
import type { Department, DepartmentAggregate as DepartmentAggregateResult, ItemAggregate as ItemAggregateResult } from '../scoring';
import { DepartmentEnum, RequestLoaders } from '../graphql';
import { Access } from '../tenancy';
import type { AppRequest } from '../tenancy';
import { ALL_ROLES, PROFILE_EDITORS } from '../common/roles';
import { Campaign, DepartmentAggregate, ItemAggregate, RespondentLink, RespondentView } from './campaign.model';
import { CampaignInvitationsService, MAX_RESPONDENTS_PER_CALL } from './campaign-invitations.service';
import { CampaignResponsesService } from './campaign-responses.service';
import { CampaignsService } from './campaigns.service';
import { OpenCampaignInput } from './dto/open-campaign.input';
import { RespondentInput } from './dto/respondent.input';

@Resolver(() => Campaign)
export class CampaignsResolver {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly invitations: CampaignInvitationsService,
    private readonly responses: CampaignResponsesService,
    private readonly assessments: AssessmentsService,
    private readonly loaders: RequestLoaders,
  ) {}

  @Query(() => Campaign, { nullable: true, description: "One of the selected tenant's campaigns, or null." })
  @Access.tenant(ALL_ROLES)
  campaign(@Args('id', { type: () => ID, description: 'A campaign id of the selected tenant.' }) id: string): Promise<Campaign | null> {
    return this.campaigns.get(id);
  }

  @Query(() => RespondentView, {
    nullable: true,
    description:
      "No login: what a response link shows (the organisation's name, the period, the closing time); null for a " +
      'link that does not exist. Unknown links are rate-limited per IP.',
  })
  @Access.public()
  respondentCampaign(
    @Args('token', { description: "The token of the response link (the last part of /respond/<token>)." }) token: string,
    @Context('req') req: AppRequest,
  ): Promise<RespondentView | null> {
    return this.responses.view(token, req.ip ?? 'unknown');
  }

  @Mutation(() => Campaign, {
    description:
      'Opens a campaign for a period (started, from 2000 on) with a closing time; one OPEN campaign per period. ' +
      'A period already assessed needs supersede: true.',
  })
  @Access.tenant(PROFILE_EDITORS)
  @Audited.result()
  openCampaign(@Args('input', { description: 'The period, closing time and minimum of responses.' }) input: OpenCampaignInput): Promise<Campaign> {
    return this.campaigns.open(input);
  }

  @Mutation(() => [RespondentLink], {
    description:
      'Invites respondents to an OPEN campaign, each with a personal response link. With SMTP configured the link ' +
      'is mailed; without, its token is returned here, once. Inviting an address again replaces its link.',
  })
  @Access.tenant(PROFILE_EDITORS)
  @Audited.arg('campaignId')
  inviteRespondents(
    @Args('campaignId', { type: () => ID, description: 'The OPEN campaign.' }) campaignId: string,
    @Args('respondents', { type: () => [RespondentInput], description: `1 to ${MAX_RESPONDENTS_PER_CALL} people to invite.` })
    respondents: RespondentInput[],
  ): Promise<RespondentLink[]> {
    return this.invitations.invite(campaignId, respondents);
  }

  @Mutation(() => Boolean, {
    description:
      'No login: answers through a response link; answering again replaces the earlier answers. Refused (CONFLICT) ' +
      'once the campaign is closed, expired or cancelled; NOT_FOUND for an unknown link (rate-limited per IP).',
  })
  @Access.public()
  @Audited.none()
  submitCampaignResponse(
    @Args('token', { description: 'The token of the response link.' }) token: string,
    @Args('answers', { description: 'The questionnaire answers.' }) answers: AssessmentAnswersInput,
    @Context('req') req: AppRequest,
  ): Promise<boolean> {
    return this.responses.submit(token, answers, req.ip ?? 'unknown');
  }

  @Mutation(() => Boolean, {
    description:
      'Signed in: the caller answers an OPEN campaign of the selected tenant as a respondent, without a link (any ' +
      'member role). One response per member: answering again replaces it, and a member invited by email answers ' +
      "as that invitation (link and login share one response). The answers are never shown, only the aggregate. " +
      'CONFLICT once the campaign is closed, expired or cancelled; NOT_FOUND for another tenant\'s campaign.',
  })
  @Access.tenant(ALL_ROLES)
  @Audited.arg('campaignId')
  respondToCampaign(
    @Args('campaignId', { type: () => ID, description: 'The OPEN campaign.' }) campaignId: string,
    @Args('answers', { description: 'The questionnaire answers.' }) answers: AssessmentAnswersInput,
    @Args('department', { type: () => DepartmentEnum, description: "The caller's department (for the department breakdown)." })
    department: Department,
  ): Promise<boolean> {
    return this.responses.respondAsMember(campaignId, answers, department);
  }

  @Mutation(() => Campaign, {
    description:
      "Closes an OPEN campaign: its aggregate becomes the period's assessment (source CAMPAIGN), exactly once. " +
      'Fewer than minResponses responses: CONFLICT. Closing a CLOSED campaign returns it as it is.',
  })
  @Access.tenant(PROFILE_EDITORS)
  @Audited.arg('id')
  closeCampaign(
    @Args('id', { type: () => ID, description: 'The campaign.' }) id: string,
    @Args('expectedVersion', { type: () => Int, description: 'Its version as last read.' }) expectedVersion: number,
  ): Promise<Campaign> {
    return this.campaigns.close(id, expectedVersion);
  }

  @Mutation(() => Campaign, { description: 'Cancels an OPEN campaign: no assessment; its links stop working.' })
  @Access.tenant(PROFILE_EDITORS)
  @Audited.arg('id')
  cancelCampaign(
    @Args('id', { type: () => ID, description: 'The campaign.' }) id: string,
    @Args('expectedVersion', { type: () => Int, description: 'Its version as last read.' }) expectedVersion: number,
  ): Promise<Campaign> {
    return this.campaigns.cancel(id, expectedVersion);
  }

  @ResolveField(() => [ItemAggregate], {
    description: 'Each item over the responses, in contract order; empty while responseCount < minResponses.',
  })
  items(@Parent() campaign: Campaign): Promise<ItemAggregateResult[]> {
    requireOwnTenant(campaign, 'items');
    return this.campaigns.items(campaign);
  }

  @ResolveField(() => [DepartmentAggregate], {
    description:
      'The items per department, only for groups of at least 3 responses (smaller ones merged into OTHER, shown ' +
      'only when it too has 3); empty while responseCount < minResponses.',
  })
  departments(@Parent() campaign: Campaign): Promise<DepartmentAggregateResult[]> {
    requireOwnTenant(campaign, 'departments');
    return this.campaigns.departments(campaign);
  }

  @ResolveField(() => Boolean, {
    description: 'Whether the signed-in member has answered it (with respondToCampaign or their invitation\'s link); never what.',
  })
  answeredByMe(@Parent() campaign: Campaign): Promise<boolean> {
    requireOwnTenant(campaign, 'answeredByMe');
    return this.loaders
      .get<string, boolean>('campaign.answeredByMe', async (ids) => {
        const answered = await this.responses.answeredByMember(ids);
        return ids.map((id) => answered.has(id));
      })
      .load(campaign.id);
  }

  @ResolveField(() => Assessment, { nullable: true, description: "The period's assessment scored from it, once CLOSED." })
  assessment(@Parent() campaign: Campaign): Promise<Assessment | null> {
    if (!campaign.assessmentId) return Promise.resolve(null);
    requireOwnTenant(campaign, 'assessment');
    return this.assessments.get(campaign.assessmentId);
  }
}

/** A campaign of another tenant (a portfolio entry's) shows its counts only; its aggregates need x-tenant-id. */
function requireOwnTenant(campaign: Campaign, field: string): void {
  if (currentRequestContext()?.scope?.tenantId !== campaign.tenantId) {
    throw new ForbiddenError(`Campaign.${field} can be read only for the tenant selected by the x-tenant-id header`);
  }
}

