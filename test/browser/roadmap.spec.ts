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

/** Every answer at its best: the only moves left are owners for the responsibilities nobody owns. */
const ANSWERS = {
  overallSatisfaction: 4,
  managementSupport: 4,
  hasPolicy: true,
  policyRoleModel: 5,
  hasCrisisPlan: true,
  hasMonitoring: true,
  reportingCadence: 'MONTHLY',
  communityApplicable: false,
};

/**
 * Issue 17's loop in the workspace (Debian Chromium, the real app and database, through the UI): a client's roadmap,
 * its first step made an action, the action done, the step's change made in "Who does what", the next assessment
 * submitted on the Assess page, and the action shown verified on the board.
 */
describe('roadmap and action plan (browser)', () => {
  let t: TestApp;
  let base: string;
  let consultant: TestUser;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  let client = '';
  const problems: string[] = [];

  beforeAll(async () => {
    ensureChromium();
    ensureWorkspaceBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${((t.app.getHttpServer() as Server).address() as AddressInfo).port}`;
    consultant = await signUp(t.gql, 'Robin Roadmap');
    client = await createTenant(t.gql, consultant, {
      name: 'Lakeside Bakery',
      asConsultant: true,
      profile: { departments: ['MARKETING'], culture: 'INFORMAL', locations: 1, employeeCount: 30, market: 'B2C' },
    });
    const as = { token: consultant.token, tenant: client };
    const api = async (query: string, variables: Record<string, unknown>) => {
      const res = await t.gql(query, variables, as);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data;
    };
    const team = await api(`mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }`, { i: { name: 'Social team' } });
    await api(`mutation($i: AddTeamMemberInput!) { addTeamMember(input: $i) { id } }`, {
      i: { teamId: team.createTeam.id, name: 'Mia Marketing', department: 'MARKETING', external: false, insight: 5, experience: 5, affinity: 5 },
    });
    await api(`mutation($i: SubmitAssessmentInput!) { submitAssessment(input: $i) { id } }`, {
      i: { period: '2025-01', answers: ANSWERS, idempotencyKey: `roadmap-browser-${client}` },
    });

    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.setViewportSize(DESKTOP);
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    // Log in through the API, then hand the session to the page as the log-in form would.
    await page.goto(`${base}/dashboard/`);
    await page.evaluate(
      ({ token, user }) => {
        sessionStorage.setItem('smt.token', token);
        sessionStorage.setItem('smt.user', JSON.stringify(user));
      },
      { token: consultant.token, user: { id: consultant.id, name: 'Robin Roadmap', email: consultant.email } },
    );
    await page.reload();
  }, 20 * 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const api = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await t.gql(query, variables, { token: consultant.token, tenant: client });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };

  /** Screenshots at 1280 and 390 px (<name>-1280.png / -390.png), axe, and nothing past the phone's edge. */
  async function capture(name: string, ready: string) {
    await page.locator(ready).first().waitFor();
    const result = await new AxeBuilder({ page }).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-1280.png`), fullPage: true });
    await page.setViewportSize(PHONE);
    try {
      await page.locator(ready).first().waitFor();
      await page.waitForTimeout(150); // the chart follows the new width on the next frame (not an assertion)
      const overflow = await page.locator('body *').evaluateAll((elements) => {
        const width = elements[0].ownerDocument.documentElement.clientWidth;
        const offenders = elements
          .filter((el) => !el.closest('.table-wrap, .sr-only'))
          .filter((el) => {
            const box = el.getBoundingClientRect();
            return !(box.width === 0 && box.height === 0) && (box.left < -0.5 || box.right > width + 0.5);
          })
          .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`);
        return { offenders, scroll: elements[0].ownerDocument.documentElement.scrollWidth as number, width };
      });
      expect(overflow.offenders).toEqual([]);
      expect(overflow.scroll).toBeLessThanOrEqual(overflow.width);
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}-390.png`), fullPage: true });
    } finally {
      await page.setViewportSize(DESKTOP);
    }
  }

  const card = (id: string) => page.locator(`li.action-card[data-action="${id}"]`);

  it('shows the staircase to the target, sets the target, and turns the first step into an action', async () => {
    await page.goto(`${base}/dashboard/#/t/${client}/roadmap`);
    await page.locator('#roadmap-steps li.roadmap-step').first().waitFor();
    const stored = await api(`{ tenant { roadmap { targetStage steps { move responsibility description overallScore } } } }`);
    const steps = stored.tenant.roadmap.steps;
    expect(steps.length).toBeGreaterThan(0);
    expect(steps[0].move).toBe('ASSIGN_OWNER');
    const shown = page.locator('#roadmap-steps li.roadmap-step');
    await expect(shown.count()).resolves.toBe(steps.length);
    await expect(shown.first().innerText()).resolves.toContain(steps[0].description);
    await expect(shown.first().innerText()).resolves.toContain((Math.round(steps[0].overallScore * 10) / 10).toFixed(1));
    await page.locator('[data-testid=roadmap-chart] svg').waitFor();

    // The target: a stage and a date, saved through the form.
    await page.selectOption('#target-form [name=target-stage]', 'FORMALIZED');
    await page.fill('#target-form [name=target-date]', '2027-06-30');
    await page.click('#target-form button[type=submit]');
    await page.locator('#target p.muted').filter({ hasText: en.enum.Stage.FORMALIZED }).waitFor();
    await expect(api(`{ tenant { target { stage dueAt } roadmap { targetStage } } }`)).resolves.toEqual({
      tenant: { target: { stage: 'FORMALIZED', dueAt: '2027-06-30T23:59:59.999Z' }, roadmap: { targetStage: 'FORMALIZED' } },
    });
    await page.locator('#roadmap-summary').filter({ hasText: en.enum.Stage.FORMALIZED }).waitFor();
    await capture('roadmap-steps', '#roadmap-steps');

    await shown.first().locator('button.make-action').click();
    await shown.first().locator('[role=status]').filter({ hasText: en.roadmap.actionCreated }).waitFor();
    const actions = await api(`{ tenant { actions { edges { node { title move responsibility status verified } } } } }`);
    expect(actions.tenant.actions.edges.map((e: any) => e.node)).toEqual([
      { title: steps[0].description.slice(0, 200), move: 'ASSIGN_OWNER', responsibility: steps[0].responsibility, status: 'OPEN', verified: false },
    ]);
  });

  it('moves the action to done on the board, shows a conflict and reloads, then shows it verified after the next assessment', async () => {
    const { tenant } = await api(`{ tenant { actions { edges { node { id version responsibility } } } } }`);
    const action = tenant.actions.edges[0].node;
    await page.click('nav[aria-label=Organisation] >> text=Actions');
    await card(action.id).waitFor();
    await expect(card(action.id).locator('xpath=ancestor::section[1]').getAttribute('data-status')).resolves.toBe('OPEN');

    // Someone else sets a due date meanwhile: the board's change is refused, said so, and the board reloads.
    await api(`mutation($i: UpdateActionInput!) { updateAction(input: $i) { version } }`, {
      i: { id: action.id, expectedVersion: action.version, dueAt: '2020-01-31T23:59:59.999Z' },
    });
    await card(action.id).locator('[name=action-status]').selectOption('IN_PROGRESS');
    await card(action.id).locator('.conflict').filter({ hasText: en.actions.conflict }).waitFor();
    await card(action.id).locator('.badge-overdue').waitFor();
    await expect(api(`{ tenant { actions { edges { node { status } } } } }`)).resolves.toEqual({ tenant: { actions: { edges: [{ node: { status: 'OPEN' } }] } } });

    // With the fresh version: owner, then done.
    await card(action.id).locator('[name=action-owner]').selectOption('DEPARTMENT:MARKETING');
    await card(action.id).locator('.hint').filter({ hasText: en.enum.Department.MARKETING }).waitFor();
    await card(action.id).locator('[name=action-status]').selectOption('DONE');
    await page.locator(`section[data-status=DONE] li.action-card[data-action="${action.id}"]`).waitFor();
    await expect(card(action.id).locator('.verified').count()).resolves.toBe(0);
    await capture('actions-done', `li.action-card[data-action="${action.id}"]`);

    // The step's change, made where a user makes it: the responsibility gets an owner in "Who does what".
    await page.click('nav[aria-label=Organisation] >> text=Who does what');
    await page.selectOption(`#owner-${action.responsibility}`, 'DEPARTMENT:MARKETING');
    await page.locator(`tr[data-responsibility=${action.responsibility}]:not(.unowned)`).waitFor();

    // The next assessment, through the Assess page.
    await page.click('nav[aria-label=Organisation] >> text=Assess');
    await page.fill('#assessment-form [name=period]', '2025-02');
    await page.locator('#preview-score').waitFor();
    await page.press('#assessment-form [name=period]', 'Enter');
    await page.locator('#overall-score').waitFor();

    await page.click('nav[aria-label=Organisation] >> text=Actions');
    await card(action.id).locator('.verified').filter({ hasText: en.actions.verified }).waitFor();
    await expect(api(`{ tenant { actions { edges { node { status verified ownerDepartment } } } } }`)).resolves.toEqual({
      tenant: { actions: { edges: [{ node: { status: 'DONE', verified: true, ownerDepartment: 'MARKETING' } }] } },
    });
    await capture('actions-verified', '.verified');

    // The roadmap now starts from the new assessment, without the step that was made.
    await page.click('nav[aria-label=Organisation] >> text=Roadmap');
    await page.locator('#roadmap-summary').filter({ hasText: '2025-02' }).waitFor();
    await capture('roadmap-after', '#roadmap-summary');
  });

  it('raised no script error and no missing text', () => {
    expect(problems).toEqual([]);
  });
});
