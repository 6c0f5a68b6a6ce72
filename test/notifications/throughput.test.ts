import { startApi, TestApi } from '../support/api';
import { waitFor } from '../support/wait';
import { SmtpSink } from '../support/smtp';
import { ensureBuilt, spawnWorker, WorkerProcess } from '../support/processes';
import { enqueueMails, workerEnv } from './support';

/**
 * Delivery rate of a 1,000-mail burst: one worker process (`node apps/api/dist/worker.js`,
 * default settings: 10 concurrent sends over a pool of 5 SMTP connections) against the SMTP
 * server of this process, which parses every message it accepts. Prints the figure.
 */
let api: TestApi;
let smtp: SmtpSink;
let worker: WorkerProcess;
const BURST = 1000;

beforeAll(async () => {
  ensureBuilt();
  smtp = await SmtpSink.start();
  api = await startApi();
  worker = await spawnWorker(workerEnv(api, { SMTP_URL: smtp.url, RELAY_INTERVAL_MS: '500', MAIL_BACKOFF_MS: '2000', MAIL_ATTEMPTS: '8' }));
}, 120_000);

afterAll(async () => {
  await worker?.stop('SIGTERM');
  await api?.close();
  await smtp?.close();
});

test(`a burst of ${BURST} mails is delivered, each once, and the rate is measured`, async () => {
  const started = Date.now();
  const ids = await enqueueMails(api, Array.from({ length: BURST }, (_, i) => ({ to: `burst${i}@test.cn` })));
  const committed = Date.now();
  const first = await waitFor(() => (smtp.received.length > 0 ? Date.now() : 0), 'the first mail', 30_000, 5);
  await smtp.waitForCount(BURST, 120_000);
  const done = Date.now();
  await waitFor(async () => (await api.db.query(`SELECT count(*)::int AS n FROM emails WHERE status = 'sent'`))[0].n === BURST, 'every row sent', 30_000);
  const logged = Date.now();
  const seconds = (done - committed) / 1000;
  const rate = BURST / seconds;
  console.log([
    `mail burst: ${BURST} mails written in one transaction in ${committed - started} ms`,
    `first mail received ${first - committed} ms after commit`,
    `all ${BURST} received after ${seconds.toFixed(2)} s: ${rate.toFixed(0)} mails/s`,
    `all rows logged as sent after ${((logged - committed) / 1000).toFixed(2)} s`,
  ].join('\n'));
  expect(smtp.countsByEmailId().size).toBe(BURST);
  expect(new Set(smtp.received.map((m) => m.emailId))).toEqual(new Set(ids));
  expect(smtp.received).toHaveLength(BURST);
  expect(rate).toBeGreaterThan(20);
}, 180_000);
