import { RateLimitedError } from '../common/errors';

const WINDOW_MS = 60_000;
const MAX_TRACKED = 100_000;

/**
 * Unknown response tokens per client IP, in this process's memory: after `limit` misses within a minute every
 * token operation from that IP is refused with RATE_LIMITED until the oldest miss leaves the window. Guessing a
 * 256-bit token is hopeless anyway; this keeps a scanner from costing the database a lookup per guess.
 */
export class ResponseLinkLimiter {
  private readonly misses = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws while the IP is over its limit. */
  check(ip: string): void {
    const recent = this.recent(ip);
    if (recent.length >= this.limit) {
      throw new RateLimitedError(
        'Too many unknown response links from this address: wait and retry',
        Math.max(1, Math.ceil((recent[0] + WINDOW_MS - this.now()) / 1000)),
      );
    }
  }

  miss(ip: string): void {
    const recent = this.recent(ip);
    recent.push(this.now());
    this.misses.delete(ip);
    this.misses.set(ip, recent);
    if (this.misses.size > MAX_TRACKED) this.misses.delete(this.misses.keys().next().value as string);
  }

  private recent(ip: string): number[] {
    const from = this.now() - WINDOW_MS;
    return (this.misses.get(ip) ?? []).filter((t) => t > from);
  }
}
