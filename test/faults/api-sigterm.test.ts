import { Client } from 'pg';
import { Cleanup } from '../support/processes';
import { Campaign, campaign, health, ledgerProblems, Load, report, sleep, Stack, startStack, submittedCouncils, waitFor, within } from './support';

/**
 * SIGTERM to an API process (a deploy, a scale-in) while requests are in flight: it stops taking
 * new connections, finishes every request it has, then closes its pools and exits. To know that
 * requests are in flight when the signal comes, the test holds the row locks of some of the
 * applications, so that their steps wait inside their transactions.
 */
// one process, and API_WORKERS=2 (the supervising process passes the signal on and exits last)
describe.each([1, 2])('API_WORKERS=%i', (processes) => {
  const cleanup = new Cleanup();
  let stack: Stack;
  let c: Campaign;

  beforeAll(async () => {
    // a pool with room for every blocked step and the others
    stack = await startStack(cleanup, { apis: 1, workers: 0, apiEnv: { DATABASE_POOL_SIZE: '40', API_WORKERS: String(processes) } });
    c = await campaign(stack);
  }, 120_000);

  afterAll(() => cleanup.run(), 60_000);

  test('SIGTERM to the API under load: the requests in flight complete, then it exits', async () => {
    const ids = await submittedCouncils(stack, c, 50);
    const blocked = ids.slice(0, 30);
    const api = stack.apis[0];
    const load = new Load();

    const locker = cleanup.add('row locks', new Client({ connectionString: stack.env.DATABASE_URL }), (l) => l.end());
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('SELECT id FROM council_applications WHERE id = ANY($1) FOR UPDATE', [blocked]);

    const steps = Promise.all(ids.map((id) => load.transition(api, 0, c.admin, 'council', id, 'school_approve')));
    // the 20 others go through; the 30 wait for their row, each inside its request and transaction
    await waitFor(() => load.done >= ids.length - blocked.length, 'the unblocked steps', 30_000, 10);
    await waitFor(async () => {
      const [{ n }] = await stack.db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      return n === blocked.length;
    }, 'the blocked steps to wait on their row locks', 30_000, 50);
    expect(load.done).toBe(ids.length - blocked.length);

    api.child.kill('SIGTERM');
    const signalled = Date.now();
    await sleep(1000);
    expect(api.running).toBe(true); // still finishing what it has
    expect(await health(api)).toBe(0); // and no longer taking connections
    expect(load.done).toBe(ids.length - blocked.length);

    await locker.query('COMMIT');
    const released = Date.now();
    await steps;
    const answered = Date.now();
    const exit = await within(api.exited, 20_000, 'still running' as const);
    expect(exit === 'still running' ? exit : 'exited').toBe('exited');
    const exitedAfterMs = Date.now() - signalled;
    const exitedAfterAnswersMs = Date.now() - answered;
    // a clean exit: 0, or the signal itself re-raised after the shutdown hooks ran (not 1, an error in them)
    expect([{ code: 0, signal: null }, { code: null, signal: 'SIGTERM' }]).toContainEqual(exit);

    expect(load.statuses()).toEqual({ 200: ids.length });
    expect(load.calls.filter((x) => blocked.includes(x.id)).every((x) => x.started < signalled && x.started + x.ms > signalled + 1000)).toBe(true);
    expect(await ledgerProblems(stack.db, 'council', ids, load.calls, 'submitted')).toEqual([]);
    const [{ mails }] = await stack.db.query(`SELECT count(*)::int AS mails FROM emails WHERE status = 'pending'`);
    expect(mails).toBe(ids.length * 2); // in the outbox, for the next worker
    report(`SIGTERM to the API under load (API_WORKERS=${processes})`, {
      inFlightAtSignal: blocked.length, answered200: ids.length, exit, exitedAfterMs, answeredAfterReleaseMs: answered - released, exitedAfterAnswersMs,
    });
  });
});
