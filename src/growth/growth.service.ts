import { Injectable } from '@nestjs/common';
import { AssessmentLoaders } from '../assessments/assessment.loaders';
import { toAssessment } from '../assessments/assessment.mapper';
import { AssessmentsRepository } from '../assessments/assessments.repository';
import { CURRENT_MODEL_VERSION, getScoringModel, growth } from '../scoring';
import type { Growth } from './growth.model';

@Injectable()
export class GrowthService {
  constructor(
    private readonly assessments: AssessmentsRepository,
    private readonly loaders: AssessmentLoaders,
  ) {}

  /** Growth of the request's tenant over its current assessments (superseded ones are history, not growth). */
  async ofSelectedTenant(): Promise<Growth> {
    const points = (await this.assessments.currentOldestFirst()).map(toAssessment);
    const result = growth(points, getScoringModel(CURRENT_MODEL_VERSION));
    // Each point's predecessor is the point before it: Assessment.previous/delta need no further query.
    result.points.forEach((point, index) =>
      this.loaders.primePrevious(point.id, result.points[index - 1] ?? null),
    );
    return {
      points: result.points,
      trends: result.trends,
      overallSlopePer90Days: result.overallSlopePer90Days,
      nextStage: result.nextStage,
      projectedNextStageAt: result.projectedNextStageAt,
    };
  }
}
