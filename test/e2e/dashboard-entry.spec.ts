import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/app';
import { ensureWorkspaceBuilt } from '../helpers/workspace';

/** Where a person lands first: the root of the service leads to the workspace (built from web/ when stale). */
describe('the service root', () => {
  let t: TestApp;

  beforeAll(async () => {
    ensureWorkspaceBuilt();
    t = await startTestApp();
  }, 5 * 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('redirects GET / (302) to /dashboard/, without a token', async () => {
    const res = await request(t.app.getHttpServer()).get('/');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/dashboard/');
  });

  it('serves the dashboard at the redirect target', async () => {
    const res = await request(t.app.getHttpServer()).get('/dashboard/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<title>Social Maturity');
  });

  it('leaves other unknown paths a 404', async () => {
    const res = await request(t.app.getHttpServer()).get('/nothing-here');
    expect(res.status).toBe(404);
  });
});
