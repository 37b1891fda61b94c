/**
 * An assessment period: a year ("2026"), a half ("2026-H2"), a quarter ("2026-Q4") or a month ("2026-11").
 * The migration's CHECK repeats this pattern.
 */
export const PERIOD_PATTERN = /^[0-9]{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$/;

/**
 * Client-chosen: any string of 1 to 255 characters (Unicode code points) without control characters ("acme-q1",
 * "acme/2026-Q1", a UUID, ...). With the `u` flag a lone surrogate is one code point of category Cs: refused too.
 * Migration 1764150009000's CHECK repeats the rule.
 */
export const IDEMPOTENCY_KEY_PATTERN = /^[^\p{Cc}\p{Cs}]{1,255}$/u;

/** The calendar quarter of a moment, in UTC ("2026-Q4"): the period of a preview. */
export function quarterOf(moment: Date): string {
  return `${moment.getUTCFullYear()}-Q${Math.floor(moment.getUTCMonth() / 3) + 1}`;
}
