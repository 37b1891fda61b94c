/**
 * Q4 (the workspace's client page in one request) and Q5 (a campaign response through a response link) for the
 * bare peers, written by hand as a bare Apollo + pg service would: the same semantics as the application's (the
 * latest current assessment in period order, its change, growth over the current assessments, the roadmap stored
 * per assessment and target, the open actions oldest first with their total, the newest open campaign; a link
 * answered through campaign_link() under its own tenant, the audit row with the COMMIT), in fewer statements
 * where plain SQL allows it.
 */
import type { ClientBase } from 'pg';
import { LATEST_FIRST } from '../../src/assessments/assessment-sql';
import { canonicalAnswers } from '../../src/assessments/request-hash';
import { auditRowSql } from '../../src/audit/audit-sql';
import { hashResponseToken, isResponseTokenShape } from '../../src/campaigns/response-token';
import { findingTexts, stepDescription } from '../../src/i18n';
import {
  CURRENT_MODEL_VERSION,
  defaultTarget,
  describeStep,
  getScoringModel,
  growth,
  roadmap,
  score,
  type AssessmentAnswers,
  type RoadmapResult,
  type ScoringInputs,
  type ScoringResult,
  type Stage,
} from '../../src/scoring';

export const CLIENT_PAGE_SDL = `
  type Growth { totalPoints: Int! overallSlopePer90Days: Float nextStage: String points(last: Int = 20): [Assessment!]! }
  type RoadmapStep {
    move: String! responsibility: String department: String description: String! overallScore: Float! stage: String!
  }
  type Roadmap { targetStage: String! reachesTarget: Boolean! steps: [RoadmapStep!]! }
  type Action { id: ID! title: String! move: String status: String! dueAt: String overdue: Boolean! }
  type ActionEdge { node: Action! }
  type ActionConnection { totalCount: Int! edges: [ActionEdge!]! }
  type Campaign { id: ID! period: String! closesAt: String! invitedCount: Int! responseCount: Int! }
  type CampaignEdge { node: Campaign! }
  type CampaignConnection { edges: [CampaignEdge!]! }
  type Tenant {
    id: ID! name: String! myRole: String! latestAssessment: Assessment growth: Growth! roadmap: Roadmap
    actions(first: Int = 20, status: ActionStatus): ActionConnection!
    campaigns(first: Int = 20, status: CampaignStatus): CampaignConnection!
  }
  enum ActionStatus { OPEN IN_PROGRESS DONE DROPPED }
  enum CampaignStatus { OPEN CLOSED EXPIRED CANCELLED }
`;

interface PointRow {
  id: string;
  period: string;
  submitted_at: Date;
  model_version: string;
  overall_score: number;
  stage: Stage;
  dimensions: ScoringResult['dimensions'];
  /** The latest point's result in full; null for the others. */
  result: ScoringResult | null;
}

/** Every current assessment, oldest first in period order, with dimensions; the latest one with its whole result. */
const POINTS_SQL = `SELECT a.id, a.period, a.submitted_at, a.model_version, a.overall_score, a.stage,
         a.result -> 'dimensions' AS dimensions, CASE WHEN a.n = 1 THEN a.result END AS result
    FROM (SELECT l.*, row_number() OVER (ORDER BY ${LATEST_FIRST('l')}) AS n FROM assessments l WHERE l.superseded_at IS NULL) a
   ORDER BY a.n DESC`;

/** The latest current assessment's inputs, the target and the roadmaps stored for it. */
const ROADMAP_SOURCE_SQL = `SELECT a.id, a.model_version, a.stage, a.inputs,
         (SELECT t.stage FROM tenant_targets t) AS target_stage,
         (SELECT jsonb_object_agg(r.target_stage, r.roadmap) FROM roadmaps r
           WHERE r.assessment_id = a.id AND r.model_version = $1) AS stored
    FROM assessments a WHERE a.superseded_at IS NULL ORDER BY ${LATEST_FIRST('a')} LIMIT 1`;

const STORE_ROADMAP_SQL = `INSERT INTO roadmaps (assessment_id, model_version, target_stage, roadmap) VALUES ($1, $2, $3, $4::jsonb)
  ON CONFLICT DO NOTHING`;

/** A page of actions of one status, oldest first, with the total of that status (the window runs before LIMIT). */
const ACTIONS_SQL = `SELECT a.id, a.title, a.move, a.status, a.due_at,
         (a.status IN ('OPEN','IN_PROGRESS') AND a.due_at IS NOT NULL AND a.due_at < now()) AS overdue,
         count(*) OVER ()::int AS total
    FROM actions a WHERE a.status = $1 ORDER BY a.created_at, a.id LIMIT $2`;

const CAMPAIGNS_SQL = `SELECT c.id, c.period, c.closes_at,
         (SELECT count(*)::int FROM campaign_respondents r WHERE r.tenant_id = c.tenant_id AND r.campaign_id = c.id) AS invited_count,
         (SELECT count(*)::int FROM campaign_responses a WHERE a.tenant_id = c.tenant_id AND a.campaign_id = c.id) AS response_count
    FROM campaigns c WHERE c.status = $1 ORDER BY c.created_at DESC, c.id DESC LIMIT $2`;

const TENANT_SQL = 'SELECT t.id, t.name FROM tenants t WHERE t.id = $1';

function toPoint(row: PointRow, previous: PointRow | undefined) {
  return {
    id: row.id,
    period: row.period,
    submittedAt: row.submitted_at.toISOString(),
    modelVersion: row.model_version,
    overallScore: row.overall_score,
    stage: row.stage,
    dimensions: row.dimensions,
    appliedCaps: row.result?.appliedCaps ?? [],
    // Stored results hold codes only (issue 18): the texts are written here, as bare-apollo.ts does for Q1.
    findings: (row.result?.findings ?? []).map((f) => ({ ...f, ...findingTexts('en', f) })),
    delta: previous ? row.overall_score - previous.overall_score : null,
  };
}

/**
 * The client page of the selected tenant (Q4's selection, read eagerly: the peer serves this page only). The
 * statements run one after another on the request's client, as they must in one transaction.
 */
export async function clientPage(
  client: ClientBase,
  tenantId: string,
  role: string,
  actionsFirst = 20,
  campaignsFirst = 1,
) {
  const model = getScoringModel(CURRENT_MODEL_VERSION);
  const [tenant] = (await client.query<{ id: string; name: string }>(TENANT_SQL, [tenantId])).rows;
  const points = (await client.query<PointRow>(POINTS_SQL)).rows;
  const page = await roadmapOf(client);
  const actions = (
    await client.query<{
      id: string;
      title: string;
      move: string | null;
      status: string;
      due_at: Date | null;
      overdue: boolean;
      total: number;
    }>(ACTIONS_SQL, ['OPEN', actionsFirst])
  ).rows;
  const campaigns = (
    await client.query<{
      id: string;
      period: string;
      closes_at: Date;
      invited_count: number;
      response_count: number;
    }>(CAMPAIGNS_SQL, ['OPEN', campaignsFirst])
  ).rows;
  const trend = growth(
    points.map((p) => ({
      id: p.id,
      period: p.period,
      submittedAt: p.submitted_at,
      overallScore: p.overall_score,
      stage: p.stage,
      dimensions: p.dimensions,
    })),
    model,
  );
  const latest = points.at(-1);
  const mapped = points.map((p, i) => toPoint(p, points[i - 1]));
  return {
    id: tenant.id,
    name: tenant.name,
    myRole: role,
    latestAssessment: latest ? mapped.at(-1) : null,
    growth: {
      totalPoints: trend.points.length,
      overallSlopePer90Days: trend.overallSlopePer90Days,
      nextStage: trend.nextStage,
      points: ({ last = 20 }: { last?: number }) => mapped.slice(Math.max(0, mapped.length - last)),
    },
    roadmap: page,
    actions: {
      totalCount: actions[0]?.total ?? 0,
      edges: actions.map((a) => ({
        node: {
          id: a.id,
          title: a.title,
          move: a.move,
          status: a.status,
          dueAt: a.due_at?.toISOString() ?? null,
          overdue: a.overdue,
        },
      })),
    },
    campaigns: {
      edges: campaigns.map((c) => ({
        node: {
          id: c.id,
          period: c.period,
          closesAt: c.closes_at.toISOString(),
          invitedCount: c.invited_count,
          responseCount: c.response_count,
        },
      })),
    },
  };
}

/** The stored roadmap toward the target (or the next stage); computed and stored on its first read. */
async function roadmapOf(client: ClientBase) {
  const { rows } = await client.query<{
    id: string;
    model_version: string;
    stage: Stage;
    inputs: ScoringInputs;
    target_stage: Stage | null;
    stored: Record<string, RoadmapResult> | null;
  }>(ROADMAP_SOURCE_SQL, [CURRENT_MODEL_VERSION]);
  const source = rows[0];
  if (!source) return null;
  const model = getScoringModel(CURRENT_MODEL_VERSION);
  const stageNow =
    source.model_version === CURRENT_MODEL_VERSION ? source.stage : score(source.inputs, model).stage;
  const targetStage = source.target_stage ?? defaultTarget(stageNow);
  let result = source.stored?.[targetStage];
  if (!result) {
    result = roadmap(source.inputs, model, targetStage);
    await client.query(STORE_ROADMAP_SQL, [
      source.id,
      CURRENT_MODEL_VERSION,
      targetStage,
      JSON.stringify(result),
    ]);
  }
  return {
    targetStage: result.targetStage,
    reachesTarget: result.reachesTarget,
    steps: result.steps.map((step) => ({
      move: step.move,
      responsibility: step.responsibility,
      department: step.department,
      overallScore: step.overallScore,
      stage: step.stage,
      description: stepDescription('en', describeStep(step, source.inputs)),
    })),
  };
}

/** The application's link statement: campaign_link() finds the link and selects its tenant in one statement. */
const LINK_SQL = `SELECT l.*, set_config('app.tenant_id', l.tenant_id::text, true) AS entered FROM campaign_link($1, true) l`;
const SAVE_RESPONSE_SQL = `INSERT INTO campaign_responses AS a (campaign_id, respondent_id, answers) VALUES ($1, $2, $3::jsonb)
  ON CONFLICT (tenant_id, respondent_id) DO UPDATE SET answers = EXCLUDED.answers, answered_at = now(), revision = a.revision + 1`;

export class ResponseRefused extends Error {
  constructor(
    message: string,
    readonly code: 'NOT_FOUND' | 'CONFLICT',
  ) {
    super(message);
  }
}

/**
 * Q5 on a client whose transaction is open with no user: the link, the answer, and the audit row returned for
 * the caller to send with its COMMIT.
 */
export async function answerLink(
  client: ClientBase,
  token: string,
  answers: AssessmentAnswers,
  requestId: string,
): Promise<string> {
  if (!isResponseTokenShape(token)) throw new ResponseRefused('Unknown response link', 'NOT_FOUND');
  const { rows } = await client.query<{
    tenant_id: string;
    campaign_id: string;
    respondent_id: string;
    open: boolean;
  }>(LINK_SQL, [hashResponseToken(token)]);
  const link = rows[0];
  if (!link) throw new ResponseRefused('Unknown response link', 'NOT_FOUND');
  if (!link.open) throw new ResponseRefused('The campaign no longer takes answers', 'CONFLICT');
  await client.query(SAVE_RESPONSE_SQL, [
    link.campaign_id,
    link.respondent_id,
    JSON.stringify(canonicalAnswers(answers)),
  ]);
  return auditRowSql({
    tenantId: link.tenant_id,
    userId: null,
    operation: 'submitCampaignResponse',
    targetId: link.campaign_id,
    requestId,
  });
}
