import { Injectable } from '@nestjs/common';
import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import { ASSESSMENT_DETAIL_FIELDS, AssessmentReader } from '../assessments';
import { perFieldNode } from '../graphql';
import type { AssessmentSummary } from '../assessments';
import { CURRENT_MODEL_VERSION, getScoringModel, growth } from '../scoring';
import { DEFAULT_GROWTH_POINTS, MAX_GROWTH_POINTS } from './dto/growth-points.args';
import type { Growth } from './growth.model';

@Injectable()
export class GrowthService {
  constructor(private readonly assessments: AssessmentReader) {}

  /**
   * Growth of the request's tenant over its current assessments (superseded ones are history, not growth). Trends
   * and the next stage need every point's dimension scores; only the latest `pointsInFull` points (and the
   * predecessor of the first of them, which `previous` shows) are read in full, and they carry their predecessor.
   */
  async ofSelectedTenant(pointsInFull: number): Promise<Growth> {
    const history = await this.assessments.history(pointsInFull);
    const result = growth(history, getScoringModel(CURRENT_MODEL_VERSION));
    return {
      allPoints: result.points,
      totalPoints: result.points.length,
      trends: result.trends,
      overallSlopePer90Days: result.overallSlopePer90Days,
      nextStage: result.nextStage,
      projectedNextStageAt: result.projectedNextStageAt,
    };
  }

  /** The latest `last` points, oldest first; they carry their predecessors, so previous/delta need no query. */
  latestPoints(growthOf: Growth, last: number): AssessmentSummary[] {
    const all = growthOf.allPoints;
    return all.slice(Math.max(0, all.length - last));
  }
}

/** Fields of a point that need it read in full: the stored result beyond its dimensions, the answers, `previous`. */
const IN_FULL_FIELDS = new Set<string>([...ASSESSMENT_DETAIL_FIELDS, 'previous']);

/**
 * The largest `points(last)` of a `Tenant.growth` selection (aliases, fragments and variables resolved): how many
 * points to read in full; 0 when no `points` selection asks for a field beyond the summary (id, period, scores,
 * stage, dimensions, delta...), which every point has. Out-of-range values are refused by the points field itself;
 * here they are only clamped.
 */
// Parsed once per field node of a document without variables (bench Q4: the parse was ~8 KB a request).
export const pointsAsked = perFieldNode((info: GraphQLResolveInfo): number => {
  const tree = parseResolveInfo(info) as ResolveTree | null | undefined;
  const points = Object.values(tree?.fieldsByTypeName.Growth ?? {}).filter(
    (f) =>
      f.name === 'points' &&
      Object.values(f.fieldsByTypeName.Assessment ?? {}).some((p) => IN_FULL_FIELDS.has(p.name)),
  );
  if (points.length === 0) return 0;
  const asked = points.map((p) => {
    const last = (p.args as { last?: unknown }).last;
    return typeof last === 'number' && Number.isInteger(last) ? last : DEFAULT_GROWTH_POINTS;
  });
  return Math.min(MAX_GROWTH_POINTS, Math.max(1, ...asked));
});
