import { startApi, TestApi } from '../support/api';
import { Factory, TestUser } from '../support/factories';
import { sleep, waitFor } from '../support/wait';
import { SmtpSink } from '../support/smtp';
import { ensureBuilt, spawnWorker, WorkerProcess } from '../support/processes';
import { emailRow, enqueueMails, workerEnv } from './support';

/**
 * The worker as its own process (`node apps/api/dist/worker.js`), killed or stopped while it works.
 */
let api: TestApi;
let f: Factory;
let smtp: SmtpSink;
let env: Record<string, string>;
let worker: WorkerProcess | null = null;

beforeAll(async () => {
  ensureBuilt();
  smtp = await SmtpSink.start();
  api = await startApi();
  f = new Factory(api);
  env = workerEnv(api, { SMTP_URL: smtp.url });
}, 120_000);

afterAll(async () => {
  await worker?.stop('SIGKILL');
  await api?.close();
  await smtp?.close();
});

const C = 'council-applications';

test('SIGKILL in the middle of a burst of 30 transitions, then a restart: every mail arrives exactly once', async () => {
  const batchId = await f.batch();
  const schoolId = await f.school();
  const admin = await f.user(['school_admin'], schoolId);
  const applicant = await f.user(['applicant'], schoolId);
  const center: TestUser = await f.user(['center_reviewer']);
  const ids: number[] = [];
  for (let i = 0; i < 30; i++) {
    const [{ id }] = await api.db.query(
      `INSERT INTO council_applications (batch_id, school_id, owner_id, state, submitted_at) VALUES ($1, $2, $3, 'submitted', now()) RETURNING id`,
      [batchId, schoolId, applicant.id]);
    ids.push(id);
  }
  const expected = ids.length * 2; // school_approve tells the applicant and the center reviewer

  worker = await spawnWorker(env);
  smtp.delayMs = 25; // a server that takes a moment per message, so the burst lasts
  const answers: number[] = [];
  const burst = (async () => {
    for (const id of ids) answers.push((await f.transition(admin, C, id, 'school_approve')).status);
  })();

  // mid-burst: let some mails through, then hold the server's replies so the worker has mails in
  // flight (sent, not yet answered), and kill it
  await smtp.waitForCount(6);
  smtp.holdReplies();
  await waitFor(() => smtp.holding >= 2, 'mails in flight');
  await sleep(300); // every mail answered before the hold has been recorded by the worker by now
  const killed = worker;
  killed.child.kill('SIGKILL');
  expect((await killed.exited).signal).toBe('SIGKILL');
  await sleep(300);
  smtp.releaseReplies(); // the killed worker's connections are gone: those messages were never accepted
  const deliveredBeforeRestart = smtp.received.length;

  await burst; // the transitions never wait on the worker
  expect(answers).toEqual(ids.map(() => 200));
  const [{ unsent }] = await api.db.query(`SELECT count(*)::int AS unsent FROM emails WHERE status <> 'sent'`);
  expect(deliveredBeforeRestart).toBeLessThan(expected);
  expect(unsent).toBe(expected - deliveredBeforeRestart);

  worker = await spawnWorker(env);
  await smtp.waitForCount(expected, 60_000);
  await sleep(1500);
  smtp.delayMs = 0;
  const counts = smtp.countsByEmailId();
  expect(smtp.received).toHaveLength(expected);
  expect(counts.size).toBe(expected);
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
  const rows: { status: string; n: number }[] = await api.db.query(`SELECT status, count(*)::int AS n FROM emails GROUP BY status`);
  expect(rows).toEqual([{ status: 'sent', n: expected }]);
  await worker.stop('SIGTERM');
  worker = null;
}, 120_000);

test('SIGTERM: the worker finishes the mail in hand, takes no new one, and exits', async () => {
  worker = await spawnWorker(env);
  smtp.holdReplies();
  const [id] = await enqueueMails(api, [{ to: 'graceful@test.cn' }]);
  await waitFor(() => smtp.holding === 1, 'the mail in flight');
  const stopping = worker;
  stopping.child.kill('SIGTERM');
  await sleep(800);
  expect(stopping.child.exitCode).toBeNull(); // still finishing its mail
  const [late] = await enqueueMails(api, [{ to: 'after-sigterm@test.cn' }]);
  await sleep(500);
  smtp.releaseReplies();
  expect(await stopping.exited).toEqual({ code: 0, signal: null });
  expect(await emailRow(api, id)).toMatchObject({ status: 'sent', attempts: 1 });
  expect(smtp.received.filter((m) => m.emailId === id)).toHaveLength(1);
  expect((await emailRow(api, late)).status).toBe('pending'); // left for the next worker

  worker = await spawnWorker(env);
  await waitFor(async () => (await emailRow(api, late)).status === 'sent', 'the next worker to send it');
  expect(smtp.received.filter((m) => m.emailId === late)).toHaveLength(1);
  await worker.stop('SIGTERM');
  worker = null;
}, 60_000);

test('several workers share the outbox and the queue: each mail goes out once', async () => {
  const workers = await Promise.all([spawnWorker(env), spawnWorker(env)]);
  try {
    const before = smtp.received.length;
    const ids = await enqueueMails(api, Array.from({ length: 300 }, (_, i) => ({ to: `shared${i}@test.cn` })));
    await smtp.waitForCount(before + ids.length, 60_000);
    await sleep(1000);
    const got = smtp.received.slice(before);
    expect(got).toHaveLength(ids.length);
    expect(new Set(got.map((m) => m.emailId))).toEqual(new Set(ids));
  } finally {
    await Promise.all(workers.map((w) => w.stop('SIGTERM')));
  }
}, 90_000);
