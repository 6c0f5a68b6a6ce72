import { startApi, TestApi } from '../support/api';
import { department, Factory, TestUser } from '../support/factories';
import { admit, listTotal } from './helpers';

let api: TestApi;
let f: Factory;
let batchId: number;
let lead: TestUser;
let coordinator: TestUser;
let center: TestUser;
let ids: { unitA: number; memberA: number; unitB: number; memberB: number; draftCouncilC: number; submittedMember: number; schoolA: number };

beforeAll(async () => {
  api = await startApi();
  f = new Factory(api);
  batchId = await f.batch();
  [lead, coordinator, center] = await Promise.all([f.user(['lead']), f.user(['coordinator']), f.user(['center_reviewer'])]);

  const a = await f.schoolWithCouncil(batchId, { type: 'higher_vocational', province: '江苏', honors: ['national_double_high'] });
  await admit(f, 'council', a.council.id, { applicant: a.applicant, admin: a.admin, center, lead });
  const m = await f.memberDraft(batchId, a.schoolId, a.council.departments[1].id, { name: '陈静' });
  await admit(f, 'member', m.id, { applicant: m.applicant, admin: a.admin, center, lead });
  const pending = await f.memberDraft(batchId, a.schoolId, a.council.departments[0].id, { name: '待审人' });
  await admit(f, 'member', pending.id, { applicant: pending.applicant, admin: a.admin, center, lead }, 'center_reviewed');

  const bSchool = await f.school({ type: 'secondary_vocational', province: '浙江', honors: ['double_excellence', 'other'] });
  const bAdmin = await f.user(['school_admin'], bSchool);
  const bApplicant = await f.user(['applicant'], bSchool);
  const bCouncil = await api.http.post('/api/council-applications').set(bApplicant.auth)
    .send(f.councilForm(batchId, { departments: [department('汽车工程学院', 'automotive_transport')] }));
  await f.upload(bApplicant, 'council-applications', bCouncil.body.id, 'sealed_scan');
  await admit(f, 'council', bCouncil.body.id, { applicant: bApplicant, admin: bAdmin, center, lead });
  const mb = await f.memberDraft(batchId, bSchool, bCouncil.body.departments[0].id, { name: '李华', seat: 'main_leader', targetGroup: 2, gender: 'male' });
  await admit(f, 'member', mb.id, { applicant: mb.applicant, admin: bAdmin, center, lead });

  const cSchool = await f.school({ type: 'vocational_undergraduate', province: '广东' });
  const cApplicant = await f.user(['applicant'], cSchool);
  const cCouncil = await api.http.post('/api/council-applications').set(cApplicant.auth).send(f.councilForm(batchId));
  ids = { unitA: a.council.id, memberA: m.id, unitB: bCouncil.body.id, memberB: mb.id, draftCouncilC: cCouncil.body.id, submittedMember: pending.id, schoolA: a.schoolId };
});
afterAll(() => api.close());

const list = async (user: TestUser, filter: object = {}, extra: Record<string, string> = {}) => {
  const res = await api.http.get('/api/members').query({ filter: JSON.stringify(filter), ...extra }).set(user.auth);
  expect(res.status).toBe(200);
  return res;
};
const idsOf = (res: { body: { id: string }[] }) => res.body.map((m) => m.id).sort();

describe('the roster lists admitted units, admitted members and accepted experts only', () => {
  test('admitted council units and individual members appear; drafts and applications under review do not', async () => {
    const res = await list(coordinator);
    expect(idsOf(res)).toEqual([`council_unit-${ids.unitA}`, `council_unit-${ids.unitB}`, `individual-${ids.memberA}`, `individual-${ids.memberB}`].sort());
    expect(res.headers['content-range']).toBe('members 0-3/4');
  });

  test('a council unit carries its school, departments, representative and contact', async () => {
    const res = await api.http.get(`/api/members/council_unit-${ids.unitA}`).set(coordinator.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: `council_unit-${ids.unitA}`, kind: 'council_unit', organization: expect.stringMatching(/^测试职业技术学院/),
      schoolType: 'higher_vocational', ownership: 'public', schoolHonors: ['national_double_high'], province: '江苏',
      departmentNames: ['智能制造学院', '机电工程学院'], departmentCategories: ['intelligent_manufacturing', 'mechatronic'],
      representative: { name: '王建国', position: '校长', phone: '025-84561234', email: 'rep@school.cn' },
      contact: { name: '李明', position: '办公室主任', phone: '13912345678', email: 'contact@school.cn' },
      batchId, admittedAt: expect.any(String),
    });
    expect(res.body.name).toBe(res.body.organization);
    expect(res.body).not.toHaveProperty('refId');
  });

  test('an individual member carries name, gender, school, department, seat, title, position, mobile, email, target group', async () => {
    const res = await api.http.get(`/api/members/individual-${ids.memberB}`).set(center.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      kind: 'individual', name: '李华', gender: 'male', schoolType: 'secondary_vocational', province: '浙江',
      departmentNames: ['汽车工程学院'], departmentCategories: ['automotive_transport'], seat: 'main_leader', targetGroup: 2,
      title: '副教授', position: { kind: 'program_leader', text: '工业机器人技术专业群' }, mobile: '13800000000',
      email: 'chenjing@school.cn', batchId,
    });
    const [admitted] = await api.db.query(`SELECT at FROM transitions WHERE application_kind = 'member' AND application_id = $1 AND to_state = 'admitted'`, [ids.memberB]);
    expect(new Date(res.body.admittedAt).getTime()).toBe(new Date(admitted.at).getTime());
  });

  test('unknown, malformed or not-admitted ids are 404', async () => {
    for (const id of [`council_unit-${ids.draftCouncilC}`, `individual-${ids.submittedMember}`, 'individual-999999', 'expert-1', 'member-1', '12', 'council_unit-0', 'council_unit-1x']) {
      const res = await api.http.get(`/api/members/${id}`).set(coordinator.auth);
      expect({ id, status: res.status }).toEqual({ id, status: 404 });
    }
  });
});

describe('filters', () => {
  test.each([
    [{ kind: ['council_unit'] }, ['unitA', 'unitB']],
    [{ kind: 'individual' }, ['memberA', 'memberB']],
    [{ kind: ['expert'] }, []],
    [{ schoolType: ['secondary_vocational'] }, ['unitB', 'memberB']],
    [{ schoolHonors: ['national_double_high'] }, ['unitA', 'memberA']],
    [{ schoolHonors: ['other', 'double_excellence'] }, ['unitB', 'memberB']],
    [{ departmentCategory: ['mechatronic'] }, ['unitA', 'memberA']],
    [{ departmentCategory: ['intelligent_manufacturing'] }, ['unitA']],
    [{ province: ['浙江'] }, ['unitB', 'memberB']],
    [{ province: ['广东'] }, []],
    [{ batchId: [1e6] }, []],
    [{ q: '李华' }, ['memberB']],
    [{ q: '汽车工程' }, ['unitB', 'memberB']],
    [{ seat: ['main_leader'] }, ['memberB']],
    [{ targetGroup: [1] }, ['memberA']],
    [{ kind: ['individual'], province: ['江苏'] }, ['memberA']],
  ] as [object, (keyof typeof ids)[]][])('%j', async (filter, expected) => {
    const res = await list(coordinator, filter);
    const want = expected.map((k) => `${k.startsWith('unit') ? 'council_unit' : 'individual'}-${ids[k]}`).sort();
    expect(idsOf(res)).toEqual(want);
    expect(await listTotal(api, coordinator, 'members', filter)).toBe(want.length);
  });

  test('batchId of the batch selects everyone admitted in it', async () => {
    expect(await listTotal(api, coordinator, 'members', { batchId: [batchId] })).toBe(4);
  });

  test('react-admin getMany: filter by a list of ids', async () => {
    const res = await list(coordinator, { id: [`council_unit-${ids.unitA}`, `individual-${ids.memberB}`] });
    expect(idsOf(res)).toEqual([`council_unit-${ids.unitA}`, `individual-${ids.memberB}`].sort());
  });

  test('range and sort follow ra-data-simple-rest', async () => {
    const res = await list(coordinator, {}, { range: '[1,2]', sort: '["name","ASC"]' });
    expect(res.body).toHaveLength(2);
    expect(res.headers['content-range']).toBe('members 1-2/4');
    const all = await list(coordinator, {}, { sort: '["admittedAt","DESC"]' });
    const times = all.body.map((m: { admittedAt: string }) => new Date(m.admittedAt).getTime());
    expect([...times].sort((x, y) => y - x)).toEqual(times);
  });

  test('bad filters and sorts are 400 with the path', async () => {
    const bad = await api.http.get('/api/members').query({ filter: JSON.stringify({ kind: ['school'] }) }).set(coordinator.auth);
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toMatch(/^filter\.kind/);
    const sort = await api.http.get('/api/members').query({ sort: '["mobile","ASC"]' }).set(coordinator.auth);
    expect(sort.status).toBe(400);
    expect(sort.body.details[0].path).toBe('sort');
  });
});

describe('who may read the roster', () => {
  test('coordinator, lead and center_reviewer may; applicant, school_admin and expert get 403; no token 401', async () => {
    for (const user of [coordinator, lead, center]) expect((await api.http.get('/api/members').set(user.auth)).status).toBe(200);
    const applicant = await f.user(['applicant'], ids.schoolA);
    const schoolAdmin = await f.user(['school_admin'], ids.schoolA);
    const expert = await f.user(['expert']);
    for (const user of [applicant, schoolAdmin, expert]) {
      expect((await api.http.get('/api/members').set(user.auth)).status).toBe(403);
      expect((await api.http.get(`/api/members/council_unit-${ids.unitA}`).set(user.auth)).status).toBe(403);
    }
    expect((await api.http.get('/api/members')).status).toBe(401);
  });
});
