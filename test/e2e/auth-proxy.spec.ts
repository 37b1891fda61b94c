import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../helpers/app';

/**
 * Issue 13.7: the per-IP sign-in limit was bypassed by sending a new X-Forwarded-For with every guess (the app
 * trusted the header from loopback peers). The tests reach the app from 127.0.0.1, as an attacker on the same host
 * or behind an unconfigured proxy would.
 */
// A new email each time: the per-email failure limit stays out of the way.
const logIn = `mutation($e: String!) { logIn(email: $e, password: "whatever-password") { token } }`;

async function codesOf(t: TestApp, forwardedFor: (i: number) => string, attempts = 4) {
  const codes = [];
  for (let i = 0; i < attempts; i++)
    codes.push(
      (
        await t.gql(
          logIn,
          { e: `nobody-${randomUUID()}@example.test` },
          { headers: { 'x-forwarded-for': forwardedFor(i) } },
        )
      ).code,
    );
  return codes;
}

describe('sign-in limit per IP and X-Forwarded-For', () => {
  describe('without TRUST_PROXY (the default)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ RATE_LIMIT_SIGN_IN_PER_IP: '3' });
    });
    afterAll(() => t.close());

    it('ignores X-Forwarded-For: a new forged address per request still trips the limit', async () => {
      const codes = await codesOf(t, (i) => `203.0.113.${i + 1}`);
      expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
    });
  });

  describe('with TRUST_PROXY naming the proxy (loopback here)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ RATE_LIMIT_SIGN_IN_PER_IP: '3', TRUST_PROXY: 'loopback' });
    });
    afterAll(() => t.close());

    it("counts the client address the proxy reports: one client's guesses trip the limit, other clients are unaffected", async () => {
      const same = await codesOf(t, () => '198.51.100.7');
      expect(same).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
      const others = await codesOf(t, (i) => `198.51.100.${20 + i}`);
      expect(others).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
    });

    it('takes the address the trusted proxy appended, not what the client put in front of it', async () => {
      // The client sends "X-Forwarded-For: <forged>"; the proxy appends the real peer: "<forged>, 192.0.2.9".
      const codes = await codesOf(t, (i) => `10.9.9.${i}, 192.0.2.9`);
      expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
    });
  });
});
