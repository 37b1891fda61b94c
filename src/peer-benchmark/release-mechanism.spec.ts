import { mulberry32 } from '../common/prng';
import {
  drawQuantile,
  drawRelease,
  GRID,
  publishedCount,
  quantileProbabilities,
  quantileUtilities,
  quarterOf,
  QUANTILE_EPSILON,
} from './release-mechanism';

/** A seeded uniform generator, for reproducible spreads of scores. */
const seeded = mulberry32;

const at = (x: number) => Math.round(x * 10);

describe('benchmark release mechanism', () => {
  it('uses the grid 0.0, 0.1, ..., 100.0', () => {
    expect(GRID).toHaveLength(1001);
    expect([GRID[0], GRID[1], GRID[555], GRID[1000]]).toEqual([0, 0.1, 55.5, 100]);
  });

  it('gives a tiny example exactly the probabilities of the formula exp(epsilon * u / 2) / Z', () => {
    // Scores 10 and 20, the median (q n = 1): #below x is 0 up to x = 10.0 (strictly below), 1 from 10.1 to 20.0,
    // 2 from 20.1 on. So u = -1 on 101 + 800 points and 0 on 100 points.
    const scores = [10, 20];
    const u = quantileUtilities(scores, 0.5);
    expect(u.filter((v) => v === 0)).toHaveLength(100);
    expect(u.filter((v) => v === -1)).toHaveLength(901);
    expect([u[at(10)], u[at(10.1)], u[at(20)], u[at(20.1)]]).toEqual([-1, -0, -0, -1]);

    const p = quantileProbabilities(scores, 0.5, 1 / 3);
    const z = 100 * Math.exp(0) + 901 * Math.exp(-1 / 6);
    expect(p[at(15)]).toBeCloseTo(1 / z, 15);
    expect(p[at(10)]).toBeCloseTo(Math.exp(-1 / 6) / z, 15);
    expect(p[at(99.9)]).toBeCloseTo(Math.exp(-1 / 6) / z, 15);
    expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);

    // A lower quartile of three scores: q n = 0.75, so u = -0.75 below the first score and -0.25 just above it.
    const q = quantileProbabilities([30, 60, 90], 0.25, 1 / 3);
    const w = (utility: number) => Math.exp((QUANTILE_EPSILON * utility) / 2);
    const z3 = 301 * w(-0.75) + 300 * w(-0.25) + 300 * w(-1.25) + 100 * w(-2.25);
    expect(q[at(0)]).toBeCloseTo(w(-0.75) / z3, 15);
    expect(q[at(45)]).toBeCloseTo(w(-0.25) / z3, 15);
    expect(q[at(75)]).toBeCloseTo(w(-1.25) / z3, 15);
    expect(q[at(95)]).toBeCloseTo(w(-2.25) / z3, 15);
  });

  it('concentrates on the true quantile for a large band', () => {
    const rng = seeded(7);
    const scores = Array.from({ length: 20_000 }, () => Math.round(rng() * 1000) / 10);
    const sorted = [...scores].sort((a, b) => a - b);
    for (const q of [0.25, 0.5, 0.75]) {
      const truth = sorted[Math.floor(q * scores.length)];
      const p = quantileProbabilities(scores, q);
      const near = p.reduce((sum, v, i) => (Math.abs(GRID[i] - truth) <= 1 ? sum + v : sum), 0);
      expect(near).toBeGreaterThan(0.999);
      // and a draw, whatever the uniform, lands there
      for (const u of [0.01, 0.5, 0.99])
        expect(Math.abs(drawQuantile(scores, q, u) - truth)).toBeLessThanOrEqual(1);
    }
  });

  it('is spread out for a small band (that is the privacy)', () => {
    const p = quantileProbabilities([10, 20, 30, 40, 50, 60, 70, 80, 90, 95], 0.5);
    const near = p.reduce((sum, v, i) => (Math.abs(GRID[i] - 55) <= 5 ? sum + v : sum), 0);
    expect(near).toBeLessThan(0.5);
  });

  it('draws by the inverse of the cumulative distribution', () => {
    // Two scores, median: the 100 points of u = 0 carry 100 / Z of the mass, after the 101 points from 0.0.
    const z = 100 + 901 * Math.exp(-1 / 6);
    const lowMass = (101 * Math.exp(-1 / 6)) / z;
    expect(drawQuantile([10, 20], 0.5, 0)).toBe(0);
    expect(drawQuantile([10, 20], 0.5, lowMass + 0.5 / z)).toBe(10.1);
    expect(drawQuantile([10, 20], 0.5, 0.999999)).toBe(100);
    expect(() => drawQuantile([10, 20], 0.5, 1)).toThrow(RangeError);
    expect(() => drawQuantile([], 0.5, 0.5)).toThrow(RangeError);
  });

  it('sorts the three draws of a release', () => {
    const release = drawRelease([10, 20, 30], [0.99, 0.01, 0.5]);
    expect(release.p25).toBeLessThanOrEqual(release.p50);
    expect(release.p50).toBeLessThanOrEqual(release.p75);
  });

  it('rounds the published count down to a multiple of 5', () => {
    expect([10, 11, 14, 15, 19, 20, 1003].map(publishedCount)).toEqual([10, 10, 10, 15, 15, 20, 1000]);
  });

  it('places a score in its quarter, a score equal to a quartile in the quarter above', () => {
    const release = { p25: 30, p50: 50, p75: 70 };
    expect([0, 29.99, 30, 49.9, 50, 69.99, 70, 100].map((s) => quarterOf(s, release))).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4,
    ]);
    expect(quarterOf(50, { p25: 50, p50: 50, p75: 50 })).toBe(4);
  });
});
