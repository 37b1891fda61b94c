import { AppError, PoolBusyError, RateLimitedError } from './errors';

describe('PoolBusyError', () => {
  it('is a rate limit by the contract: RATE_LIMITED, without a retry-after it cannot know', () => {
    const busy = new PoolBusyError();
    expect(busy).toBeInstanceOf(RateLimitedError);
    expect(busy).toBeInstanceOf(AppError);
    expect({ name: busy.name, code: busy.code, retryAfterSeconds: busy.retryAfterSeconds }).toEqual({
      name: 'PoolBusyError',
      code: 'RATE_LIMITED',
      retryAfterSeconds: undefined,
    });
    expect(busy.message).toBe('The service is busy: retry in a moment');
  });
});
