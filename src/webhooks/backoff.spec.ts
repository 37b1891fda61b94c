import { retryDelayMs } from './backoff';

describe('webhook retry backoff', () => {
  const policy = { maxAttempts: 6, backoffBaseMs: 1000, backoffFactor: 4 };

  it('waits 1 s, 4 s, 16 s, 64 s, 256 s and gives up after the sixth attempt', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => retryDelayMs(attempt, policy))).toEqual([
      1000,
      4000,
      16000,
      64000,
      256000,
      null,
    ]);
  });

  it('follows the configured base and factor', () => {
    expect(retryDelayMs(1, { maxAttempts: 3, backoffBaseMs: 100, backoffFactor: 2 })).toBe(100);
    expect(retryDelayMs(2, { maxAttempts: 3, backoffBaseMs: 100, backoffFactor: 2 })).toBe(200);
    expect(retryDelayMs(3, { maxAttempts: 3, backoffBaseMs: 100, backoffFactor: 2 })).toBeNull();
    expect(retryDelayMs(1, { maxAttempts: 1, backoffBaseMs: 100, backoffFactor: 2 })).toBeNull();
  });
});
