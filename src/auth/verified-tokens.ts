import type { AuthUser } from '../tenancy';

/** Tokens kept at most; the map is emptied when full (like i18n's caches), so a flood of tokens cannot grow it. */
export const VERIFIED_TOKENS_LIMIT = 10_000;

interface Verified {
  user: AuthUser;
  /** Milliseconds since 1970 after which the token is refused: its `exp`, or `iat` + the lifetime if sooner. */
  until: number;
}

/**
 * Bearer tokens already verified by this process (signature, algorithm, issuer, audience, expiry, lifetime), by
 * their whole text, signature included: a token that verified once verifies again until its expiry, so a repeated
 * request skips passport and jsonwebtoken (HMAC and two JSON parses). Only a token's exact text hits; an expired one
 * misses and is verified (and refused) as if never seen. What the token grants is still decided per request by the
 * access guard's statement (membership, session cut-off from `issuedAt`), never here.
 */
export class VerifiedTokens {
  private readonly tokens = new Map<string, Verified>();

  constructor(
    /** The configured token lifetime (jsonwebtoken's maxAge from iat), seconds. */
    private readonly maxAgeSeconds: number,
    private readonly limit = VERIFIED_TOKENS_LIMIT,
  ) {}

  /** The user of a token verified before and still within its expiry at `now`, or undefined. */
  get(token: string, now = Date.now()): AuthUser | undefined {
    const verified = this.tokens.get(token);
    if (!verified) return undefined;
    if (now >= verified.until) {
      this.tokens.delete(token);
      return undefined;
    }
    return verified.user;
  }

  /** Records a token just verified, with its user; its `exp` is read from the (verified) payload. */
  remember(token: string, user: AuthUser): void {
    const exp = expOf(token);
    if (exp === null || user.issuedAt === undefined) return;
    const until = Math.min(exp * 1000, (user.issuedAt + this.maxAgeSeconds) * 1000);
    if (this.tokens.size >= this.limit) this.tokens.clear();
    this.tokens.set(token, { user, until });
  }
}

function expOf(token: string): number | null {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' && Number.isFinite(payload.exp) ? payload.exp : null;
  } catch {
    return null;
  }
}
