import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { PASSWORD, TestUser } from './factories';

/** Screenshots of the browser tests. */
export const ARTIFACTS = resolve(__dirname, '../artifacts/console');
/** The console build the API serves in the browser tests. */
export const ADMIN_DIST = resolve(__dirname, '../../apps/admin/dist');

/** Debian's Chromium, headless; the flags keep it off this machine's closed network. */
export function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Logs in through the console's login form; resolves once the console has left the login page. */
export async function login(browser: Browser, baseUrl: string, user: TestUser, height = 768): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height }, locale: 'zh-CN' });
  await page.goto(`${baseUrl}/#/login`);
  await page.locator('input[name="email"]').fill(user.email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((u) => !u.hash.startsWith('#/login'), { timeout: 15_000 });
  return page;
}
