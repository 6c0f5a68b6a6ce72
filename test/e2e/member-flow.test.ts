import {
  ACTION, APPLICATION_KIND, ATTACHMENT_KIND, DEGREE, EDUCATION, FIELD_LABEL, GENDER, POLITICAL_STATUS, POSITION_KIND, SEAT,
  STATE, TARGET_GROUP, type Action, type ApplicationState,
} from '@alliance/domain';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_DIST, ARTIFACTS, launchChromium, login as loginAs } from '../support/browser';
import { APP_MESSAGES } from '../../apps/admin/src/i18n/appMessages';
import { startApi, TestApi } from '../support/api';
import { Factory, FILES, TestUser } from '../support/factories';

/**
 * The whole life of an individual member application (附件2) in a real browser, by clicking:
 * the applicant fills, saves, uploads and submits it; the school admin approves it; the center
 * reviewer approves it; the lead admits it. Only the data around it (school, council form,
 * users, batch) is made by the factories. Screenshots: test/artifacts/console/flow-*.png.
 */
const DEPARTMENT = '智能制造学院'; // the first department of Factory.councilForm
const PERSON = '陈静';

let api: TestApi;
let browser: Browser;
let users: { applicant: TestUser; school_admin: TestUser; center_reviewer: TestUser; lead: TestUser };

beforeAll(async () => {
  api = await startApi({ ADMIN_DIST });
  const f = new Factory(api);
  const batchId = await f.batch();
  const school = await f.schoolWithCouncil(batchId);
  await f.transition(school.applicant, 'council-applications', school.council.id, 'submit');
  users = {
    applicant: await f.user(['applicant'], school.schoolId), // a teacher of the school, not the council form's owner
    school_admin: school.admin,
    center_reviewer: await f.user(['center_reviewer']),
    lead: await f.user(['lead']),
  };
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const login = (user: TestUser): Promise<Page> => loginAs(browser, api.url, user, 900);


const stateInDb = async (id: number): Promise<ApplicationState> =>
  (await api.db.query('SELECT state FROM member_applications WHERE id = $1', [id]))[0].state;

/** The state chip of the application header shows `state`'s Chinese label. */
async function expectStateShown(page: Page, state: ApplicationState) {
  await page.locator('.MuiChip-root').filter({ hasText: new RegExp(`^${STATE[state].zh}$`) }).first().waitFor({ timeout: 15_000 });
}

/** Picks `option` in the select (or autocomplete) labelled `label`. */
async function choose(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' || undefined }).click();
}

/** Checks the radio `option` of the radio group labelled `label`. */
async function radio(page: Page, label: string, option: string) {
  await page.getByRole('group', { name: label }).getByLabel(option, { exact: true }).check();
}

/** Clicks the workflow action of the open application and confirms it in the dialog; waits for the API. */
async function act(page: Page, id: number, action: Action) {
  await page.getByRole('button', { name: ACTION[action].zh, exact: true }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(ACTION[action].zh, { exact: true }).waitFor();
  const done = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/member-applications/${id}/transitions`));
  await dialog.getByRole('button', { name: APP_MESSAGES.transition.confirm.zh.replace('%{action}', ACTION[action].zh) }).click();
  expect((await done).status()).toBe(200);
  await dialog.waitFor({ state: 'detached' });
}

/** A reviewer opens the application from the menu's list of member applications. */
async function openFromList(page: Page, id: number) {
  await page.getByRole('menuitem', { name: APPLICATION_KIND.member.zh }).click();
  await page.locator('table tbody tr', { hasText: PERSON }).first().click();
  await page.waitForURL((u) => u.hash.startsWith(`#/member-applications/${id}/show`));
}

async function shot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  // a full-page shot of a scrolled page misplaces the app bar and the menu: back to the top, and
  // wait for react-admin's app bar (hidden on scroll) to slide in again
  await page.evaluate('document.activeElement?.blur(); window.scrollTo(0, 0)');
  const appBar = page.locator('header').first();
  for (let i = 0; i < 40 && (await appBar.boundingBox())?.y !== 0; i++) await page.waitForTimeout(50);
  await page.screenshot({ path: join(ARTIFACTS, `flow-${name}.png`), fullPage: true });
}

test('an applicant fills and submits a member form with its uploads, the school admin approves it, the center reviewer approves it, and the lead admits it, all by clicking', async () => {
  // ---- the applicant: 我的申报 → 填写个人申报表, fill every required field, save ----
  const page = await login(users.applicant);
  await page.getByRole('button', { name: APP_MESSAGES.my.new_member.zh }).click();
  await page.waitForURL((u) => u.hash.startsWith('#/member-applications/create'));

  await choose(page, FIELD_LABEL.departmentId.zh, new RegExp(`^${DEPARTMENT}`));
  await radio(page, FIELD_LABEL.seat.zh, SEAT.program_leader.zh);
  await choose(page, FIELD_LABEL.targetGroup.zh, TARGET_GROUP[1].zh);
  await page.locator('input[name="name"]').fill(PERSON);
  await radio(page, FIELD_LABEL.gender.zh, GENDER.female.zh);
  await page.locator('input[name="birthMonth"]').fill('1985-06');
  await choose(page, FIELD_LABEL.politicalStatus.zh, POLITICAL_STATUS.cpc_member.zh);
  await choose(page, FIELD_LABEL.education.zh, EDUCATION.master.zh);
  await choose(page, FIELD_LABEL.degree.zh, DEGREE.master.zh);
  await page.locator('input[name="almaMater"]').fill('华中科技大学');
  await page.locator('input[name="studiedMajor"]').fill('机械工程');
  await page.locator('input[name="teachingYears"]').fill('12');
  await page.locator('input[name="title"]').fill('副教授');
  await page.locator('input[name="field"]').fill('工业机器人');
  await radio(page, FIELD_LABEL['position.kind'].zh, POSITION_KIND.program_leader.zh);
  await page.locator('input[name="position.text"]').fill('工业机器人技术专业群');
  await page.locator('input[name="mobile"]').fill('13800000000');
  await page.locator('input[name="email"]').fill('chenjing@school.cn');
  await page.locator('input[name="address"]').fill('江苏省南京市江宁区');
  await page.locator('textarea[name="achievements"]').fill('主持省级教改项目2项。');
  await page.locator('textarea[name="experience"]').fill('2012年至今任教。');
  await page.locator('input[name="commitment.accepted"]').check();
  await page.locator('input[name="commitment.date"]').fill('2024-04-01');
  await page.locator('input[name="schoolOpinion.signer"]').fill('张校长');
  await page.locator('input[name="schoolOpinion.date"]').fill('2024-04-02');
  await shot(page, '1-applicant-filled');

  const created = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/member-applications'));
  await page.getByRole('button', { name: APP_MESSAGES.form.save_draft.zh }).click();
  const createdRes = await created;
  expect(createdRes.status()).toBe(201);
  const id: number = (await createdRes.json()).id;
  await page.waitForURL((u) => u.hash === `#/member-applications/${id}`);
  await expectStateShown(page, 'draft');
  expect(await stateInDb(id)).toBe('draft');
  // saved without its files: the two missing uploads block the submit
  await page.getByText(APP_MESSAGES.findings.blocking_applicant.zh.replace('%{smart_count}', '2')).waitFor();
  const submit = page.getByRole('button', { name: ACTION.submit.zh, exact: true });
  expect(await submit.isDisabled()).toBe(true);

  // ---- uploads: the sealed scan (PDF) and the photo (PNG), through the file inputs ----
  for (const [kind, file] of [
    ['sealed_scan', { name: 'scan.pdf', mimeType: 'application/pdf', buffer: FILES.pdf }],
    ['photo', { name: 'photo.png', mimeType: 'image/png', buffer: FILES.png }],
  ] as const) {
    // the card header of the kind: its title, the file name once uploaded, and the upload button's file input
    const card = page.locator('.MuiCardHeader-root', { has: page.getByText(ATTACHMENT_KIND[kind].zh, { exact: true }) });
    const uploaded = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes(`/api/member-applications/${id}/attachments?kind=${kind}`));
    await card.locator('input[type="file"]').setInputFiles(file);
    expect((await uploaded).status()).toBe(201);
    await card.getByText(file.name).waitFor();
  }
  await page.getByText(APP_MESSAGES.findings.none_applicant.zh).waitFor();
  expect(await submit.isEnabled()).toBe(true);
  expect(await api.db.query("SELECT kind FROM attachments WHERE application_kind = 'member' AND application_id = $1 ORDER BY kind", [id]))
    .toEqual([{ kind: 'photo' }, { kind: 'sealed_scan' }]);
  await shot(page, '2-applicant-uploaded');

  // ---- submit and confirm ----
  await act(page, id, 'submit');
  await page.waitForURL((u) => u.hash.startsWith(`#/member-applications/${id}/show`));
  await expectStateShown(page, 'submitted');
  expect(await stateInDb(id)).toBe('submitted');
  await shot(page, '3-applicant-submitted');
  await page.close();

  // ---- the school admin, the center reviewer, the lead: open it from the menu's list, act, confirm ----
  for (const [role, action, state, name] of [
    ['school_admin', 'school_approve', 'school_approved', '4-school-approved'],
    ['center_reviewer', 'center_approve', 'center_reviewed', '5-center-reviewed'],
    ['lead', 'admit', 'admitted', '6-lead-admitted'],
  ] as const) {
    const reviewer = await login(users[role]);
    await openFromList(reviewer, id);
    await act(reviewer, id, action);
    await expectStateShown(reviewer, state);
    expect(await stateInDb(id)).toBe(state);
    await shot(reviewer, name);
    await reviewer.close();
  }

  // ---- the record of it all ----
  const history = await api.db.query(
    "SELECT action, from_state, to_state, actor_id FROM transitions WHERE application_kind = 'member' AND application_id = $1 ORDER BY id", [id]);
  expect(history).toEqual([
    { action: 'submit', from_state: 'draft', to_state: 'submitted', actor_id: users.applicant.id },
    { action: 'school_approve', from_state: 'submitted', to_state: 'school_approved', actor_id: users.school_admin.id },
    { action: 'center_approve', from_state: 'school_approved', to_state: 'center_reviewed', actor_id: users.center_reviewer.id },
    { action: 'admit', from_state: 'center_reviewed', to_state: 'admitted', actor_id: users.lead.id },
  ]);
  const admittedMail = await api.db.query(
    "SELECT to_email FROM emails WHERE template = 'admitted' AND application_kind = 'member' AND application_id = $1", [id]);
  expect(admittedMail.map((m: { to_email: string }) => m.to_email)).toContain(users.applicant.email);
}, 90_000);
