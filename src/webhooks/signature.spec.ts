import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newWebhookSecret, signWebhook, verifyWebhookSignature } from './signature';

describe('webhook signature', () => {
  const body = '{"type":"assessment.scored"}';
  const t = 1_700_000_000;
  const at = (seconds: number) => ({ now: seconds * 1000 });

  it('is t=<unix>,v1=<hex HMAC-SHA256 of "t.body"> (checked against openssl dgst -sha256 -hmac)', () => {
    expect(signWebhook('Jefe', body, t)).toBe(
      't=1700000000,v1=ca910d28573ce22edd3a74eae22982fc27b9f6caff0f67326ad1e4a71a7eefa3',
    );
  });

  it('verifies only the same body, time and secret', () => {
    const secret = newWebhookSecret();
    const header = signWebhook(secret, body, t);
    expect(verifyWebhookSignature(secret, body, header, at(t))).toBe(true);
    expect(verifyWebhookSignature(secret, Buffer.from(body), header, at(t))).toBe(true);
    expect(verifyWebhookSignature(secret, `${body} `, header, at(t))).toBe(false);
    expect(verifyWebhookSignature(newWebhookSecret(), body, header, at(t))).toBe(false);
    // The time is signed: moving it to look fresh breaks the signature.
    expect(verifyWebhookSignature(secret, body, header.replace(`t=${t}`, `t=${t + 600}`), at(t + 600))).toBe(false);
  });

  it('refuses a replay: a signed time more than 5 minutes from the receiver clock, either way', () => {
    const secret = newWebhookSecret();
    const header = signWebhook(secret, body, t);
    expect(verifyWebhookSignature(secret, body, header, at(t + 300))).toBe(true);
    expect(verifyWebhookSignature(secret, body, header, at(t - 300))).toBe(true);
    expect(verifyWebhookSignature(secret, body, header, at(t + 301))).toBe(false);
    expect(verifyWebhookSignature(secret, body, header, at(t - 301))).toBe(false);
    expect(verifyWebhookSignature(secret, body, header, { now: (t + 3600) * 1000, toleranceSeconds: 3600 })).toBe(true);
  });

  it('refuses malformed headers and the old body-only format', () => {
    const secret = newWebhookSecret();
    const v1 = signWebhook(secret, body, t).split(',')[1];
    for (const header of [
      undefined,
      '',
      v1,
      `t=${t}`,
      `t=abc,${v1}`,
      `t=${t},v1=00`,
      `t=${t},v1=${'z'.repeat(64)}`,
      `sha256=${'0'.repeat(64)}`,
      `t=${t},${v1}${'x'.repeat(1000)}`,
    ]) {
      expect(verifyWebhookSignature(secret, body, header, at(t))).toBe(false);
    }
  });

  it('accepts any one matching v1 (room for rotating secrets)', () => {
    const secret = newWebhookSecret();
    const good = signWebhook(secret, body, t).split(',')[1];
    expect(verifyWebhookSignature(secret, body, `t=${t},v1=${'0'.repeat(64)},${good}`, at(t))).toBe(true);
  });

  it('makes distinct, long secrets', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });
});

describe('the receiver code in docs/api.md (Webhooks)', () => {
  type Verify = (secret: string, body: Buffer | string, header: string | undefined, nowMs?: number) => boolean;

  function docsReceiver(): Verify {
    const markdown = readFileSync(join(__dirname, '../../docs/api.md'), 'utf8');
    const block = /<!-- webhook-receiver:start -->\s*```js\n([\s\S]*?)```\s*<!-- webhook-receiver:end -->/.exec(markdown);
    if (!block) throw new Error('docs/api.md has no webhook receiver block');
    const module = { exports: {} as { verifySmtSignature?: Verify } };
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the documented code, run as a receiver would
    new Function('require', 'module', block[1])(require, module);
    return module.exports.verifySmtSignature!;
  }

  it('accepts what the service signs and refuses a stale, forged or altered delivery', () => {
    const verify = docsReceiver();
    const secret = newWebhookSecret();
    const body = Buffer.from('{"id":"e1","type":"assessment.scored","data":{"overallScore":61.5}}');
    const t = 1_700_000_000;
    const header = signWebhook(secret, body, t);
    expect(verify(secret, body, header, t * 1000)).toBe(true);
    expect(verify(secret, body.toString('utf8'), header, (t + 299) * 1000)).toBe(true);
    expect(verify(secret, body, header, (t + 301) * 1000)).toBe(false);
    expect(verify(secret, body, header, (t - 301) * 1000)).toBe(false);
    expect(verify(secret, Buffer.from(`${body.toString('utf8')} `), header, t * 1000)).toBe(false);
    expect(verify(newWebhookSecret(), body, header, t * 1000)).toBe(false);
    expect(verify(secret, body, undefined, t * 1000)).toBe(false);
    expect(verify(secret, body, `t=${t},v1=00`, t * 1000)).toBe(false);
    // The same answers as the service's own verifyWebhookSignature.
    for (const now of [t, t + 300, t + 301]) {
      expect(verify(secret, body, header, now * 1000)).toBe(verifyWebhookSignature(secret, body, header, { now: now * 1000 }));
    }
  });
});
