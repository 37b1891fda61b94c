import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes (256 bits), base64url: 43 characters. */
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A new response link token; only its hash is stored. */
export function newResponseToken(): { token: string; hash: Buffer } {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, hash: hashResponseToken(token) };
}

export function hashResponseToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Whether the text can be a token this service issued (anything else is refused before any lookup). */
export function isResponseTokenShape(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** Compares two hashes in constant time. */
export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
