import { portfolioCursor, portfolioPage } from './portfolio-page';
import { sortPortfolio, type Rankable } from './portfolio-status';

const DAY = 86_400_000;
const entry = (id: string, name: string, overallScore: number | null, dueInDays = 10): Rankable => ({
  id,
  name,
  overallScore,
  stage: overallScore === null ? null : 'ENGAGEMENT',
  dueAt: new Date(Date.UTC(2026, 11, 1) + dueInDays * DAY),
  overdue: dueInDays < 0,
  scoreDropAlert: false,
});

describe('portfolioPage', () => {
  const all = sortPortfolio(
    [entry('a', 'Alpha', 40), entry('b', 'Beta', 20), entry('c', 'Gamma', null), entry('d', 'Delta', 30)],
    'SCORE_ASC',
  );

  it('pages in the sort order and ends with hasNextPage false', () => {
    const first = portfolioPage(all, 'SCORE_ASC', 2, null);
    expect(first.entries.map((e) => e.id)).toEqual(['b', 'd']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = portfolioPage(all, 'SCORE_ASC', 2, first.pageInfo.endCursor);
    expect(second.entries.map((e) => e.id)).toEqual(['a', 'c']);
    expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: portfolioCursor('SCORE_ASC', all[3]) });
    expect(portfolioPage([], 'SCORE_ASC', 2, null).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });

  it("continues after the cursor entry's place even when that entry is gone and others arrived", () => {
    const cursor = portfolioCursor('SCORE_ASC', all[1]); // Delta, 30
    const changed = sortPortfolio(
      [entry('a', 'Alpha', 40), entry('e', 'Epsilon', 5), entry('c', 'Gamma', null)],
      'SCORE_ASC',
    );
    expect(portfolioPage(changed, 'SCORE_ASC', 10, cursor).entries.map((e) => e.id)).toEqual(['a', 'c']);
  });

  it('refuses a cursor of another sort, and one not made here', () => {
    const byName = portfolioCursor('NAME', all[0]);
    expect(() => portfolioPage(all, 'SCORE_ASC', 2, byName)).toThrow('is a cursor of the sort NAME');
    expect(() => portfolioPage(all, 'SCORE_ASC', 2, 'bm9wZQ')).toThrow(
      'is not a cursor returned by this API',
    );
    const forged = Buffer.from(JSON.stringify(['SCORE_ASC', 'a', 'A', 'x', '-', 0, 0])).toString('base64url');
    expect(() => portfolioPage(all, 'SCORE_ASC', 2, forged)).toThrow('is not a cursor returned by this API');
  });
});
