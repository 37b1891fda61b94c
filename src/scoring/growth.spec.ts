import type { Dimension, Stage } from './domain';
import { growth, type AssessmentSnapshot } from './growth';
import { SOCIAL_MATURITY_V1 } from './model-v1';

const model = SOCIAL_MATURITY_V1;
const MS_PER_DAY = 86_400_000;
const SUBMITTED = Date.UTC(2026, 10, 1);
/** Days from 2026-01-01 to the first day of each month of 2026. */
const MONTH_DAY = { '2026-01': 0, '2026-02': 31, '2026-03': 59, '2026-04': 90, '2026-05': 120 } as const;
const dayOf = (period: keyof typeof MONTH_DAY) => new Date(Date.UTC(2026, 0, 1) + MONTH_DAY[period] * MS_PER_DAY);

/** A snapshot of a period, submitted `submittedSeconds` after a fixed moment (submission time is not the x). */
const snapshot = (
  id: string,
  period: string,
  overallScore: number,
  stage: Stage,
  dimensions: Partial<Record<Dimension, number | null>> = {},
  submittedSeconds = 0,
): AssessmentSnapshot => ({
  id,
  period,
  submittedAt: new Date(SUBMITTED + submittedSeconds * 1000),
  overallScore,
  stage,
  dimensions: Object.entries(dimensions).map(([dimension, score]) => ({
    dimension: dimension as Dimension,
    score,
  })),
});

/** Least-squares slope of y over x, written out independently of the engine's statistics. */
function slope(points: [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const cov = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const varX = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return cov / varX;
}

const trendOf = (result: ReturnType<typeof growth>, dimension: Dimension) =>
  result.trends.find((trend) => trend.dimension === dimension)?.slopePer90Days;

describe('growth', () => {
  // Submitted in reverse period order: the order is the periods', not the submissions'.
  const monthly = [
    snapshot('c', '2026-03', 47, 'ENGAGEMENT', { TEAM_COMPOSITION: 30, OUTSOURCING: null, SATISFACTION: 50 }, 1),
    snapshot('a', '2026-01', 40, 'ENGAGEMENT', { TEAM_COMPOSITION: 10, OUTSOURCING: 80, SATISFACTION: 50 }, 3),
    snapshot('d', '2026-04', 52, 'FORMALIZED', { TEAM_COMPOSITION: 50, SATISFACTION: 50 }, 0),
    snapshot('b', '2026-02', 45, 'ENGAGEMENT', { TEAM_COMPOSITION: null, SATISFACTION: 50 }, 2),
  ];
  const result = growth(monthly, model);
  // x = 0, 31, 59, 90 days; y = 40, 45, 47, 52
  const overallPerDay = slope([
    [0, 40],
    [31, 45],
    [59, 47],
    [90, 52],
  ]);

  it('orders the points by period, whatever the order of submission, with the change against the previous one', () => {
    expect(result.points.map((p) => [p.id, p.delta])).toEqual([
      ['a', null],
      ['b', 5],
      ['c', 2],
      ['d', 5],
    ]);
  });

  it("fits the overall trend by least squares over the periods' first days, per 90 days", () => {
    expect(result.overallSlopePer90Days).toBeCloseTo(overallPerDay * 90, 9);
    // By hand: mean x 45, mean y 46; sum dx*dy = 270 + 14 + 14 + 270 = 568; sum dx^2 = 4442.
    expect(overallPerDay * 90).toBeCloseTo((568 / 4442) * 90, 12);
  });

  it('fits a trend per dimension over the points that score it', () => {
    // TEAM_COMPOSITION at x = 0, 59, 90: y = 10, 30, 50
    expect(trendOf(result, 'TEAM_COMPOSITION')).toBeCloseTo(
      slope([
        [0, 10],
        [59, 30],
        [90, 50],
      ]) * 90,
      9,
    );
    expect(trendOf(result, 'SATISFACTION')).toBe(0);
    // one score only, or none at all
    expect(trendOf(result, 'OUTSOURCING')).toBeNull();
    expect(trendOf(result, 'SALES_INVOLVEMENT')).toBeNull();
    expect(result.trends.map((t) => t.dimension)).toEqual([
      'TEAM_COMPOSITION',
      'SALES_INVOLVEMENT',
      'OUTSOURCING',
      'SATISFACTION',
      'MEASUREMENT',
      'RESPONSIBILITY_COVERAGE',
      'GOVERNANCE',
    ]);
  });

  it("projects the date of the next stage from the overall trend, counted from the latest period's first day", () => {
    // latest 52 (FORMALIZED), next STRATEGIC at 65
    expect(result.nextStage).toBe('STRATEGIC');
    const expected = dayOf('2026-04').getTime() + ((65 - 52) / overallPerDay) * MS_PER_DAY;
    expect(Math.abs((result.projectedNextStageAt?.getTime() ?? 0) - expected)).toBeLessThan(1);
  });

  it('projects an exact date on a clean trend: 20 -> 30 over 2026-Q1 to 2026-Q2 (90 days) reaches 35 45 days later', () => {
    const clean = growth(
      [snapshot('a', '2026-Q1', 20, 'PRESENCE'), snapshot('b', '2026-Q2', 30, 'PRESENCE')],
      model,
    );
    expect(clean.overallSlopePer90Days).toBeCloseTo(10, 12);
    expect(clean.nextStage).toBe('ENGAGEMENT');
    expect(clean.projectedNextStageAt?.getTime()).toBeCloseTo(Date.UTC(2026, 3, 1) + 45 * MS_PER_DAY, -1);
  });

  it('uses only the last four points', () => {
    const withEarlier = growth(
      [
        snapshot('q0', '2025-12', 0, 'PLANNING', { GOVERNANCE: 100 }),
        snapshot('q1', '2026-01', 40, 'ENGAGEMENT', { GOVERNANCE: 0 }),
        snapshot('q2', '2026-02', 45, 'ENGAGEMENT', { GOVERNANCE: 25 }),
        snapshot('q3', '2026-03', 47, 'ENGAGEMENT', { GOVERNANCE: 50 }),
        snapshot('q4', '2026-04', 52, 'FORMALIZED', { GOVERNANCE: 75 }),
      ],
      model,
    );
    expect(withEarlier.overallSlopePer90Days).toBeCloseTo(overallPerDay * 90, 9);
    expect(trendOf(withEarlier, 'GOVERNANCE')).toBeCloseTo(
      slope([
        [0, 0],
        [31, 25],
        [59, 50],
        [90, 75],
      ]) * 90,
      9,
    );
    expect(withEarlier.points.map((p) => p.delta)).toEqual([null, 40, 5, 2, 5]);
  });

  it('gives no trend and no projection for periods starting on the same day, even submitted seconds apart', () => {
    // The case: two submissions seconds apart gave -902,785,449.8 points a quarter.
    const sameStart = growth(
      [snapshot('b', '2026-Q1', 30, 'PRESENCE', { GOVERNANCE: 50 }, 5), snapshot('a', '2026-01', 20, 'PRESENCE', { GOVERNANCE: 25 }, 0)],
      model,
    );
    // Same first day: the month (shorter) comes before the quarter.
    expect(sameStart.points.map((p) => [p.id, p.delta])).toEqual([
      ['a', null],
      ['b', 10],
    ]);
    expect(sameStart.overallSlopePer90Days).toBeNull();
    expect(trendOf(sameStart, 'GOVERNANCE')).toBeNull();
    expect(sameStart.projectedNextStageAt).toBeNull();
  });

  it('orders equal periods by submission time, then by id', () => {
    const ordered = growth(
      [
        snapshot('z', '2026', 10, 'PLANNING', {}, 1),
        snapshot('y', '2026', 11, 'PLANNING', {}, 0),
        snapshot('x', '2026', 12, 'PLANNING', {}, 1),
        snapshot('w', '2026-H1', 13, 'PLANNING', {}, 9),
      ],
      model,
    );
    expect(ordered.points.map((p) => p.id)).toEqual(['w', 'y', 'x', 'z']);
    expect(ordered.overallSlopePer90Days).toBeNull();
  });

  it('gives no projection on a falling trend', () => {
    const falling = growth([snapshot('a', '2026-Q1', 60, 'FORMALIZED'), snapshot('b', '2026-Q2', 50, 'FORMALIZED')], model);
    expect(falling.overallSlopePer90Days).toBeCloseTo(-10, 12);
    expect(falling.nextStage).toBe('STRATEGIC');
    expect(falling.projectedNextStageAt).toBeNull();
  });

  it('gives no projection when the score is already past the next threshold (a capped stage)', () => {
    const capped = growth([snapshot('a', '2026-Q1', 50, 'PRESENCE'), snapshot('b', '2026-Q2', 60, 'PRESENCE')], model);
    expect(capped.nextStage).toBe('ENGAGEMENT');
    expect(capped.projectedNextStageAt).toBeNull();
  });

  it('has no next stage after CONVERGED', () => {
    const converged = growth([snapshot('a', '2026-Q1', 70, 'STRATEGIC'), snapshot('b', '2026-Q2', 85, 'CONVERGED')], model);
    expect(converged.nextStage).toBeNull();
    expect(converged.projectedNextStageAt).toBeNull();
  });

  it('handles a single point and no points', () => {
    const single = growth([snapshot('a', '2026-Q1', 10, 'PLANNING', { GOVERNANCE: 50 })], model);
    expect(single.points.map((p) => p.delta)).toEqual([null]);
    expect(single.overallSlopePer90Days).toBeNull();
    expect(single.nextStage).toBe('PRESENCE');
    expect(single.projectedNextStageAt).toBeNull();
    expect(growth([], model)).toEqual({
      points: [],
      trends: result.trends.map((t) => ({ dimension: t.dimension, slopePer90Days: null })),
      overallSlopePer90Days: null,
      nextStage: null,
      projectedNextStageAt: null,
    });
  });

  it('keeps the extra fields of the points it is given and does not reorder the input', () => {
    const input = [
      { ...snapshot('b', '2026-Q2', 30, 'PRESENCE'), note: 'second' },
      { ...snapshot('a', '2026-Q1', 20, 'PRESENCE', {}, 9), note: 'first' },
    ];
    const kept = growth(input, model);
    expect(kept.points.map((p) => p.note)).toEqual(['first', 'second']);
    expect(input.map((p) => p.id)).toEqual(['b', 'a']);
  });
});
