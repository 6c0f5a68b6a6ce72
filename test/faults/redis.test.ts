import { Cleanup } from '../support/processes';
import {
  Campaign, campaign, expectEveryMailSentOnce, health, ledgerProblems, Load, report, REVIEW, reviewEach, runLoad, Stack,
  startStack, submittedCouncils, waitFor,
} from './support';

/**
 * Redis (a private redis-server without persistence) is killed in the middle of a load of review
 * steps and comes back empty while the load goes on. The request path never needs Redis: every
 * step answers 200 and is recorded with its history, audit and outbox rows; /api/health says 503
 * meanwhile; the outbox rows wait, or are found without a job once Redis lost its queue, and every
 * mail is sent once.
 */
const cleanup = new Cleanup();
let stack: Stack;
let c: Campaign;

beforeAll(async () => {
  stack = await startStack(cleanup, { apis: 1, workers: 2 });
  c = await campaign(stack);
}, 120_000);

afterAll(() => cleanup.run(), 60_000);

test('Redis stops and returns under load: no step lost, every mail sent once', async () => {
  const ids = await submittedCouncils(stack, c, 300);
  const load = new Load();
  const outage = { stoppedAt: 0, startedAt: 0, doneAtStop: 0, doneAtStart: 0, health: [] as number[], rowsAtStop: {} as Record<string, number> };
  let enough = false;

  const running = runLoad(ids, { concurrency: 10, paceMs: 50, deadlineMs: 60_000, stop: () => enough }, reviewEach(load, stack, REVIEW(c)));
  const faults = (async () => {
    await waitFor(() => load.done >= 20, 'the load to get going', 30_000, 10);
    await stack.redis.stop(); // SIGKILL; without persistence it comes back empty
    outage.stoppedAt = Date.now();
    outage.doneAtStop = load.done;
    // rows `queued` now had their jobs in the Redis that is gone
    outage.rowsAtStop = Object.fromEntries((await stack.db.query(`SELECT status, count(*)::int AS n FROM emails GROUP BY 1`))
      .map((r: { status: string; n: number }) => [r.status, r.n]));
    outage.health.push(await health(stack.apis[0]));
    await waitFor(() => load.done >= outage.doneAtStop + 30 && Date.now() - outage.stoppedAt >= 2000, 'load during the outage', 30_000, 10);
    await stack.redis.start();
    outage.startedAt = Date.now();
    outage.doneAtStart = load.done;
    await waitFor(() => load.done >= outage.doneAtStart + 30 && Date.now() - outage.startedAt >= 1000, 'load after the outage', 30_000, 10);
  })().finally(() => (enough = true));
  await Promise.all([running, faults]);
  await waitFor(async () => (await health(stack.apis[0])) === 200, 'health to answer 200 again', 15_000, 200);

  // every step answered 200, none waited on Redis, and each is recorded in full
  const steps = load.calls.length;
  expect(load.statuses()).toEqual({ 200: steps });
  expect(outage.health).toEqual([503]);
  expect(outage.doneAtStart - outage.doneAtStop).toBeGreaterThanOrEqual(30); // steps kept completing while Redis was away
  const during = load.calls.filter((x) => x.started >= outage.stoppedAt && x.started < outage.startedAt);
  const slowest = Math.max(...load.calls.map((x) => x.ms));
  expect(slowest).toBeLessThan(10_000);
  expect(await ledgerProblems(stack.db, 'council', ids, load.calls, 'submitted')).toEqual([]);
  const touched = new Set(load.calls.map((x) => x.id)).size;
  expect(steps).toBe(touched * 2);

  // 2 mails per school approval, 1 per center approval: each sent once, none lost with Redis's data
  const mails = await expectEveryMailSentOnce(stack);
  expect(mails).toBe(touched * 3);
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const before = load.calls.filter((x) => x.started < outage.stoppedAt);
  const after = load.calls.filter((x) => x.started >= outage.startedAt);
  report('Redis outage under load', {
    medianMs: { before: median(before.map((x) => x.ms)), during: median(during.map((x) => x.ms)), after: median(after.map((x) => x.ms)) },
    maxMs: { before: Math.max(...before.map((x) => x.ms)), during: Math.max(...during.map((x) => x.ms)), after: Math.max(...after.map((x) => x.ms)) },
    steps, mailRowsAtStop: outage.rowsAtStop, answeredDuringOutage: during.length, outageMs: outage.startedAt - outage.stoppedAt, slowestStepMs: slowest, mails,
  });
  expect(stack.workers.every((w) => w.running) && stack.apis[0].running).toBe(true);
});
