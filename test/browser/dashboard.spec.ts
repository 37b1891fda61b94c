import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createTenant, signUp, startTestApp, type TestApp, type TestUser } from '../helpers/app';
import { adminClient } from '../helpers/db';
import { ensureChromium, launchChromium } from './chromium';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const SEVERITY_ORDER = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];
const PASSWORD = 'correct horse battery';

const ANSWERS = {
  overallSatisfaction: 2,
  managementSupport: 3,
  hasPolicy: false,
  policyRoleModel: 2,
  hasCrisisPlan: false,
  hasMonitoring: true,
  reportingCadence: 'AD_HOC',
  communityApplicable: false,
};

/**
 * The reference dashboard in a real browser (Debian's Chromium, headless) against the real application and
 * database: log in through the form, switch tenant, read the charts, the findings and the portfolio.
 */
describe('dashboard (browser)', () => {
  let t: TestApp;
  let base: string;
  let consultant: TestUser;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const problems: string[] = [];
  const tenants: { id: string; name: string; assessments: number }[] = [];

  beforeAll(async () => {
    ensureChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${((t.app.getHttpServer() as Server).address() as AddressInfo).port}`;
    consultant = await signUp(t.gql, 'Casey Consultant');
    // Overdue: last assessed 150 days ago (cadence 90). On track: last assessed 10 days ago.
    tenants.push(await seedTenant('Northwind Logistics', [400, 310, 220, 150], { employeeCount: 600, market: 'B2B' }));
    tenants.push(await seedTenant('Sunrise Bakery', [200, 100, 10], { employeeCount: 18, market: 'B2C', culture: 'INFORMAL' }));
    // Assessed 5 days ago (not overdue, not due), but 10+ points below the assessment before.
    tenants.push(
      await seedTenant('Harbour Dental', [120, 5], { employeeCount: 40, market: 'B2C', culture: 'INFORMAL' }, (n) =>
        n === 0
          ? { ...ANSWERS, overallSatisfaction: 5, hasPolicy: true, policyRoleModel: 5, hasCrisisPlan: true }
          : { ...ANSWERS, overallSatisfaction: 1, hasMonitoring: false },
      ),
    );
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
  }, 20 * 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A consultant's client with a team, owners, an initiative and assessments backdated by `daysAgo`. */
  async function seedTenant(
    name: string,
    daysAgo: number[],
    profile: Record<string, unknown>,
    answersFor = (n: number): typeof ANSWERS => ({
      ...ANSWERS,
      overallSatisfaction: Math.min(5, 2 + n),
      hasPolicy: n >= 1,
      hasCrisisPlan: n >= 2,
    }),
  ) {
    const id = await createTenant(t.gql, consultant, {
      name,
      asConsultant: true,
      profile: { departments: ['MARKETING', 'SALES', 'PR', 'IT'], culture: 'HIERARCHICAL', locations: 2, ...profile },
    });
    const as = { token: consultant.token, tenant: id };
    const must = async (query: string, variables: Record<string, unknown>) => {
      const res = await t.gql(query, variables, as);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data;
    };
    const { createTeam } = await must(`mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }`, {
      i: { name: 'Social media team' },
    });
    const { addTeamMember } = await must(`mutation($i: AddTeamMemberInput!) { addTeamMember(input: $i) { id } }`, {
      i: { teamId: createTeam.id, name: 'Robin', department: 'MARKETING', external: false, insight: 4, experience: 3, affinity: 5 },
    });
    await must(`mutation($i: AssignResponsibilityInput!) { assignResponsibility(input: $i) { responsibility } }`, {
      i: { responsibility: 'CHANNEL_MANAGEMENT', ownerKind: 'MEMBER', memberId: addTeamMember.id },
    });
    await must(`mutation($i: CreateInitiativeInput!) { createInitiative(input: $i) { id } }`, {
      i: {
        name: 'Brand awareness',
        status: 'ACTIVE',
        ownerDepartment: 'MARKETING',
        outsourcing: 'NONE',
        kpis: [{ name: 'Followers', kind: 'VANITY' }],
        satisfaction: 2,
      },
    });
    const admin = await adminClient();
    try {
      for (const [n, days] of daysAgo.entries()) {
        const answers = answersFor(n);
        const { submitAssessment } = await must(
          `mutation($i: SubmitAssessmentInput!) { submitAssessment(input: $i) { id } }`,
          { i: { period: `2025-0${n + 1}`, answers, idempotencyKey: `browser-${id}-${n}` } },
        );
        await admin.query('BEGIN');
        await admin.query(`SELECT set_config('app.tenant_id', $1, true)`, [id]);
        await admin.query(`UPDATE assessments SET submitted_at = now() - make_interval(days => $2) WHERE id = $1`, [
          submitAssessment.id,
          days,
        ]);
        await admin.query('COMMIT');
      }
    } finally {
      await admin.end();
    }
    return { id, name, assessments: daysAgo.length };
  }

  async function latestOf(tenant: string) {
    const res = await t.gql(
      `{ tenant { latestAssessment { overallScore dimensions { applicable } findings { severity code } } } }`,
      {},
      { token: consultant.token, tenant },
    );
    return res.data.tenant.latestAssessment as {
      overallScore: number;
      dimensions: { applicable: boolean }[];
      findings: { severity: string; code: string }[];
    };
  }

  async function expectTenantShown(tenant: { id: string; name: string; assessments: number }) {
    // (Locators, not waitForFunction with a string: the page's CSP forbids eval, as it should.)
    await page.locator('#tenant-name').filter({ hasText: tenant.name }).waitFor();
    await page.locator('#tenant:not(.is-loading)').waitFor();
    const latest = await latestOf(tenant.id);
    // Radar: one point per applicable dimension, plus the axes and the polygon.
    await expect(page.locator('#radar-chart svg circle.radar-point').count()).resolves.toBe(
      latest.dimensions.filter((d) => d.applicable).length,
    );
    await expect(page.locator('#radar-chart svg polygon.radar-area').count()).resolves.toBe(1);
    // Line: one point per assessment, in time order.
    await expect(page.locator('#growth-chart svg circle.line-point').count()).resolves.toBe(tenant.assessments);
    await expect(page.locator('#growth-chart svg path.line').count()).resolves.toBe(1);
    // The score is shown rounded to one decimal.
    await expect(page.locator('#overall-score').innerText()).resolves.toContain((Math.round(latest.overallScore * 10) / 10).toFixed(1));
    // Findings: all of them, most severe first; several of one rule are one item that opens up.
    const shown = await page
      .locator('#findings li.finding')
      .evaluateAll((items) =>
        items.map((li) => [li.getAttribute('data-severity'), li.getAttribute('data-code'), Number(li.getAttribute('data-count'))]),
      );
    expect(shown.reduce((n, [, , count]) => n + count, 0)).toBe(latest.findings.length);
    const ranks = shown.map(([severity]) => SEVERITY_ORDER.indexOf(severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(shown.map(([, code]) => code)).toEqual([...new Set(latest.findings.map((f) => f.code))]);
  }

  it('serves the dashboard publicly, with a same-origin content security policy', async () => {
    const res = await fetch(`${base}/dashboard/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect((await fetch(`${base}/dashboard/app.js`)).headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${base}/dashboard/missing.js`)).status).toBe(404);
  });

  it('logs in through the form and shows the first tenant with its charts and findings', async () => {
    await page.goto(`${base}/dashboard`);
    await page.waitForSelector('#login-form');
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-login.png') });
    await page.fill('#email', consultant.email);
    await page.fill('#password', 'not the password');
    await page.click('#login-submit');
    await page.waitForSelector('#login-error:not([hidden])');
    await page.fill('#password', PASSWORD);
    await page.click('#login-submit');
    await page.waitForSelector('#shell:not([hidden])');
    await expect(page.locator('#user-name').innerText()).resolves.toBe('Casey Consultant');
    await expect(page.locator('#tenant-picker option').allInnerTexts()).resolves.toEqual(tenants.map((x) => x.name));
    await expect(page.evaluate(() => sessionStorage.getItem('smt.token'))).resolves.toMatch(/^ey/);
    await expectTenantShown(tenants[0]);
    await page.waitForSelector('#portfolio-table, #portfolio .banner');
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-overview.png'), fullPage: true });
  });

  it('switches tenant with the picker', async () => {
    await page.selectOption('#tenant-picker', tenants[1].id);
    await expectTenantShown(tenants[1]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-second-tenant.png'), fullPage: true });
  });

  it("lists the consultant's portfolio with an overdue badge, and opens a client from it", async () => {
    await page.waitForSelector('#portfolio-table tbody tr');
    const rows = page.locator('#portfolio-table tbody tr');
    await expect(rows.count()).resolves.toBe(tenants.length);
    const overdue = page.locator(`#portfolio-table tbody tr[data-tenant="${tenants[0].id}"]`);
    await expect(overdue.locator('.badge-overdue').innerText()).resolves.toBe('Overdue');
    const onTrack = page.locator(`#portfolio-table tbody tr[data-tenant="${tenants[1].id}"]`);
    await expect(onTrack.locator('.badge-overdue').count()).resolves.toBe(0);
    await expect(page.locator('#portfolio .tile.alert .tile-value').first().innerText()).resolves.toBe('1');
    await overdue.click();
    await expectTenantShown(tenants[0]);
    await expect(overdue.getAttribute('class')).resolves.toContain('selected');
    await page.locator('#portfolio').screenshot({ path: path.join(ARTIFACTS, 'dashboard-portfolio.png') });
  });

  it('does not call a client whose score dropped 10+ points "On track" (the API\'s scoreDropAlert)', async () => {
    const res = await t.gql(`{ portfolio { entries { tenant { id } delta overdue scoreDropAlert } } }`, {}, { token: consultant.token });
    const harbour = res.data.portfolio.entries.find((e: { tenant: { id: string } }) => e.tenant.id === tenants[2].id);
    expect(harbour).toMatchObject({ overdue: false, scoreDropAlert: true });
    expect(harbour.delta).toBeLessThanOrEqual(-10);
    const row = page.locator(`#portfolio-table tbody tr[data-tenant="${tenants[2].id}"]`);
    await expect(row.locator('td[data-label="Status"] .badge').innerText()).resolves.toBe('Score dropped');
    await expect(row.locator('.badge-drop').count()).resolves.toBe(1);
    const sunrise = page.locator(`#portfolio-table tbody tr[data-tenant="${tenants[1].id}"]`);
    await expect(sunrise.locator('td[data-label="Status"] .badge').innerText()).resolves.toBe('On track');
  });

  it('says which dimension holds the next stage back and what score unlocks it, from Assessment.outlook', async () => {
    await page.selectOption('#tenant-picker', tenants[1].id);
    await expectTenantShown(tenants[1]);
    const res = await t.gql(
      `{ tenant { latestAssessment { outlook { nextStage nextStageScore pointsToNextStage cappingDimension cappingDimensionScore dimensionScoreNeeded } } } }`,
      {},
      { token: consultant.token, tenant: tenants[1].id },
    );
    const outlook = res.data.tenant.latestAssessment.outlook;
    // Sunrise Bakery: Sales is a department but takes no part (0), so FORMALIZED needs every dimension at 20+.
    expect(outlook).toMatchObject({ nextStage: 'FORMALIZED', cappingDimension: 'SALES_INVOLVEMENT', dimensionScoreNeeded: 20 });
    const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toFixed(1);
    const cap = await page.locator('#stage-cap').innerText();
    expect(cap).toContain('Sales involvement');
    expect(cap).toContain(oneDecimal(outlook.dimensionScoreNeeded));
    expect(cap).toContain(oneDecimal(outlook.cappingDimensionScore));
    await expect(page.locator('#next-stage').innerText()).resolves.toBe('Formalized');
    const note = await page.locator('#next-stage-note').innerText();
    expect(note).toContain(`${oneDecimal(outlook.pointsToNextStage)} points to go`);
    expect(note).toContain(`at ${oneDecimal(outlook.nextStageScore)} overall`);
    await page.locator('.stats').screenshot({ path: path.join(ARTIFACTS, 'dashboard-outlook.png') });
  });

  it('fits a 390 px wide phone: no element reaches past the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const tenant of [tenants[0], tenants[1]]) {
        await page.selectOption('#tenant-picker', tenant.id);
        await expectTenantShown(tenant);
        await page.waitForSelector('#portfolio-table tbody tr');
        // (Typed through the locator: these specs compile without the DOM library.)
        const overflow = await page.locator('body *').evaluateAll((elements) => {
          const width = elements[0].ownerDocument.documentElement.clientWidth;
          const offenders: string[] = [];
          for (const el of elements) {
            const box = el.getBoundingClientRect();
            if (box.width === 0 && box.height === 0) continue;
            if (box.left < -0.5 || box.right > width + 0.5) {
              const cls = el.getAttribute('class');
              offenders.push(
                `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls ? `.${cls.split(' ').join('.')}` : ''} [${Math.round(box.left)}, ${Math.round(box.right)}]`,
              );
            }
          }
          return { width, scrollWidth: elements[0].ownerDocument.documentElement.scrollWidth as number, offenders };
        });
        expect(overflow.offenders).toEqual([]);
        expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.width);
      }
      await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-390px.png'), fullPage: true });
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('prints one organisation: no portfolio, no sticky header, every finding', async () => {
    await page.selectOption('#tenant-picker', tenants[0].id);
    await expectTenantShown(tenants[0]);
    await page.emulateMedia({ media: 'print' });
    try {
      const shown = await page.locator('html').evaluate((root) => {
        const document = root.ownerDocument;
        // Rendered: it has a box on the page (an element inside a display: none one has none).
        const display = (selector: string) => {
          const el = document.querySelector(selector);
          return el ? (el.getClientRects().length > 0 ? 'rendered' : 'none') : 'missing';
        };
        return {
          topbar: display('.topbar'),
          portfolio: display('#portfolio'),
          picker: display('#tenant-picker'),
          name: display('#tenant-name'),
          radar: display('#radar-chart'),
          growth: display('#growth-chart'),
          findings: display('#findings'),
          // Every finding's text on paper, those folded away on screen included.
          findingTexts: [...document.querySelectorAll('#findings .finding-message')].filter(
            (el: { getClientRects: () => { length: number } }) => el.getClientRects().length > 0,
          ).length,
        };
      });
      expect(shown).toMatchObject({ topbar: 'none', portfolio: 'none', picker: 'none' });
      expect(shown.findingTexts).toBe((await latestOf(tenants[0].id)).findings.length);
      for (const part of ['name', 'radar', 'growth', 'findings'] as const) expect(shown[part]).toBe('rendered');
      await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-print.png'), fullPage: true });
      await page.pdf({ path: path.join(ARTIFACTS, 'dashboard-print.pdf'), format: 'A4', printBackground: true });
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-desktop.png'), fullPage: true });
  });

  it('keeps the session in sessionStorage across a reload and logs out', async () => {
    await page.reload();
    await page.waitForSelector('#shell:not([hidden])');
    await expectTenantShown(tenants[0]);
    await page.click('#log-out');
    await page.waitForSelector('#login:not([hidden])');
    await expect(page.evaluate(() => sessionStorage.getItem('smt.token'))).resolves.toBeNull();
  });

  it('raised no script error and no content security policy violation', () => {
    // The failed log-in above is an expected 200 with an error body, not a console error.
    expect(problems).toEqual([]);
  });
});
