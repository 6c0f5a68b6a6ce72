import { APPLICATION_KIND } from '@alliance/domain';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_DIST, ARTIFACTS, launchChromium, login as loginAs } from '../support/browser';
import { startApi, TestApi } from '../support/api';
import { Factory, TestUser } from '../support/factories';

/**
 * The console in a real browser (Debian's Chromium driven by playwright-core), served by the
 * real API on a fresh database. Screenshots are kept in test/artifacts/console.
 */

let api: TestApi;
let f: Factory;
let browser: Browser;
let users: Record<string, TestUser>;

beforeAll(async () => {
  api = await startApi({ ADMIN_DIST });
  f = new Factory(api);
  const batchId = await f.batch();
  const a = await f.schoolWithCouncil(batchId, { type: 'higher_vocational', honors: ['national_double_high'] });
  const b = await f.schoolWithCouncil(batchId, { type: 'secondary_vocational', honors: ['double_excellence'], province: '广东' });
  for (const ctx of [a, b]) {
    const m = await f.memberDraft(batchId, ctx.schoolId, ctx.council.departments[0].id);
    await f.transition(m.applicant, 'member-applications', m.id, 'submit');
    await f.transition(ctx.applicant, 'council-applications', ctx.council.id, 'submit');
  }
  users = {
    applicant: a.applicant, school_admin: a.admin,
    center_reviewer: await f.user(['center_reviewer']), coordinator: await f.user(['coordinator']), lead: await f.user(['lead']),
  };
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const login = (user: TestUser): Promise<Page> => loginAs(browser, api.url, user);


test.each(['applicant', 'school_admin', 'center_reviewer', 'coordinator', 'lead'])('%s logs in and sees the console in Chinese', async (role) => {
  const page = await login(users[role]);
  await page.getByText(APPLICATION_KIND.member.zh).first().waitFor({ timeout: 15_000 });
  const text = await page.locator('body').innerText();
  expect(text).toMatch(/[\u4e00-\u9fff]{4,}/);
  expect(text).not.toMatch(/\bDashboard\b|\bLogout\b|ra\.(action|page|auth)\./);
  // staff land on the dashboard: wait for its "waiting for me" card (the charts load on demand)
  if (role !== 'applicant') {
    await page.getByText('待我处理').first().waitFor({ timeout: 15_000 });
    await page.locator('.recharts-bar-rectangle path').first().waitFor({ timeout: 15_000 });
    await page.mouse.move(0, 760);
  }
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(ARTIFACTS, `${role}-home.png`) });
  await page.close();
}, 60_000);

test('filtering the member applications by school type narrows the rows', async () => {
  const page = await login(users.lead);
  const rows = async (filter: object) => {
    const query = JSON.stringify(filter);
    const answered = page.waitForResponse((r) => r.url().includes('/api/member-applications?') && decodeURIComponent(r.url()).includes(`filter=${query}`));
    await page.goto(`${api.url}/#/member-applications?filter=${encodeURIComponent(query)}`);
    const listed: unknown[] = await (await answered).json();
    // the table settles on what the API answered for this filter
    for (let i = 0; i < 50 && (await page.locator('table tbody tr').count()) !== listed.length; i++) await page.waitForTimeout(100);
    return page.locator('table tbody tr').count();
  };
  expect(await rows({})).toBe(2);
  expect(await rows({ schoolType: 'secondary_vocational' })).toBe(1);
  expect(await rows({ schoolHonors: ['national_double_high'] })).toBe(1);
  expect(await rows({ departmentCategory: ['automation'] })).toBe(0);
  await page.screenshot({ path: join(ARTIFACTS, 'lead-filtered.png') });
  await page.close();
}, 60_000);

test('the lead opens the queue dashboard from the menu, signed in by a single-use ticket', async () => {
  const page = await login(users.lead);
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByText('队列监控').click()]);
  await popup.waitForURL((u) => u.pathname.startsWith('/api/queues') && !u.search.includes('ticket'), { timeout: 15_000 });
  // bull-board first renders "Loading", then its queues
  await popup.waitForFunction(() => /mail|Queues|队列/i.test(document.body.innerText), undefined, { timeout: 15_000 }).catch(() => undefined);
  expect(await popup.locator('body').innerText()).toMatch(/mail|Queues|队列/i);
  await popup.screenshot({ path: join(ARTIFACTS, 'lead-queues.png') });
  await page.close();
}, 60_000);
