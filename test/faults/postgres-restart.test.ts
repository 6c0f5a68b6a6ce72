import { Cleanup, PostgresCluster } from '../support/processes';
import {
  Campaign, campaign, expectEveryMailSentOnce, health, ledgerProblems, Load, report, REVIEW, reviewEach, runLoad, Stack, startStack,
  submittedCouncils, waitFor,
} from './support';

/**
 * PostgreSQL (a private cluster in a temp dir) restarts while review steps come in: sessions are
 * terminated, transactions in progress roll back. /api/health answers 503 while it is away; the
 * same API process (not restarted) answers 200 again once it is back, and so does every step
 * after. A step answered 200 is recorded in full; a step that failed left nothing behind. The
 * worker, also not restarted, sends every mail once.
 */
const cleanup = new Cleanup();
let pg: PostgresCluster;
let stack: Stack;
let c: Campaign;

beforeAll(async () => {
  pg = cleanup.add('PostgreSQL cluster', await PostgresCluster.create(), (p) => p.destroy());
  stack = await startStack(cleanup, { apis: 1, workers: 1, postgres: pg });
  c = await campaign(stack);
}, 120_000);

afterAll(() => cleanup.run(), 60_000);

test('PostgreSQL restarts during load: health answers 503, then the API recovers without a restart of its own', async () => {
  const ids = await submittedCouncils(stack, c, 200);
  const api = stack.apis[0];
  const [worker] = stack.workers;
  const load = new Load();
  const outage = { stoppedAt: 0, startedAt: 0, healthyAt: 0, doneAtStop: 0, doneAtStart: 0, healthDuring: [] as number[] };
  let enough = false;

  const running = runLoad(ids, { concurrency: 10, paceMs: 40, deadlineMs: 90_000, stop: () => enough }, reviewEach(load, stack, REVIEW(c), { pauseOnFailureMs: 250 }));
  const faults = (async () => {
    await waitFor(() => load.done >= 20, 'the load to get going', 30_000, 10);
    await pg.stop('fast');
    outage.stoppedAt = Date.now();
    outage.doneAtStop = load.done;
    // health says so while PostgreSQL is away, within its own 2 s probe timeout
    outage.healthDuring.push(await health(api));
    await waitFor(() => Date.now() - outage.stoppedAt >= 2000, 'a two-second outage', 10_000, 50);
    outage.healthDuring.push(await health(api));
    await pg.start();
    outage.startedAt = Date.now();
    outage.doneAtStart = load.done;
    await waitFor(async () => (await health(api)) === 200, 'health to answer 200 again', 30_000, 100);
    outage.healthyAt = Date.now();
    await waitFor(() => load.calls.filter((x) => x.started > outage.healthyAt).length >= 30, 'load after the restart', 30_000, 10)
      .catch((e: Error) => {
        throw new Error(`${e.message}: ${JSON.stringify(load.statuses(load.calls.filter((x) => x.started > outage.healthyAt)))} of ${load.done}\n${stack.logs()}`);
      });
  })().finally(() => (enough = true));
  await Promise.all([running, faults]);

  expect(outage.healthDuring).toEqual([503, 503]);
  // the same processes: nothing was restarted but PostgreSQL
  expect(api.running && worker.running).toBe(true);

  // while PostgreSQL was away steps failed, as server errors, promptly; none hung
  const failed = load.calls.filter((x) => x.status !== 200);
  expect(failed.length).toBeGreaterThan(0);
  expect(failed.filter((x) => x.status < 500)).toEqual([]);
  // the database errors the filter knows are answered 503 ("try again"); an unforeseen driver error may still be a 500
  expect(failed.filter((x) => x.status === 503).length).toBeGreaterThanOrEqual(failed.length / 2);
  expect(failed.filter((x) => x.started < outage.stoppedAt - 1000 || x.started > outage.healthyAt)).toEqual([]);
  expect(Math.max(...load.calls.map((x) => x.ms))).toBeLessThan(15_000);

  // once health is back, every step succeeds
  const afterRecovery = load.calls.filter((x) => x.started > outage.healthyAt);
  expect(afterRecovery.length).toBeGreaterThanOrEqual(30);
  expect(afterRecovery.filter((x) => x.status !== 200)).toEqual([]);
  // and a burst of fresh steps, all at once
  const fresh = await submittedCouncils(stack, c, 20);
  const burst = new Load();
  await Promise.all(fresh.map((id) => burst.transition(api, 0, c.admin, 'council', id, 'school_approve')));
  expect(burst.statuses()).toEqual({ 200: 20 });

  // every step answered 200 is recorded in full; every other one is all there or not at all
  expect(await ledgerProblems(stack.db, 'council', [...ids, ...fresh], [...load.calls, ...burst.calls], 'submitted')).toEqual([]);

  // the worker recovers too: every outbox row is sent once, including the mails the SMTP server
  // had accepted in the instant PostgreSQL went away, before their rows were marked sent
  const mails = await expectEveryMailSentOnce(stack, 90_000);

  report('PostgreSQL restart under load', {
    steps: load.calls.length, failedDuringOutage: failed.length, failedStatuses: load.statuses(failed),
    outageMs: outage.startedAt - outage.stoppedAt, healthyAfterStartMs: outage.healthyAt - outage.startedAt,
    okAfterRecovery: afterRecovery.length, mails,
  });
});
