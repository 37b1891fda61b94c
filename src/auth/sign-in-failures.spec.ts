import { RateLimitedError } from '../common/errors';
import { SignInFailureLimiter } from './sign-in-failures';

const policy = { maxFailures: 5, windowSeconds: 900, delaySeconds: 30, maxDelaySeconds: 900 };

describe('SignInFailureLimiter', () => {
  let now: number;
  let limiter: SignInFailureLimiter;
  beforeEach(() => {
    now = 1_000_000;
    limiter = new SignInFailureLimiter(policy, () => now);
  });
  afterEach(() => limiter.close());

  /** The retry-after of a refused attempt, or null when the attempt may go ahead (and then fails). */
  const attempt = (email: string): number | null => {
    try {
      limiter.begin(email);
      return null;
    } catch (e) {
      expect(e).toBeInstanceOf(RateLimitedError);
      return (e as RateLimitedError).retryAfterSeconds ?? -1;
    }
  };

  it('lets 5 failures through, then refuses with a retry-after that doubles after each further failure, up to the ceiling', () => {
    const email = 'victim@example.test';
    expect([1, 2, 3, 4, 5].map(() => attempt(email))).toEqual([null, null, null, null, null]);
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      const retryAfter = attempt(email)!;
      expect(retryAfter).toBeGreaterThan(0);
      delays.push(retryAfter);
      expect(attempt(email)).toBe(retryAfter); // refused attempts do not change it
      now += retryAfter * 1000;
      expect(attempt(email)).toBeNull(); // one more guess after the delay, which fails again
    }
    expect(delays).toEqual([30, 60, 120, 240, 480, 900, 900]);
  });

  it('a success clears the email', () => {
    const email = 'user@example.test';
    for (let i = 0; i < 4; i++) attempt(email);
    limiter.begin(email);
    limiter.succeeded(email);
    expect([1, 2, 3, 4, 5].map(() => attempt(email))).toEqual([null, null, null, null, null]);
    expect(attempt(email)).toBe(30);
  });

  it('counts emails case- and space-insensitively, and each email apart', () => {
    for (let i = 0; i < 5; i++) attempt(i % 2 ? ' Ada@Example.TEST' : 'ada@example.test');
    expect(attempt('ADA@example.test')).toBe(30);
    expect(attempt('bob@example.test')).toBeNull();
  });

  it('forgets failures older than the window, and the delay level after a quiet window', () => {
    const email = 'slow@example.test';
    for (let i = 0; i < 4; i++) attempt(email);
    now += 901_000;
    expect([1, 2, 3, 4].map(() => attempt(email))).toEqual([null, null, null, null]);
    attempt(email);
    expect(attempt(email)).toBe(30);
    now += 30_000;
    attempt(email); // fails after the delay: the next delay is 60 s
    expect(attempt(email)).toBe(60);
    now += 60_000 + 901_000;
    expect([1, 2, 3, 4].map(() => attempt(email))).toEqual([null, null, null, null]);
    attempt(email);
    expect(attempt(email)).toBe(30);
  });

  it('sweeps emails with nothing to remember', () => {
    for (let i = 0; i < 3; i++) attempt(`one-off-${i}@example.test`);
    for (let i = 0; i < 5; i++) attempt('locked@example.test');
    expect(limiter.size).toBe(4);
    now += 901_000;
    limiter.sweep();
    expect(limiter.size).toBe(1); // the delayed one's failures count from the end of its delay
    now += 30_000;
    limiter.sweep();
    expect(limiter.size).toBe(0);
  });
});
