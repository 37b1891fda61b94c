import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { CURRENT_MODEL_VERSION, getScoringModel, score, SEVERITIES } from '../../src/scoring';
import type { ScoringInputs } from '../../src/scoring';
import en from '../../web/src/i18n/en.json';
import { createTenant, signUp, startTestApp, type TestApp, type TestUser } from '../helpers/app';
import { adminClient } from '../helpers/db';
import { ensureWorkspaceBuilt } from '../helpers/workspace';
import { ensureChromium, launchChromium } from './chromium';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const PASSWORD = 'correct horse battery';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const MOST_SEVERE_FIRST = [...SEVERITIES].reverse();

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
 * The consultant's workspace (web/, built into dist/web: rebuilt here when older than its sources) in Debian's
 * headless Chromium against the real application and database, used through the UI only.
 */
describe('workspace (browser)', () => {
  let t: TestApp;
  let base: string;
  let consultant: TestUser;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const problems: string[] = [];
  const clients: { id: string; name: string }[] = [];
  const newUser = { name: 'Noor Newcomer', email: `noor-${Date.now()}@example.test` };
  let ownTenant = '';

  beforeAll(async () => {
    ensureChromium();
    ensureWorkspaceBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${((t.app.getHttpServer() as Server).address() as AddressInfo).port}`;
    consultant = await signUp(t.gql, 'Casey Consultant');
    // Overdue: last assessed 150 days ago (cadence 90).
    clients.push(await seedClient('Northwind Logistics', [400, 310, 150], { employeeCount: 600, market: 'B2B' }));
    // Assessed 5 days ago, but 10+ points below the assessment before: a score drop, not "On track".
    clients.push(
      await seedClient('Harbour Dental', [120, 5], { employeeCount: 40, market: 'B2C', culture: 'INFORMAL' }, (n) =>
        n === 0
          ? { ...ANSWERS, overallSatisfaction: 5, hasPolicy: true, policyRoleModel: 5, hasCrisisPlan: true }
          : { ...ANSWERS, overallSatisfaction: 1, hasMonitoring: false },
      ),
    );
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.setViewportSize(DESKTOP);
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('dialog', (d) => void d.accept());
  }, 20 * 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function seedClient(
    name: string,
    daysAgo: number[],
    profile: Record<string, unknown>,
    answersFor = (n: number): typeof ANSWERS => ({ ...ANSWERS, overallSatisfaction: Math.min(5, 2 + n), hasPolicy: n >= 1 }),
  ) {
    const id = await createTenant(t.gql, consultant, {
      name,
      asConsultant: true,
      profile: { departments: ['MARKETING', 'SALES', 'PR', 'IT'], culture: 'HIERARCHICAL', locations: 2, ...profile },
    });
    const as = { token: consultant.token, tenant: id };
    const admin = await adminClient();
    try {
      for (const [n, days] of daysAgo.entries()) {
        const res = await t.gql(`mutation($i: SubmitAssessmentInput!) { submitAssessment(input: $i) { id } }`, {
          i: { period: `2025-0${n + 1}`, answers: answersFor(n), idempotencyKey: `browser-${id}-${n}` },
        }, as);
        if (res.errors) throw new Error(JSON.stringify(res.errors));
        await admin.query('BEGIN');
        await admin.query(`SELECT set_config('app.tenant_id', $1, true)`, [id]);
        await admin.query(`UPDATE assessments SET submitted_at = now() - make_interval(days => $2) WHERE id = $1`, [res.data.submitAssessment.id, days]);
        await admin.query('COMMIT');
      }
    } finally {
      await admin.end();
    }
    return { id, name };
  }

  const token = () => page.evaluate(() => sessionStorage.getItem('smt.token'));

  /** axe-core on the page as it is: no serious or critical violation. */
  async function checkAccessibility(name: string) {
    const result = await new AxeBuilder({ page }).analyze();
    const bad = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad).toEqual([]);
  }

  /** Nothing reaches past the screen's edge (a table may scroll inside its own .table-wrap), and the page does not scroll sideways. */
  async function checkNoOverflow() {
    const overflow = await page.locator('body *').evaluateAll((elements) => {
      const width = elements[0].ownerDocument.documentElement.clientWidth;
      const offenders: string[] = [];
      for (const el of elements) {
        if (el.closest('.table-wrap, .sr-only')) continue;
        const box = el.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        if (box.left < -0.5 || box.right > width + 0.5) {
          const cls = el.getAttribute('class');
          offenders.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls ? `.${cls.split(' ').join('.')}` : ''} [${Math.round(box.left)}, ${Math.round(box.right)}]`);
        }
      }
      return { width, scrollWidth: elements[0].ownerDocument.documentElement.scrollWidth as number, offenders };
    });
    expect(overflow.offenders).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.width);
  }

  /** Screenshots at 1280 and 390 px (workspace-<name>-1280.png / -390.png), axe, and no overflow on the phone. */
  async function capture(name: string, ready: string) {
    await page.locator(ready).first().waitFor();
    await checkAccessibility(name);
    await page.screenshot({ path: path.join(ARTIFACTS, `workspace-${name}-1280.png`), fullPage: true });
    await page.setViewportSize(PHONE);
    try {
      await page.locator(ready).first().waitFor();
      await page.waitForTimeout(150); // the charts follow the new width on the next frame (not an assertion)
      await checkNoOverflow();
      await page.screenshot({ path: path.join(ARTIFACTS, `workspace-${name}-390.png`), fullPage: true });
    } finally {
      await page.setViewportSize(DESKTOP);
    }
  }

  async function gqlAsPage(query: string, variables: Record<string, unknown> = {}, tenant = ownTenant) {
    const res = await t.gql(query, variables, { token: (await token())!, tenant });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  }

  it('serves the workspace publicly, with a same-origin content security policy', async () => {
    const res = await fetch(`${base}/dashboard/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    const html = await res.text();
    expect(html).not.toMatch(/<style|<script(?![^>]*\bsrc=)/);
    const script = /src="(\/dashboard\/assets\/[^"]+\.js)"/.exec(html)![1];
    expect((await fetch(`${base}${script}`)).headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${base}/dashboard/missing.js`)).status).toBe(404);
  });

  it('signs up through the form, naming the field the API refused', async () => {
    await page.goto(`${base}/dashboard/`);
    await capture('login', '#login-form');
    await page.fill('#login-form [name=email]', consultant.email);
    await page.fill('#login-form [name=password]', 'not the password');
    await page.press('#login-form [name=password]', 'Enter');
    await page.locator('#login-error').waitFor();
    await page.fill('#signup-form [name=name]', newUser.name);
    await page.fill('#signup-form [name=new-email]', newUser.email);
    await page.fill('#signup-form [name=new-password]', 'short');
    await page.click('#signup-submit');
    const error = page.locator('#signup-form .field-invalid [data-field-error]');
    await error.waitFor();
    await expect(page.locator('#signup-form .field-invalid input').getAttribute('name')).resolves.toBe('new-password');
    await page.fill('#signup-form [name=new-password]', PASSWORD);
    await page.press('#signup-form [name=new-password]', 'Enter');
    await page.locator('#user-name').filter({ hasText: newUser.name }).waitFor();
    await expect(token()).resolves.toMatch(/^ey/);
    await capture('organisations', '#create-tenant-form');
  });

  it('creates an organisation, a team of three, all nine owners and a BUSINESS initiative, then the stage and findings the engine computes', async () => {
    await page.fill('#create-tenant-form [name=name]', 'Oranje Transport');
    await page.fill('#create-tenant-form [name=employeeCount]', '120');
    await page.selectOption('#create-tenant-form [name=culture]', 'HIERARCHICAL');
    await page.selectOption('#create-tenant-form [name=market]', 'B2B');
    for (const d of ['SALES', 'PR', 'IT']) await page.check(`#create-tenant-form [name=departments][value=${d}]`);
    await page.click('#create-tenant-form button[type=submit]');
    await page.locator('#create-team-form').waitFor();
    ownTenant = /#\/t\/([^/]+)/.exec(page.url())![1];
    // The form can render before the tenant's own query answers ("Loading…"): wait for the name, then check it.
    await page.locator('#tenant-name', { hasText: 'Oranje Transport' }).waitFor({ timeout: 10_000 }).catch(() => undefined);
    await expect(page.locator('#tenant-name').innerText()).resolves.toBe('Oranje Transport');

    await page.fill('#create-team-form [name=team-name]', 'Social media team');
    await page.press('#create-team-form [name=team-name]', 'Enter');
    const members = [
      { name: 'Anouk', department: 'MARKETING', kind: 'IN_HOUSE', skills: [4, 3, 5] },
      { name: 'Bram', department: 'SALES', kind: 'IN_HOUSE', skills: [3, 4, 3] },
      { name: 'Chris', department: 'PR', kind: 'AGENCY', skills: [5, 5, 4] },
    ];
    for (const [n, m] of members.entries()) {
      const form = page.locator('form.member-form').first();
      await form.locator('[name=member-name]').fill(m.name);
      await form.locator('[name=member-department]').selectOption(m.department);
      await form.locator('[name=member-kind]').selectOption(m.kind);
      for (const [i, skill] of ['insight', 'experience', 'affinity'].entries()) await form.locator(`[name=member-${skill}]`).selectOption(String(m.skills[i]));
      await form.locator('button[type=submit]').click();
      await page.locator('table.members tbody tr').nth(n).waitFor();
    }
    await expect(page.locator('table.members tbody tr').count()).resolves.toBe(3);
    await capture('teams', 'table.members');

    await page.click('nav[aria-label=Organisation] >> text=Who does what');
    const owners: Record<string, string> = {
      CHANNEL_MANAGEMENT: 'Anouk (Social media team)',
      CONTENT_MARKETING: 'Anouk (Social media team)',
      AUDIENCE_ENGAGEMENT: 'Chris (Social media team)',
      REPUTATION_MANAGEMENT: 'PR (public relations)',
      INTERNAL_REPORTING: 'Bram (Social media team)',
      POLICY_ROLE_MODEL: 'Anouk (Social media team)',
      TOOLING: 'IT',
      KNOWLEDGE_SHARING: 'Bram (Social media team)',
      COMMUNITY_MANAGEMENT: 'The agency',
    };
    for (const [n, [r, label]] of Object.entries(owners).entries()) {
      await page.selectOption(`#owner-${r}`, { label });
      await page.locator('#coverage').filter({ hasText: `${n + 1} of 9` }).waitFor();
    }
    const assigned = await gqlAsPage(`{ tenant { unownedResponsibilities responsibilities { responsibility ownerKind } } }`);
    expect(assigned.tenant.unownedResponsibilities).toEqual([]);
    expect(assigned.tenant.responsibilities.find((x: { responsibility: string }) => x.responsibility === 'COMMUNITY_MANAGEMENT').ownerKind).toBe('AGENCY');
    await capture('responsibilities', '#responsibility-matrix');

    await page.click('nav[aria-label=Organisation] >> text=Initiatives');
    const form = page.locator('#create-initiative-form');
    await form.locator('[name=initiative-name]').fill('Social selling pilot');
    await form.locator('[name=initiative-department]').selectOption('SALES');
    await form.locator('[name=initiative-outsourcing]').selectOption('PARTIAL');
    await form.locator('[name=initiative-satisfaction]').selectOption('4');
    await form.locator('[name=kpi-0-name]').fill('Leads from LinkedIn');
    await form.locator('[name=kpi-0-kind]').selectOption('BUSINESS');
    await form.locator('[name=failure-factors][value=NO_TIME]').check();
    await form.locator('button[type=submit]').click();
    await page.locator('li.initiative').filter({ hasText: 'Social selling pilot' }).waitFor();
    await expect(page.locator('li.initiative .kpi-BUSINESS').innerText()).resolves.toContain('Leads from LinkedIn');
    await capture('initiatives', 'li.initiative');

    await page.click('nav[aria-label=Organisation] >> text=Assess');
    await page.fill('#assessment-form [name=period]', '2026-Q1');
    await page.locator('#preview-score').waitFor();
    const answers = { ...ANSWERS, reportingCadence: 'MONTHLY', hasPolicy: true };
    await page.selectOption('#assessment-form [name=overallSatisfaction]', String(answers.overallSatisfaction));
    await page.selectOption('#assessment-form [name=managementSupport]', String(answers.managementSupport));
    await page.selectOption('#assessment-form [name=policyRoleModel]', String(answers.policyRoleModel));
    await page.selectOption('#assessment-form [name=reportingCadence]', answers.reportingCadence);
    await page.check('#assessment-form [name=hasPolicy]');
    await page.check('#assessment-form [name=hasMonitoring]');

    // The facts as stored, through the API, scored by the pure engine: what the page must show.
    const facts = await gqlAsPage(`{ tenant {
      profile { employeeCount departments culture market locations }
      teams { id name members { id name department external insight experience affinity } }
      responsibilities { responsibility ownerKind department member { id } } } initiatives(first: 50) { edges { node {
      id name status ownerDepartment outsourcing satisfaction failureFactors kpis { name kind } } } } }`);
    const inputs: ScoringInputs = {
      profile: facts.tenant.profile,
      teams: facts.tenant.teams,
      responsibilities: facts.tenant.responsibilities.map((r: any) => ({ responsibility: r.responsibility, ownerKind: r.ownerKind, department: r.department, memberId: r.member?.id ?? null })),
      initiatives: facts.initiatives.edges.map((e: any) => e.node),
      answers: answers as ScoringInputs['answers'],
    };
    const expected = score(inputs, getScoringModel(CURRENT_MODEL_VERSION));
    const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toFixed(1);
    // The live preview follows the answers before anything is stored.
    await page.locator('#preview-score').filter({ hasText: oneDecimal(expected.overallScore) }).waitFor();
    await page.locator('#preview-move').waitFor();
    await expect(gqlAsPage(`{ tenant { latestAssessment { id } } }`)).resolves.toEqual({ tenant: { latestAssessment: null } });
    await capture('assess', '#preview-score');

    await page.press('#assessment-form [name=period]', 'Enter');
    await page.locator('#overall-score').waitFor();
    await expect(page.locator('#overall-score').innerText()).resolves.toBe(oneDecimal(expected.overallScore));
    await expect(page.locator('#stage').innerText()).resolves.toBe(en.enum.Stage[expected.stage]);
    const shown = await page.locator('#findings li.finding').evaluateAll((items) => items.map((li) => li.getAttribute('data-code')));
    const rank = (s: string) => MOST_SEVERE_FIRST.indexOf(s as (typeof MOST_SEVERE_FIRST)[number]);
    const byseverity = [...expected.findings].sort((a, b) => rank(a.severity) - rank(b.severity));
    expect(shown).toEqual(byseverity.map((f) => f.code));
    expect(shown.length).toBeGreaterThan(0);
    await capture('overview', '#overall-score');
  });

  it('edits the profile and shows a version conflict with the newer version offered', async () => {
    await page.click('nav[aria-label=Organisation] >> text=Profile');
    await page.fill('#profile-form [name=employeeCount]', '140');
    await page.press('#profile-form [name=employeeCount]', 'Enter');
    await page.locator('#profile-form [role=status]').waitFor();
    await expect(gqlAsPage(`{ tenant { profile { employeeCount } } }`)).resolves.toEqual({ tenant: { profile: { employeeCount: 140 } } });
    await capture('profile', '#profile-form');

    await page.click('nav[aria-label=Organisation] >> text=Initiatives');
    const item = page.locator('li.initiative').first();
    await item.locator('button', { hasText: 'Edit' }).click();
    const edit = item.locator('form.initiative-form');
    // Meanwhile someone else renames it.
    const { initiatives } = await gqlAsPage(`{ initiatives(first: 1) { edges { node { id version } } } }`);
    const { id, version } = initiatives.edges[0].node;
    await gqlAsPage(`mutation($i: UpdateInitiativeInput!) { updateInitiative(input: $i) { version } }`, {
      i: { id, expectedVersion: version, name: 'Social selling, phase 2' },
    });
    await edit.locator('[name=initiative-status]').selectOption('COMPLETED');
    await edit.locator('button[type=submit]').click();
    const conflict = item.locator(`#conflict-${id}`);
    await conflict.waitFor();
    await expect(conflict.innerText()).resolves.toContain('Social selling, phase 2');
    await conflict.locator('button', { hasText: 'Show the newer version' }).click();
    await expect(item.locator('[name=initiative-name]').inputValue()).resolves.toBe('Social selling, phase 2');
  });

  it('lists, invites and removes who has access', async () => {
    // addMembership no longer adds at once (issue 19): the form invites; the person accepts, then is listed.
    const other = await signUp(t.gql, 'Ines Viewer');
    await page.click('nav[aria-label=Organisation] >> text=Access');
    await page.fill('#invite-form [name=invite-email]', other.email);
    await page.selectOption('#invite-form [name=invite-role]', 'VIEWER');
    await page.press('#invite-form [name=invite-email]', 'Enter');
    const link = (await page.locator('#invitation-link').innerText()).trim();
    const accepted = await t.gql(`mutation($t: String!) { acceptInvitation(token: $t) { id } }`, { t: link.split('/').pop() }, { token: other.token });
    expect(accepted.errors).toBeUndefined();
    await page.click('nav[aria-label=Organisation] >> text=Profile');
    await page.click('nav[aria-label=Organisation] >> text=Access');
    const row = page.locator(`#members-table tr[data-user="${other.id}"]`);
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('Viewer');
    await capture('members', '#members-table');
    await row.locator('button').click();
    await row.waitFor({ state: 'detached' });
  });

  it("shows a consultant's portfolio sorted and filtered by the server, and opens a client with what changed", async () => {
    await page.click('#log-out');
    await page.locator('#login-form').waitFor();
    await expect(token()).resolves.toBeNull();
    await page.fill('#login-form [name=email]', consultant.email);
    await page.fill('#login-form [name=password]', PASSWORD);
    await page.press('#login-form [name=password]', 'Enter');
    await page.click('nav[aria-label=Main] >> text=Portfolio');
    const rows = page.locator('#portfolio-table tbody tr');
    await rows.nth(clients.length - 1).waitFor();
    const order = async () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-tenant')));
    const serverOrder = async (sort: string, filter?: Record<string, unknown>) =>
      (await t.gql(`query($s: PortfolioSort!, $f: PortfolioFilter) { portfolio(sort: $s, filter: $f) { entries { tenant { id } } } }`, { s: sort, f: filter }, { token: consultant.token })).data.portfolio.entries.map(
        (e: { tenant: { id: string } }) => e.tenant.id,
      );
    expect(await order()).toEqual(await serverOrder('OVERDUE_FIRST'));
    const [northwind, harbour] = clients;
    await expect(page.locator(`tr[data-tenant="${northwind.id}"] .badge-overdue`).innerText()).resolves.toBe('Overdue');
    await expect(page.locator(`tr[data-tenant="${harbour.id}"] .badge-drop`).innerText()).resolves.toBe('Score dropped');
    await expect(page.locator(`tr[data-tenant="${harbour.id}"] .badge-ok`).count()).resolves.toBe(0);
    await capture('portfolio', '#portfolio-table');
    await page.selectOption('[name=portfolio-sort]', 'NAME');
    await page.locator(`#portfolio-table tbody tr:first-child[data-tenant="${harbour.id}"]`).waitFor();
    expect(await order()).toEqual(await serverOrder('NAME'));
    await page.check('#portfolio-overdue-only');
    await page.locator('#portfolio-table tbody tr').nth(1).waitFor({ state: 'detached' });
    expect(await order()).toEqual(await serverOrder('NAME', { overdueOnly: true }));
    await page.uncheck('#portfolio-overdue-only');

    await page.locator(`#portfolio-table tr[data-tenant="${harbour.id}"] a`).waitFor();
    await page.click(`#portfolio-table tr[data-tenant="${harbour.id}"] a`);
    await page.locator('#tenant-name').filter({ hasText: harbour.name }).waitFor();
    await page.locator('#finding-changes').waitFor();
    const latest = (await t.gql(`{ tenant { latestAssessment { findings { code } previous { findings { code } } } } }`, {}, { token: consultant.token, tenant: harbour.id })).data.tenant
      .latestAssessment;
    const now = latest.findings.map((f: { code: string }) => f.code);
    const then = latest.previous.findings.map((f: { code: string }) => f.code);
    const appeared = await page.locator('#findings-appeared li').evaluateAll((li) => li.map((x) => x.getAttribute('data-code')));
    for (const code of appeared) expect(then).not.toContain(code);
    const went = await page.locator('#findings-went li').evaluateAll((li) => li.map((x) => x.getAttribute('data-code')));
    for (const code of went) expect(now).not.toContain(code);
    expect(appeared.length + went.length).toBeGreaterThan(0);
    // Too few peers: the survey's figures, marked as such.
    await expect(page.locator('#benchmark-survey').innerText()).resolves.toBe('Survey figures');
    await expect(page.locator('#dimension-table [data-change]').first().innerText()).resolves.toMatch(/^[+-]?\d+\.\d$|^–$/);
    await capture('client', '#finding-changes');
  });

  it('prints one organisation: no portfolio, no header, every finding', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      const shown = await page.locator('html').evaluate((root) => {
        const document = root.ownerDocument;
        const display = (selector: string) => {
          const el = document.querySelector(selector);
          return el ? (el.getClientRects().length > 0 ? 'rendered' : 'none') : 'missing';
        };
        return {
          topbar: display('.topbar'),
          subnav: display('.subnav'),
          name: display('#tenant-name'),
          radar: display('[data-testid=radar-chart]'),
          growth: display('[data-testid=growth-chart]'),
          findings: display('#findings'),
          findingTexts: [...document.querySelectorAll('#findings .finding-message')].filter((el: { getClientRects: () => { length: number } }) => el.getClientRects().length > 0).length,
        };
      });
      expect(shown).toMatchObject({ topbar: 'none', subnav: 'none', name: 'rendered', radar: 'rendered', growth: 'rendered', findings: 'rendered' });
      expect(shown.findingTexts).toBe(await page.locator('#findings li.finding').count());
      await page.pdf({ path: path.join(ARTIFACTS, 'workspace-print.pdf'), format: 'A4', printBackground: true });
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('keeps the session across a reload and logs out', async () => {
    await page.reload();
    await page.locator('#overall-score').waitFor();
    await page.click('#log-out');
    await page.locator('#login-form').waitFor();
    await expect(token()).resolves.toBeNull();
  });

  it('raised no script error, no missing text and no content security policy violation', () => {
    // The failed log-in and the refused sign-up are 200 answers with an error body, not console errors.
    expect(problems).toEqual([]);
  });
});
