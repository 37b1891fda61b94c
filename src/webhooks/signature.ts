import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-smt-signature';
export const SECRET_PREFIX = 'whsec_';
/** How far a delivery's signed time may be from the receiver's clock before it is refused as a replay. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** A new endpoint secret: 32 random bytes, base64url, prefixed so it is recognisable in a secret scanner. */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
}

function hmacHex(secret: string, timestamp: number, body: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/**
 * The x-smt-signature value: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, keyed with the endpoint
 * secret (its UTF-8 bytes, prefix included). The time is signed with the body, so a captured delivery cannot be
 * replayed later: receivers refuse a t outside the tolerance. Each attempt is signed afresh.
 */
export function signWebhook(secret: string, body: string | Buffer, timestamp: number): string {
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, body)}`;
}

export interface VerifyOptions {
  /** Seconds a signed time may be off the receiver's clock (either way); 300 by default. */
  toleranceSeconds?: number;
  /** The receiver's clock in milliseconds (for tests); Date.now() by default. */
  now?: number;
}

/**
 * What a receiver does with x-smt-signature: parse t and every v1, refuse a t more than the tolerance away from
 * now, and compare each v1 with the expected HMAC in constant time. The raw body, exactly as received.
 */
export function verifyWebhookSignature(
  secret: string,
  body: string | Buffer,
  header: string | undefined,
  options: VerifyOptions = {},
): boolean {
  if (typeof header !== 'string' || header.length > 1000) return false;
  let timestamp: number | null = null;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && /^\d{1,12}$/.test(value ?? '')) timestamp = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(value ?? '')) candidates.push(value);
  }
  if (timestamp === null || candidates.length === 0) return false;
  const tolerance = options.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS;
  const nowSeconds = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(nowSeconds - timestamp) > tolerance) return false;
  const expected = Buffer.from(hmacHex(secret, timestamp, body), 'hex');
  return candidates.some((candidate) => timingSafeEqual(expected, Buffer.from(candidate, 'hex')));
}
