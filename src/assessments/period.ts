/**
 * An assessment period: a year ("2026"), a half ("2026-H2"), a quarter ("2026-Q4") or a month ("2026-11").
 * The migration's CHECK repeats this pattern.
 */
export const PERIOD_PATTERN = /^[0-9]{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$/;

/** Client-chosen, 8-200 characters of [A-Za-z0-9._:-] (a UUID, a ULID, "2026-Q4:import:7", ...). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{8,200}$/;

/** The calendar quarter of a moment, in UTC ("2026-Q4"): the period of a preview. */
export function quarterOf(moment: Date): string {
  return `${moment.getUTCFullYear()}-Q${Math.floor(moment.getUTCMonth() / 3) + 1}`;
}
