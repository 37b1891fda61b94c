import { Injectable } from '@nestjs/common';
import { RequestLoaders } from '../graphql/loaders';
import { toAssessment } from './assessment.mapper';
import type { Assessment } from './assessment.model';
import { AssessmentsRepository } from './assessments.repository';

const LATEST = 'latest';

/**
 * Per-request batching of what field resolvers ask for: `previous` of every assessment in a response costs one
 * statement, whatever the number of assessments.
 */
@Injectable()
export class AssessmentLoaders {
  constructor(
    private readonly loaders: RequestLoaders,
    private readonly assessments: AssessmentsRepository,
  ) {}

  /** The previous current assessment in period order; for a preview, the latest stored one (what it would follow). */
  previous(assessment: Assessment): Promise<Assessment | null> {
    if (assessment.preview) return this.latest();
    return this.previousLoader().load(assessment.id);
  }

  /** The previous current assessment's overall score (what `delta` needs), without reading that assessment if known. */
  async previousScore(assessment: Assessment): Promise<number | null> {
    if (assessment.preview) return (await this.latest())?.overallScore ?? null;
    return this.previousScoreLoader().load(assessment.id);
  }

  /** Tells the loader what is already known (growth has every point's predecessor at hand). */
  primePrevious(id: string, previous: Assessment | null): void {
    this.previousLoader().clear(id).prime(id, previous);
    this.primePreviousScore(id, previous?.overallScore ?? null);
  }

  /** Only the previous score is known (the portfolio's summary projection). */
  primePreviousScore(id: string, score: number | null): void {
    this.previousScoreLoader().clear(id).prime(id, score);
  }

  /** The current assessment of the request's tenant latest in period order. */
  latest(): Promise<Assessment | null> {
    return this.loaders
      .get<string, Assessment | null>('assessments:latest', async (keys) => {
        const latest = await this.assessments.latest();
        return keys.map(() => (latest ? toAssessment(latest) : null));
      })
      .load(LATEST);
  }

  private previousScoreLoader() {
    return this.loaders.get<string, number | null>('assessments:previousScore', (ids) =>
      Promise.all(ids.map(async (id) => (await this.previousLoader().load(id))?.overallScore ?? null)),
    );
  }

  private previousLoader() {
    return this.loaders.get<string, Assessment | null>('assessments:previous', async (ids) => {
      const previous = await this.assessments.previousOf(ids);
      return ids.map((id) => {
        const record = previous.get(id);
        return record ? toAssessment(record) : null;
      });
    });
  }
}
