import { startApi, TestApi } from '../support/api';
import { Factory, TestUser } from '../support/factories';

/** Hostile and malformed input: clear 400s with field paths, never a 500, nothing written. */
let api: TestApi;
let f: Factory;
let batchId: number;
let applicant: TestUser;
let lead: TestUser;

beforeAll(async () => {
  api = await startApi();
  f = new Factory(api);
  batchId = await f.batch();
  applicant = await f.user(['applicant'], await f.school());
  lead = await f.user(['lead']);
});
afterAll(() => api.close());

const rows = async () => (await api.db.query('SELECT (SELECT count(*) FROM council_applications) + (SELECT count(*) FROM member_applications) AS n'))[0].n;

test('each bad field is named by its path', async () => {
  const res = await api.http.post('/api/council-applications').set(applicant.auth).send(f.councilForm(batchId, {
    equipmentMajorShare5yPct: 120,
    representative: { name: '王', position: '校长', phone: 'abc', email: 'not-an-email' },
    departments: [{ name: '智能制造学院', category: 'cooking', establishedOn: '2999-01', majorSharePct: 10.25, avgEnrollment3y: -1, strongMajors: Array(7).fill('x') }],
  }));
  expect(res.status).toBe(400);
  const paths = res.body.details.map((d: { path: string }) => d.path).sort();
  expect(paths).toEqual([
    'departments.0.avgEnrollment3y', 'departments.0.category', 'departments.0.establishedOn', 'departments.0.majorSharePct',
    'departments.0.strongMajors', 'equipmentMajorShare5yPct', 'representative.email', 'representative.phone',
  ]);
  expect(res.body.errors['representative.email']).toBe('邮箱格式不正确');
  expect(await rows()).toBe('0');
});

test('unknown fields are refused, at any depth', async () => {
  const res = await api.http.post('/api/member-applications').set(applicant.auth).send({ batchId, isAdmin: true, position: { kind: 'dean', hack: 1 } });
  expect(res.status).toBe(400);
  expect(res.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['isAdmin', 'position.hack']);
});

test('more than three departments, a bad mobile and a non-boolean commitment', async () => {
  const four = await api.http.post('/api/council-applications').set(applicant.auth)
    .send(f.councilForm(batchId, { departments: Array(4).fill({ name: 'x' }) }));
  expect(four.status).toBe(400);
  expect(four.body.details[0].path).toBe('departments');
  const member = await api.http.post('/api/member-applications').set(applicant.auth).send({ batchId, mobile: '1234', commitment: { accepted: 'yes' } });
  expect(member.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['commitment.accepted', 'mobile']);
});

test.each([
  ['a JSON array', []],
  ['a string', 'hello'],
  ['null', null],
  ['numbers as strings', { batchId: '1' }],
  ['a huge string', { batchId, suggestions: 'x'.repeat(10_001) }],
  ['a prototype key', JSON.parse('{"batchId":1,"__proto__":{"admin":true}}')],
])('%s as a body gets 400', async (_name, body) => {
  const res = await api.http.post('/api/council-applications').set(applicant.auth).set('content-type', 'application/json').send(JSON.stringify(body));
  expect(res.status).toBe(400);
  expect(res.body.statusCode).toBe(400);
});

test('malformed JSON and a body over 1 MB are client errors', async () => {
  const bad = await api.http.post('/api/council-applications').set(applicant.auth).set('content-type', 'application/json').send('{"batchId":');
  expect(bad.status).toBe(400);
  const big = await api.http.post('/api/council-applications').set(applicant.auth).set('content-type', 'application/json')
    .send(JSON.stringify({ suggestions: 'x'.repeat(1_100_000) }));
  expect(big.status).toBe(413);
});

test.each([
  ['filter', 'not json'],
  ['filter', JSON.stringify({ state: 'nonsense' })],
  ['filter', JSON.stringify({ unknownField: 1 })],
  ['filter', JSON.stringify({ q: "'; DROP TABLE users; --" })],
  ['sort', JSON.stringify(['password_hash', 'ASC'])],
  ['sort', JSON.stringify(['id', 'SIDEWAYS'])],
  ['range', JSON.stringify([10, 0])],
  ['range', JSON.stringify(['a', 'b'])],
])('list parameter %s=%s is answered without a 500', async (param, value) => {
  const res = await api.http.get(`/api/council-applications?${param}=${encodeURIComponent(value)}`).set(lead.auth);
  expect([200, 400]).toContain(res.status);
  if (res.status === 400) expect(res.body.details[0].path).toMatch(new RegExp(`^${param}`));
  expect((await api.db.query('SELECT count(*)::int AS n FROM users'))[0].n).toBeGreaterThan(0);
});

test.each(['abc', '0', '-1', '1.5', '99999999999999999999', '1;DROP'])('id %s is a 404', async (id) => {
  expect((await api.http.get(`/api/council-applications/${id}`).set(lead.auth)).status).toBe(404);
  expect((await api.http.post(`/api/council-applications/${id}/transitions`).set(lead.auth).send({ action: 'admit' })).status).toBe(404);
});

test('a transition with an unknown action or extra fields is a 400', async () => {
  const res = await api.http.post('/api/council-applications/1/transitions').set(lead.auth).send({ action: 'approve_everything' });
  expect(res.status).toBe(400);
  expect(res.body.details[0].path).toBe('action');
});

test('an unknown route is a JSON 404', async () => {
  const res = await api.http.get('/api/nothing-here').set(lead.auth);
  expect(res.status).toBe(404);
  expect(res.body).toMatchObject({ statusCode: 404 });
});
