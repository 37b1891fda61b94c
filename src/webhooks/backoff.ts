export interface RetryPolicy {
  maxAttempts: number;
  backoffBaseMs: number;
  backoffFactor: number;
}

/**
 * How long to wait after failed attempt `attempt` (1-based): base * factor^(attempt - 1), e.g. 1 s, 4 s, 16 s,
 * 64 s, 256 s with the defaults; null when that was the last attempt (the delivery has failed for good).
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy): number | null {
  if (attempt >= policy.maxAttempts) return null;
  return Math.round(policy.backoffBaseMs * policy.backoffFactor ** (attempt - 1));
}
