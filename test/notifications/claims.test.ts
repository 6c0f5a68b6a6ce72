import type { INestApplicationContext } from '@nestjs/common';
import type { Job } from 'bullmq';
import { MailProcessor } from '../../apps/api/src/notifications/mail.processor';
import { JobName } from '../../apps/api/src/notifications/queues';
import { startApi, TestApi } from '../support/api';
import { sleep, waitFor } from '../support/wait';
import { SmtpSink } from '../support/smtp';
import { emailRow, startWorker, workerEnv } from './support';

/**
 * The worker's claim on a row: the same job handed to two workers at once (a stalled job given
 * out again while the first worker still sends it), or run again after the mail was recorded as
 * sent, never sends twice.
 */
let api: TestApi;
let smtp: SmtpSink;
let worker: INestApplicationContext;
let processor: MailProcessor;

beforeAll(async () => {
  smtp = await SmtpSink.start();
  api = await startApi();
  worker = await startWorker(workerEnv(api, { SMTP_URL: smtp.url }));
  processor = worker.get(MailProcessor);
}, 60_000);

afterAll(async () => {
  await worker?.close();
  await api?.close();
  await smtp?.close();
});

/** A row as the relay leaves it (queued), without a job: the test plays the queue. */
async function queuedRow(to: string): Promise<string> {
  const [{ id }] = await api.db.query(
    `INSERT INTO emails (template, to_email, status, queued_at, data) VALUES ('verify_email', $1, 'queued', now(), $2) RETURNING id::text`,
    [to, JSON.stringify({ name: '测试', link: 'http://console.test/#/verify-email?token=x' })]);
  return id;
}

const job = (emailId: string, attemptsMade = 0) =>
  ({ name: JobName.SendEmail, data: { emailId }, attemptsMade, opts: { attempts: 5 } }) as unknown as Job<{ emailId: string }, never, JobName>;

test('two workers holding the same job at once: one sends, the other waits for the row and skips it', async () => {
  const id = await queuedRow('twice@test.cn');
  smtp.holdReplies();
  const a = processor.process(job(id) as never);
  await waitFor(() => smtp.holding === 1, 'the first send in flight');
  const b = processor.process(job(id) as never);
  await sleep(300);
  expect(smtp.holding).toBe(1); // the second is waiting on the row lock, not sending
  smtp.releaseReplies();
  const results = await Promise.all([a, b]);
  expect(results).toEqual([{ sent: true, messageId: expect.stringMatching(/^<alliance-email-\d+\.0@/) }, { skipped: 'already sent or gone' }]);
  expect(smtp.received.filter((m) => m.emailId === id)).toHaveLength(1);
  expect(await emailRow(api, id)).toMatchObject({ status: 'sent', attempts: 1 });
});

test('a job run again after the mail was recorded as sent (crash before the job was acknowledged) sends nothing', async () => {
  const id = await queuedRow('again@test.cn');
  expect(await processor.process(job(id) as never)).toMatchObject({ sent: true });
  expect(await processor.process(job(id, 1) as never)).toEqual({ skipped: 'already sent or gone' });
  expect(smtp.received.filter((m) => m.emailId === id)).toHaveLength(1);
});

test('a request never waits for a row the worker is sending: resend answers 409 at once', async () => {
  const id = await queuedRow('busy-row@test.cn');
  await api.db.query(`UPDATE emails SET status = 'failed' WHERE id = $1`, [id]);
  smtp.holdReplies();
  const sending = processor.process(job(id, 4) as never); // e.g. a retry started from the dashboard
  await waitFor(() => smtp.holding === 1, 'the send in flight');
  const { Factory } = await import('../support/factories');
  const lead = await new Factory(api).user(['lead']);
  const started = Date.now();
  expect((await api.http.post(`/api/emails/${id}/resend`).set(lead.auth)).status).toBe(409);
  expect(Date.now() - started).toBeLessThan(1000);
  smtp.releaseReplies();
  await sending;
});

test('the connection that holds the row dies while the SMTP server takes the mail: it is recorded as sent once PostgreSQL answers, not sent again', async () => {
  const id = await queuedRow('lost-commit@test.cn');
  smtp.holdReplies();
  const sending = processor.process(job(id) as never);
  await waitFor(() => smtp.holding === 1, 'the send in flight');
  // what a PostgreSQL restart does to the worker's transaction: its session is terminated
  const [{ n }] = await api.db.query(
    `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
     WHERE datname = current_database() AND state = 'idle in transaction' AND pid <> pg_backend_pid()`);
  expect(n).toBe(1);
  smtp.releaseReplies();
  expect(await sending).toMatchObject({ sent: true });
  expect(await emailRow(api, id)).toMatchObject({ status: 'sent', attempts: 1, message_id: expect.stringMatching(/^<alliance-email-/) });
  expect(await processor.process(job(id, 1) as never)).toEqual({ skipped: 'already sent or gone' });
  expect(smtp.received.filter((m) => m.emailId === id)).toHaveLength(1);
});
