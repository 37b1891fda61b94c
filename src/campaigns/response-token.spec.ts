import { hashResponseToken, isResponseTokenShape, newResponseToken, sameHash } from './response-token';

describe('response tokens', () => {
  it('carries 256 random bits and is stored only as its SHA-256 hash', () => {
    const { token, hash } = newResponseToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(isResponseTokenShape(token)).toBe(true);
    expect(hash).toHaveLength(32);
    expect(hash.toString('hex')).not.toContain(Buffer.from(token).toString('hex'));
    expect(sameHash(hash, hashResponseToken(token))).toBe(true);
  });

  it('never repeats and refuses what it did not issue', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newResponseToken().token));
    expect(tokens.size).toBe(1000);
    expect(isResponseTokenShape('short')).toBe(false);
    expect(isResponseTokenShape(`${'a'.repeat(42)}!`)).toBe(false);
    expect(sameHash(hashResponseToken('a'), hashResponseToken('b'))).toBe(false);
    expect(sameHash(hashResponseToken('a'), Buffer.alloc(3))).toBe(false);
  });
});
