import type { AddressInfo } from 'node:net';
import { serverAudits } from 'graphql-http';
import { startTestApp, type TestApp } from '../helpers/app';

/** GraphQL-over-HTTP conformance: graphql-http's audit suite against the running server. */
describe('GraphQL over HTTP (graphql-http serverAudits)', () => {
  let t: TestApp;
  let url: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => t.close());

  it('passes every MUST audit', async () => {
    const audits = serverAudits({ url, fetchFn: fetch });
    const failures: string[] = [];
    let musts = 0;
    for (const audit of audits) {
      const result = await audit.fn();
      if (audit.name.startsWith('MUST')) {
        musts += 1;
        if (result.status !== 'ok') failures.push(`${audit.name}: ${result.reason}`);
      }
    }
    expect(musts).toBeGreaterThan(10);
    expect(failures).toEqual([]);
  });
});
