import { Inject, Injectable, Logger } from '@nestjs/common';
import { canonicalAnswers } from '../assessments';
import { setAuditTarget } from '../audit';
import { APP_CONFIG, type AppConfig } from '../config';
import { isUuid } from '../common/ids';
import type { AssessmentAnswers, Department } from '../scoring';
import { RequestScope } from '../tenancy';
import type { RespondentView } from './campaign.model';
import { CampaignNotFoundError, ResponseLinkClosedError, UnknownResponseLinkError } from './campaigns.errors';
import { CampaignsRepository, type LinkRecord } from './campaigns.repository';
import { ResponseLinkLimiter } from './response-link-limiter';
import { hashResponseToken, isResponseTokenShape, sameHash } from './response-token';

/**
 * What a response link can do, without an account: read its view and answer (again). The token is hashed at
 * once; the hash is looked up in the database (campaign_link, which crosses tenants only to the link's own
 * campaign), and for an answer the same statement selects the link's tenant, under whose row-level security the
 * answer is stored. Unknown tokens are counted per IP and logged without the token.
 *
 * A tenant member answers with their own login instead (respondAsMember): they are the campaign's respondent of
 * their account, or of their email's invitation, so link and login replace one response and never add a second.
 */
@Injectable()
export class CampaignResponsesService {
  private readonly logger = new Logger('CampaignResponses');
  private readonly limiter: ResponseLinkLimiter;

  constructor(
    private readonly scope: RequestScope,
    private readonly campaigns: CampaignsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limiter = new ResponseLinkLimiter(config.campaigns.linkFailuresPerIp);
  }

  /** The link's view, or null for a link that does not exist. */
  async view(token: string, ip: string): Promise<RespondentView | null> {
    const link = await this.find(token, ip, 'respondentCampaign', false);
    if (!link) return null;
    return {
      organisationName: link.organisationName,
      period: link.period,
      closesAt: link.closesAt,
      answered: link.answered,
      open: link.open,
    };
  }

  /** Stores the link's answers (the last answer counts); refused once its campaign no longer takes answers. */
  async submit(token: string, answers: AssessmentAnswers, ip: string): Promise<boolean> {
    const link = await this.find(token, ip, 'submitCampaignResponse', true);
    if (!link) throw new UnknownResponseLinkError();
    this.scope.recordTenantSetByDatabase(link.tenantId);
    if (!link.open) throw new ResponseLinkClosedError(link.status);
    await this.campaigns.saveResponse(link.campaignId, link.respondentId, canonicalAnswers(answers));
    setAuditTarget(link.campaignId);
    return true;
  }

  /**
   * The signed-in member's answers to an OPEN campaign of the selected tenant (the last answer counts). The
   * campaign is share-locked like a link's answer: a close waits for it, and an answer after a close sees it.
   */
  async respondAsMember(campaignId: string, answers: AssessmentAnswers, department: Department, now = new Date()): Promise<boolean> {
    const campaign = isUuid(campaignId) ? await this.campaigns.findById(campaignId, 'share') : null;
    if (!campaign) throw new CampaignNotFoundError();
    if (campaign.status !== 'OPEN' || campaign.closesAt.getTime() <= now.getTime()) throw new ResponseLinkClosedError(campaign.status);
    const respondentId = await this.campaigns.memberRespondent(campaign.id, department);
    await this.campaigns.saveResponse(campaign.id, respondentId, canonicalAnswers(answers));
    setAuditTarget(campaign.id);
    return true;
  }

  /** Of these campaigns (of the selected tenant), those the signed-in member has answered; never what. */
  answeredByMember(campaignIds: readonly string[]): Promise<Set<string>> {
    return this.campaigns.answeredByMember(campaignIds);
  }

  private async find(token: string, ip: string, operation: string, enter: boolean): Promise<LinkRecord | null> {
    this.limiter.check(ip);
    const hash = isResponseTokenShape(token) ? hashResponseToken(token) : null;
    const link = hash ? await this.campaigns.link(hash, enter) : null;
    if (!link || !hash || !sameHash(link.tokenHash, hash)) {
      this.limiter.miss(ip);
      this.logger.warn({ msg: 'unknown response link', operation, ip });
      return null;
    }
    return link;
  }
}
