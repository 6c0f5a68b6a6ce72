import type { INestApplicationContext } from '@nestjs/common';
import { startApi, TestApi } from '../support/api';
import { Factory, TestUser } from '../support/factories';
import { sleep, waitFor } from '../support/wait';
import { SmtpSink } from '../support/smtp';
import { emailRow, enqueueMails, startWorker, workerEnv } from './support';

/** The SMTP server refuses for a while (4xx), or for good (5xx). */
let api: TestApi;
let f: Factory;
let smtp: SmtpSink;
let worker: INestApplicationContext;
let lead: TestUser;

beforeAll(async () => {
  smtp = await SmtpSink.start();
  api = await startApi();
  f = new Factory(api);
  worker = await startWorker(workerEnv(api, { SMTP_URL: smtp.url, MAIL_ATTEMPTS: '4', MAIL_BACKOFF_MS: '100' }));
  lead = await f.user(['lead']);
}, 60_000);

afterAll(async () => {
  await worker?.close();
  await api?.close();
  await smtp?.close();
});

beforeEach(() => {
  smtp.answer = () => null;
});

test('4xx for a while: the job retries with backoff and the mail is sent once, with its attempts recorded', async () => {
  let refusals = 0;
  smtp.answer = ({ to }) => (to === 'busy@test.cn' && refusals++ < 2 ? { code: 451, message: '4.3.0 Mailbox busy, try later' } : null);
  const [id] = await enqueueMails(api, [{ to: 'busy@test.cn' }]);
  // between attempts the log shows the error and the count, and the mail is still on its way
  const retrying = await waitFor(async () => {
    const r = await emailRow(api, id);
    return r.attempts >= 1 && r.status !== 'sent' ? r : null;
  }, 'the first failed attempt');
  expect(retrying.status).toBe('queued');
  expect(retrying.last_error).toContain('451');
  const sent = await waitFor(async () => {
    const r = await emailRow(api, id);
    return r.status === 'sent' ? r : null;
  }, 'the mail to be sent');
  expect(sent).toMatchObject({ attempts: 3, last_error: null });
  expect(sent.message_id).toBeTruthy();
  await sleep(300);
  expect(smtp.received.filter((m) => m.emailId === id)).toHaveLength(1);
  expect(smtp.rejected).toBe(2);
});

test('4xx for good: after the last attempt the mail shows as failed, with the error and the attempt count', async () => {
  smtp.answer = ({ to }) => (to === 'always-busy@test.cn' ? { code: 421, message: '4.7.0 Too busy' } : null);
  const [id] = await enqueueMails(api, [{ to: 'always-busy@test.cn' }]);
  const failed = await waitFor(async () => {
    const r = await emailRow(api, id);
    return r.status === 'failed' ? r : null;
  }, 'the mail to fail', 20_000);
  expect(failed.attempts).toBe(4);
  expect(failed.last_error).toContain('421');
  expect(smtp.received.filter((m) => m.emailId === id)).toHaveLength(0);
});

test('5xx for good: the mail fails at once (a permanent refusal is not retried), shows in the log, and can be resent', async () => {
  smtp.answer = ({ to }) => (to === 'nobody@test.cn' ? { code: 550, message: '5.1.1 No such user here' } : null);
  const rejectedBefore = smtp.rejected;
  const [id] = await enqueueMails(api, [{ to: 'nobody@test.cn' }]);
  const failed = await waitFor(async () => {
    const r = await emailRow(api, id);
    return r.status === 'failed' ? r : null;
  }, 'the mail to fail');
  expect(failed.attempts).toBe(1);
  expect(failed.last_error).toMatch(/550.*No such user/);
  await sleep(500);
  expect(smtp.rejected - rejectedBefore).toBe(1);

  const log = await api.http.get('/api/emails').query({ filter: JSON.stringify({ status: 'failed', q: 'nobody' }) }).set(lead.auth);
  expect(log.body).toEqual([expect.objectContaining({ id: Number(id), status: 'failed', attempts: 1, lastError: expect.stringContaining('550') })]);

  // the mailbox is fixed; the lead resends
  smtp.answer = () => null;
  const resend = await api.http.post(`/api/emails/${id}/resend`).set(lead.auth);
  expect(resend.status).toBe(200);
  const sent = await waitFor(async () => {
    const r = await emailRow(api, id);
    return r.status === 'sent' ? r : null;
  }, 'the resent mail');
  expect(sent.attempts).toBe(1);
  await sleep(300);
  expect(smtp.received.filter((m) => m.emailId === id)).toHaveLength(1);
  // resending a mail that is on its way is refused
  const [pendingId] = await enqueueMails(api, [{ to: 'later@test.cn' }]);
  smtp.holdReplies();
  try {
    await waitFor(() => smtp.holding > 0, 'the mail to be in flight');
    expect((await api.http.post(`/api/emails/${pendingId}/resend`).set(lead.auth)).status).toBe(409);
  } finally {
    smtp.releaseReplies();
  }
  await waitFor(async () => (await emailRow(api, pendingId)).status === 'sent', 'the held mail');
});
