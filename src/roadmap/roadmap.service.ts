import { Injectable } from '@nestjs/common';
import { stepDescription } from '../i18n';
import { requestLanguage } from '../request';
import {
  CURRENT_MODEL_VERSION,
  defaultTarget,
  describeStep,
  getScoringModel,
  roadmap,
  score,
  type RoadmapResult,
  type ScoringInputs,
} from '../scoring';
import type { Roadmap } from './roadmap.model';
import { RoadmapRepository } from './roadmap.repository';

/**
 * Tenant.roadmap: the pure engine's roadmap (scoring/roadmap.ts) from the latest current assessment's stored
 * inputs, under the current model, toward the tenant's target or the next stage. Computed once per
 * (assessment, model version, target stage) and stored: later reads cost one statement and no scoring.
 */
@Injectable()
export class RoadmapService {
  constructor(private readonly roadmaps: RoadmapRepository) {}

  async ofSelectedTenant(): Promise<Roadmap | null> {
    const modelVersion = CURRENT_MODEL_VERSION;
    const source = await this.roadmaps.source(modelVersion);
    if (!source) return null;
    const model = getScoringModel(modelVersion);
    const { inputs, assessment, companion } = source;
    // The default target follows the stage under the model the roadmap uses (the stored one when it is current).
    const stageNow = assessment.modelVersion === modelVersion ? assessment.stage : score(inputs, model).stage;
    const targetStage = companion.targetStage ?? defaultTarget(stageNow);
    let result = companion.stored[targetStage];
    if (!result) {
      result = roadmap(inputs, model, targetStage);
      await this.roadmaps.store(assessment.id, modelVersion, result);
    }
    return toRoadmap(result, inputs, assessment);
  }
}

/** The stored roadmap as the API shows it: each step's description made here, in the request's language. */
function toRoadmap(result: RoadmapResult, inputs: ScoringInputs, basedOn: Roadmap['basedOn']): Roadmap {
  const language = requestLanguage();
  return {
    basedOn,
    targetStage: result.targetStage,
    reachesTarget: result.reachesTarget,
    steps: result.steps.map((step) => ({
      move: step.move,
      responsibility: step.responsibility,
      department: step.department,
      overallScore: step.overallScore,
      stage: step.stage,
      clearsFindings: step.clearsFindings,
      description: stepDescription(language, describeStep(step, inputs)),
    })),
  };
}
