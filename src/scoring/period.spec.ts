import { comparePeriodOrder, periodMonths, periodProblem, periodSpan, periodStart } from './period';

const at = (iso: string) => new Date(iso);

describe('periodStart / periodMonths', () => {
  it.each([
    ['2026', '2026-01-01', 12],
    ['2026-H1', '2026-01-01', 6],
    ['2026-H2', '2026-07-01', 6],
    ['2026-Q1', '2026-01-01', 3],
    ['2026-Q2', '2026-04-01', 3],
    ['2026-Q3', '2026-07-01', 3],
    ['2026-Q4', '2026-10-01', 3],
    ['2026-01', '2026-01-01', 1],
    ['2026-09', '2026-09-01', 1],
    ['2026-12', '2026-12-01', 1],
    ['0099', '0099-01-01', 12],
  ])('%s starts on %s and lasts %i months', (period, first, months) => {
    expect(periodStart(period).toISOString()).toBe(`${first}T00:00:00.000Z`);
    expect(periodMonths(period)).toBe(months);
  });

  it('is null for what is not a period, and throws where a period is required', () => {
    for (const bad of ['26', '2026-Q5', '2026-H3', '2026-13', '2026-00', '2026-11-03', ' 2026', '2026-q4']) {
      expect({ bad, span: periodSpan(bad) }).toEqual({ bad, span: null });
    }
    expect(() => periodStart('2026-Q5')).toThrow('Not a period');
  });
});

describe('periodProblem', () => {
  const today = at('2026-12-01T07:00:00Z');

  it('accepts periods that have started, from 2000 on', () => {
    for (const period of ['2000', '2000-01', '2026-Q4', '2026-H2', '2026', '2026-12']) {
      expect({ period, problem: periodProblem(period, today) }).toEqual({ period, problem: null });
    }
  });

  it('accepts a period on its first day, UTC, and refuses it the day before', () => {
    expect(periodProblem('2027-Q1', at('2027-01-01T00:00:00Z'))).toBeNull();
    expect(periodProblem('2027-Q1', at('2026-12-31T23:59:59.999Z'))).toMatch(/not started/);
  });

  it('refuses periods that have not started and periods before 2000', () => {
    expect(periodProblem('2099-Q1', today)).toMatch(/not started/);
    expect(periodProblem('2027', today)).toMatch(/not started/);
    expect(periodProblem('1999-Q1', today)).toMatch(/2000 or later/);
    expect(periodProblem('1999-12', today)).toMatch(/2000 or later/);
    expect(periodProblem('2026-Q5', today)).toMatch(/YYYY-Qn/);
  });
});

describe('comparePeriodOrder', () => {
  const a = (id: string, period: string, submittedAt = '2026-06-01T00:00:00Z') => ({
    id,
    period,
    submittedAt: at(submittedAt),
  });

  it("orders by the period's first day, then the shorter period, then submission time, then id", () => {
    const list = [
      a('y', '2026'),
      a('q4', '2026-Q4', '2026-01-01T00:00:00Z'),
      a('q3', '2026-Q3', '2026-12-01T00:00:00Z'),
      a('h1', '2026-H1'),
      a('q1', '2026-Q1'),
      a('m1', '2026-01'),
      a('y2', '2026', '2026-05-01T00:00:00Z'),
      a('y0', '2026'),
      a('old', '2025-12', '2026-12-01T00:00:00Z'),
    ];
    expect([...list].sort(comparePeriodOrder).map((x) => x.id)).toEqual([
      'old',
      'm1',
      'q1',
      'h1',
      'y2',
      'y',
      'y0',
      'q3',
      'q4',
    ]);
  });
});
