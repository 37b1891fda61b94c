import { createHash } from 'node:crypto';
import { RateLimitedError } from '../common/errors';
import type { SharedRedis } from '../redis';

export interface SignInFailurePolicy {
  /** Failures within the window before the first delay. */
  maxFailures: number;
  windowSeconds: number;
  /** The first delay; each further failure doubles it, up to maxDelaySeconds. */
  delaySeconds: number;
  maxDelaySeconds: number;
}

interface Account {
  /** Times of the failures that count (within the window), oldest first. */
  failures: number[];
  /** How many delays were imposed since the last success or quiet window: the exponent of the next one. */
  delays: number;
  lockedUntil: number;
}

/** Bounds the memory a flood of made-up emails can take; the oldest entries go first. */
const MAX_ACCOUNTS = 100_000;
const SWEEP_MS = 60_000;

/**
 * Failed sign-ins per email, in this process's memory (SharedSignInFailures below keeps them in Redis, shared by
 * every instance, when REDIS_URL is set). After `maxFailures` failures within the window every attempt for that email is refused with
 * RATE_LIMITED and a retry-after, without looking at the password; each failure after a delay doubles the next
 * one, up to the ceiling; a success clears the email. Keyed by the normalised email whether or not an account
 * has it, so the answers never tell which emails exist.
 *
 * Each attempt counts as a failure when it starts and is cleared only by its success: concurrent guesses cannot
 * all pass the check before the first one's failure is recorded.
 */
export class SignInFailureLimiter {
  private readonly accounts = new Map<string, Account>();
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    private readonly policy: SignInFailurePolicy,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws RateLimitedError while the email is delayed; otherwise records the attempt as a (provisional) failure. */
  begin(email: string): void {
    const now = this.now();
    const key = keyOf(email);
    let account = this.accounts.get(key);
    if (account && account.lockedUntil > now) {
      throw new RateLimitedError(
        'Too many failed sign-ins for this email: wait and retry',
        Math.ceil((account.lockedUntil - now) / 1000),
      );
    }
    const windowMs = this.policy.windowSeconds * 1000;
    if (account) {
      account.failures = account.failures.filter((t) => t > now - windowMs);
      // A quiet window after the last delay ended: start over.
      if (account.failures.length === 0) account.delays = 0;
      this.accounts.delete(key); // re-inserted below: Map order is then least recently failed first
    } else {
      account = { failures: [], delays: 0, lockedUntil: 0 };
    }
    account.failures.push(now);
    if (account.failures.length >= this.policy.maxFailures) {
      const delay = Math.min(this.policy.delaySeconds * 2 ** account.delays, this.policy.maxDelaySeconds);
      account.delays += 1;
      account.lockedUntil = now + delay * 1000;
      // The window restarts after the delay, so a delay never expires the failures that caused it.
      account.failures = account.failures.map(() => account.lockedUntil);
    }
    this.accounts.set(key, account);
    this.bound();
  }

  /** The attempt that began for this email succeeded: its failures are forgotten. */
  succeeded(email: string): void {
    this.accounts.delete(keyOf(email));
  }

  /** Forgets emails with no failure in the window and no delay running. */
  sweep(): void {
    const now = this.now();
    const windowMs = this.policy.windowSeconds * 1000;
    for (const [key, account] of this.accounts) {
      if (account.lockedUntil <= now && account.failures.every((t) => t <= now - windowMs))
        this.accounts.delete(key);
    }
  }

  /** How many emails are tracked (for tests of the memory bound). */
  get size(): number {
    return this.accounts.size;
  }

  close(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
    this.accounts.clear();
  }

  private bound(): void {
    this.sweeper ??= setInterval(() => this.sweep(), SWEEP_MS).unref();
    if (this.accounts.size <= MAX_ACCOUNTS) return;
    this.sweep();
    for (const key of this.accounts.keys()) {
      if (this.accounts.size <= MAX_ACCOUNTS) break;
      this.accounts.delete(key);
    }
  }
}

/** The normalised email, hashed: the map holds no readable address. */
function keyOf(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
}

/**
 * SignInFailureLimiter#begin's rules on one Redis key per email, atomically (one script): the failure times within
 * the window, the number of delays so far and the end of the current delay, as JSON, expiring when they no longer
 * matter. Returns 0 when the attempt may go ahead (counted as a failure), else the milliseconds of delay left.
 */
export const SIGN_IN_BEGIN_LUA = `
local now = tonumber(ARGV[1])
local maxFailures = tonumber(ARGV[2])
local windowMs = tonumber(ARGV[3])
local raw = redis.call('GET', KEYS[1])
local a = {f = {}, d = 0, l = 0}
if raw then a = cjson.decode(raw) end
if a.l > now then return math.ceil(a.l - now) end
local kept = {}
for _, t in ipairs(a.f) do
  if t > now - windowMs then table.insert(kept, t) end
end
if #kept == 0 then a.d = 0 end
table.insert(kept, now)
if #kept >= maxFailures then
  local delay = math.min(tonumber(ARGV[4]) * 2 ^ a.d, tonumber(ARGV[5]))
  a.d = a.d + 1
  a.l = now + delay
  for i = 1, #kept do kept[i] = a.l end
end
a.f = kept
redis.call('SET', KEYS[1], cjson.encode(a), 'PX', math.floor(math.max(a.l - now, 0) + windowMs))
return 0
`;

interface SignInCommand {
  smtSignInBegin(key: string, now: number, maxFailures: number, windowMs: number, delayMs: number, maxDelayMs: number): Promise<number>;
}

/**
 * The per-email sign-in failures every instance shares (REDIS_URL): SIGN_IN_BEGIN_LUA in Redis; without Redis, or
 * while it does not answer, this process's SignInFailureLimiter (fail open to the per-instance count, logged once).
 */
export class SharedSignInFailures {
  constructor(
    private readonly redis: SharedRedis,
    private readonly local: SignInFailureLimiter,
    private readonly policy: SignInFailurePolicy,
    private readonly now: () => number = Date.now,
  ) {
    redis.defineScript('smtSignInBegin', 1, SIGN_IN_BEGIN_LUA);
  }

  async begin(email: string): Promise<void> {
    const waitMs = await this.redis.run(
      (client, name) =>
        (client as unknown as SignInCommand).smtSignInBegin(
          name(`sign-in:${keyOf(email)}`),
          this.now(),
          this.policy.maxFailures,
          this.policy.windowSeconds * 1000,
          this.policy.delaySeconds * 1000,
          this.policy.maxDelaySeconds * 1000,
        ),
      () => {
        this.local.begin(email);
        return 0;
      },
    );
    if (waitMs > 0) throw new RateLimitedError('Too many failed sign-ins for this email: wait and retry', Math.ceil(waitMs / 1000));
  }

  async succeeded(email: string): Promise<void> {
    this.local.succeeded(email);
    await this.redis.run(
      (client, name) => client.del(name(`sign-in:${keyOf(email)}`)),
      () => 0,
    );
  }

  close(): void {
    this.local.close();
  }
}
