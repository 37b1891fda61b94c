/**
 * The math of a benchmark release (domain.md, "Benchmark"), as a pure reference. The release itself is drawn inside
 * PostgreSQL (benchmark_quantile_draw() in migration 1764150010000), so raw peer scores never leave the database;
 * test/integration/benchmark-release.spec.ts checks that the SQL draws exactly what this file draws for the same
 * uniform number.
 *
 * Each quartile is drawn with the exponential mechanism over the grid 0.0, 0.1, ..., 100.0: the utility of x is
 * -|#scores below x - q n| (one tenant more or less changes it by at most 1: sensitivity 1), and x is drawn with
 * probability proportional to exp(epsilon * utility / (2 * sensitivity)).
 */

/** Tenants a band needs before a release is published. */
export const MINIMUM_ELIGIBLE = 10;
/** Days between the first and the last current submission (server time) that make a tenant a peer. */
export const ELIGIBLE_SPAN_DAYS = 60;
/** The privacy budget of one release: 1/3 for each of the three quartiles. */
export const RELEASE_EPSILON = 1;
export const QUANTILE_EPSILON = RELEASE_EPSILON / 3;
export const SENSITIVITY = 1;
export const QUANTILES = [0.25, 0.5, 0.75] as const;

/** 0.0, 0.1, ..., 100.0 (computed as i / 10, the same doubles as the SQL's i::double precision / 10). */
export const GRID: readonly number[] = Array.from({ length: 1001 }, (_, i) => i / 10);

export interface ReleaseQuartiles {
  p25: number;
  p50: number;
  p75: number;
}

/** -|#scores below x - q n| for every grid point. */
export function quantileUtilities(scores: readonly number[], q: number): number[] {
  const sorted = [...scores].sort((a, b) => a - b);
  const n = sorted.length;
  let below = 0;
  return GRID.map((x) => {
    while (below < n && sorted[below] < x) below++;
    return -Math.abs(below - q * n);
  });
}

/**
 * The mechanism's weights exp(epsilon * (u - max u) / (2 * sensitivity)): the same distribution as without the
 * shift by the maximum, which only keeps the exponentials from underflowing for large bands.
 */
export function quantileWeights(scores: readonly number[], q: number, epsilon = QUANTILE_EPSILON): number[] {
  if (scores.length === 0) throw new RangeError('The exponential mechanism needs at least one score');
  const utilities = quantileUtilities(scores, q);
  const best = Math.max(...utilities);
  return utilities.map((u) => Math.exp((epsilon * (u - best)) / (2 * SENSITIVITY)));
}

/** The probability of each grid point. */
export function quantileProbabilities(
  scores: readonly number[],
  q: number,
  epsilon = QUANTILE_EPSILON,
): number[] {
  const weights = quantileWeights(scores, q, epsilon);
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => w / total);
}

/** The grid point drawn for a uniform number in [0, 1): the first whose cumulative weight exceeds uniform * total. */
export function drawQuantile(
  scores: readonly number[],
  q: number,
  uniform: number,
  epsilon = QUANTILE_EPSILON,
): number {
  if (!(uniform >= 0 && uniform < 1)) throw new RangeError('uniform must be in [0, 1)');
  const weights = quantileWeights(scores, q, epsilon);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const target = uniform * total;
  let cumulative = 0;
  for (let i = 0; i < weights.length; i++) {
    cumulative += weights[i];
    if (cumulative > target) return GRID[i];
  }
  return GRID[GRID.length - 1];
}

/**
 * The three quartiles, sorted so that p25 <= p50 <= p75 (independent draws can cross on small bands; sorting is
 * post-processing and costs no privacy).
 */
export function drawRelease(
  scores: readonly number[],
  uniforms: readonly [number, number, number],
): ReleaseQuartiles {
  const [p25, p50, p75] = QUANTILES.map((q, i) => drawQuantile(scores, q, uniforms[i])).sort((a, b) => a - b);
  return { p25, p50, p75 };
}

/** The eligible count as published: rounded down to a multiple of 5. */
export function publishedCount(eligible: number): number {
  return Math.floor(eligible / 5) * 5;
}

/**
 * The quarter of the release a score falls in: 1 below p25, 2 from p25 to below p50, 3 from p50 to below p75, 4
 * from p75 on. A score equal to a quartile belongs to the quarter above it.
 */
export function quarterOf(score: number, release: ReleaseQuartiles): 1 | 2 | 3 | 4 {
  if (score < release.p25) return 1;
  if (score < release.p50) return 2;
  if (score < release.p75) return 3;
  return 4;
}
