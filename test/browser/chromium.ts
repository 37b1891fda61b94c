import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Debian's Chromium, installed when missing (a fresh CI machine has none; nothing is downloaded from a browser
 * vendor). Idempotent: a no-op once /usr/bin/chromium exists.
 */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const root = os.userInfo().uid === 0;
  const run = (command: string) =>
    execFileSync(root ? 'bash' : 'sudo', root ? ['-c', command] : ['bash', '-c', command], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      timeout: 15 * 60_000,
    });
  run('apt-get update && apt-get install -y chromium');
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get did not install ${CHROMIUM}`);
}

/**
 * Headless Chromium with a fresh profile; no network beyond what the page asks for. `locale`: the browser's language
 * (navigator.language and its Accept-Language), British English unless a test asks for another.
 */
export async function launchChromium({ locale = 'en-GB' }: { locale?: string } = {}): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'smt-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 900 },
    timezoneId: 'UTC',
    locale,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return { context, close: () => context.close() };
}
