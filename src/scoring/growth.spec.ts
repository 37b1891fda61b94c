import type { Dimension, Stage } from './domain';
import { growth, type AssessmentSnapshot } from './growth';
import { SOCIAL_MATURITY_V1 } from './model-v1';

const model = SOCIAL_MATURITY_V1;
const MS_PER_DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);
const day = (n: number) => new Date(START + n * MS_PER_DAY);

const snapshot = (
  id: string,
  atDay: number,
  overallScore: number,
  stage: Stage,
  dimensions: Partial<Record<Dimension, number | null>> = {},
): AssessmentSnapshot => ({
  id,
  submittedAt: day(atDay),
  overallScore,
  stage,
  dimensions: Object.entries(dimensions).map(([dimension, score]) => ({
    dimension: dimension as Dimension,
    score,
  })),
});

const trendOf = (result: ReturnType<typeof growth>, dimension: Dimension) =>
  result.trends.find((trend) => trend.dimension === dimension)?.slopePer90Days;

describe('growth', () => {
  const quarterly = [
    snapshot('q3', 60, 47, 'ENGAGEMENT', { TEAM_COMPOSITION: 30, OUTSOURCING: null, SATISFACTION: 50 }),
    snapshot('q1', 0, 40, 'ENGAGEMENT', { TEAM_COMPOSITION: 10, OUTSOURCING: 80, SATISFACTION: 50 }),
    snapshot('q4', 90, 52, 'FORMALIZED', { TEAM_COMPOSITION: 50, SATISFACTION: 50 }),
    snapshot('q2', 30, 45, 'ENGAGEMENT', { TEAM_COMPOSITION: null, SATISFACTION: 50 }),
  ];
  const result = growth(quarterly, model);

  it('orders the points in time with the change against the previous one', () => {
    expect(result.points.map((p) => [p.id, p.delta])).toEqual([
      ['q1', null],
      ['q2', 5],
      ['q3', 2],
      ['q4', 5],
    ]);
  });

  it('fits the overall trend by least squares, per 90 days', () => {
    // x = 0, 30, 60, 90 (mean 45); y = 40, 45, 47, 52 (mean 46)
    // sum dx*dy = (-45)(-6) + (-15)(-1) + (15)(1) + (45)(6) = 570; sum dx^2 = 4500
    // slope 570 / 4500 = 0.12667 per day -> 11.4 per 90 days
    expect(result.overallSlopePer90Days).toBeCloseTo(11.4, 9);
  });

  it('fits a trend per dimension over the points that score it', () => {
    // TEAM_COMPOSITION at x = 0, 60, 90: y = 10, 30, 50 (means 50 and 30)
    // sum dx*dy = (-50)(-20) + (10)(0) + (40)(20) = 1800; sum dx^2 = 2500 + 100 + 1600 = 4200
    // 1800 / 4200 * 90 = 270 / 7 = 38.571
    expect(trendOf(result, 'TEAM_COMPOSITION')).toBeCloseTo(270 / 7, 9);
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

  it('projects the date of the next stage from the overall trend', () => {
    // latest 52 (FORMALIZED), next STRATEGIC at 65: (65 - 52) / (570 / 4500) = 58500 / 570 = 102.63 days after day 90
    expect(result.nextStage).toBe('STRATEGIC');
    const expected = START + (90 + 58500 / 570) * MS_PER_DAY;
    expect(Math.abs((result.projectedNextStageAt?.getTime() ?? 0) - expected)).toBeLessThan(1);
  });

  it('projects an exact date on a clean trend: 20 -> 30 in 10 days reaches 35 five days later', () => {
    const clean = growth([snapshot('a', 0, 20, 'PRESENCE'), snapshot('b', 10, 30, 'PRESENCE')], model);
    expect(clean.overallSlopePer90Days).toBe(90);
    expect(clean.nextStage).toBe('ENGAGEMENT');
    expect(clean.projectedNextStageAt).toEqual(day(15));
  });

  it('uses only the last four points', () => {
    const withEarlier = growth(
      [
        snapshot('q0', -30, 0, 'PLANNING', { GOVERNANCE: 100 }),
        snapshot('q1', 0, 40, 'ENGAGEMENT', { GOVERNANCE: 0 }),
        snapshot('q2', 30, 45, 'ENGAGEMENT', { GOVERNANCE: 25 }),
        snapshot('q3', 60, 47, 'ENGAGEMENT', { GOVERNANCE: 50 }),
        snapshot('q4', 90, 52, 'FORMALIZED', { GOVERNANCE: 75 }),
      ],
      model,
    );
    expect(withEarlier.overallSlopePer90Days).toBeCloseTo(11.4, 9);
    // 0, 25, 50, 75 over 0..90 days: 25 per 30 days -> 75 per 90 days
    expect(trendOf(withEarlier, 'GOVERNANCE')).toBeCloseTo(75, 9);
    expect(withEarlier.points.map((p) => p.delta)).toEqual([null, 40, 5, 2, 5]);
  });

  it('gives no trend and no projection for points on the same instant', () => {
    const sameDay = growth([snapshot('b', 5, 30, 'PRESENCE'), snapshot('a', 5, 20, 'PRESENCE')], model);
    // ties are ordered by id
    expect(sameDay.points.map((p) => [p.id, p.delta])).toEqual([
      ['a', null],
      ['b', 10],
    ]);
    expect(sameDay.overallSlopePer90Days).toBeNull();
    expect(sameDay.projectedNextStageAt).toBeNull();
  });

  it('gives no projection on a falling trend', () => {
    const falling = growth([snapshot('a', 0, 60, 'FORMALIZED'), snapshot('b', 90, 50, 'FORMALIZED')], model);
    expect(falling.overallSlopePer90Days).toBe(-10);
    expect(falling.nextStage).toBe('STRATEGIC');
    expect(falling.projectedNextStageAt).toBeNull();
  });

  it('gives no projection when the score is already past the next threshold (a capped stage)', () => {
    const capped = growth([snapshot('a', 0, 50, 'PRESENCE'), snapshot('b', 90, 60, 'PRESENCE')], model);
    expect(capped.nextStage).toBe('ENGAGEMENT');
    expect(capped.projectedNextStageAt).toBeNull();
  });

  it('has no next stage after CONVERGED', () => {
    const converged = growth([snapshot('a', 0, 70, 'STRATEGIC'), snapshot('b', 90, 85, 'CONVERGED')], model);
    expect(converged.nextStage).toBeNull();
    expect(converged.projectedNextStageAt).toBeNull();
  });

  it('handles a single point and no points', () => {
    const single = growth([snapshot('a', 0, 10, 'PLANNING', { GOVERNANCE: 50 })], model);
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
      { ...snapshot('b', 10, 30, 'PRESENCE'), period: '2026-Q2' },
      { ...snapshot('a', 0, 20, 'PRESENCE'), period: '2026-Q1' },
    ];
    const kept = growth(input, model);
    expect(kept.points.map((p) => p.period)).toEqual(['2026-Q1', '2026-Q2']);
    expect(input.map((p) => p.id)).toEqual(['b', 'a']);
  });
});
