import { RateLimitedError } from '../common/errors';
import { ResponseLinkLimiter } from './response-link-limiter';

describe('ResponseLinkLimiter', () => {
  it('refuses an IP after `limit` unknown links within a minute, and lets it in again after', () => {
    let now = 0;
    const limiter = new ResponseLinkLimiter(3, () => now);
    for (let i = 0; i < 3; i += 1) {
      limiter.check('1.2.3.4');
      limiter.miss('1.2.3.4');
    }
    expect(() => limiter.check('1.2.3.4')).toThrow(RateLimitedError);
    expect(() => limiter.check('5.6.7.8')).not.toThrow();
    now = 60_001;
    expect(() => limiter.check('1.2.3.4')).not.toThrow();
  });
});
