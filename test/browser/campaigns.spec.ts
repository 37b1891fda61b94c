import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import en from '../../web/src/i18n/en.json';
import { createTenant, signUp, startTestApp, type TestApp, type TestUser } from '../helpers/app';
import { ensureWorkspaceBuilt } from '../helpers/workspace';
import { ensureChromium, launchChromium } from './chromium';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/**
 * Campaigns in the browser: a consultant opens one and invites three people (no SMTP: the links are shown once);
 * a respondent answers from the link on a phone, without an account; the campaign page follows.
 */
describe('campaigns (browser)', () => {
  let t: TestApp;
  let base: string;
  let consultant: TestUser;
  let tenantId = '';
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  let links: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    ensureChromium();
    ensureWorkspaceBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${((t.app.getHttpServer() as Server).address() as AddressInfo).port}`;
    consultant = await signUp(t.gql, 'Casey Campaigner');
    tenantId = await createTenant(t.gql, consultant, {
      name: 'Lindqvist Bakeries',
      asConsultant: true,
      profile: { employeeCount: 180, departments: ['MARKETING', 'SALES', 'HR'], culture: 'MIXED', market: 'B2C', locations: 3 },
    });
    browser = await launchChromium();
    page = watched(await browser.context.newPage());
    await page.setViewportSize(DESKTOP);
  }, 20 * 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  afterEach(() => {
    const seen = problems.splice(0);
    expect(seen).toEqual([]);
  });

  function watched(p: Page): Page {
    p.setDefaultTimeout(10_000);
    p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    p.on('console', (m) => {
      // The 404 of a link that does not exist is the answer under test, not a problem.
      if ((m.type() === 'error' || m.type() === 'warning') && !/status of 4\d\d/.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
    });
    p.on('dialog', (d) => void d.accept());
    return p;
  }

  async function checkAccessibility(p: Page, name: string) {
    const result = await new AxeBuilder({ page: p }).analyze();
    const bad = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad).toEqual([]);
  }

  async function checkNoOverflow(p: Page) {
    const overflow = await p.locator('body *').evaluateAll((elements) => {
      const width = elements[0].ownerDocument.documentElement.clientWidth;
      const offenders: string[] = [];
      for (const el of elements) {
        if (el.closest('.table-wrap, .sr-only')) continue;
        const box = el.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        if (box.left < -0.5 || box.right > width + 0.5) offenders.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} [${Math.round(box.left)}, ${Math.round(box.right)}]`);
      }
      return { width, scrollWidth: elements[0].ownerDocument.documentElement.scrollWidth as number, offenders };
    });
    expect(overflow.offenders).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.width);
  }

  /** campaign-<name>-1280.png and -390.png, axe at both widths' content, no overflow on the phone. */
  async function capture(name: string, ready: string) {
    await page.locator(ready).first().waitFor();
    await checkAccessibility(page, name);
    await page.screenshot({ path: path.join(ARTIFACTS, `campaign-${name}-1280.png`), fullPage: true });
    await page.setViewportSize(PHONE);
    try {
      await page.locator(ready).first().waitFor();
      await page.waitForTimeout(150); // the charts follow the new width on the next frame (not an assertion)
      await checkNoOverflow(page);
      await page.screenshot({ path: path.join(ARTIFACTS, `campaign-${name}-390.png`), fullPage: true });
    } finally {
      await page.setViewportSize(DESKTOP);
    }
  }

  /** A fresh tab of its own (sessionStorage is per tab: no login), at phone width. */
  async function respondentTab(): Promise<Page> {
    const p = watched(await browser.context.newPage());
    await p.setViewportSize(PHONE);
    return p;
  }

  it('opens a campaign and invites three respondents; without mail the three links are shown once', async () => {
    await page.goto(`${base}/dashboard/`);
    await page.fill('#login-form [name=email]', consultant.email);
    await page.fill('#login-form [name=password]', 'correct horse battery');
    await page.press('#login-form [name=password]', 'Enter');
    await page.locator('#user-name').waitFor();
    await page.goto(`${base}/dashboard/#/t/${tenantId}/campaigns`);
    await page.locator('nav[aria-label=Organisation] >> text=Campaigns').waitFor();
    await page.locator('#no-campaigns').waitFor();
    await page.fill('#open-campaign-form [name=period]', '2026-Q4');
    await page.fill('#open-campaign-form [name=minResponses]', '2');
    await page.click('#open-campaign-submit');
    await expect(page.locator('#campaign-status').innerText()).resolves.toBe(en.enum.CampaignStatus.OPEN);
    await page.locator('#open-campaign-form').waitFor({ state: 'detached' });

    const people = [
      { email: 'mara@lindqvist.test', department: 'MARKETING', external: false },
      { email: 'sven@lindqvist.test', department: 'SALES', external: false },
      { email: 'agency@studio.test', department: 'MARKETING', external: true },
    ];
    for (const [n, who] of people.entries()) {
      if (n > 0) await page.click('#add-invitee');
      await page.fill(`#invite-form [name=email-${n}]`, who.email);
      await page.selectOption(`#invite-form [name=department-${n}]`, who.department);
      if (who.external) await page.check(`#invite-form [name=external-${n}]`);
    }
    await page.click('#invite-submit');
    await page.locator('#respondent-links li').nth(2).waitFor();
    await expect(page.locator('#respondent-links').innerText()).resolves.toContain(en.campaigns.linksOnce);
    links = await page.locator('#respondent-links .respondent-link').allInnerTexts();
    expect(links).toHaveLength(3);
    for (const link of links) expect(link).toMatch(new RegExp(`^${base}/respond/[A-Za-z0-9_-]{22,}$`));
    expect(new Set(links).size).toBe(3);
    await expect(page.locator('#campaign-rate').innerText()).resolves.toMatch(/^0 \/ 3/);
    await page.locator('#respondent-links button').first().waitFor();
    await capture('invite', '#respondent-links');
  });

  it('lets a respondent answer from the link at 390 px, without an account, and thanks them', async () => {
    const phone = await respondentTab();
    try {
      await phone.goto(links[0]);
      expect(phone.url()).toContain('/dashboard/#/respond/');
      await phone.locator('h1', { hasText: 'Lindqvist Bakeries' }).waitFor();
      await expect(phone.locator('.respond-main').innerText()).resolves.toContain('2026-Q4');
      await expect(phone.locator('#respond-form legend').count()).resolves.toBe(8);
      await expect(phone.evaluate(() => sessionStorage.getItem('smt.token'))).resolves.toBeNull();
      // Sending with questions open names the gap and stores nothing.
      await phone.click('#respond-submit');
      await expect(phone.locator('#respond-missing').innerText()).resolves.toBe(en.respond.missing);
      await checkAccessibility(phone, 'respond');
      await checkNoOverflow(phone);
      for (const [name, value] of [['overallSatisfaction', '4'], ['managementSupport', '2'], ['policyRoleModel', '3']]) {
        await phone.check(`#respond-form [name=${name}][value="${value}"]`);
      }
      for (const [name, value] of [['hasPolicy', 'true'], ['hasCrisisPlan', 'false'], ['hasMonitoring', 'true'], ['communityApplicable', 'false']]) {
        await phone.check(`#respond-form [name=${name}][value="${value}"]`);
      }
      await phone.check('#respond-form [name=reportingCadence][value=MONTHLY]');
      await phone.screenshot({ path: path.join(ARTIFACTS, 'respond-390.png'), fullPage: true });
      await phone.click('#respond-submit');
      const thanks = phone.locator('#respond-thanks');
      await thanks.waitFor();
      await expect(thanks.innerText()).resolves.toContain(en.respond.thanksTitle);
      await expect(thanks.innerText()).resolves.toMatch(/You can change your answers until .+/);
      await checkAccessibility(phone, 'respond-thanks');
      await checkNoOverflow(phone);
      await phone.screenshot({ path: path.join(ARTIFACTS, 'respond-thanks-390.png'), fullPage: true });
    } finally {
      await phone.close();
    }
  });

  it('shows the response on the campaign page, and a close with too few responses as a clear conflict', async () => {
    await page.reload();
    await page.locator('#campaign-responses', { hasText: /^1$/ }).waitFor();
    await expect(page.locator('#campaign-rate').innerText()).resolves.toMatch(/^1 \/ 3 \(33 %\)/);
    await page.locator('#items-hidden').waitFor();
    await page.click('#close-campaign');
    const conflict = page.locator('#campaign-end-conflict');
    await conflict.waitFor();
    await expect(conflict.innerText()).resolves.toBe(en.campaigns.tooFew.replace('{{min}}', '2').replace('{{count}}', '1'));
    await expect(page.locator('#campaign-status').innerText()).resolves.toBe(en.enum.CampaignStatus.OPEN);
    await capture('waiting', '#campaign-end-conflict');
  });

  it('shows the client’s open campaign with its response count on the portfolio, linking to the campaign page', async () => {
    await page.goto(`${base}/dashboard/#/portfolio`);
    const row = page.locator(`#portfolio-table tr[data-tenant="${tenantId}"]`);
    const badge = row.locator('.portfolio-campaign a.badge-campaign');
    await badge.waitFor();
    const closes = await t.gql(`query { tenant { campaigns(status: OPEN) { edges { node { closesAt } } } } }`, {}, { token: consultant.token, tenant: tenantId });
    const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' }).format(new Date(closes.data.tenant.campaigns.edges[0].node.closesAt as string));
    await expect(badge.innerText()).resolves.toBe(
      en.portfolio.campaignOpen.replace('{{responses}}', '1').replace('{{invited}}', '3').replace('{{closesAt}}', day),
    );
    await expect(page.locator('#portfolio-table thead').innerText()).resolves.toContain(en.portfolio.campaign);
    await capture('portfolio', `#portfolio-table tr[data-tenant="${tenantId}"] .badge-campaign`);
    await badge.click();
    await page.waitForURL(new RegExp(`#/t/${tenantId}/campaigns$`));
    await page.locator('#campaign-detail #campaign-status', { hasText: en.enum.CampaignStatus.OPEN }).waitFor();
  });

  it('lets the signed-in consultant answer the campaign themselves with the same form', async () => {
    await page.goto(`${base}/dashboard/#/t/${tenantId}/campaigns`);
    const open = page.locator('#answer-yourself-open');
    await expect(open.innerText()).resolves.toBe(en.campaigns.answerYourself);
    await open.click();
    await expect(page.locator('#answer-yourself #respond-form legend').count()).resolves.toBe(8);
    await page.selectOption('#answer-yourself [name=department]', 'SALES');
    for (const [name, value] of [['overallSatisfaction', '5'], ['managementSupport', '2'], ['policyRoleModel', '3']]) {
      await page.check(`#answer-yourself [name=${name}][value="${value}"]`);
    }
    for (const [name, value] of [['hasPolicy', 'true'], ['hasCrisisPlan', 'false'], ['hasMonitoring', 'true'], ['communityApplicable', 'false']]) {
      await page.check(`#answer-yourself [name=${name}][value="${value}"]`);
    }
    await page.check('#answer-yourself [name=reportingCadence][value=WEEKLY]');
    await capture('answer-yourself', '#answer-yourself #respond-submit');
    await page.click('#answer-yourself #respond-submit');
    await expect(page.locator('#answer-thanks').innerText()).resolves.toBe(en.campaigns.answerThanks);
    await page.locator('#campaign-responses', { hasText: /^2$/ }).waitFor();
    await expect(page.locator('#campaign-rate').innerText()).resolves.toMatch(/^2 \/ 4/);
    // After a reload the page knows the consultant answered (answeredByMe), never what.
    await page.reload();
    await expect(page.locator('#answer-yourself-open').innerText()).resolves.toBe(en.campaigns.changeYourAnswers);
    await expect(page.locator('#answer-yourself').innerText()).resolves.toContain(en.campaigns.answeredByMe);
  });

  it('shows each item as a bar chart with the contested items highlighted, then closes into an assessment', async () => {
    const token = links[1].split('/respond/')[1];
    const res = await t.gql(`mutation($t: String!, $a: AssessmentAnswersInput!) { submitCampaignResponse(token: $t, answers: $a) }`, {
      t: token,
      a: {
        overallSatisfaction: 1, managementSupport: 2, policyRoleModel: 3, hasPolicy: false, hasCrisisPlan: false,
        hasMonitoring: true, reportingCadence: 'MONTHLY', communityApplicable: false,
      },
    });
    expect(res.errors).toBeUndefined();
    await page.reload();
    await page.locator('#campaign-responses', { hasText: /^3$/ }).waitFor();
    await page.locator('[data-testid=item-chart-OVERALL_SATISFACTION] svg').waitFor();
    await expect(page.locator('[data-testid^=item-chart-]').count()).resolves.toBe(8);
    // 4, 1 and 5 on satisfaction and yes, no, yes on the policy disagree; all three said 2 for management support.
    const contested = await page.locator('.item-card.item-contested').evaluateAll((els) => els.map((e) => e.getAttribute('data-item')));
    expect(contested).toEqual(expect.arrayContaining(['OVERALL_SATISFACTION', 'HAS_POLICY']));
    expect(contested).not.toContain('MANAGEMENT_SUPPORT');
    await capture('results', '.item-contested');

    await page.click('#close-campaign');
    await expect(page.locator('#campaign-status').filter({ hasText: en.enum.CampaignStatus.CLOSED }).innerText()).resolves.toBe(en.enum.CampaignStatus.CLOSED);
    await page.locator('#campaign-assessment').waitFor();
    await expect(page.locator('#invite-form').count()).resolves.toBe(0);
  });

  it('tells a respondent kindly when the campaign is closed or the link unknown', async () => {
    const phone = await respondentTab();
    try {
      await phone.goto(links[2]);
      await phone.locator('#respond-closed', { hasText: en.respond.closedTitle }).waitFor();
      await expect(phone.locator('#respond-form').count()).resolves.toBe(0);
      await phone.goto(`${base}/respond/not-a-real-link-at-all-0000000000`);
      await phone.locator('#respond-unknown', { hasText: en.respond.unknownTitle }).waitFor();
      await checkAccessibility(phone, 'respond-unknown');
    } finally {
      await phone.close();
    }
  });
});
