import { DIMENSIONS, type Dimension, type Stage } from './domain';
import type { ScoringModel } from './model';
import { stageAfter } from './stages';
import { comparePeriodOrder, periodStart } from './period';
import { leastSquaresSlope } from './statistics';

const MS_PER_DAY = 86_400_000;
/** Fixed by the contract's `slopePer90Days`. */
const TREND_PERIOD_DAYS = 90;

/** What growth needs of a scored assessment. */
export interface AssessmentSnapshot {
  id: string;
  /** Its period ("2026-Q4"): the x of trends is the period's first day. */
  period: string;
  submittedAt: Date;
  overallScore: number;
  stage: Stage;
  dimensions: readonly { dimension: Dimension; score: number | null }[];
}

/** A snapshot with its change in overall score against the previous one (null for the first). */
export type GrowthPoint<P extends AssessmentSnapshot = AssessmentSnapshot> = P & { delta: number | null };

export interface DimensionTrend {
  dimension: Dimension;
  slopePer90Days: number | null;
}

export interface GrowthResult<P extends AssessmentSnapshot = AssessmentSnapshot> {
  /** Oldest first. */
  points: GrowthPoint<P>[];
  /** All dimensions, in contract order. */
  trends: DimensionTrend[];
  overallSlopePer90Days: number | null;
  nextStage: Stage | null;
  projectedNextStageAt: Date | null;
}

/**
 * A tenant's assessments in period order (domain.md: the period's first day, then the shorter period, then the
 * submission time) with their changes, trends and the projected date of the next stage. Trends take the period's
 * first day as x: points whose periods start on the same day give no trend, however far apart their submissions.
 */
export function growth<P extends AssessmentSnapshot>(
  snapshots: readonly P[],
  model: ScoringModel,
): GrowthResult<P> {
  const ordered = [...snapshots].sort(comparePeriodOrder);
  const points = ordered.map((snapshot, index) => ({
    ...snapshot,
    delta: index === 0 ? null : snapshot.overallScore - ordered[index - 1].overallScore,
  }));
  const window = model.growth.trendWindow;
  const trends = DIMENSIONS.map((dimension) => ({
    dimension,
    slopePer90Days: perTrendPeriod(
      slopePerDay(
        ordered.flatMap((snapshot) => {
          const value = dimensionScore(snapshot, dimension);
          return value === null ? [] : [{ at: periodStart(snapshot.period), value }];
        }),
        window,
      ),
    ),
  }));
  const overallPerDay = slopePerDay(
    ordered.map((snapshot) => ({ at: periodStart(snapshot.period), value: snapshot.overallScore })),
    window,
  );
  const latest = ordered.at(-1);
  const nextStage = latest ? stageAfter(latest.stage) : null;
  return {
    points,
    trends,
    overallSlopePer90Days: perTrendPeriod(overallPerDay),
    nextStage,
    projectedNextStageAt:
      latest && nextStage && overallPerDay !== null
        ? projectDate(latest, model.stageThresholds[nextStage], overallPerDay)
        : null,
  };
}

/**
 * When the overall trend, if it holds, reaches the threshold, counted from the latest period's first day (the x of
 * the trend); null when it does not rise or is already there.
 */
function projectDate(latest: AssessmentSnapshot, threshold: number, perDay: number): Date | null {
  if (perDay <= 0 || latest.overallScore >= threshold) return null;
  const days = (threshold - latest.overallScore) / perDay;
  return new Date(periodStart(latest.period).getTime() + days * MS_PER_DAY);
}

/** Least-squares slope per day over the last `window` observations (oldest first). */
function slopePerDay(observations: readonly { at: Date; value: number }[], window: number): number | null {
  return leastSquaresSlope(
    observations.slice(-window).map(({ at, value }) => ({ x: at.getTime() / MS_PER_DAY, y: value })),
  );
}

function perTrendPeriod(perDay: number | null): number | null {
  return perDay === null ? null : perDay * TREND_PERIOD_DAYS;
}

function dimensionScore(snapshot: AssessmentSnapshot, dimension: Dimension): number | null {
  return snapshot.dimensions.find((entry) => entry.dimension === dimension)?.score ?? null;
}
