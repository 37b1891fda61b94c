import { Injectable } from '@nestjs/common';
import { LATEST_FIRST, SUBMITTED_KEY, type AssessmentRecord } from '../assessments';
import type { RoadmapResult, ScoringInputs, ScoringResult, Stage } from '../scoring';
import { TenantTransaction } from '../tenancy';

/** The latest current assessment with its inputs, the tenant's target and the roadmaps stored for it. */
export interface RoadmapSource {
  assessment: AssessmentRecord;
  inputs: ScoringInputs;
  targetStage: Stage | null;
  /** Stored roadmaps of the assessment under the model version asked for, by target stage. */
  stored: Partial<Record<Stage, RoadmapResult>>;
}

interface Row {
  id: string;
  period: string;
  submitted_at: Date;
  submitted_key: string;
  superseded_at: Date | null;
  model_version: string;
  overall_score: number;
  stage: Stage;
  result: ScoringResult;
  idempotency_key: string;
  request_hash: string;
  inputs: ScoringInputs;
  target_stage: Stage | null;
  stored: Partial<Record<Stage, RoadmapResult>> | null;
}

/**
 * Roadmaps are stored per (assessment, model version, target stage): an assessment is an immutable snapshot, so
 * its roadmap never changes, and computing one costs milliseconds of CPU (up to ~200 scorings) on the event loop.
 * Explicit SQL on the request's transaction; row-level security keeps it in the request's tenant.
 */
@Injectable()
export class RoadmapRepository {
  constructor(private readonly tx: TenantTransaction) {}

  /** One statement: the latest current assessment in period order, the target, the stored roadmaps. */
  async source(modelVersion: string): Promise<RoadmapSource | null> {
    const manager = await this.tx.manager();
    const [row] = await manager.query<Row[]>(
      `SELECT a.id, a.period, a.submitted_at, ${SUBMITTED_KEY('a')} AS submitted_key,
              a.superseded_at, a.model_version, a.overall_score, a.stage, a.result, a.idempotency_key, a.request_hash,
              a.inputs,
              (SELECT t.stage FROM tenant_targets t) AS target_stage,
              (SELECT jsonb_object_agg(r.target_stage, r.roadmap) FROM roadmaps r
                WHERE r.assessment_id = a.id AND r.model_version = $1) AS stored
         FROM assessments a
        WHERE a.superseded_at IS NULL
        ORDER BY ${LATEST_FIRST('a')}
        LIMIT 1`,
      [modelVersion],
    );
    if (!row) return null;
    return {
      assessment: {
        id: row.id,
        period: row.period,
        submittedAt: row.submitted_at,
        submittedKey: row.submitted_key,
        supersededAt: row.superseded_at,
        modelVersion: row.model_version,
        overallScore: row.overall_score,
        stage: row.stage,
        result: row.result,
        answers: row.inputs.answers,
        idempotencyKey: row.idempotency_key,
        requestHash: row.request_hash,
      },
      inputs: row.inputs,
      targetStage: row.target_stage,
      stored: row.stored ?? {},
    };
  }

  /** Stores a computed roadmap; a concurrent reader that stored it first wins (the same roadmap anyway). */
  async store(assessmentId: string, modelVersion: string, roadmap: RoadmapResult): Promise<void> {
    const manager = await this.tx.manager();
    await manager.query(
      `INSERT INTO roadmaps (assessment_id, model_version, target_stage, roadmap) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT DO NOTHING`,
      [assessmentId, modelVersion, roadmap.targetStage, JSON.stringify(roadmap)],
    );
  }
}
