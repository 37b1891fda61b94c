import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { BadUserInputError } from '../common/errors';
import { isUuid } from '../common/ids';
import { type Connection, decodeCursor, toConnection } from '../graphql';
import {
  CURRENT_MODEL_VERSION,
  getScoringModel,
  periodProblem,
  periodSpan,
  score,
  type AssessmentAnswers,
  type FindingResult,
  type ScoringInputs,
  type ScoringResult,
} from '../scoring';
import { RequestScope } from '../tenancy';
import { toAssessment, toPreview } from './assessment.mapper';
import type { Assessment } from './assessment.model';
import {
  ConcurrentSubmissionError,
  IdempotencyKeyReusedError,
  PeriodAlreadyAssessedError,
} from './assessments.errors';
import { AssessmentsRepository, type AssessmentRecord, type PeriodOrderKey } from './assessments.repository';
import type { AssessmentsArgs } from './dto/assessments.args';
import type { SubmitAssessmentInput } from './dto/submit-assessment.input';
import { OrganisationFactsReader } from './organisation-facts.reader';
import type { OrganisationFacts } from './organisation-facts';
import { userIdOf } from '../request';
import { canonicalAnswers, requestHash } from './request-hash';
import { markMutationUnchanged } from '../audit';

@Injectable()
export class AssessmentsService {
  constructor(
    private readonly scope: RequestScope,
    private readonly assessments: AssessmentsRepository,
    private readonly facts: OrganisationFactsReader,
  ) {}

  /**
   * Freezes the tenant's current facts with the answers into a snapshot, scores it with the current model and
   * stores both, in the request's one transaction. Idempotent per key; one current assessment per period.
   *
   * A plain submission (the common case: a new key for a free period) inserts first and sorts out a replay or a
   * taken period only when the insert finds its key or period taken: one round trip less than looking first.
   * Superseding needs the period's current assessment before the insert, so it looks first.
   */
  async submit(input: SubmitAssessmentInput): Promise<Assessment> {
    const { period, idempotencyKey } = input;
    assertAssessablePeriod(period, new Date());
    const supersede = input.supersede ?? false;
    const answers = canonicalAnswers(input.answers);
    const hash = requestHash({ period, answers, supersede });

    let current: AssessmentRecord | undefined;
    if (supersede) {
      const known = await this.assessments.findKeyOrCurrentOfPeriod(idempotencyKey, period);
      const sameKey = known.find((a) => a.idempotencyKey === idempotencyKey);
      if (sameKey) return replay(sameKey, hash);
      current = known.find((a) => a.period === period && a.supersededAt === null);
    }

    const inputs = { ...(await this.facts.read()), answers };
    const result = this.scoreNow(inputs);
    const id = randomUUID();
    if (current) {
      const superseded = await this.assessments.supersede(current.id, id);
      if (!superseded) throw new ConcurrentSubmissionError(period);
    }
    const inserted = await this.assessments.insertUnlessTaken({
      id,
      period,
      idempotencyKey,
      requestHash: hash,
      // null for an API key (the audit row names the key)
      submittedBy: userIdOf(this.scope.current.caller),
      inputs,
      result,
    });
    if (inserted) return toAssessment(inserted);

    // The key or the period is taken: by a committed submission, or by a concurrent one that committed while the
    // insert waited for it. Either is visible now.
    const known = await this.assessments.findKeyOrCurrentOfPeriod(idempotencyKey, period);
    const sameKey = known.find((a) => a.idempotencyKey === idempotencyKey);
    if (sameKey && current) {
      // This request already superseded the period's assessment: it cannot return another one's result.
      if (sameKey.requestHash !== hash) throw new IdempotencyKeyReusedError();
      throw new ConcurrentSubmissionError(period);
    }
    if (sameKey) return replay(sameKey, hash);
    if (!supersede && known.some((a) => a.period === period && a.supersededAt === null)) {
      throw new PeriodAlreadyAssessedError(period);
    }
    throw new ConcurrentSubmissionError(period);
  }

  /**
   * Stores a campaign's aggregated answers as the period's assessment (source CAMPAIGN, linked to the campaign): the
   * tenant's current facts frozen with those answers, scored with the current model, with the campaign's findings
   * added to the model's (they change no score). Exactly once per campaign: the insert's unique indexes (the
   * campaign, the period's current assessment) decide. Null when the period already has a current assessment that
   * may not be superseded, or a concurrent submission took the period.
   */
  async storeCampaignAssessment(campaign: CampaignAssessment): Promise<Assessment | null> {
    const { period, supersede } = campaign;
    const answers = canonicalAnswers(campaign.answers);
    const idempotencyKey = `campaign:${campaign.campaignId}`;
    const known = await this.assessments.findKeyOrCurrentOfPeriod(idempotencyKey, period);
    const sameKey = known.find((a) => a.idempotencyKey === idempotencyKey);
    if (sameKey) return toAssessment(sameKey);
    const current = known.find((a) => a.period === period && a.supersededAt === null);
    if (current && !supersede) return null;

    const facts = await this.facts.read();
    const inputs = { ...facts, answers };
    const scored = this.scoreNow(inputs);
    const result = { ...scored, findings: [...scored.findings, ...campaign.findings(facts)] };
    const id = randomUUID();
    if (current && !(await this.assessments.supersede(current.id, id))) return null;
    const inserted = await this.assessments.insertUnlessTaken({
      id,
      period,
      idempotencyKey,
      requestHash: requestHash({ period, answers, supersede }),
      submittedBy: userIdOf(this.scope.current.caller),
      inputs,
      result,
      campaignId: campaign.campaignId,
    });
    return inserted ? toAssessment(inserted) : null;
  }

  /** Scores the tenant's current facts with these answers; stores nothing. */
  async preview(answers: AssessmentAnswers): Promise<Assessment> {
    const canonical = canonicalAnswers(answers);
    const inputs = { ...(await this.facts.read()), answers: canonical };
    return toPreview(this.scoreNow(inputs), canonical, new Date());
  }

  /** Null for an id that is malformed, unknown or another tenant's (row-level security hides those). */
  async get(id: string): Promise<Assessment | null> {
    if (!isUuid(id)) return null;
    const record = await this.assessments.findById(id);
    return record ? toAssessment(record) : null;
  }

  /** Latest period first (period order); current ones only unless includeSuperseded. */
  async list(args: AssessmentsArgs): Promise<Connection<Assessment>> {
    const { rows, totalCount } = await this.assessments.page({
      first: args.first,
      after: args.after ? decodeAssessmentCursor(args.after) : null,
      includeSuperseded: args.includeSuperseded ?? false,
    });
    return toConnection(rows, args.first, totalCount, toAssessment, (row) => [row.period, row.submittedKey, row.id]);
  }

  private scoreNow(inputs: ScoringInputs): ScoringResult {
    return score(inputs, getScoringModel(CURRENT_MODEL_VERSION));
  }
}

/** What a campaign hands over to become the period's assessment. */
export interface CampaignAssessment {
  campaignId: string;
  period: string;
  supersede: boolean;
  answers: AssessmentAnswers;
  /** The campaign's findings, given the organisation's facts (its departments). */
  findings: (facts: OrganisationFacts) => FindingResult[];
}

/** The first result of this key, when the body is the same; stores nothing. */
function replay(first: AssessmentRecord, hash: string): Assessment {
  if (first.requestHash !== hash) throw new IdempotencyKeyReusedError();
  markMutationUnchanged();
  return toAssessment(first);
}

/**
 * A period may be assessed once it has started (its first day is not after today, UTC) and when it starts in 2000
 * or later (domain.md, "Periods"). Anything else taking a period checks it the same way.
 */
export function assertAssessablePeriod(period: string, today: Date, field = 'input.period'): void {
  const problem = periodProblem(period, today);
  if (problem) throw BadUserInputError.field(field, problem);
}

/** An `assessments` cursor: the period, the submission time in microseconds and the id of the last row. */
function decodeAssessmentCursor(cursor: string): PeriodOrderKey {
  const [period, submittedKey, id] = decodeCursor(cursor, 3);
  const span = typeof period === 'string' ? periodSpan(period) : null;
  if (!span || typeof submittedKey !== 'string' || !/^-?[0-9]{1,19}$/.test(submittedKey) || !isUuid(id)) {
    throw BadUserInputError.field('after', 'is not a cursor returned by this API');
  }
  // PostgreSQL has no year 0: the generated column puts "0000" on the year before 1 (migration 1764150008000).
  const year = span.start.getUTCFullYear();
  const periodStart = year === 0 ? '0001-01-01 BC' : span.start.toISOString().slice(0, 10);
  return { periodStart, periodMonths: span.months, submittedKey, id };
}
