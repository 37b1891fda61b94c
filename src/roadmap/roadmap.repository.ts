import { Injectable } from '@nestjs/common';
import { AssessmentReader, type LatestCompanion, type LatestWith } from '../assessments';
import type { RoadmapResult, Stage } from '../scoring';
import { TenantTransaction } from '../tenancy';

/** The latest current assessment with its inputs, the tenant's target and the roadmaps stored for it. */
export type RoadmapSource = LatestWith<RoadmapCompanion>;

/** What the roadmap reads beside the latest assessment, in the same statement. */
export interface RoadmapCompanion {
  targetStage: Stage | null;
  /** Stored roadmaps of the assessment under the model version asked for, by target stage. */
  stored: Partial<Record<Stage, RoadmapResult>>;
}

/** The target and the stored roadmaps of the latest assessment `a`, per model version (one object each: one key). */
const companions = new Map<string, LatestCompanion<RoadmapCompanion>>();
function companionOf(modelVersion: string): LatestCompanion<RoadmapCompanion> {
  let companion = companions.get(modelVersion);
  if (!companion) {
    companion = {
      name: `roadmap:${modelVersion}`,
      columns: `(SELECT t.stage FROM tenant_targets t) AS target_stage,
              (SELECT jsonb_object_agg(r.target_stage, r.roadmap) FROM roadmaps r
                WHERE r.assessment_id = a.id AND r.model_version = $1) AS stored`,
      params: [modelVersion],
      read: (row) => ({
        targetStage: row.target_stage as Stage | null,
        stored: (row.stored as RoadmapCompanion['stored'] | null) ?? {},
      }),
    };
    companions.set(modelVersion, companion);
  }
  return companion;
}

/**
 * Roadmaps are stored per (assessment, model version, target stage): an assessment is an immutable snapshot, so
 * its roadmap never changes, and computing one costs milliseconds of CPU (up to ~200 scorings) on the event loop.
 * Explicit SQL on the request's transaction; row-level security keeps it in the request's tenant.
 */
@Injectable()
export class RoadmapRepository {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly assessments: AssessmentReader,
  ) {}

  /**
   * One statement: the latest current assessment in period order, the target, the stored roadmaps; the same
   * statement as the request's latestAssessment when both are asked (the read model's shared latest read).
   */
  source(modelVersion: string): Promise<RoadmapSource | null> {
    return this.assessments.latestWith(companionOf(modelVersion));
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
