import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { createTenant, signUp, startTestApp, type TestApp, type TestUser } from '../helpers/app';
import { ensureWorkspaceBuilt } from '../helpers/workspace';
import { ensureChromium, launchChromium } from './chromium';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const PASSWORD = 'correct horse battery';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/**
 * API keys, invitations and sessions in the workspace (issue 19), in Debian's headless Chromium against the real
 * application and database, through the UI; the API is asked only to check what the UI did.
 */
describe('workspace: API keys, invitations, sessions (browser)', () => {
  let t: TestApp;
  let base: string;
  let owner: TestUser;
  let tenant: string;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const problems: string[] = [];
  const colleague = { name: 'Ines Invitee', email: `ines-${Date.now()}@example.test` };
  let secret = '';
  let inviteLink = '';

  beforeAll(async () => {
    ensureChromium();
    ensureWorkspaceBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${((t.app.getHttpServer() as Server).address() as AddressInfo).port}`;
    owner = await signUp(t.gql, 'Olga Owner');
    tenant = await createTenant(t.gql, owner, { name: 'Oranje Transport' });
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.setViewportSize(DESKTOP);
    watch(page);
    page.on('dialog', (d) => void d.accept());
  }, 20 * 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  function watch(p: Page) {
    p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    p.on('console', (m) => {
      // A request answered UNAUTHENTICATED after the session ended is what the test provokes, not a defect.
      if ((m.type() === 'error' || m.type() === 'warning') && !/401|Unauthorized/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
    });
  }

  const tokenOf = (p: Page) => p.evaluate(() => sessionStorage.getItem('smt.token'));

  async function checkAccessibility(name: string) {
    const result = await new AxeBuilder({ page }).analyze();
    const bad = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad).toEqual([]);
  }

  async function checkNoOverflow() {
    const overflow = await page.locator('body *').evaluateAll((elements) => {
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

  /** Screenshots <name>-1280.png and <name>-390.png (or only the given widths), axe, no overflow on the phone. */
  async function capture(name: string, ready: string, widths: number[] = [1280, 390]) {
    await page.locator(ready).first().waitFor();
    await checkAccessibility(name);
    if (widths.includes(1280)) await page.screenshot({ path: path.join(ARTIFACTS, `${name}-1280.png`), fullPage: true });
    if (!widths.includes(390)) return;
    await page.setViewportSize(PHONE);
    try {
      await page.locator(ready).first().waitFor();
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}-390.png`), fullPage: true });
      await checkNoOverflow();
    } finally {
      await page.setViewportSize(DESKTOP);
    }
  }

  async function logIn(p: Page, email: string, password: string) {
    await p.goto(`${base}/dashboard/#/login`);
    await p.fill('#login-form [name=email]', email);
    await p.fill('#login-form [name=password]', password);
    await p.press('#login-form [name=password]', 'Enter');
    await p.locator('#user-name').waitFor();
  }

  /** What the API answers a key (no x-tenant-id): the error code, or null. */
  async function keyCanRead(key: string): Promise<string | null> {
    const res = await t.gql(`{ tenant { id name } }`, {}, { token: key });
    return res.errors ? String(res.errors[0].extensions?.code) : null;
  }

  it('an owner creates an API key and sees its secret once, with a copy button and a warning', async () => {
    await logIn(page, owner.email, PASSWORD);
    await page.goto(`${base}/dashboard/#/t/${tenant}`);
    await page.click('nav[aria-label=Organisation] >> text=API keys');
    await page.locator('#api-key-form').waitFor();
    await page.locator('#api-keys-none').waitFor();
    await capture('keys-empty', '#api-key-form', [1280]);
    await page.fill('#api-key-form [name=api-key-name]', 'Quarterly reporting');
    await page.check('#api-key-form [name=scope-READ]');
    await page.click('#api-key-submit');
    const value = page.locator('#api-key-secret-value');
    await value.waitFor();
    secret = (await value.innerText()).trim();
    expect(secret).toMatch(/^smt_live_[A-Za-z0-9_-]{40,}$/);
    await expect(page.locator('#api-key-secret [role=alert]').innerText()).resolves.toContain('shown this once');
    await expect(page.locator('#api-key-copy').isVisible()).resolves.toBe(true);
    const row = page.locator('#api-keys-table tbody tr', { hasText: 'Quarterly reporting' });
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/Read, Submit assessments/);
    await expect(row.innerText()).resolves.toContain('Never');
    await capture('keys-created', '#api-key-secret-value');
    // The secret works, on its own tenant, without x-tenant-id.
    expect(await keyCanRead(secret)).toBeNull();
    // Once: gone after "I have stored it", and not shown again after a reload.
    await page.click('#api-key-secret-done');
    await page.locator('#api-key-secret').waitFor({ state: 'detached' });
    await page.reload();
    await row.waitFor();
    await expect(page.content()).resolves.not.toContain(secret);
    const prefix = (await row.locator('code').innerText()).replace('…', '');
    expect(secret.startsWith(prefix)).toBe(true);
    expect(prefix.length).toBeLessThan(secret.length / 2);
  });

  it('revokes the key: the list says so and the API refuses it at once', async () => {
    const row = page.locator('#api-keys-table tbody tr', { hasText: 'Quarterly reporting' });
    await row.locator('button', { hasText: 'Revoke' }).click();
    await row.locator('.key-status', { hasText: 'Revoked' }).waitFor();
    await expect(row.locator('button').count()).resolves.toBe(0);
    expect(await keyCanRead(secret)).toBe('UNAUTHENTICATED');
    await capture('keys-list', '#api-keys-table');
  });

  it('invites a colleague on the Access page; the invitation is listed until accepted', async () => {
    await page.click('nav[aria-label=Organisation] >> text=Access');
    await page.fill('#invite-form [name=invite-email]', colleague.email);
    await page.selectOption('#invite-form [name=invite-role]', 'CONTRIBUTOR');
    await page.click('#invite-submit');
    const link = page.locator('#invitation-link');
    await link.waitFor();
    inviteLink = (await link.innerText()).trim();
    expect(inviteLink).toMatch(new RegExp(`^${base}/invitations/[A-Za-z0-9_-]{43}$`));
    const pending = page.locator('#invitations-table tbody tr', { hasText: colleague.email });
    await pending.waitFor();
    await expect(pending.innerText()).resolves.toContain('Contributor');
    await capture('keys-invite', '#invitations-table');
  });

  it('the colleague opens the link, signs up with the invited email, accepts and lands in the organisation', async () => {
    await page.click('#log-out');
    await page.locator('#login-form').waitFor();
    await page.goto(inviteLink);
    // The server's redirect: /invitations/<token> → /dashboard/#/invitations/accept/<token>.
    await page.locator('#login-notice').waitFor();
    expect(page.url()).toBe(`${base}/dashboard/#/invitations/accept/${inviteLink.split('/').pop()}`);
    await page.fill('#signup-form [name=name]', colleague.name);
    await page.fill('#signup-form [name=new-email]', colleague.email);
    await page.fill('#signup-form [name=new-password]', PASSWORD);
    await page.click('#signup-submit');
    await page.locator('#accept-invitation').waitFor();
    await expect(page.locator('#main').innerText()).resolves.toContain(colleague.email);
    await capture('invite-accept', '#accept-invitation', [390]);
    await page.click('#accept-invitation');
    await page.locator('#tenant-name', { hasText: 'Oranje Transport' }).waitFor();
    await expect(page.locator('.badge-role').innerText()).resolves.toBe('Contributor');
    // A contributor sees no API keys tab.
    await expect(page.locator('nav[aria-label=Organisation] >> text=API keys').count()).resolves.toBe(0);
    // The owner sees the invitation gone from the open ones and the colleague among the members.
    const members = await t.gql(`{ tenant { members(first: 10) { edges { node { role user { email } } } } } invitations { email acceptedAt } }`, {}, { token: owner.token, tenant });
    expect(members.data.tenant.members.edges.map((e: { node: { role: string; user: { email: string } } }) => [e.node.user.email, e.node.role])).toContainEqual([colleague.email, 'CONTRIBUTOR']);
    expect(members.data.invitations.find((i: { email: string }) => i.email === colleague.email).acceptedAt).toBeTruthy();
  });

  it('changes the password in the account menu: this tab goes on, an older session is logged out', async () => {
    // An older session of the colleague, in another tab.
    const other = await browser.context.newPage();
    watch(other);
    await logIn(other, colleague.email, PASSWORD);
    const oldToken = await tokenOf(other);
    await page.click('#user-name');
    await page.locator('#change-password-form').waitFor();
    await page.fill('#change-password-form [name=current-password]', 'not the password');
    await page.fill('#change-password-form [name=new-password]', 'a new and long password');
    await page.click('#change-password-submit');
    await page.locator('#change-password-form .field-invalid [data-field-error]').waitFor();
    await page.fill('#change-password-form [name=current-password]', PASSWORD);
    await page.click('#change-password-submit');
    await page.locator('#password-changed').waitFor();
    await capture('keys-account', '#password-changed');
    // This tab's new token works; the other tab's old one is refused, and that tab lands on the login page.
    const mine = await t.gql(`{ myTenants(first: 5) { totalCount } }`, {}, { token: (await tokenOf(page))! });
    expect(mine.data.myTenants.totalCount).toBe(1);
    const old = await t.gql(`{ myTenants(first: 5) { totalCount } }`, {}, { token: oldToken! });
    expect(old.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await other.reload();
    await other.locator('#session-ended').waitFor();
    await other.locator('#login-form').waitFor();
    await expect(tokenOf(other)).resolves.toBeNull();
    await other.close();
  });

  it('logs out everywhere: back to the login page, and the token is refused', async () => {
    const before = await tokenOf(page);
    await page.click('#log-out-everywhere');
    await page.locator('#login-form').waitFor();
    await expect(tokenOf(page)).resolves.toBeNull();
    const res = await t.gql(`{ myTenants(first: 5) { totalCount } }`, {}, { token: before! });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // The new password is the one that logs in now.
    await logIn(page, colleague.email, 'a new and long password');
  });

  it('logged no page error and no console error or warning', () => {
    expect(problems).toEqual([]);
  });
});
