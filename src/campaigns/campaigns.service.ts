import { Injectable, Logger } from '@nestjs/common';
import { AssessmentsService, assertAssessablePeriod } from '../assessments';
import { markMutationUnchanged, setAuditTarget } from '../audit';
import { BadUserInputError, VersionConflictError } from '../common/errors';
import { isUuid } from '../common/ids';
import { type Connection, decodeTimeCursor, toConnection } from '../graphql';
import { RequestLoaders } from '../graphql';
import {
  aggregateResponses,
  campaignFindings,
  departmentBreakdown,
  type DepartmentAggregate,
  type ItemAggregate,
} from '../scoring';
import { RequestScope } from '../tenancy';
import type { Campaign } from './campaign.model';
import {
  CampaignNotFoundError,
  CampaignNotOpenError,
  CampaignPeriodTakenError,
  PeriodAssessedError,
  TooFewResponsesError,
} from './campaigns.errors';
import { CampaignsRepository, type CampaignRecord, type ResponseRecord, type StoredAggregate } from './campaigns.repository';
import type { CampaignsArgs } from './dto/campaigns.args';
import type { OpenCampaignInput } from './dto/open-campaign.input';

const MAX_OPEN_DAYS = 366;

/**
 * Campaigns of the selected tenant: open, close (by hand or by the closer), cancel, read. Responses are read only
 * to aggregate them: nothing here returns one respondent's answers, and aggregates are shown only from
 * minResponses responses on, department groups only from 3 (the engine's rule).
 */
@Injectable()
export class CampaignsService {
  private readonly logger = new Logger('Campaigns');

  constructor(
    private readonly scope: RequestScope,
    private readonly campaigns: CampaignsRepository,
    private readonly assessments: AssessmentsService,
    private readonly loaders: RequestLoaders,
  ) {}

  async open(input: OpenCampaignInput, now = new Date()): Promise<Campaign> {
    assertAssessablePeriod(input.period, now);
    const closesAt = input.closesAt;
    if (!(closesAt.getTime() > now.getTime())) throw BadUserInputError.field('input.closesAt', 'must be in the future');
    if (closesAt.getTime() > now.getTime() + MAX_OPEN_DAYS * 86_400_000) {
      throw BadUserInputError.field('input.closesAt', `must be at most ${MAX_OPEN_DAYS} days ahead`);
    }
    const supersede = input.supersede ?? false;
    if (!supersede && (await this.campaigns.periodAssessed(input.period))) throw new PeriodAssessedError(input.period);
    const inserted = await this.campaigns.insert({
      period: input.period,
      closesAt,
      minResponses: input.minResponses ?? 3,
      supersede,
      createdBy: this.scope.userId,
    });
    if (!inserted) throw new CampaignPeriodTakenError(input.period);
    setAuditTarget(inserted.id);
    return toCampaign(inserted);
  }

  /** Null for an id that is malformed, unknown or another tenant's. */
  async get(id: string): Promise<Campaign | null> {
    if (!isUuid(id)) return null;
    const record = await this.campaigns.findById(id);
    return record ? toCampaign(record) : null;
  }

  /** The campaign a stored assessment of the selected tenant was scored from; null for a single submission. */
  async ofAssessment(assessmentId: string): Promise<Campaign | null> {
    const campaignId = (await this.campaigns.assessmentSources([assessmentId])).get(assessmentId) ?? null;
    return campaignId ? this.get(campaignId) : null;
  }

  /** An OPEN campaign of the selected tenant that still takes answers; NOT_FOUND or CONFLICT otherwise. */
  async requireOpen(id: string, now = new Date()): Promise<CampaignRecord> {
    const record = isUuid(id) ? await this.campaigns.findById(id) : null;
    if (!record) throw new CampaignNotFoundError();
    if (record.status !== 'OPEN') throw new CampaignNotOpenError(record.status);
    if (record.closesAt.getTime() <= now.getTime()) throw new CampaignNotOpenError('past its closing time');
    return record;
  }

  async list(args: CampaignsArgs): Promise<Connection<Campaign>> {
    const { rows, totalCount } = await this.campaigns.page({
      first: args.first,
      after: args.after ? decodeTimeCursor(args.after) : null,
      status: args.status ?? null,
    });
    return toConnection(rows, args.first, totalCount, toCampaign, (row) => [row.createdKey, row.id]);
  }

  /**
   * Closes by hand: with at least minResponses responses the aggregate becomes the period's assessment. 20 calls
   * at once queue on the campaign's row lock: the first closes it, the others find it CLOSED and return it as it is.
   */
  async close(id: string, expectedVersion: number): Promise<Campaign> {
    const record = await this.lock(id);
    if (record.status === 'CLOSED') {
      markMutationUnchanged();
      return toCampaign(record);
    }
    if (record.status !== 'OPEN') throw new CampaignNotOpenError(record.status);
    if (record.version !== expectedVersion) throw new VersionConflictError('The campaign', expectedVersion, record.version);
    if (record.responseCount < record.minResponses) {
      throw new TooFewResponsesError(record.responseCount, record.minResponses);
    }
    const closed = await this.closeWithAssessment(record);
    if (!closed) throw new PeriodAssessedError(record.period);
    return toCampaign(await this.reload(id));
  }

  async cancel(id: string, expectedVersion: number): Promise<Campaign> {
    const record = await this.lock(id);
    if (record.status !== 'OPEN') throw new CampaignNotOpenError(record.status);
    if (record.version !== expectedVersion) throw new VersionConflictError('The campaign', expectedVersion, record.version);
    await this.campaigns.end(id, 'CANCELLED', null);
    return toCampaign(await this.reload(id));
  }

  /**
   * The closer's close of a due campaign it has claimed (locked) in this transaction: CLOSED with its assessment
   * when enough responses came in, EXPIRED otherwise (or when the period was assessed meanwhile and may not be
   * superseded).
   */
  async closeDue(id: string): Promise<Campaign['status'] | null> {
    const record = await this.campaigns.findById(id);
    if (!record || record.status !== 'OPEN') return null;
    if (record.responseCount >= record.minResponses && (await this.closeWithAssessment(record))) return 'CLOSED';
    if (record.responseCount >= record.minResponses) {
      this.logger.warn({ msg: 'campaign expired: its period was assessed meanwhile', campaignId: id });
    }
    await this.campaigns.end(id, 'EXPIRED', {
      responses: record.responseCount,
      invited: record.invitedCount,
      items: [],
      answers: null,
      departments: [],
    });
    return 'EXPIRED';
  }

  /** The items while at least minResponses responded; otherwise none. */
  async items(campaign: Campaign): Promise<ItemAggregate[]> {
    return (await this.aggregates(campaign)).items;
  }

  /** The department groups of at least 3 responses, while at least minResponses responded. */
  async departments(campaign: Campaign): Promise<DepartmentAggregate[]> {
    return (await this.aggregates(campaign)).departments;
  }

  private async aggregates(campaign: Campaign): Promise<Pick<StoredAggregate, 'items' | 'departments'>> {
    if (campaign.responseCount < campaign.minResponses) return { items: [], departments: [] };
    if (campaign.aggregate) return campaign.aggregate;
    const responses = await this.loaders
      .get<string, ResponseRecord[]>('campaign.responses', async (ids) => {
        const rows = await this.campaigns.responsesOf(ids);
        return ids.map((id) => rows.filter((row) => row.campaignId === id));
      })
      .load(campaign.id);
    // A response may have arrived since the count was read: the rule holds on what is aggregated.
    if (responses.length < campaign.minResponses) return { items: [], departments: [] };
    return { items: aggregateResponses(responses).items, departments: departmentBreakdown(responses) };
  }

  private async closeWithAssessment(record: CampaignRecord): Promise<boolean> {
    const responses = await this.campaigns.responsesOf([record.id]);
    const aggregate = aggregateResponses(responses);
    if (!aggregate.answers) return false;
    const assessment = await this.assessments.storeCampaignAssessment({
      campaignId: record.id,
      period: record.period,
      supersede: record.supersede,
      answers: aggregate.answers,
      findings: (facts) =>
        campaignFindings(
          {
            items: aggregate.items,
            responses,
            organisationDepartments: facts.profile.departments,
            invitedCount: record.invitedCount,
          },
                ),
    });
    if (!assessment) return false;
    await this.campaigns.end(record.id, 'CLOSED', {
      responses: aggregate.responses,
      invited: record.invitedCount,
      items: aggregate.items,
      answers: aggregate.answers,
      departments: departmentBreakdown(responses),
    });
    return true;
  }

  private async lock(id: string): Promise<CampaignRecord> {
    const record = isUuid(id) ? await this.campaigns.findById(id, 'update') : null;
    if (!record) throw new CampaignNotFoundError();
    return record;
  }

  private async reload(id: string): Promise<CampaignRecord> {
    const record = await this.campaigns.findById(id);
    if (!record) throw new CampaignNotFoundError();
    return record;
  }
}

export function toCampaign(record: CampaignRecord): Campaign {
  return {
    id: record.id,
    tenantId: record.tenantId,
    period: record.period,
    status: record.status,
    closesAt: record.closesAt,
    minResponses: record.minResponses,
    invitedCount: record.invitedCount,
    responseCount: record.responseCount,
    createdAt: record.createdAt,
    endedAt: record.endedAt,
    version: record.version,
    assessmentId: record.assessmentId,
    aggregate: record.aggregate,
  };
}
