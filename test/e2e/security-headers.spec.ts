import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/app';

const EXPECTED = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

describe('security headers', () => {
  describe('by default', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ BODY_LIMIT_KB: '1' });
    });
    afterAll(() => t.close());

    const cases: [string, (server: any) => request.Test][] = [
      [
        'POST /graphql',
        (s) =>
          request(s)
            .post('/graphql')
            .set('content-type', 'application/json')
            .send({ query: '{ __typename }' }),
      ],
      [
        'a GraphQL error',
        (s) =>
          request(s)
            .post('/graphql')
            .set('content-type', 'application/json')
            .send({ query: '{ me { id } }' }),
      ],
      ['GET /graphql refused (CSRF)', (s) => request(s).get('/graphql').query({ query: '{ __typename }' })],
      [
        'a body over the limit (413)',
        (s) =>
          request(s)
            .post('/graphql')
            .set('content-type', 'application/json')
            .send({ query: 'x'.repeat(4096) }),
      ],
      ['GET /health', (s) => request(s).get('/health')],
      ['an unknown path (404)', (s) => request(s).get('/no-such-path')],
    ];
    it.each(cases)('%s carries nosniff, no-referrer and DENY, and no HSTS', async (_name, send) => {
      const res = await send(t.app.getHttpServer());
      expect(res.headers).toEqual(expect.objectContaining(EXPECTED));
      expect(res.headers['strict-transport-security']).toBeUndefined();
    });
  });

  describe('with HSTS=true (TLS terminated in front of the service)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ HSTS: 'true' });
    });
    afterAll(() => t.close());

    it('adds Strict-Transport-Security to every response', async () => {
      const server = t.app.getHttpServer();
      for (const res of [
        await request(server)
          .post('/graphql')
          .set('content-type', 'application/json')
          .send({ query: '{ __typename }' }),
        await request(server).get('/health'),
      ]) {
        expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
        expect(res.headers).toEqual(expect.objectContaining(EXPECTED));
      }
    });
  });
});
