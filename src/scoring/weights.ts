import { DIMENSIONS, type Market } from './domain';
import type { DimensionScores } from './dimensions';
import type { ScoringModel } from './model';
import type { DimensionResult } from './types';

/** The model's weight of every dimension after the market multiplier, normalised over the applicable ones. */
export function weighDimensions(
  scores: DimensionScores,
  market: Market,
  model: ScoringModel,
): DimensionResult[] {
  const rawWeights = DIMENSIONS.map((dimension) => {
    const { weight, marketMultipliers } = model.dimensions[dimension];
    return weight * (marketMultipliers[market] ?? 1);
  });
  const applicableTotal = DIMENSIONS.reduce(
    (sum, dimension, index) => (scores[dimension] === null ? sum : sum + rawWeights[index]),
    0,
  );
  return DIMENSIONS.map((dimension, index) => {
    const score = scores[dimension];
    const rawWeight = rawWeights[index];
    return {
      dimension,
      score,
      applicable: score !== null,
      weight: score === null ? 0 : rawWeight / applicableTotal,
      rawWeight,
    };
  });
}

/** Weighted mean of the applicable dimension scores. */
export function overallScore(dimensions: readonly DimensionResult[]): number {
  let weighted = 0;
  let total = 0;
  for (const { score, rawWeight } of dimensions) {
    if (score === null) continue;
    weighted += score * rawWeight;
    total += rawWeight;
  }
  return weighted / total;
}
