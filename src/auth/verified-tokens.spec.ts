import { VerifiedTokens } from './verified-tokens';

/** A token's text with this payload (the cache never checks the signature: it only keeps what passport verified). */
function token(payload: Record<string, unknown>, signature = 'sig'): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}.${signature}`;
}

const USER = { id: '00000000-0000-4000-8000-000000000001', issuedAt: 1_000 };

describe('VerifiedTokens', () => {
  it('knows a remembered token until its exp, then forgets it', () => {
    const tokens = new VerifiedTokens(3_600);
    const t = token({ sub: USER.id, iat: 1_000, exp: 2_000 });
    expect(tokens.get(t, 1_500_000)).toBeUndefined();
    tokens.remember(t, USER);
    expect(tokens.get(t, 1_500_000)).toEqual(USER);
    expect(tokens.get(t, 1_999_999)).toEqual(USER);
    expect(tokens.get(t, 2_000_000)).toBeUndefined();
    expect(tokens.get(t, 1_500_000)).toBeUndefined();
  });

  it('forgets it at iat + the lifetime when that comes before exp (jsonwebtoken maxAge)', () => {
    const tokens = new VerifiedTokens(600);
    const t = token({ sub: USER.id, iat: 1_000, exp: 99_000 });
    tokens.remember(t, USER);
    expect(tokens.get(t, 1_599_999)).toEqual(USER);
    expect(tokens.get(t, 1_600_000)).toBeUndefined();
  });

  it('hits only the exact text: the same payload with another signature is not known', () => {
    const tokens = new VerifiedTokens(3_600);
    const payload = { sub: USER.id, iat: 1_000, exp: 2_000 };
    tokens.remember(token(payload, 'good'), USER);
    expect(tokens.get(token(payload, 'good'), 1_500_000)).toEqual(USER);
    expect(tokens.get(token(payload, 'forged'), 1_500_000)).toBeUndefined();
  });

  it('keeps nothing without a numeric exp or an iat, and stays within its limit', () => {
    const tokens = new VerifiedTokens(3_600, 2);
    const noExp = token({ sub: USER.id, iat: 1_000 });
    tokens.remember(noExp, USER);
    expect(tokens.get(noExp, 1_500_000)).toBeUndefined();
    const t = token({ sub: USER.id, iat: 1_000, exp: 2_000 });
    tokens.remember(t, { id: USER.id });
    expect(tokens.get(t, 1_500_000)).toBeUndefined();
    const many = [1, 2, 3].map((n) => token({ sub: USER.id, iat: 1_000, exp: 2_000, n }));
    for (const m of many) tokens.remember(m, USER);
    expect(many.filter((m) => tokens.get(m, 1_500_000)).length).toBeLessThanOrEqual(2);
    expect(tokens.get(many[2], 1_500_000)).toEqual(USER);
  });
});
