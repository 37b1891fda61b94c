import {
  dueAt,
  filterPortfolio,
  isScoreDrop,
  portfolioStatus,
  sortPortfolio,
  weakestDimension,
  type PortfolioFacts,
  type Rankable,
} from './portfolio-status';

const DAY = 86_400_000;
const created = new Date('2026-01-01T00:00:00.000Z');
const submitted = new Date('2026-03-01T12:00:00.000Z');

function facts(overrides: Partial<PortfolioFacts> = {}): PortfolioFacts {
  return {
    tenantCreatedAt: created,
    cadenceDays: 30,
    latest: {
      lastSubmittedAt: submitted,
      overallScore: 50,
      dimensions: [
        { dimension: 'TEAM_COMPOSITION', score: 40, applicable: true },
        { dimension: 'SALES_INVOLVEMENT', score: null, applicable: false },
        { dimension: 'GOVERNANCE', score: 25, applicable: true },
      ],
    },
    previousScore: null,
    ...overrides,
  };
}

describe('portfolio status', () => {
  it('is due one cadence after the last assessment and overdue only strictly after it', () => {
    const due = new Date(submitted.getTime() + 30 * DAY);
    expect(dueAt(facts())).toEqual(due);
    expect(portfolioStatus(facts(), new Date(due.getTime() - 1)).overdue).toBe(false);
    expect(portfolioStatus(facts(), due).overdue).toBe(false);
    expect(portfolioStatus(facts(), new Date(due.getTime() + 1)).overdue).toBe(true);
  });

  it('gives a tenant never assessed one cadence from its creation', () => {
    const status = portfolioStatus(facts({ latest: null }), new Date(created.getTime() + 30 * DAY + 1));
    expect(status.dueAt).toEqual(new Date(created.getTime() + 30 * DAY));
    expect(status.overdue).toBe(true);
    expect(status).toMatchObject({ delta: null, scoreDropAlert: false, weakestDimension: null });
  });

  it('alerts at a drop of exactly 10 points, not at 9.99, and tolerates float noise', () => {
    expect(isScoreDrop(-10)).toBe(true);
    expect(isScoreDrop(-12.5)).toBe(true);
    expect(isScoreDrop(-9.99)).toBe(false);
    expect(isScoreDrop(10)).toBe(false);
    expect(isScoreDrop(null)).toBe(false);
    expect(60.1 - 70.1).toBeGreaterThan(-10); // -9.999999999999993
    expect(isScoreDrop(60.1 - 70.1)).toBe(true);
    expect(portfolioStatus(facts({ previousScore: 60 }), submitted)).toMatchObject({
      delta: -10,
      scoreDropAlert: true,
    });
    expect(portfolioStatus(facts({ previousScore: 59.99 }), submitted).scoreDropAlert).toBe(false);
  });

  it('names the lowest applicable dimension, the first one on a tie', () => {
    expect(weakestDimension(facts().latest!.dimensions)).toBe('GOVERNANCE');
    expect(
      weakestDimension([
        { dimension: 'MEASUREMENT', score: 20, applicable: true },
        { dimension: 'GOVERNANCE', score: 20, applicable: true },
        { dimension: 'OUTSOURCING', score: 0, applicable: false },
      ]),
    ).toBe('MEASUREMENT');
    expect(weakestDimension([])).toBeNull();
  });
});

describe('portfolio filter and sort', () => {
  const at = (day: number) => new Date(created.getTime() + day * DAY);
  const entries: Rankable[] = [
    {
      id: 'a',
      name: 'alpha',
      overallScore: 70,
      stage: 'STRATEGIC',
      dueAt: at(50),
      overdue: false,
      scoreDropAlert: false,
    },
    {
      id: 'b',
      name: 'Bravo',
      overallScore: 30,
      stage: 'PRESENCE',
      dueAt: at(10),
      overdue: true,
      scoreDropAlert: true,
    },
    {
      id: 'c',
      name: 'charlie',
      overallScore: null,
      stage: null,
      dueAt: at(5),
      overdue: true,
      scoreDropAlert: false,
    },
    {
      id: 'd',
      name: 'delta',
      overallScore: 30,
      stage: 'ENGAGEMENT',
      dueAt: at(40),
      overdue: false,
      scoreDropAlert: false,
    },
  ];
  const ids = (list: Rankable[]) => list.map((e) => e.id);

  it('sorts in each order, with unscored tenants last and ties by name', () => {
    expect(ids(sortPortfolio(entries, 'OVERDUE_FIRST'))).toEqual(['c', 'b', 'd', 'a']);
    expect(ids(sortPortfolio(entries, 'SCORE_ASC'))).toEqual(['b', 'd', 'a', 'c']);
    expect(ids(sortPortfolio(entries, 'SCORE_DESC'))).toEqual(['a', 'b', 'd', 'c']);
    expect(ids(sortPortfolio(entries, 'STAGE'))).toEqual(['b', 'd', 'a', 'c']);
    expect(ids(sortPortfolio(entries, 'NAME'))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(sortPortfolio(entries, 'DUE_AT'))).toEqual(['c', 'b', 'd', 'a']);
  });

  it('filters on every condition given', () => {
    expect(ids(filterPortfolio(entries, { overdueOnly: true }))).toEqual(['b', 'c']);
    expect(ids(filterPortfolio(entries, { alertsOnly: true }))).toEqual(['b']);
    expect(ids(filterPortfolio(entries, { stages: ['PRESENCE', 'STRATEGIC'] }))).toEqual(['a', 'b']);
    expect(
      ids(filterPortfolio(entries, { stages: ['PRESENCE'], overdueOnly: true, alertsOnly: true })),
    ).toEqual(['b']);
    expect(ids(filterPortfolio(entries, { stages: [] }))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(filterPortfolio(entries, null))).toEqual(['a', 'b', 'c', 'd']);
  });
});
