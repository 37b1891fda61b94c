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

  it('redirects an invitation link GET /invitations/<token> (302) to the workspace accept page, token in the fragment', async () => {
    const res = await request(t.app.getHttpServer()).get('/invitations/inv_abc-DEF_123');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/dashboard/#/invitations/accept/inv_abc-DEF_123');
  });

  it('keeps an invitation token from breaking out of the fragment (encoded)', async () => {
    const res = await request(t.app.getHttpServer()).get('/invitations/a%2F..%3Fx%23y');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/dashboard/#/invitations/accept/a%2F..%3Fx%23y');
  });

  it('redirects a response link GET /respond/<token> (302) to the respondent page of the dashboard, without a token', async () => {
    const res = await request(t.app.getHttpServer()).get('/respond/Abc-123_xyz');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/dashboard/#/respond/Abc-123_xyz');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('keeps what a response link carries inside the fragment (no open redirect, no injected path)', async () => {
    const res = await request(t.app.getHttpServer()).get('/respond/%2F%2Fevil.example%3Fx=1');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/dashboard/#/respond/%2F%2Fevil.example%3Fx%3D1');
    expect((await request(t.app.getHttpServer()).get('/respond/')).status).toBe(404);
  });

  it('leaves other unknown paths a 404', async () => {
    const res = await request(t.app.getHttpServer()).get('/nothing-here');
    expect(res.status).toBe(404);
  });
});
