import { startApi, TestApi } from '../support/api';
import { Factory, TestUser } from '../support/factories';

/** Each role against its own, another user's and another school's records. */
let api: TestApi;
let f: Factory;
let mine: Awaited<ReturnType<Factory['schoolWithCouncil']>>;
let theirs: Awaited<ReturnType<Factory['schoolWithCouncil']>>;
let member: { applicant: TestUser; id: number };
let users: Record<string, TestUser>;

beforeAll(async () => {
  api = await startApi();
  f = new Factory(api);
  const batchId = await f.batch();
  mine = await f.schoolWithCouncil(batchId);
  theirs = await f.schoolWithCouncil(batchId);
  member = await f.memberDraft(batchId, mine.schoolId, mine.council.departments[0].id);
  await f.transition(mine.applicant, 'council-applications', mine.council.id, 'submit');
  await f.transition(theirs.applicant, 'council-applications', theirs.council.id, 'submit');
  users = {
    center: await f.user(['center_reviewer']),
    coordinator: await f.user(['coordinator']),
    lead: await f.user(['lead']),
    expert: await f.user(['expert']),
    sameSchoolApplicant: await f.user(['applicant'], mine.schoolId),
  };
});
afterAll(() => api.close());

const get = (user: TestUser | null, path: string) => {
  const req = api.http.get(path);
  return user ? req.set(user.auth) : req;
};

test('without a token every resource answers 401', async () => {
  for (const path of ['/api/council-applications', '/api/member-applications', `/api/council-applications/${mine.council.id}`, '/api/users', '/api/audit-events', '/api/batches', '/api/stats', '/api/auth/me']) {
    expect((await get(null, path)).status).toBe(401);
  }
});

test('an applicant sees only their own applications; others answer 404', async () => {
  const list = await get(mine.applicant, '/api/council-applications');
  expect(list.body.map((a: { id: number }) => a.id)).toEqual([mine.council.id]);
  expect(list.headers['content-range']).toBe('council-applications 0-0/1');
  expect((await get(users.sameSchoolApplicant, `/api/council-applications/${mine.council.id}`)).status).toBe(404);
  expect((await get(mine.applicant, `/api/council-applications/${theirs.council.id}`)).status).toBe(404);
  expect((await get(mine.applicant, `/api/member-applications/${member.id}`)).status).toBe(404);
  expect((await get(member.applicant, `/api/member-applications/${member.id}`)).status).toBe(200);
  expect((await get(users.sameSchoolApplicant, `/api/council-applications/${mine.council.id}/transitions`)).status).toBe(404);
});

test("a school admin sees their school's submitted applications only, never drafts or another school's", async () => {
  const list = await get(mine.admin, '/api/council-applications');
  expect(list.body.map((a: { id: number }) => a.id)).toEqual([mine.council.id]);
  expect((await get(mine.admin, `/api/council-applications/${theirs.council.id}`)).status).toBe(404);
  expect((await get(mine.admin, `/api/member-applications/${member.id}`)).status).toBe(404); // still a draft
  const filtered = await get(mine.admin, `/api/council-applications?filter=${encodeURIComponent(JSON.stringify({ schoolId: theirs.schoolId }))}`);
  expect(filtered.body).toEqual([]);
});

test('staff see every school; experts see no application', async () => {
  for (const who of ['center', 'coordinator', 'lead']) {
    const list = await get(users[who], '/api/council-applications');
    expect(list.body.map((a: { id: number }) => a.id).sort()).toEqual([mine.council.id, theirs.council.id].sort());
  }
  expect((await get(users.expert, '/api/council-applications')).body).toEqual([]);
  expect((await get(users.expert, `/api/council-applications/${mine.council.id}`)).status).toBe(404);
});

test('only the owner edits, only in draft or returned', async () => {
  const body = { awards: '改动' };
  expect((await api.http.put(`/api/member-applications/${member.id}`).set(users.lead.auth).send(body)).status).toBe(403);
  expect((await api.http.put(`/api/member-applications/${member.id}`).set(mine.applicant.auth).send(body)).status).toBe(404);
  expect((await api.http.put(`/api/council-applications/${mine.council.id}`).set(mine.applicant.auth).send({ suggestions: 'x' })).status).toBe(409);
  expect((await api.http.put(`/api/member-applications/${member.id}`).set(member.applicant.auth).send(body)).status).toBe(200);
});

test('lead-only resources refuse every other role with 403', async () => {
  for (const who of ['center', 'coordinator', 'expert']) {
    expect((await get(users[who], '/api/users')).status).toBe(403);
    expect((await get(users[who], '/api/audit-events')).status).toBe(403);
    expect((await api.http.post('/api/batches').set(users[who].auth).send({ name: 'x', opensAt: '2025-01-01T00:00:00+08:00', deadline: '2025-02-01T00:00:00+08:00' })).status).toBe(403);
  }
  expect((await get(mine.applicant, '/api/users')).status).toBe(403);
  expect((await get(users.lead, '/api/users')).status).toBe(200);
});

test('applicants create applications only for their own school', async () => {
  const batchId = (await get(users.lead, '/api/batches')).body[0].id;
  const res = await api.http.post('/api/council-applications').set(users.sameSchoolApplicant.auth).send(f.councilForm(batchId, { schoolId: theirs.schoolId }));
  expect(res.status).toBe(403);
  expect((await api.http.post('/api/council-applications').set(users.center.auth).send(f.councilForm(batchId))).status).toBe(403);
  // a department of another school cannot be chosen
  const other = await api.http.post('/api/member-applications').set(users.sameSchoolApplicant.auth).send(f.memberForm(batchId, theirs.council.departments[0].id));
  expect(other.status).toBe(400);
  expect(other.body.details).toEqual([expect.objectContaining({ path: 'departmentId' })]);
});
