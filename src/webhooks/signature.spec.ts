import { newWebhookSecret, signBody, verifySignature } from './signature';

describe('webhook signature', () => {
  it('is the hex HMAC-SHA256 of the raw body (RFC 4231 test case 2)', () => {
    expect(signBody('Jefe', 'what do ya want for nothing?')).toBe(
      'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('verifies only the same body with the same secret', () => {
    const secret = newWebhookSecret();
    const body = '{"type":"assessment.scored"}';
    const signature = signBody(secret, body);
    expect(verifySignature(secret, body, signature)).toBe(true);
    expect(verifySignature(secret, `${body} `, signature)).toBe(false);
    expect(verifySignature(newWebhookSecret(), body, signature)).toBe(false);
    expect(verifySignature(secret, body, undefined)).toBe(false);
    expect(verifySignature(secret, body, 'sha256=00')).toBe(false);
  });

  it('makes distinct, long secrets', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });
});
