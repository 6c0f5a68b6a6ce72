import { Factory, TestUser } from '../support/factories';
import { Cleanup } from '../support/processes';
import {
  Call, Campaign, campaign, expectEveryMailSentOnce, ledgerProblems, Load, report, REVIEW, reviewEach, runLoad, Stack, startStack,
  submittedCouncils,
} from './support';

/**
 * Two API processes and two workers on the same PostgreSQL database and Redis, as when users
 * outgrow one machine (README, "Scaling out"): requests alternate between the APIs as behind a
 * load balancer without sticky sessions. Quota races spread over both APIs still admit exactly the
 * quota, since the quota rows are locked in PostgreSQL; and no mail is doubled by two workers.
 */
const cleanup = new Cleanup();
let stack: Stack;
let f: Factory[];
let batchId: number;

beforeAll(async () => {
  stack = await startStack(cleanup, { apis: 2, workers: 2 });
  f = [stack.f, new Factory({ db: stack.db, http: stack.http(1) })];
  batchId = await f[0].batch();
}, 120_000);

afterAll(() => cleanup.run(), 60_000);

const submitted: Call[] = [];

test.each([1, 2, 3])('seat races spread over both APIs admit exactly the quota: 1 main leader and 2 program leaders per department (round %i)', async () => {
  const { schoolId, council } = await f[0].schoolWithCouncil(batchId);
  const contenders = council.departments.flatMap((d) => [
    ...Array.from({ length: 4 }, () => ({ departmentId: d.id, seat: 'main_leader' })),
    ...Array.from({ length: 5 }, () => ({ departmentId: d.id, seat: 'program_leader' })),
  ]);
  // the drafts, with their scans and photos, through both APIs (one shared upload folder)
  const drafts: { applicant: TestUser; id: number; departmentId: number; seat: string }[] = [];
  await runLoad(contenders.map((x, i) => ({ ...x, i })), { concurrency: 6, deadlineMs: 60_000 }, async ({ departmentId, seat, i }) => {
    drafts.push({ ...(await f[i % 2].memberDraft(batchId, schoolId, departmentId, { seat })), departmentId, seat });
  });
  expect(drafts).toHaveLength(contenders.length);

  // all submits at once, alternating between the APIs
  const load = new Load();
  await Promise.all(drafts.map((d, i) => load.transition(stack.apis[i % 2], i % 2, d.applicant, 'member', d.id, 'submit')));
  submitted.push(...load.calls);

  const outcome = (departmentId: number, seat: string) => load.statuses(load.calls.filter((x) => {
    const d = drafts.find((y) => y.id === x.id)!;
    return d.departmentId === departmentId && d.seat === seat;
  }));
  for (const d of council.departments) {
    expect({ department: d.id, main: outcome(d.id, 'main_leader'), program: outcome(d.id, 'program_leader') })
      .toEqual({ department: d.id, main: { 200: 1, 422: 3 }, program: { 200: 2, 422: 3 } });
  }
  const refusals = load.calls.filter((x) => x.status === 422);
  expect(refusals.every((x) => (x.body as { details?: { rule: string }[] }).details?.some((r) => r.rule === 'seat_quota'))).toBe(true);
  expect(new Set(load.calls.map((x) => x.api))).toEqual(new Set([0, 1]));

  const held: { department_id: number; seat: string; n: number }[] = await stack.db.query(
    `SELECT department_id, seat, count(*)::int AS n FROM member_applications WHERE school_id = $1 AND state = 'submitted' GROUP BY 1, 2 ORDER BY 1, 2`,
    [schoolId]);
  expect(held).toEqual(council.departments.flatMap((d) => [
    { department_id: d.id, seat: 'main_leader', n: 1 }, { department_id: d.id, seat: 'program_leader', n: 2 },
  ]));
  expect(await ledgerProblems(stack.db, 'member', drafts.map((d) => d.id), load.calls, 'draft')).toEqual([]);
}, 120_000);

test("department races spread over both APIs: of three council applications of one school, one holds its departments", async () => {
  const first = await f[1].schoolWithCouncil(batchId);
  const contenders = [{ applicant: first.applicant, id: first.council.id }];
  for (const i of [0, 1]) {
    // a second and third application of the same school (the API allows one per school; the quota
    // rule is the last line of defence), each with two departments
    const applicant = await f[i].user(['applicant'], first.schoolId);
    const [{ id }] = await stack.db.query(
      `INSERT INTO council_applications (batch_id, school_id, owner_id, state) VALUES ($1, $2, $3, 'draft') RETURNING id`,
      [batchId, first.schoolId, applicant.id]);
    const { batchId: _b, ...form } = f[i].councilForm(batchId);
    const put = await stack.http(i).put(`/api/council-applications/${id}`).set(applicant.auth).send(form);
    expect(put.status).toBe(200);
    await f[i].upload(applicant, 'council-applications', id, 'sealed_scan');
    contenders.push({ applicant, id });
  }

  const load = new Load();
  await Promise.all(contenders.map((x, i) => load.transition(stack.apis[i % 2], i % 2, x.applicant, 'council', x.id, 'submit')));
  submitted.push(...load.calls);
  expect(load.statuses()).toEqual({ 200: 1, 422: 2 });
  const refusals = load.calls.filter((x) => x.status === 422);
  expect(refusals.every((x) => (x.body as { details?: { rule: string }[] }).details?.some((r) => r.rule === 'department_quota'))).toBe(true);
  expect(await ledgerProblems(stack.db, 'council', contenders.map((x) => x.id), load.calls, 'draft')).toEqual([]);
}, 120_000);

test('review steps alternating between the two APIs, mails from two workers: no step lost, no mail doubled', async () => {
  const c: Campaign = await campaign(stack);
  const ids = await submittedCouncils(stack, c, 80);
  const load = new Load();
  // each application's two steps go through different APIs
  await runLoad(ids, { concurrency: 16, deadlineMs: 60_000 }, reviewEach(load, stack, REVIEW(c), { pickApi: (id, step) => (id + step) % 2 }));
  expect(load.statuses()).toEqual({ 200: ids.length * 2 });
  expect(await ledgerProblems(stack.db, 'council', ids, load.calls, 'submitted')).toEqual([]);

  // the mails of all three tests: 2 per accepted submit, 3 per reviewed application
  const accepted = submitted.filter((x) => x.status === 200).length;
  const mails = await expectEveryMailSentOnce(stack, 90_000);
  expect(mails).toBe(accepted * 2 + ids.length * 3);
  expect(stack.workers.every((w) => w.running)).toBe(true);
  report('two APIs and two workers', { submits: submitted.length, acceptedSubmits: accepted, reviewSteps: load.calls.length, mails });
}, 150_000);
