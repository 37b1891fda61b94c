import { Injectable } from '@nestjs/common';
import type { AssessmentAnswers, Department } from '../scoring';
import { TenantTransaction } from '../tenancy';
import type { CampaignStatus } from './campaign.model';
import type { StoredAggregate } from './campaign-aggregate';

export type { StoredAggregate } from './campaign-aggregate';

/** A campaign row with its counts and its assessment, as the service reads it. */
export interface CampaignRecord {
  id: string;
  tenantId: string;
  period: string;
  status: CampaignStatus;
  closesAt: Date;
  minResponses: number;
  supersede: boolean;
  createdAt: Date;
  endedAt: Date | null;
  version: number;
  invitedCount: number;
  responseCount: number;
  assessmentId: string | null;
  /** Stored when it left OPEN: what its assessment was scored from. */
  aggregate: StoredAggregate | null;
}

/** What a closed campaign keeps: the aggregate, the anonymous department breakdown and the counts. */

/** One respondent's last answers with who they are: never leaves the service. */
export interface ResponseRecord {
  campaignId: string;
  answers: AssessmentAnswers;
  department: Department;
  external: boolean;
}

export interface NewRespondent {
  email: string;
  department: Department;
  external: boolean;
  tokenHash: Buffer;
}

/** What a response link answers (campaign_link): the respondent's view and the ids to store an answer with. */
export interface LinkRecord {
  tenantId: string;
  campaignId: string;
  respondentId: string;
  tokenHash: Buffer;
  organisationName: string;
  period: string;
  closesAt: Date;
  status: CampaignStatus;
  answered: boolean;
  open: boolean;
}

interface Row {
  id: string;
  tenant_id: string;
  period: string;
  status: CampaignStatus;
  closes_at: Date;
  min_responses: number;
  supersede: boolean;
  created_at: Date;
  ended_at: Date | null;
  version: number;
  invited_count: number;
  response_count: number;
  assessment_id: string | null;
  aggregate: StoredAggregate | null;
}

const COLUMNS = `c.id, c.tenant_id, c.period, c.status, c.closes_at, c.min_responses, c.supersede, c.created_at,
  c.ended_at, c.version, c.aggregate,
  (SELECT count(*)::int FROM campaign_respondents r WHERE r.tenant_id = c.tenant_id AND r.campaign_id = c.id) AS invited_count,
  (SELECT count(*)::int FROM campaign_responses a WHERE a.tenant_id = c.tenant_id AND a.campaign_id = c.id) AS response_count,
  (SELECT s.id FROM assessments s WHERE s.tenant_id = c.tenant_id AND s.campaign_id = c.id) AS assessment_id`;

/**
 * Campaigns, respondents and responses through the request's transaction (row-level security scopes every
 * statement to the request's tenant). Response links are looked up only through campaign_link(), which runs as
 * the owner and answers a hash with nothing beyond the link's own campaign.
 */
@Injectable()
export class CampaignsRepository {
  constructor(private readonly tx: TenantTransaction) {}

  /** Null when the tenant already has an OPEN campaign for this period. */
  async insert(campaign: {
    period: string;
    closesAt: Date;
    minResponses: number;
    supersede: boolean;
    createdBy: string;
  }): Promise<CampaignRecord | null> {
    const [row] = await this.rows<Row>(
      `WITH c AS (
         INSERT INTO campaigns (period, closes_at, min_responses, supersede, created_by)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING *)
       SELECT c.*, 0 AS invited_count, 0 AS response_count, NULL::uuid AS assessment_id FROM c`,
      [campaign.period, campaign.closesAt, campaign.minResponses, campaign.supersede, campaign.createdBy],
    );
    return row ? toRecord(row) : null;
  }

  /** Whether the period has a current assessment. */
  async periodAssessed(period: string): Promise<boolean> {
    const rows = await this.rows(`SELECT 1 FROM assessments a WHERE a.period = $1 AND a.superseded_at IS NULL`, [period]);
    return rows.length > 0;
  }

  /**
   * With `lock`, the row stays locked until the transaction ends: closes and cancels queue on it (FOR UPDATE); a
   * member's answer takes it FOR SHARE (as a link's answer does in campaign_link), so a close waits for it.
   */
  async findById(id: string, lock: false | 'share' | 'update' = false): Promise<CampaignRecord | null> {
    if (lock) await this.rows(`SELECT 1 FROM campaigns WHERE id = $1 FOR ${lock === 'share' ? 'SHARE' : 'UPDATE'}`, [id]);
    const [row] = await this.rows<Row>(`SELECT ${COLUMNS} FROM campaigns c WHERE c.id = $1`, [id]);
    return row ? toRecord(row) : null;
  }

  async findByIds(ids: readonly string[]): Promise<CampaignRecord[]> {
    const rows = await this.rows<Row>(`SELECT ${COLUMNS} FROM campaigns c WHERE c.id = ANY($1::uuid[])`, [ids]);
    return rows.map(toRecord);
  }

  /**
   * Newest first, with the total of the same filter, in one statement: the count is the outer row, the page joins
   * it laterally (an empty page still brings its total, as one row of nulls).
   */
  async page(query: {
    first: number;
    after: [string, string] | null;
    status: CampaignStatus | null;
  }): Promise<{ rows: (CampaignRecord & { createdKey: string })[]; totalCount: number }> {
    const params: unknown[] = [query.first + 1, query.status];
    let after = '';
    if (query.after) {
      params.push(query.after[0], query.after[1]);
      after = `AND (c.created_at, c.id) < ($3::timestamptz, $4::uuid)`;
    }
    const filter = `($2::text IS NULL OR c.status = $2)`;
    const rows = await this.rows<
      (Row & { created_key: string; total_count: number }) | { id: null; total_count: number }
    >(
      `SELECT p.*, t.n AS total_count
         FROM (SELECT count(*)::int AS n FROM campaigns c WHERE ${filter}) t
         LEFT JOIN LATERAL (
           SELECT ${COLUMNS}, c.created_at::text AS created_key FROM campaigns c WHERE ${filter} ${after}
            ORDER BY c.created_at DESC, c.id DESC LIMIT $1) p ON TRUE
        ORDER BY p.created_at DESC, p.id DESC`,
      params,
    );
    const page = rows.filter((r): r is Row & { created_key: string; total_count: number } => r.id !== null);
    return {
      rows: page.map((r) => ({ ...toRecord(r), createdKey: r.created_key })),
      totalCount: rows[0]?.total_count ?? 0,
    };
  }

  /** Invites, or re-invites with a new token (the old link stops working), in one statement. */
  async invite(campaignId: string, respondents: NewRespondent[]): Promise<void> {
    await this.rows(
      `INSERT INTO campaign_respondents (campaign_id, email, department, external, token_hash)
       SELECT $1, r.email, r.department, r.external, decode(r.token_hash, 'hex')
         FROM unnest($2::text[], $3::text[], $4::boolean[], $5::text[]) AS r(email, department, external, token_hash)
       ON CONFLICT (tenant_id, campaign_id, lower(email)) DO UPDATE
         -- The new hash comes from the parameters: the service may not read token_hash, not even as EXCLUDED.
         SET token_hash = (SELECT decode(x.token_hash, 'hex') FROM unnest($2::text[], $5::text[]) AS x(email, token_hash)
                            WHERE lower(x.email) = lower(EXCLUDED.email)),
             department = EXCLUDED.department, external = EXCLUDED.external, invited_at = now()`,
      [
        campaignId,
        respondents.map((r) => r.email),
        respondents.map((r) => r.department),
        respondents.map((r) => r.external),
        respondents.map((r) => r.tokenHash.toString('hex')),
      ],
    );
  }

  /** Every respondent's last answers of these campaigns, with department: only for aggregation. */
  async responsesOf(campaignIds: readonly string[]): Promise<ResponseRecord[]> {
    const rows = await this.rows<{
      campaign_id: string;
      answers: AssessmentAnswers;
      department: Department;
      external: boolean;
    }>(
      `SELECT a.campaign_id, a.answers, r.department, r.external
         FROM campaign_responses a
         JOIN campaign_respondents r ON r.tenant_id = a.tenant_id AND r.id = a.respondent_id
        WHERE a.campaign_id = ANY($1::uuid[])`,
      [campaignIds],
    );
    return rows.map((r) => ({ campaignId: r.campaign_id, answers: r.answers, department: r.department, external: r.external }));
  }

  /**
   * The signed-in member's respondent row in this campaign, made on first use: the row already linked to the
   * member, else the invitation of the member's email (which becomes linked), else a new row without a link. The
   * member's department is recorded (they know it best). One statement; the respondent id.
   */
  async memberRespondent(campaignId: string, department: Department): Promise<string> {
    const [row] = await this.rows<{ id: string }>(
      `WITH me AS (SELECT u.id, u.email FROM users u WHERE u.id = app_current_user()),
       linked AS (
         UPDATE campaign_respondents r SET department = $2
          WHERE r.campaign_id = $1 AND r.user_id = (SELECT me.id FROM me)
         RETURNING r.id),
       added AS (
         INSERT INTO campaign_respondents AS r (campaign_id, email, department, external, user_id)
         SELECT $1, me.email, $2, false, me.id FROM me WHERE NOT EXISTS (SELECT 1 FROM linked)
         ON CONFLICT (tenant_id, campaign_id, lower(email)) DO UPDATE SET user_id = EXCLUDED.user_id, department = $2
         RETURNING r.id)
       SELECT id FROM linked UNION ALL SELECT id FROM added`,
      [campaignId, department],
    );
    return row.id;
  }

  /** Of these campaigns, those the signed-in member has answered (by login, or by the link of their email). */
  async answeredByMember(campaignIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.rows<{ campaign_id: string }>(
      `SELECT r.campaign_id FROM campaign_respondents r
        WHERE r.campaign_id = ANY($1::uuid[])
          AND (r.user_id = app_current_user()
               OR lower(r.email) = (SELECT lower(u.email) FROM users u WHERE u.id = app_current_user()))
          AND EXISTS (SELECT 1 FROM campaign_responses a WHERE a.tenant_id = r.tenant_id AND a.respondent_id = r.id)`,
      [campaignIds],
    );
    return new Set(rows.map((r) => r.campaign_id));
  }

  /** The last answer counts: a second answer replaces the first. */
  async saveResponse(campaignId: string, respondentId: string, answers: AssessmentAnswers): Promise<void> {
    await this.rows(
      `INSERT INTO campaign_responses AS a (campaign_id, respondent_id, answers) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (tenant_id, respondent_id) DO UPDATE
         SET answers = EXCLUDED.answers, answered_at = now(), revision = a.revision + 1`,
      [campaignId, respondentId, JSON.stringify(answers)],
    );
  }

  /** Moves an OPEN campaign on; null when it was no longer OPEN. */
  async end(id: string, status: Exclude<CampaignStatus, 'OPEN'>, aggregate: StoredAggregate | null): Promise<boolean> {
    const [, affected] = await this.query<[unknown[], number]>(
      `UPDATE campaigns SET status = $2, ended_at = now(), aggregate = $3::jsonb, version = version + 1
        WHERE id = $1 AND status = 'OPEN'`,
      [id, status, aggregate === null ? null : JSON.stringify(aggregate)],
    );
    return affected === 1;
  }

  /**
   * The link of this token hash, if any. With `enter`, the same statement selects the link's tenant for the rest
   * of the transaction (app.tenant_id) and share-locks its campaign: only a valid link selects a tenant.
   */
  async link(tokenHash: Buffer, enter: boolean): Promise<LinkRecord | null> {
    const [row] = await this.rows<{
      tenant_id: string;
      campaign_id: string;
      respondent_id: string;
      token_hash: Buffer;
      organisation_name: string;
      period: string;
      closes_at: Date;
      status: CampaignStatus;
      answered: boolean;
      open: boolean;
    }>(
      enter
        ? `SELECT l.*, set_config('app.tenant_id', l.tenant_id::text, true) AS entered FROM campaign_link($1, true) l`
        : `SELECT l.* FROM campaign_link($1, false) l`,
      [tokenHash],
    );
    if (!row) return null;
    return {
      tenantId: row.tenant_id,
      campaignId: row.campaign_id,
      respondentId: row.respondent_id,
      tokenHash: row.token_hash,
      organisationName: row.organisation_name,
      period: row.period,
      closesAt: row.closes_at,
      status: row.status,
      answered: row.answered,
      open: row.open,
    };
  }

  /**
   * Claims one due OPEN campaign of any tenant for this transaction (locked; other closers skip it) and selects
   * its tenant in the same statement. Null when none is due.
   */
  async claimDue(): Promise<{ tenantId: string; campaignId: string } | null> {
    const [row] = await this.rows<{ tenant_id: string; campaign_id: string }>(
      `SELECT d.tenant_id, d.campaign_id, set_config('app.tenant_id', d.tenant_id::text, true) AS entered
         FROM campaign_claim_due() d`,
      [],
    );
    return row ? { tenantId: row.tenant_id, campaignId: row.campaign_id } : null;
  }

  /** The selected tenant's name and departments (the invitation's subject, the campaign findings). */
  async organisation(): Promise<{ name: string }> {
    const [row] = await this.rows<{ name: string }>(`SELECT t.name FROM tenants t WHERE t.id = app_current_tenant()`, []);
    return row;
  }

  /** Source and campaign of these assessments (of the selected tenant). */
  async assessmentSources(ids: readonly string[]): Promise<Map<string, string | null>> {
    const rows = await this.rows<{ id: string; campaign_id: string | null }>(
      `SELECT a.id, a.campaign_id FROM assessments a WHERE a.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.campaign_id]));
  }

  /** The OPEN campaign of each of these tenants where the caller is CONSULTANT (consultant_open_campaigns()). */
  async openOfConsultantTenants(tenantIds: readonly string[]): Promise<CampaignRecord[]> {
    const rows = await this.rows<Row>(`SELECT * FROM consultant_open_campaigns($1::uuid[])`, [tenantIds]);
    return rows.map(toRecord);
  }

  private async rows<R>(sql: string, params: unknown[]): Promise<R[]> {
    return this.query<R[]>(sql, params);
  }

  private async query<R>(sql: string, params: unknown[]): Promise<R> {
    const manager = await this.tx.manager();
    return manager.query<R>(sql, params);
  }
}

function toRecord(row: Row): CampaignRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    period: row.period,
    status: row.status,
    closesAt: row.closes_at,
    minResponses: row.min_responses,
    supersede: row.supersede,
    createdAt: row.created_at,
    endedAt: row.ended_at,
    version: row.version,
    invitedCount: row.invited_count,
    responseCount: row.response_count,
    assessmentId: row.assessment_id,
    aggregate: row.aggregate,
  };
}
