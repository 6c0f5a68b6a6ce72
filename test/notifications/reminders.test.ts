import type { INestApplicationContext } from '@nestjs/common';
import { shanghaiDate } from '@alliance/domain';
import { simpleParser } from 'mailparser';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MailQueues } from '../../apps/api/src/notifications/mail-queues';
import { JobName } from '../../apps/api/src/notifications/queues';
import { Reminders } from '../../apps/api/src/notifications/reminders';
import { startApi, TestApi } from '../support/api';
import { Factory } from '../support/factories';
import { waitFor } from '../support/wait';
import { startWorker, workerEnv } from './support';

/** Reminders from the job schedulers; and, with no SMTP_URL, mails written as .eml files. */
let api: TestApi;
let f: Factory;
let worker: INestApplicationContext;
let reminders: Reminders;
const DAY = 86400_000;

beforeAll(async () => {
  api = await startApi({ REMINDER_DAYS_BEFORE_DEADLINE: '3', REVIEW_REMINDER_AFTER_DAYS: '3' });
  f = new Factory(api);
  worker = await startWorker(workerEnv(api, { REMINDER_DAYS_BEFORE_DEADLINE: '3', REVIEW_REMINDER_AFTER_DAYS: '3' })); // no SMTP_URL
  reminders = worker.get(Reminders);
}, 60_000);

afterAll(async () => {
  await worker?.close();
  await api?.close();
});

/** A council application of a new school in `state`, owned by a new applicant. */
async function council(batchId: number, state: string, submittedDaysAgo?: number) {
  const schoolId = await f.school();
  const applicant = await f.user(['applicant'], schoolId);
  const res = await api.http.post('/api/council-applications').set(applicant.auth).send(f.councilForm(batchId));
  expect(res.status).toBe(201);
  await api.db.query(`UPDATE council_applications SET state = $2, submitted_at = $3 WHERE id = $1`,
    [res.body.id, state, submittedDaysAgo === undefined ? null : new Date(Date.now() - submittedDaysAgo * DAY)]);
  return { id: res.body.id as number, schoolId, applicant };
}

test('deadline reminders: owners of unsubmitted applications of a batch closing within 3 days, once per application and day', async () => {
  const soon = await f.batch({ deadline: new Date(Date.now() + 2 * DAY) });
  const later = await f.batch({ deadline: new Date(Date.now() + 20 * DAY) });
  const draft = await council(soon, 'draft');
  const returned = await council(soon, 'returned', 5);
  await council(soon, 'submitted', 1);
  await council(later, 'draft');

  const now = new Date();
  expect(await reminders.deadlineReminders(now)).toBe(2);
  expect(await reminders.deadlineReminders(now)).toBe(0); // the same day: nothing new
  const rows: { dedupe_key: string; to_email: string; application_id: number }[] = await api.db.query(
    `SELECT dedupe_key, to_email, application_id FROM emails WHERE template = 'deadline_reminder' ORDER BY application_id`);
  const day = shanghaiDate(now);
  expect(rows).toEqual([
    { dedupe_key: `deadline_reminder:council:${draft.id}:${day}`, to_email: draft.applicant.email, application_id: draft.id },
    { dedupe_key: `deadline_reminder:council:${returned.id}:${day}`, to_email: returned.applicant.email, application_id: returned.id },
  ]);
  expect(await reminders.deadlineReminders(new Date(now.getTime() + DAY))).toBe(2); // the next day, again

  // without SMTP_URL the mails are written as .eml files and logged as sent
  const [first] = await api.db.query(`SELECT id FROM emails WHERE template = 'deadline_reminder' ORDER BY id LIMIT 1`);
  await waitFor(async () => (await api.db.query(`SELECT status FROM emails WHERE id = $1`, [first.id]))[0].status === 'sent', 'the reminder to be sent');
  const file = join(api.env.MAIL_DIR, `${first.id}.eml`);
  expect(existsSync(file)).toBe(true);
  const mail = await simpleParser(readFileSync(file));
  expect(mail.subject).toMatch(/^【截止提醒】批次\w+将于\d{4}年\d+月\d+日 \d\d:\d\d截止$/);
  expect(mail.text).toContain('尚未提交（当前状态：草稿）');
  expect(mail.text).toContain(`http://console.test/#/council-applications/${draft.id}/show`);
  expect(mail.headers.get('x-alliance-email-id')).toBe(String(first.id));
  const [logged] = await api.db.query(`SELECT message_id FROM emails WHERE id = $1`, [first.id]);
  expect(logged.message_id).toBe(mail.messageId);
});

test('review reminders: every admin of the school, for submissions waiting more than 3 days, once per day', async () => {
  const batch = await f.batch();
  const waiting = await council(batch, 'submitted', 5);
  await council(batch, 'submitted', 1);
  const admin1 = await f.user(['school_admin'], waiting.schoolId);
  const admin2 = await f.user(['school_admin'], waiting.schoolId);
  const now = new Date();
  expect(await reminders.reviewReminders(now)).toBe(2);
  expect(await reminders.reviewReminders(now)).toBe(0);
  const rows: { to_email: string; dedupe_key: string; data: Record<string, unknown> }[] = await api.db.query(
    `SELECT to_email, dedupe_key, data FROM emails WHERE template = 'review_reminder' ORDER BY to_email`);
  expect(rows.map((r) => r.to_email).sort()).toEqual([admin1.email, admin2.email].sort());
  expect(rows.map((r) => r.dedupe_key).sort()).toEqual([admin1, admin2].map((a) => `review_reminder:council:${waiting.id}:${shanghaiDate(now)}:${a.id}`).sort());
  expect(rows[0].data).toMatchObject({ waitingDays: 5, stateLabel: '已提交' });
});

test('the schedules are BullMQ job schedulers, and a scheduled run goes through the reminders queue', async () => {
  const queues = worker.get(MailQueues);
  const schedulers = await waitFor(async () => {
    const s = await queues.reminders.getJobSchedulers();
    return s.length === 2 ? s : null;
  }, 'the schedulers');
  expect(schedulers.map((s) => s.key).sort()).toEqual([JobName.DeadlineReminders, JobName.ReviewReminders].sort());
  for (const s of schedulers) expect(s).toMatchObject({ pattern: '0 9 * * *', tz: 'Asia/Shanghai' });

  const batch = await f.batch({ deadline: new Date(Date.now() + DAY) });
  await council(batch, 'draft');
  const job = await queues.reminders.add(JobName.DeadlineReminders, {});
  const done = await waitFor(async () => ((await job.getState()) === 'completed' ? queues.reminders.getJob(job.id!) : null), 'the run');
  expect(done!.returnvalue).toEqual({ written: 1 });
});
