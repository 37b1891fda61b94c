import { BadUserInputError } from '../common/errors';
import { decodeCursor, encodeCursor, type PageInfo } from '../graphql';
import { STAGES, type Stage } from '../scoring';
import { PORTFOLIO_SORTS, portfolioOrder, type PortfolioSort, type Rankable } from './portfolio-status';

export const DEFAULT_PORTFOLIO_PAGE = 50;
export const MAX_PORTFOLIO_PAGE = 200;

const NONE = '-';

/**
 * A portfolio cursor holds the sort and every value that sort compares of the last entry (not its position), so
 * the next page starts right after that entry's place in the order, even when clients were added, removed or
 * re-scored in between.
 */
export function portfolioCursor(sort: PortfolioSort, e: Rankable): string {
  return encodeCursor([
    sort,
    e.id,
    e.name,
    e.overallScore ?? NONE,
    e.stage ?? NONE,
    e.dueAt.getTime(),
    e.overdue ? 1 : 0,
  ]);
}

function decodePortfolioCursor(cursor: string, sort: PortfolioSort): Rankable {
  const [cursorSort, id, name, score, stage, due, overdue] = decodeCursor(cursor, 7);
  const valid =
    (PORTFOLIO_SORTS as readonly unknown[]).includes(cursorSort) &&
    typeof id === 'string' &&
    typeof name === 'string' &&
    (score === NONE || (typeof score === 'number' && Number.isFinite(score))) &&
    (stage === NONE || (STAGES as readonly unknown[]).includes(stage)) &&
    typeof due === 'number' &&
    Number.isSafeInteger(due) &&
    (overdue === 0 || overdue === 1);
  if (!valid) throw BadUserInputError.field('after', 'is not a cursor returned by this API');
  if (cursorSort !== sort) {
    throw BadUserInputError.field('after', `is a cursor of the sort ${String(cursorSort)}, not of ${sort}`);
  }
  return {
    id,
    name,
    overallScore: score === NONE ? null : (score),
    stage: stage === NONE ? null : (stage as Stage),
    dueAt: new Date(due),
    overdue: overdue === 1,
    scoreDropAlert: false,
  };
}

/** One page of entries already in `sort` order: the first `first` after the cursor's entry. */
export function portfolioPage<T extends Rankable>(
  sorted: readonly T[],
  sort: PortfolioSort,
  first: number,
  after: string | null | undefined,
): { entries: T[]; pageInfo: PageInfo } {
  let rest: readonly T[] = sorted;
  if (after) {
    const position = decodePortfolioCursor(after, sort);
    const order = portfolioOrder(sort);
    rest = sorted.filter((e) => order(e, position) > 0);
  }
  const entries = rest.slice(0, first);
  const last = entries.at(-1);
  return {
    entries,
    pageInfo: { hasNextPage: rest.length > first, endCursor: last ? portfolioCursor(sort, last) : null },
  };
}
