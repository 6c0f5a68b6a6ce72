import { Queue } from 'bullmq';
import { QueueName } from '../../apps/api/src/notifications/queues';
import { startApi, TestApi } from '../support/api';
import { Factory } from '../support/factories';
import { sleep, waitFor } from '../support/wait';
import { SmtpSink } from '../support/smtp';
import { ensureBuilt, freePort, RedisServer, spawnWorker, WorkerProcess } from '../support/processes';
import { enqueueMails, workerEnv } from './support';

/**
 * A private redis-server (no persistence) that goes away: requests still commit, the mails wait
 * in the outbox table, and go out once Redis is back, once each, even when Redis lost its queue.
 */
let redis: RedisServer;
let api: TestApi;
let f: Factory;
let smtp: SmtpSink;
let worker: WorkerProcess;

beforeAll(async () => {
  ensureBuilt();
  redis = new RedisServer(await freePort());
  await redis.start();
  smtp = await SmtpSink.start();
  api = await startApi({ REDIS_URL: redis.url });
  f = new Factory(api);
  worker = await spawnWorker(workerEnv(api, { SMTP_URL: smtp.url, REDIS_URL: redis.url }));
}, 120_000);

afterAll(async () => {
  await worker?.stop('SIGKILL');
  await api?.close();
  await smtp?.close();
  await redis?.stop();
});

const statuses = async (): Promise<Record<string, number>> => Object.fromEntries(
  (await api.db.query(`SELECT status, count(*)::int AS n FROM emails GROUP BY status`)).map((r: { status: string; n: number }) => [r.status, r.n]));

test('Redis stopped during a transition: it answers 200, and after the restart the mails arrive, once', async () => {
  const batchId = await f.batch();
  const { admin, applicant, council } = await f.schoolWithCouncil(batchId);
  await f.user(['center_reviewer']);
  expect((await f.transition(applicant, 'council-applications', council.id, 'submit')).status).toBe(200);
  await smtp.waitForCount(2); // receipt and the school admin's mail: Redis is up

  await redis.stop();
  const started = Date.now();
  const res = await f.transition(admin, 'council-applications', council.id, 'school_approve');
  expect(res.status).toBe(200);
  expect(res.body.state).toBe('school_approved');
  expect(Date.now() - started).toBeLessThan(2000); // the request path never waits on Redis
  expect((await api.http.get('/api/health')).status).toBe(503);

  await sleep(1500); // the relay keeps trying; the mails wait in the outbox
  expect(await statuses()).toEqual({ sent: 2, pending: 2 });
  expect(smtp.received).toHaveLength(2);

  await redis.start();
  await smtp.waitForCount(4, 30_000);
  await sleep(1000);
  expect(smtp.received).toHaveLength(4);
  expect([...smtp.countsByEmailId().values()]).toEqual([1, 1, 1, 1]);
  expect(await statuses()).toEqual({ sent: 4 });
  expect(smtp.received.slice(2).map((m) => m.subject).sort()).toEqual([
    `【学校审核通过】${res.body.school.name}理事单位申报`, `【待中心审核】${res.body.school.name}理事单位申报`,
  ].sort());
}, 90_000);

test('Redis restarts empty while mails wait in the queue: they are queued again and arrive, once', async () => {
  const before = smtp.received.length;
  const queue = new Queue(QueueName.Mail, { connection: { url: redis.url }, prefix: api.env.QUEUE_PREFIX });
  queue.on('error', () => undefined);
  await queue.pause(); // the jobs stay waiting in Redis
  const ids = await enqueueMails(api, Array.from({ length: 5 }, (_, i) => ({ to: `waiting${i}@test.cn` })));
  await waitFor(async () => (await statuses()).queued === 5, 'the relay to queue them');
  await queue.close();

  await redis.stop(); // no persistence: the queue and its jobs are gone
  await redis.start();
  await smtp.waitForCount(before + 5, 30_000); // the relay sees the queued rows have no job and queues them again
  await sleep(1000);
  expect(smtp.received).toHaveLength(before + 5);
  expect(smtp.received.slice(before).map((m) => m.emailId).sort()).toEqual([...ids].sort());
  expect((await statuses()).sent).toBe(4 + 5);
}, 90_000);
