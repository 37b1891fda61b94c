import { mulberry32 } from '../../src/common/prng';
import { SURVEY_2012 } from '../../src/peer-benchmark/survey-2012';
import { between, chance, shuffled, SURVEY, weighted } from './survey-draws';

const N = 200_000;

/** Shares (0-1) of each value in N weighted draws. */
function shares<V>(options: readonly (readonly [V, number])[], seed: number): Map<V, number> {
  const rng = mulberry32(seed);
  const counts = new Map<V, number>();
  for (let i = 0; i < N; i += 1) {
    const v = weighted(rng, options);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return new Map([...counts].map(([v, n]) => [v, n / N]));
}

function expectProportions<V>(options: readonly (readonly [V, number])[], seed: number) {
  const total = options.reduce((sum, [, w]) => sum + w, 0);
  const got = shares(options, seed);
  for (const [value, weight] of options) {
    // 200,000 draws: the standard error of a share is at most 0.0012; 0.005 is four of them.
    expect({ value, off: Math.abs((got.get(value) ?? 0) - weight / total) < 0.005 }).toEqual({ value, off: true });
  }
}

describe('demo: survey-weighted draws', () => {
  it("takes its weights from the one source of the 2012 survey's figures", () => {
    const S = SURVEY_2012;
    expect(SURVEY.setUp.map(([, w]) => w)).toEqual([
      S.setUp.dedicatedTeam,
      S.setUp.onTopOfOtherDuties,
      S.setUp.hybridWithAgency,
      S.setUp.fullyOutsourced,
    ]);
    expect(SURVEY.satisfaction.map(([, w]) => w)).toEqual(Object.values(S.satisfaction));
    expect(SURVEY.managementSupport.map(([, w]) => w)).toEqual(Object.values(S.managementSupport));
    expect(SURVEY.selfRated.map(([, w]) => w)).toEqual(Object.values(S.selfRated));
    expect(SURVEY.teamSize.map(([, w]) => w)).toEqual(Object.values(S.teamSize));
    expect(SURVEY.measured.map((m) => m.share * 100)).toEqual(
      [86, 74, 58, 41, 40, 31].map((p) => expect.closeTo(p, 10)),
    );
    // The figures the demo was built on (domain.md): a change to the source shows up here.
    expect(SURVEY.setUp.map(([, w]) => w)).toEqual([27, 65, 5, 3]);
    expect(SURVEY.departmentsInvolved[0]).toEqual(['MARKETING', 96]);
  });

  it("draws each survey question in the survey's proportions on a large sample", () => {
    expectProportions(SURVEY.setUp, 1);
    expectProportions<readonly number[]>(SURVEY.teamSize, 2);
    expectProportions(SURVEY.satisfaction, 3);
    expectProportions(SURVEY.managementSupport, 4);
    expectProportions(SURVEY.selfRated, 5);
    expectProportions(SURVEY.departmentsInvolved, 6);
  });

  it('draws each measure with its share', () => {
    const rng = mulberry32(7);
    for (const measure of SURVEY.measured) {
      let hits = 0;
      for (let i = 0; i < N; i += 1) if (chance(rng, measure.share)) hits += 1;
      expect(Math.abs(hits / N - measure.share)).toBeLessThan(0.005);
    }
  });

  it('draws integers inside their bounds and shuffles without losing or adding items', () => {
    const rng = mulberry32(8);
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i += 1) seen.add(between(rng, 2, 4));
    expect([...seen].sort()).toEqual([2, 3, 4]);
    const items = ['a', 'b', 'c', 'd', 'e'];
    const once = shuffled(rng, items);
    expect([...once].sort()).toEqual(items);
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
