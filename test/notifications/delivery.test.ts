import type { INestApplicationContext } from '@nestjs/common';
import { seal } from '../../apps/api/src/common/secrets';
import { loadEnv } from '../../apps/api/src/config/env';
import { startApi, TestApi } from '../support/api';
import { Factory, TestUser } from '../support/factories';
import { sleep } from '../support/wait';
import { ReceivedMail, SmtpSink } from '../support/smtp';
import { startWorker, workerEnv } from './support';

/**
 * The whole path with a real API, the worker in process and an SMTP server: who gets which mail
 * at each step, in Chinese, exactly once; then the notification log over what was sent.
 */
let api: TestApi;
let f: Factory;
let smtp: SmtpSink;
let worker: INestApplicationContext;
let batchId: number;
let center1: TestUser;
let center2: TestUser;
let lead: TestUser;
let coordinator: TestUser;

beforeAll(async () => {
  smtp = await SmtpSink.start();
  api = await startApi();
  f = new Factory(api);
  worker = await startWorker(workerEnv(api, { SMTP_URL: smtp.url }));
  batchId = await f.batch();
  [center1, center2, lead, coordinator] = await Promise.all([
    f.user(['center_reviewer']), f.user(['center_reviewer']), f.user(['lead']), f.user(['coordinator']),
  ]);
}, 60_000);

afterAll(async () => {
  await worker?.close();
  await api?.close();
  await smtp?.close();
});

interface Row { id: string; template: string; to_email: string; status: string; message_id: string | null; attempts: number; application_id: number | null }
const rows = async (): Promise<Row[]> => api.db.query('SELECT id, template, to_email, status, message_id, attempts, application_id FROM emails ORDER BY id');

/** Waits until `n` mails arrived and a little longer, to catch any extra one. */
async function settle(n: number): Promise<void> {
  await smtp.waitForCount(n);
  await sleep(600);
}

const SUBJECT_PREFIX: Record<string, string> = {
  submitted_receipt: '【申报回执】', submitted_school: '【待学校审核】', school_approved_applicant: '【学校审核通过】',
  school_approved_center: '【待中心审核】', center_reviewed_lead: '【待审批入盟】', admitted: '【入盟通知】',
  returned: '【退回修改】', rejected: '【审核未通过】', verify_email: '【邮箱验证】', invitation: '【特邀函】',
};

describe('recipients per event', () => {
  let admin: TestUser;
  let admin2: TestUser;
  let applicant: TestUser;
  let memberApplicant: TestUser;
  let councilId: number;
  let memberId: number;
  let schoolName: string;
  const expected: [template: string, to: string][] = [];

  test('every step of a council and a member application tells the right people, once each', async () => {
    const s = await f.schoolWithCouncil(batchId);
    ({ admin, applicant } = s);
    councilId = s.council.id;
    admin2 = await f.user(['school_admin'], s.schoolId);
    const otherSchool = await f.school();
    await f.user(['school_admin'], otherSchool); // must hear nothing
    [{ name: schoolName }] = await api.db.query('SELECT name FROM schools WHERE id = $1', [s.schoolId]);

    const step = async (user: TestUser, resource: string, id: number, action: string, mails: [string, string][], comment?: string) => {
      const res = await f.transition(user, resource, id, action, comment);
      expect(res.status).toBe(200);
      expected.push(...mails);
    };
    const C = 'council-applications';
    await step(applicant, C, councilId, 'submit', [['submitted_receipt', applicant.email], ['submitted_school', admin.email], ['submitted_school', admin2.email]]);
    await step(admin, C, councilId, 'school_approve', [['school_approved_applicant', applicant.email], ['school_approved_center', center1.email], ['school_approved_center', center2.email]]);
    await step(center1, C, councilId, 'center_approve', [['center_reviewed_lead', lead.email]]);
    await step(lead, C, councilId, 'admit', [['admitted', applicant.email], ['admitted', 'contact@school.cn']]);

    const m = await f.memberDraft(batchId, s.schoolId, s.council.departments[0].id);
    memberApplicant = m.applicant;
    memberId = m.id;
    const M = 'member-applications';
    const submitted: [string, string][] = [['submitted_receipt', memberApplicant.email], ['submitted_school', admin.email], ['submitted_school', admin2.email]];
    await step(memberApplicant, M, memberId, 'submit', submitted);
    await step(admin, M, memberId, 'return', [['returned', memberApplicant.email]], '请补充获奖证明<b>原件</b>\n并加盖公章');
    await step(memberApplicant, M, memberId, 'submit', submitted);
    await step(admin2, M, memberId, 'reject', [['rejected', memberApplicant.email]], '不符合“近5年”申报条件');

    await settle(expected.length);
    const byId = new Map((await rows()).map((r) => [r.id, r]));
    const got = smtp.received.map((mail) => {
      const row = byId.get(mail.emailId)!;
      expect(row).toBeDefined();
      expect(mail.to).toBe(row.to_email);
      return [row.template, row.to_email] as [string, string];
    });
    const key = ([t, to]: [string, string]) => `${t} → ${to}`;
    expect(got.map(key).sort()).toEqual(expected.map(key).sort());
    // exactly once per row, and every row sent, with the SMTP message id recorded
    expect([...smtp.countsByEmailId().values()].every((n) => n === 1)).toBe(true);
    const all = await rows();
    expect(all).toHaveLength(expected.length);
    for (const r of all) {
      expect(r).toMatchObject({ status: 'sent', attempts: 1 });
      expect(smtp.received.find((mail) => mail.emailId === r.id)!.messageId).toBe(r.message_id);
    }
  });

  test('subjects and bodies are Chinese and carry the application, school, state and a console link', () => {
    for (const mail of smtp.received) {
      expect(mail.subject).toMatch(/[\u4e00-\u9fa5]/);
      expect(mail.html).toContain('<html lang="zh-CN">');
      expect(mail.text).toContain('此邮件由');
      expect(mail.text).toContain(schoolName);
      expect(mail.html).toContain(schoolName);
      expect(mail.text).toMatch(/http:\/\/console\.test\/#\/(council|member)-applications\/\d+\/show/);
    }
    const find = (subjectPart: string) => smtp.received.filter((m) => m.subject.includes(subjectPart));
    expect(find('【申报回执】')).toHaveLength(3);
    const [admitted] = find('【入盟通知】');
    expect(admitted.subject).toBe(`【入盟通知】${schoolName}理事单位申报`);
    expect(admitted.text).toContain('当前状态：已入盟');
    expect(admitted.text).toContain(`http://console.test/#/council-applications/${councilId}/show`);
    const [approved] = find('【学校审核通过】');
    expect(approved.text).toContain('当前状态：学校已审核');
    expect(approved.text).toContain('办理环节：学校审核通过');
  });

  test("the applicant's return mail carries the reviewer's comment, escaped in HTML", () => {
    const [returned] = smtp.received.filter((m) => m.subject.startsWith('【退回修改】'));
    expect(returned.to).toBe(memberApplicant.email);
    expect(returned.text).toContain('审核意见：');
    expect(returned.text).toContain('请补充获奖证明<b>原件</b>');
    expect(returned.text).toContain('并加盖公章');
    expect(returned.html).toContain('请补充获奖证明&lt;b&gt;原件&lt;/b&gt;<br>并加盖公章');
    expect(returned.html).not.toContain('<b>原件</b>');
    expect(returned.text).toContain('当前状态：退回修改');
    expect(returned.text).toContain(`http://console.test/#/member-applications/${memberId}/show`);
    const [rejected] = smtp.received.filter((m) => m.subject.startsWith('【审核未通过】'));
    expect(rejected.text).toContain('不符合“近5年”申报条件');
    expect(rejected.html).toContain('不符合“近5年”申报条件');
  });

  test('every subject starts with the prefix of its template', async () => {
    const byId = new Map((await rows()).map((r) => [r.id, r]));
    for (const mail of smtp.received) expect(mail.subject.startsWith(SUBJECT_PREFIX[byId.get(mail.emailId)!.template])).toBe(true);
  });
});

describe('account mails', () => {
  test('verify_email: the sealed link is opened for the recipient and withheld from the preview', async () => {
    const before = smtp.received.length;
    const schoolId = await f.school();
    const res = await api.http.post('/api/auth/register').send({ email: 'NEW.teacher@test.cn', password: 'Str0ng#Passw0rd!', name: '新老师', schoolId });
    expect(res.status).toBeLessThan(300);
    await smtp.waitForCount(before + 1);
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toBe('new.teacher@test.cn');
    expect(mail.subject).toBe('【邮箱验证】请验证您的注册邮箱');
    expect(mail.text).toContain('新老师，您好：');
    const token = /#\/verify-email\?token=([\w-]+)/.exec(mail.text)?.[1];
    expect(token).toBeTruthy();
    expect(mail.html).toContain(`href="http://console.test/#/verify-email?token=${token}"`);
    expect((await api.http.post('/api/auth/verify-email').send({ token })).status).toBe(200);

    const preview = await api.http.get(`/api/emails/${mail.emailId}/preview`).set(lead.auth);
    expect(preview.status).toBe(200);
    expect(preview.body.subject).toBe(mail.subject);
    expect(JSON.stringify(preview.body)).not.toContain(token!);
    expect(preview.body.text).toContain('仅在发给收件人的邮件中显示');
  });

  test('invitation: a row written the way the invitations feature writes it is rendered and sent', async () => {
    const before = smtp.received.length;
    const secret = loadEnv({}).TOKEN_SECRET;
    const data = {
      name: '赵教授', role: 'expert', roleLabel: '特邀专家', duty: 'supervise', dutyLabel: '督导', message: '期待<您>的加入 & 指导',
      inviterName: '联盟负责人', expiresAt: '2026-12-13T08:00:00.000Z', link: seal('http://console.test/#/accept-invitation?token=abc123', secret),
    };
    const [{ id }] = await api.db.query(
      `INSERT INTO emails (template, to_email, data) VALUES ('invitation', 'zhao@univ.cn', $1) RETURNING id`, [JSON.stringify(data)]);
    await api.db.query(`SELECT pg_notify('emails_pending', '')`);
    await smtp.waitForCount(before + 1);
    const mail = smtp.received.find((m) => m.emailId === String(id)) as ReceivedMail;
    expect(mail.subject).toBe('【特邀函】诚邀您担任职业院校装备制造类二级院系协同创新联盟特邀专家');
    expect(mail.text).toContain('赵教授，您好：');
    expect(mail.text).toContain('职责：督导');
    expect(mail.text).toContain('有效期至：2026年12月13日 16:00');
    expect(mail.text).toContain('期待<您>的加入 & 指导');
    expect(mail.html).toContain('期待&lt;您&gt;的加入 &amp; 指导');
    expect(mail.text).toContain('接受邀请：http://console.test/#/accept-invitation?token=abc123');
  });
});

describe('the notification log', () => {
  test('staff read it with ra-data-simple-rest conventions; others may not', async () => {
    const res = await api.http.get('/api/emails')
      .query({ filter: JSON.stringify({ template: 'submitted_school', status: 'sent' }), range: '[0,1]', sort: '["id","ASC"]' })
      .set(coordinator.auth);
    expect(res.status).toBe(200);
    expect(res.headers['content-range']).toBe('emails 0-1/6');
    expect(res.body).toHaveLength(2);
    expect(Object.keys(res.body[0]).sort()).toEqual(expect.arrayContaining([
      'id', 'template', 'toEmail', 'subject', 'applicationKind', 'applicationId', 'status', 'attempts', 'lastError', 'messageId', 'createdAt', 'sentAt',
    ]));
    expect(res.body[0]).toMatchObject({ template: 'submitted_school', status: 'sent', attempts: 1, lastError: null, applicationKind: 'council' });
    expect(res.body[0].subject).toMatch(/^【待学校审核】/);
    expect(typeof res.body[0].id).toBe('number');

    const byApp = await api.http.get('/api/emails').query({ filter: JSON.stringify({ applicationKind: 'member', applicationId: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }) }).set(center1.auth);
    expect(byApp.status).toBe(200);
    expect(byApp.body.length).toBeGreaterThan(0);
    expect(byApp.body.every((e: { applicationKind: string }) => e.applicationKind === 'member')).toBe(true);

    const q = await api.http.get('/api/emails').query({ filter: JSON.stringify({ q: 'contact@school' }) }).set(lead.auth);
    expect(q.body.map((e: { toEmail: string }) => e.toEmail)).toEqual(['contact@school.cn']);

    const one = await api.http.get(`/api/emails/${res.body[0].id}`).set(lead.auth);
    expect(one.status).toBe(200);
    expect(one.body.id).toBe(res.body[0].id);

    const applicant = await f.user(['applicant'], await f.school());
    const schoolAdmin = await f.user(['school_admin'], await f.school());
    for (const u of [applicant, schoolAdmin]) {
      expect((await api.http.get('/api/emails').set(u.auth)).status).toBe(403);
      expect((await api.http.get(`/api/emails/${res.body[0].id}/preview`).set(u.auth)).status).toBe(403);
    }
    expect((await api.http.get('/api/emails')).status).toBe(401);
    expect((await api.http.get('/api/emails').query({ filter: '{"status":"lost"}' }).set(lead.auth)).status).toBe(400);
    expect((await api.http.get('/api/emails/999999').set(lead.auth)).status).toBe(404);
  });

  test('resend: lead and center reviewer only, of a sent or failed mail; it goes out again once, and is audited', async () => {
    const [row] = await api.db.query(`SELECT id FROM emails WHERE template = 'admitted' AND to_email = 'contact@school.cn'`);
    const id = Number(row.id);
    expect((await api.http.post(`/api/emails/${id}/resend`).set(coordinator.auth)).status).toBe(403);
    const before = smtp.received.length;
    const res = await api.http.post(`/api/emails/${id}/resend`).set(center1.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, attempts: 0, sentAt: null });
    expect(['pending', 'queued', 'sent']).toContain(res.body.status);
    await smtp.waitForCount(before + 1);
    await sleep(500);
    expect(smtp.received.length).toBe(before + 1);
    const again = smtp.received.at(-1)!;
    expect(again.emailId).toBe(String(id));
    const first = smtp.received.find((m) => m.emailId === String(id))!;
    expect(again.messageId).not.toBe(first.messageId); // a new delivery, not a repeat a mail client would fold away
    const [after] = await api.db.query('SELECT status, attempts FROM emails WHERE id = $1', [id]);
    expect(after).toEqual({ status: 'sent', attempts: 1 });
    const audit = await api.db.query(`SELECT actor_id, data FROM audit_events WHERE entity = 'email' AND entity_id = $1 AND action = 'resend'`, [String(id)]);
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBe(center1.id);
    expect(audit[0].data).toMatchObject({ previousStatus: 'sent', toEmail: 'contact@school.cn' });
  });
});
