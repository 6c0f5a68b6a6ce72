import fc from 'fast-check';
import { startApi, TestApi } from '../support/api';
import { Factory, TestUser } from '../support/factories';

/** Random bodies against every write endpoint: never a 500, and a refused request persists nothing. */
let api: TestApi;
let f: Factory;
let applicant: TestUser;
let lead: TestUser;
let councilId: number;

beforeAll(async () => {
  api = await startApi();
  f = new Factory(api);
  const batchId = await f.batch();
  const ctx = await f.schoolWithCouncil(batchId);
  applicant = ctx.applicant;
  councilId = ctx.council.id;
  lead = await f.user(['lead']);
});
afterAll(() => api.close());

const snapshot = async () => (await api.db.query(`
  SELECT (SELECT count(*) FROM council_applications) AS c, (SELECT count(*) FROM member_applications) AS m,
         (SELECT count(*) FROM users) AS u, (SELECT count(*) FROM batches) AS b, (SELECT count(*) FROM schools) AS s,
         (SELECT count(*) FROM transitions) AS t, (SELECT count(*) FROM emails) AS e, (SELECT count(*) FROM audit_events) AS a,
         (SELECT max(updated_at) FROM council_applications) AS cu`))[0];

const FIELDS = ['batchId', 'schoolId', 'departmentId', 'equipmentMajorShare5yPct', 'representative', 'departments', 'name', 'email',
  'password', 'roles', 'action', 'comment', 'seat', 'targetGroup', 'birthMonth', 'mobile', 'commitment', 'opensAt', 'deadline', 'reason', '__proto__', 'constructor'];
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
    fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...FIELDS, 'name', 'category', 'kind'), tie('v'), { maxKeys: 3 })),
})).v;
const body = fc.oneof(fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 6 }), value);

const ENDPOINTS: [string, string, () => TestUser][] = [
  ['POST', '/api/council-applications', () => applicant],
  ['POST', '/api/member-applications', () => applicant],
  ['PUT', '/api/council-applications/:id', () => applicant],
  ['POST', '/api/council-applications/:id/transitions', () => lead],
  ['POST', '/api/council-applications/:id/quota-exception', () => lead],
  ['POST', '/api/users', () => lead],
  ['POST', '/api/batches', () => lead],
  ['POST', '/api/schools', () => lead],
  ['POST', '/api/auth/register', () => lead],
  ['POST', '/api/auth/login', () => lead],
];

test.each(ENDPOINTS)('%s %s never answers 500 and refused requests change nothing', async (method, path, user) => {
  await fc.assert(fc.asyncProperty(body, async (payload) => {
    const before = await snapshot();
    const url = path.replace(':id', String(councilId));
    const req = method === 'PUT' ? api.http.put(url) : api.http.post(url);
    const res = await req.set(user().auth).set('content-type', 'application/json').send(JSON.stringify(payload) ?? 'null');
    expect(res.status).toBeLessThan(500);
    if (res.status >= 400) expect(await snapshot()).toEqual(before);
  }), { numRuns: 60 });
});
