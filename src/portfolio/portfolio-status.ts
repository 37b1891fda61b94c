import { STAGES, type Dimension, type Stage } from '../scoring';

/** A drop of this many points (or more) against the previous assessment raises an alert (domain.md). */
export const SCORE_DROP_ALERT_POINTS = 10;
/** Scores are unrounded doubles: 70.3 - 80.3 must count as a drop of 10. The webhook trigger uses the same. */
const FLOAT_TOLERANCE = 1e-9;
const DAY_MS = 86_400_000;

export const PORTFOLIO_SORTS = [
  'OVERDUE_FIRST',
  'SCORE_ASC',
  'SCORE_DESC',
  'STAGE',
  'NAME',
  'DUE_AT',
] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];

export interface DimensionOutcome {
  dimension: Dimension;
  score: number | null;
  applicable: boolean;
}

/** What the schedule and the alert are computed from. */
export interface PortfolioFacts {
  tenantCreatedAt: Date;
  cadenceDays: number;
  /**
   * The latest current assessment in period order; lastSubmittedAt is the latest submission time of all current
   * assessments (domain.md: the due date counts from it, whichever period was submitted last).
   */
  latest: { lastSubmittedAt: Date; overallScore: number; dimensions: readonly DimensionOutcome[] } | null;
  previousScore: number | null;
}

export interface PortfolioStatus {
  /**
   * Latest submission time of the current assessments + cadence; for a tenant never assessed, its creation + cadence: a new client gets one cadence
   * to do the first assessment and is overdue after that, like any other.
   */
  dueAt: Date;
  /** Strictly after the due moment ("overdue after it"). */
  overdue: boolean;
  delta: number | null;
  scoreDropAlert: boolean;
  weakestDimension: Dimension | null;
}

/** Cadence days are whole 24-hour days (not calendar days): the due moment does not move with time zones. */
export function dueAt(facts: Pick<PortfolioFacts, 'tenantCreatedAt' | 'cadenceDays' | 'latest'>): Date {
  const from = facts.latest ? facts.latest.lastSubmittedAt : facts.tenantCreatedAt;
  return new Date(from.getTime() + facts.cadenceDays * DAY_MS);
}

export function isScoreDrop(delta: number | null): boolean {
  return delta !== null && delta <= -SCORE_DROP_ALERT_POINTS + FLOAT_TOLERANCE;
}

/** The lowest applicable dimension score; on a tie, the first in the model's order. */
export function weakestDimension(dimensions: readonly DimensionOutcome[]): Dimension | null {
  let weakest: DimensionOutcome | null = null;
  for (const d of dimensions) {
    if (!d.applicable || d.score === null) continue;
    if (weakest === null || d.score < (weakest.score as number)) weakest = d;
  }
  return weakest?.dimension ?? null;
}

export function portfolioStatus(facts: PortfolioFacts, now: Date): PortfolioStatus {
  const due = dueAt(facts);
  const delta =
    facts.latest && facts.previousScore !== null ? facts.latest.overallScore - facts.previousScore : null;
  return {
    dueAt: due,
    overdue: now.getTime() > due.getTime(),
    delta,
    scoreDropAlert: isScoreDrop(delta),
    weakestDimension: facts.latest ? weakestDimension(facts.latest.dimensions) : null,
  };
}

/** What filtering and sorting look at. */
export interface Rankable {
  id: string;
  name: string;
  overallScore: number | null;
  stage: Stage | null;
  dueAt: Date;
  overdue: boolean;
  scoreDropAlert: boolean;
}

export interface PortfolioFilterValues {
  overdueOnly?: boolean | null;
  stages?: readonly Stage[] | null;
  alertsOnly?: boolean | null;
}

/** Every condition given must hold; a tenant never assessed has no stage, so a stage filter leaves it out. */
export function filterPortfolio<T extends Rankable>(
  entries: readonly T[],
  filter: PortfolioFilterValues | null | undefined,
): T[] {
  if (!filter) return [...entries];
  const stages = filter.stages && filter.stages.length > 0 ? new Set(filter.stages) : null;
  return entries.filter(
    (e) =>
      (!filter.overdueOnly || e.overdue) &&
      (!filter.alertsOnly || e.scoreDropAlert) &&
      (!stages || (e.stage !== null && stages.has(e.stage))),
  );
}

type Compare<T> = (a: T, b: T) => number;

const byNumber = (a: number, b: number): number => a - b;
/** Tenants without a score or stage go last in every direction. */
function nullsLast<T, V>(value: (x: T) => V | null, compare: Compare<V>): Compare<T> {
  return (a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return (va === null ? 1 : 0) - (vb === null ? 1 : 0);
    return compare(va, vb);
  };
}
const stageRank = (stage: Stage): number => STAGES.indexOf(stage);
const byName: Compare<Rankable> = (a, b) =>
  a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const ORDERS: Record<PortfolioSort, Compare<Rankable>[]> = {
  // Overdue first, the longest overdue at the top; then the next due.
  OVERDUE_FIRST: [
    (a, b) => Number(b.overdue) - Number(a.overdue),
    (a, b) => byNumber(a.dueAt.getTime(), b.dueAt.getTime()),
  ],
  SCORE_ASC: [nullsLast((e) => e.overallScore, byNumber)],
  SCORE_DESC: [
    nullsLast(
      (e) => e.overallScore,
      (a, b) => byNumber(b, a),
    ),
  ],
  // Least mature first, then the lower score.
  STAGE: [
    nullsLast(
      (e) => e.stage,
      (a, b) => stageRank(a) - stageRank(b),
    ),
    nullsLast((e) => e.overallScore, byNumber),
  ],
  NAME: [],
  DUE_AT: [(a, b) => byNumber(a.dueAt.getTime(), b.dueAt.getTime())],
};

/** A stable, total order: ties end by name, then id. */
export function portfolioOrder(sort: PortfolioSort): Compare<Rankable> {
  const comparators = [...ORDERS[sort], byName];
  return (a, b) => {
    for (const compare of comparators) {
      const c = compare(a, b);
      if (c !== 0) return c;
    }
    return 0;
  };
}

export function sortPortfolio<T extends Rankable>(entries: readonly T[], sort: PortfolioSort): T[] {
  return [...entries].sort(portfolioOrder(sort));
}
