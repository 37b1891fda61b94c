/**
 * Assessment periods and their order (domain.md, "Growth and portfolio"): a year ("2026"), a half ("2026-H2"), a
 * quarter ("2026-Q4") or a month ("2026-11"). Pure: the caller passes "today".
 */

/**
 * The period forms: the same as src/assessments/period.ts PERIOD_PATTERN (the engine imports nothing of the app),
 * the assessments table's CHECK and its generated columns (migration 1764150008000).
 */
const PERIOD_FORMS = /^[0-9]{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$/;

/** The first year a period may start in. */
export const FIRST_PERIOD_YEAR = 2000;

export interface PeriodSpan {
  /** The first day, UTC midnight. */
  start: Date;
  /** 1 (month), 3 (quarter), 6 (half) or 12 (year). */
  months: number;
}

/** The first day and the length of a period; null when it is not one of the four forms. */
export function periodSpan(period: string): PeriodSpan | null {
  if (!PERIOD_FORMS.test(period)) return null;
  const year = Number(period.slice(0, 4));
  const part = period.slice(5);
  let firstMonth = 1;
  let months = 12;
  if (part.startsWith('Q')) {
    months = 3;
    firstMonth = (Number(part.slice(1)) - 1) * 3 + 1;
  } else if (part.startsWith('H')) {
    months = 6;
    firstMonth = (Number(part.slice(1)) - 1) * 6 + 1;
  } else if (part !== '') {
    months = 1;
    firstMonth = Number(part);
  }
  const start = new Date(0);
  start.setUTCFullYear(year, firstMonth - 1, 1);
  return { start, months };
}

/** The first day of a period (UTC midnight); throws on a string that is not a period. */
export function periodStart(period: string): Date {
  return requireSpan(period).start;
}

/** The length of a period in months; throws on a string that is not a period. */
export function periodMonths(period: string): number {
  return requireSpan(period).months;
}

/** Why a period cannot be assessed (null when it can): not a period, not started by `today` (UTC), before 2000. */
export function periodProblem(period: string, today: Date): string | null {
  const span = periodSpan(period);
  if (!span) return 'must be YYYY-Qn, YYYY-Hn, YYYY-MM or YYYY';
  if (span.start.getUTCFullYear() < FIRST_PERIOD_YEAR) return `must start in ${FIRST_PERIOD_YEAR} or later`;
  const todayStart = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  if (span.start.getTime() > todayStart) return 'has not started yet (its first day is after today, UTC)';
  return null;
}

/** What period order looks at. */
export interface PeriodOrdered {
  id: string;
  period: string;
  submittedAt: Date;
}

/**
 * Period order: the period's first day, then the shorter period first (month < quarter < half < year), then the
 * submission time, then the id. The latest assessment is the last in this order.
 */
export function comparePeriodOrder(a: PeriodOrdered, b: PeriodOrdered): number {
  const sa = requireSpan(a.period);
  const sb = requireSpan(b.period);
  return (
    sa.start.getTime() - sb.start.getTime() ||
    sa.months - sb.months ||
    a.submittedAt.getTime() - b.submittedAt.getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function requireSpan(period: string): PeriodSpan {
  const span = periodSpan(period);
  if (!span) throw new Error(`Not a period: ${JSON.stringify(period)}`);
  return span;
}
