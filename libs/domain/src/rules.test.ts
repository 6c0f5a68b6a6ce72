import { codesOf, DEPARTMENT_CATEGORY } from './codes';
import { fieldLabel } from './fields';
import { Finding, hasBlocking } from './findings';
import { CouncilForm, LIMITS, MemberForm } from './forms';
import {
  batchWindow, categoryScope, councilCompleteness, departmentQuota, equipmentShare, evaluateCouncil, evaluateMember,
  memberCompleteness, seatQuota, teachingYears, youthAge,
} from './rules';

/** The first batch (DOMAIN.md "Batches"). */
const DEADLINE = new Date('2024-04-15T23:59:59+08:00');
const OPENS = new Date('2024-03-01T00:00:00+08:00');
const BATCH = { opensAt: OPENS, deadline: DEADLINE };
const IN_WINDOW = new Date('2024-04-01T10:00:00+08:00');

const CJK = /[\u4e00-\u9fff]/;
const rulesOf = (findings: Finding[]) => findings.map((f) => f.rule);
const fieldsOf = (findings: Finding[]) => findings.map((f) => f.field);

function expectChineseMessages(findings: Finding[]) {
  for (const f of findings) {
    expect(f.message).toMatch(CJK);
    expect(f.message.trim()).not.toBe('');
  }
}

const completeCouncil = (): CouncilForm => ({
  equipmentMajorShare5yPct: 45.5,
  representative: { name: '张伟', position: '副校长', phone: '010-88886666', email: 'zhangwei@example.edu.cn' },
  contact: { name: '李娜', position: '教务处副处长', phone: '13800138000', email: 'lina@example.edu.cn' },
  departments: [
    {
      name: '机电工程学院', category: 'mechatronic', establishedOn: '2005-09', majorSharePct: 18.5, avgEnrollment3y: 3200,
      headName: '王强', headPosition: '院长', strongMajors: ['机电一体化技术', '工业机器人技术'],
    },
    {
      name: '智能制造学院', category: 'intelligent_manufacturing', establishedOn: '2018-03', majorSharePct: 12, avgEnrollment3y: 2100,
      headName: '赵敏', headPosition: '院长', strongMajors: ['智能制造装备技术'],
    },
  ],
  schoolOpinion: { recommendedRepresentative: '张伟', signer: '陈校长', date: '2024-04-10' },
  suggestions: null,
});

const completeMember = (): MemberForm => ({
  departmentId: 11,
  seat: 'program_leader',
  targetGroup: 1,
  departmentHonors: [{ kind: 'national_double_high_group', text: '智能制造专业群' }],
  name: '刘洋',
  gender: 'male',
  birthMonth: '1980-06',
  politicalStatus: 'cpc_member',
  education: 'master',
  degree: 'master',
  almaMater: '华中科技大学',
  studiedMajor: '机械工程',
  teachingYears: 15,
  title: '教授',
  field: '智能制造',
  position: { kind: 'program_leader', text: '负责智能制造专业群' },
  mobile: '13912345678',
  email: 'liuyang@example.edu.cn',
  address: '湖北省武汉市洪山区某路1号',
  achievements: '主持省级教改项目2项',
  experience: '2009年至今任教于本校',
  industryYears: 3,
  industryWork: '数控设备调试',
  awards: '省级教学成果奖一等奖',
  memberships: '中国机械工程学会会员',
  commitment: { accepted: true, date: '2024-04-08' },
  schoolOpinion: { signer: '陈校长', date: '2024-04-10' },
  suggestions: null,
});

const ALL_FILES = { sealedScan: true, photo: true };

describe('equipmentShare (四(一)3: equipment-manufacturing majors ≥ 20% over 5 years, block)', () => {
  test('19.9% blocks', () => {
    const f = equipmentShare(19.9);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'equipment_share', level: 'block', field: 'equipmentMajorShare5yPct' });
    expect(f[0].message).toContain('19.9%');
    expect(f[0].message).toContain('20%');
    expectChineseMessages(f);
  });

  test.each([20, 20.05, 20.1, 55, 100])('%d%% passes', (pct) => {
    expect(equipmentShare(pct)).toEqual([]);
  });

  test.each([0, 10, 19.99])('%d%% blocks', (pct) => {
    expect(rulesOf(equipmentShare(pct))).toEqual(['equipment_share']);
  });

  test.each([null, undefined])('a missing share (%p) is left to completeness', (pct) => {
    expect(equipmentShare(pct)).toEqual([]);
  });

  test('the threshold is 20 (LIMITS)', () => {
    expect(LIMITS.minEquipmentMajorSharePct).toBe(20);
  });
});

describe('categoryScope (三(一): department category inside the scope list, block)', () => {
  test.each(codesOf(DEPARTMENT_CATEGORY))('%s is in scope', (category) => {
    expect(categoryScope([category])).toEqual([]);
  });

  test('the scope list is the ten categories of the notice', () => {
    expect(codesOf(DEPARTMENT_CATEGORY)).toHaveLength(10);
  });

  test('a category outside the scope blocks and points at that department', () => {
    const f = categoryScope(['mechanical', 'civil_engineering', 'automation']);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'category_scope', level: 'block', field: 'departments.1.category' });
    expect(f[0].message).toContain('第2个');
    expect(f[0].message).toContain('civil_engineering');
    expectChineseMessages(f);
  });

  test('each out-of-scope department gets its own finding', () => {
    expect(fieldsOf(categoryScope(['finance', 'nursing', 'materials']))).toEqual(['departments.0.category', 'departments.1.category']);
  });

  test('a Chinese label is not a code: "机械工程" is out of scope as a value', () => {
    expect(rulesOf(categoryScope(['机械工程']))).toEqual(['category_scope']);
  });

  test('a prototype property name is not in scope', () => {
    expect(rulesOf(categoryScope(['toString', '__proto__']))).toEqual(['category_scope', 'category_scope']);
  });

  test.each([null, undefined, '', '  '])('a missing category (%p) is left to completeness', (c) => {
    expect(categoryScope([c])).toEqual([]);
  });

  test('no departments, no findings', () => {
    expect(categoryScope([])).toEqual([]);
  });
});

describe('youthAge (三(二)3: targetGroup 3 is at most 35 at the batch deadline, block)', () => {
  test('born 1989-04 is 35 at 2024-04-15T23:59:59+08:00: passes', () => {
    expect(youthAge(3, '1989-04', DEADLINE)).toEqual([]);
  });

  test('born 1988-04 is 36 at the deadline: blocks', () => {
    const f = youthAge(3, '1988-04', DEADLINE);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'youth_age', level: 'block', field: 'birthMonth' });
    expect(f[0].message).toContain('36岁');
    expect(f[0].message).toContain('35岁');
    expectChineseMessages(f);
  });

  test('born 1988-05 is still 35 at the deadline: passes', () => {
    expect(youthAge(3, '1988-05', DEADLINE)).toEqual([]);
  });

  test('born 1995-01 (29) passes', () => {
    expect(youthAge(3, '1995-01', DEADLINE)).toEqual([]);
  });

  test('the age is taken in Shanghai: deadline 2024-04-30T16:30:00Z is 2024-05-01 in Shanghai, so born 1988-05 is 36 and blocks', () => {
    const deadline = new Date('2024-04-30T16:30:00Z');
    expect(rulesOf(youthAge(3, '1988-05', deadline))).toEqual(['youth_age']);
    expect(youthAge(3, '1988-06', deadline)).toEqual([]);
  });

  test('one second earlier (2024-04-30T15:59:59Z, still April in Shanghai) born 1988-05 is 35 and passes', () => {
    expect(youthAge(3, '1988-05', new Date('2024-04-30T15:59:59Z'))).toEqual([]);
  });

  test.each([1, 2] as const)('targetGroup %i is not age-checked (a 60-year-old passes)', (group) => {
    expect(youthAge(group, '1964-01', DEADLINE)).toEqual([]);
  });

  test.each([null, undefined])('no targetGroup (%p): not age-checked', (group) => {
    expect(youthAge(group, '1964-01', DEADLINE)).toEqual([]);
  });

  test.each([null, undefined, ''])('a missing birth month (%p) is left to completeness', (birthMonth) => {
    expect(youthAge(3, birthMonth, DEADLINE)).toEqual([]);
  });

  test('is computed at the given batch deadline, not at some fixed date', () => {
    // born 1989-04: 35 at the first deadline, 36 at a later batch's deadline in 2025
    expect(youthAge(3, '1989-04', new Date('2025-04-15T23:59:59+08:00'))).toHaveLength(1);
  });
});

describe('teachingYears (四(二)4 "原则上": at least 6 years, warn; not for targetGroup 3)', () => {
  test.each([1, 2] as const)('targetGroup %i with 5 years warns', (group) => {
    const f = teachingYears(group, 5);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'teaching_years', level: 'warn', field: 'teachingYears' });
    expect(f[0].message).toContain('5年');
    expectChineseMessages(f);
  });

  test.each([1, 2] as const)('targetGroup %i with 6 years passes', (group) => {
    expect(teachingYears(group, 6)).toEqual([]);
  });

  test.each([0, 1, 5, 6, 30])('targetGroup 3 with %i years never warns', (years) => {
    expect(teachingYears(3, years)).toEqual([]);
  });

  test('0 years warns for targetGroup 1 (0 is a value, not a missing field)', () => {
    expect(rulesOf(teachingYears(1, 0))).toEqual(['teaching_years']);
  });

  test('is a warning, never a block', () => {
    expect(hasBlocking(teachingYears(1, 0))).toBe(false);
  });

  test.each([null, undefined])('missing teaching years (%p) is left to completeness', (years) => {
    expect(teachingYears(1, years)).toEqual([]);
  });
});

describe('batchWindow (五(三): submitted after the deadline, block)', () => {
  const at = (ms: number) => new Date(DEADLINE.getTime() + ms);

  test('one second before the deadline passes', () => {
    expect(batchWindow(at(-1000), BATCH)).toEqual([]);
  });

  test('exactly at the deadline passes (the deadline is inclusive)', () => {
    expect(batchWindow(DEADLINE, BATCH)).toEqual([]);
  });

  test('one second after the deadline blocks', () => {
    const f = batchWindow(at(1000), BATCH);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'batch_window', level: 'block' });
    expect(f[0].message).toContain('截止');
    expectChineseMessages(f);
  });

  test('Shanghai midnight after the deadline day (2024-04-15T16:00:00Z) blocks', () => {
    expect(rulesOf(batchWindow(new Date('2024-04-15T16:00:00Z'), BATCH))).toEqual(['batch_window']);
  });

  test('late on the deadline day in UTC terms but earlier in Shanghai (2024-04-15T15:00:00Z = 23:00 Shanghai) passes', () => {
    expect(batchWindow(new Date('2024-04-15T15:00:00Z'), BATCH)).toEqual([]);
  });

  test('before the batch opens blocks', () => {
    const f = batchWindow(new Date(OPENS.getTime() - 1000), BATCH);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'batch_window', level: 'block' });
    expect(f[0].message).toContain('尚未开始');
  });

  test('exactly at the opening passes', () => {
    expect(batchWindow(OPENS, BATCH)).toEqual([]);
  });

  test('an extended deadline lets a later submission through', () => {
    const extended = { opensAt: OPENS, deadline: new Date('2024-04-30T23:59:59+08:00') };
    expect(batchWindow(at(1000), extended)).toEqual([]);
  });
});

describe('departmentQuota (五(一) "原则上": at most 3 departments per school in a batch)', () => {
  test('2 held by other applications + 1 in this one = 3 passes', () => {
    expect(departmentQuota(2, 1, false)).toEqual([]);
  });

  test('3 held + 1 = 4 blocks', () => {
    const f = departmentQuota(3, 1, false);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'department_quota', level: 'block' });
    expect(f[0].message).toContain('4个');
    expect(f[0].message).toContain('3个');
    expectChineseMessages(f);
  });

  test('3 held + 1 with an exception granted by the lead warns instead of blocking', () => {
    const f = departmentQuota(3, 1, true);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'department_quota', level: 'warn' });
    expect(f[0].message).toContain('例外');
    expect(hasBlocking(f)).toBe(false);
  });

  test.each([
    [0, 1], [0, 3], [1, 2], [2, 1], [3, 0],
  ])('%i held + %i here passes', (held, here) => {
    expect(departmentQuota(held, here, false)).toEqual([]);
  });

  test.each([
    [0, 4], [1, 3], [2, 2], [5, 1],
  ])('%i held + %i here blocks', (held, here) => {
    expect(departmentQuota(held, here, false)[0]).toMatchObject({ level: 'block' });
  });

  test('an unused exception adds nothing', () => {
    expect(departmentQuota(1, 1, true)).toEqual([]);
  });
});

describe('seatQuota (五(一) "原则上": 1 main_leader and 2 program_leader per department)', () => {
  test('the first main_leader passes', () => {
    expect(seatQuota('main_leader', 0, false)).toEqual([]);
  });

  test('a second main_leader blocks', () => {
    const f = seatQuota('main_leader', 1, false);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'seat_quota', level: 'block', field: 'seat' });
    expect(f[0].message).toContain('主要负责人');
    expect(f[0].message).toContain('1名');
    expectChineseMessages(f);
  });

  test.each([0, 1])('program_leader with %i held by others passes', (held) => {
    expect(seatQuota('program_leader', held, false)).toEqual([]);
  });

  test('a third program_leader blocks', () => {
    const f = seatQuota('program_leader', 2, false);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'seat_quota', level: 'block' });
    expect(f[0].message).toContain('专业（群）带头人');
    expect(f[0].message).toContain('2名');
  });

  test.each([
    ['main_leader', 1], ['program_leader', 2], ['program_leader', 5],
  ] as const)('%s over the quota (%i held) with an exception warns', (seat, held) => {
    const f = seatQuota(seat, held, true);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'seat_quota', level: 'warn' });
    expect(f[0].message).toContain('例外');
  });

  test.each([null, undefined])('no seat chosen (%p) is left to completeness', (seat) => {
    expect(seatQuota(seat, 10, false)).toEqual([]);
  });

  test('the quotas are 1 and 2 (LIMITS)', () => {
    expect(LIMITS.seatsPerDepartment).toEqual({ main_leader: 1, program_leader: 2 });
  });
});

describe('councilCompleteness (五(二): 附件1 required fields and the sealed scan)', () => {
  const EMPTY_COUNCIL_REQUIRED = [
    'equipmentMajorShare5yPct',
    'representative.name', 'representative.position', 'representative.phone', 'representative.email',
    'contact.name', 'contact.position', 'contact.phone', 'contact.email',
    'departments',
    'schoolOpinion.recommendedRepresentative', 'schoolOpinion.signer', 'schoolOpinion.date',
    'sealedScan',
  ];

  test('an empty form lists every required field', () => {
    const f = councilCompleteness({}, { sealedScan: false });
    expect(fieldsOf(f).sort()).toEqual([...EMPTY_COUNCIL_REQUIRED].sort());
    for (const x of f) expect(x).toMatchObject({ rule: 'completeness', level: 'block' });
  });

  test('an empty form with null parts lists the same fields', () => {
    const f = councilCompleteness(
      { equipmentMajorShare5yPct: null, representative: null, contact: null, departments: null, schoolOpinion: null },
      { sealedScan: false },
    );
    expect(fieldsOf(f).sort()).toEqual([...EMPTY_COUNCIL_REQUIRED].sort());
  });

  test('every message is Chinese and names the field by its Chinese label', () => {
    const f = councilCompleteness({}, { sealedScan: false });
    expectChineseMessages(f);
    for (const x of f) {
      const label = fieldLabel(x.field!);
      expect(label.zh).not.toBe(x.field); // a real label, not the fallback
      expect(x.message).toBe(`请填写“${label.zh}”。`);
    }
    expect(f.find((x) => x.field === 'sealedScan')!.message).toBe('请填写“盖章扫描件”。');
    expect(f.find((x) => x.field === 'representative.phone')!.message).toBe('请填写“代表人电话”。');
  });

  test('a complete form with its scan gives no findings', () => {
    expect(councilCompleteness(completeCouncil(), { sealedScan: true })).toEqual([]);
  });

  test('a complete form without its sealed scan is missing only the scan', () => {
    expect(fieldsOf(councilCompleteness(completeCouncil(), { sealedScan: false }))).toEqual(['sealedScan']);
  });

  test('blank and whitespace-only strings count as missing', () => {
    const form = completeCouncil();
    form.representative = { ...form.representative, name: '   ', email: '' };
    expect(fieldsOf(councilCompleteness(form, { sealedScan: true }))).toEqual(['representative.name', 'representative.email']);
  });

  test('an empty departments list is missing "departments"', () => {
    const form = { ...completeCouncil(), departments: [] };
    expect(fieldsOf(councilCompleteness(form, { sealedScan: true }))).toEqual(['departments']);
  });

  test('an empty department lists its required fields with its index', () => {
    const form = completeCouncil();
    form.departments = [...form.departments!, {}];
    const fields = fieldsOf(councilCompleteness(form, { sealedScan: true }));
    expect(fields).toEqual([
      'departments.2.name', 'departments.2.category', 'departments.2.establishedOn', 'departments.2.majorSharePct',
      'departments.2.avgEnrollment3y', 'departments.2.headName', 'departments.2.headPosition', 'departments.2.strongMajors',
    ]);
    const f = councilCompleteness(form, { sealedScan: true });
    expect(f.find((x) => x.field === 'departments.2.name')!.message).toBe('请填写“二级院系名称”。');
  });

  test('a department without strong majors (empty list) is missing them', () => {
    const form = completeCouncil();
    form.departments![0] = { ...form.departments![0], strongMajors: [] };
    expect(fieldsOf(councilCompleteness(form, { sealedScan: true }))).toEqual(['departments.0.strongMajors']);
  });

  test('zero is a value: a share of 0% and an enrollment of 0 are present', () => {
    const form = completeCouncil();
    form.equipmentMajorShare5yPct = 0;
    form.departments![0] = { ...form.departments![0], majorSharePct: 0, avgEnrollment3y: 0 };
    expect(councilCompleteness(form, { sealedScan: true })).toEqual([]);
  });

  test('suggestions are optional', () => {
    expect(councilCompleteness({ ...completeCouncil(), suggestions: undefined }, { sealedScan: true })).toEqual([]);
  });
});

describe('memberCompleteness (五(二): 附件2 required fields, photo, commitment, sealed scan)', () => {
  const EMPTY_MEMBER_REQUIRED = [
    'departmentId', 'seat', 'targetGroup', 'name', 'gender', 'birthMonth', 'politicalStatus', 'education', 'degree',
    'almaMater', 'studiedMajor', 'teachingYears', 'title', 'field', 'mobile', 'email', 'address', 'achievements', 'experience',
    'position.kind', 'commitment.accepted', 'commitment.date', 'schoolOpinion.signer', 'schoolOpinion.date',
    'photo', 'sealedScan',
  ];

  test('an empty form lists every required field', () => {
    const f = memberCompleteness({}, { sealedScan: false, photo: false });
    expect(fieldsOf(f).sort()).toEqual([...EMPTY_MEMBER_REQUIRED].sort());
    for (const x of f) expect(x).toMatchObject({ rule: 'completeness', level: 'block' });
  });

  test('every message is Chinese and names the field by its Chinese label', () => {
    const f = memberCompleteness({}, { sealedScan: false, photo: false });
    expectChineseMessages(f);
    for (const x of f) {
      const label = fieldLabel(x.field!);
      expect(label.zh).not.toBe(x.field);
      expect(x.message).toBe(`请填写“${label.zh}”。`);
    }
    expect(f.find((x) => x.field === 'name')!.message).toBe('请填写“姓名”。');
    expect(f.find((x) => x.field === 'photo')!.message).toBe('请填写“免冠近照”。');
    expect(f.find((x) => x.field === 'commitment.accepted')!.message).toBe('请填写“个人承诺”。');
  });

  test('a complete form with photo and scan gives no findings', () => {
    expect(memberCompleteness(completeMember(), ALL_FILES)).toEqual([]);
  });

  test('missing photo', () => {
    expect(fieldsOf(memberCompleteness(completeMember(), { sealedScan: true, photo: false }))).toEqual(['photo']);
  });

  test('missing sealed scan', () => {
    expect(fieldsOf(memberCompleteness(completeMember(), { sealedScan: false, photo: true }))).toEqual(['sealedScan']);
  });

  test('a commitment not accepted is missing, even with a date', () => {
    const form = { ...completeMember(), commitment: { accepted: false, date: '2024-04-08' } };
    expect(fieldsOf(memberCompleteness(form, ALL_FILES))).toEqual(['commitment.accepted']);
  });

  test('an accepted commitment without a date is missing its date', () => {
    const form = { ...completeMember(), commitment: { accepted: true, date: null } };
    expect(fieldsOf(memberCompleteness(form, ALL_FILES))).toEqual(['commitment.date']);
  });

  test('no commitment at all is missing both acceptance and date', () => {
    const form = { ...completeMember(), commitment: null };
    expect(fieldsOf(memberCompleteness(form, ALL_FILES))).toEqual(['commitment.accepted', 'commitment.date']);
  });

  test('a position without a kind is missing', () => {
    const form = { ...completeMember(), position: null };
    expect(fieldsOf(memberCompleteness(form, ALL_FILES))).toEqual(['position.kind']);
  });

  test('zero teaching years is a value, not a missing field', () => {
    expect(memberCompleteness({ ...completeMember(), targetGroup: 3, birthMonth: '1995-01', teachingYears: 0 }, ALL_FILES)).toEqual([]);
  });

  test('whitespace-only name and address count as missing', () => {
    const form = { ...completeMember(), name: ' ', address: '\t' };
    expect(fieldsOf(memberCompleteness(form, ALL_FILES))).toEqual(['name', 'address']);
  });

  test('optional fields (honors, industry experience, awards, memberships, suggestions) may be empty', () => {
    const form: MemberForm = {
      ...completeMember(), departmentHonors: [], industryYears: null, industryWork: null, awards: null, memberships: null, suggestions: null,
    };
    expect(memberCompleteness(form, ALL_FILES)).toEqual([]);
  });
});

describe('evaluateCouncil: all council rules together', () => {
  const ctx = (over: Partial<Parameters<typeof evaluateCouncil>[0]> = {}) => ({
    form: completeCouncil(), batch: BATCH, at: IN_WINDOW, departmentsHeldByOthers: 0, quotaException: false,
    files: { sealedScan: true }, ...over,
  });

  test('a complete, eligible application in time has no findings', () => {
    expect(evaluateCouncil(ctx())).toEqual([]);
  });

  test('counts this application\'s departments against the school quota: 2 here + 1 held passes, 2 here + 2 held blocks', () => {
    expect(evaluateCouncil(ctx({ departmentsHeldByOthers: 1 }))).toEqual([]);
    const f = evaluateCouncil(ctx({ departmentsHeldByOthers: 2 }));
    expect(f).toEqual([expect.objectContaining({ rule: 'department_quota', level: 'block' })]);
  });

  test('the quota exception turns the block into a warning', () => {
    const f = evaluateCouncil(ctx({ departmentsHeldByOthers: 2, quotaException: true }));
    expect(f).toEqual([expect.objectContaining({ rule: 'department_quota', level: 'warn' })]);
    expect(hasBlocking(f)).toBe(false);
  });

  test('collects every broken rule: late, low share, out-of-scope department, no scan', () => {
    const form = completeCouncil();
    form.equipmentMajorShare5yPct = 19.9;
    form.departments![1] = { ...form.departments![1], category: 'finance' as never };
    const f = evaluateCouncil(ctx({ form, at: new Date(DEADLINE.getTime() + 1000), files: { sealedScan: false } }));
    expect(rulesOf(f).sort()).toEqual(['batch_window', 'category_scope', 'completeness', 'equipment_share'].sort());
    expect(f.every((x) => x.level === 'block')).toBe(true);
    expectChineseMessages(f);
  });

  test('an empty draft is blocked by completeness only (no spurious rule findings)', () => {
    const f = evaluateCouncil(ctx({ form: {}, files: { sealedScan: false } }));
    expect(new Set(rulesOf(f))).toEqual(new Set(['completeness']));
  });
});

describe('evaluateMember: all member rules together', () => {
  const ctx = (over: Partial<Parameters<typeof evaluateMember>[0]> = {}) => ({
    form: completeMember(), batch: BATCH, at: IN_WINDOW, seatsHeldByOthers: 0, quotaException: false, files: ALL_FILES, ...over,
  });

  test('a complete, eligible application in time has no findings', () => {
    expect(evaluateMember(ctx())).toEqual([]);
  });

  test('a young teacher aged 35 at the deadline with 2 teaching years passes without warnings', () => {
    const form = { ...completeMember(), targetGroup: 3 as const, birthMonth: '1989-04', teachingYears: 2 };
    expect(evaluateMember(ctx({ form }))).toEqual([]);
  });

  test('a young teacher aged 36 at the deadline is blocked by youth_age', () => {
    const form = { ...completeMember(), targetGroup: 3 as const, birthMonth: '1988-04', teachingYears: 2 };
    expect(evaluateMember(ctx({ form }))).toEqual([expect.objectContaining({ rule: 'youth_age', level: 'block' })]);
  });

  test('the age is taken at the batch deadline, not at the submission time', () => {
    // born 1988-05: 35 at the deadline (April), though 36 if measured in May
    const form = { ...completeMember(), targetGroup: 3 as const, birthMonth: '1988-05' };
    expect(evaluateMember(ctx({ form, at: new Date('2024-04-15T12:00:00+08:00') }))).toEqual([]);
    const mayDeadline = { opensAt: OPENS, deadline: new Date('2024-05-15T23:59:59+08:00') };
    expect(rulesOf(evaluateMember(ctx({ form, batch: mayDeadline })))).toEqual(['youth_age']);
  });

  test('5 teaching years only warns: the application can still be submitted', () => {
    const f = evaluateMember(ctx({ form: { ...completeMember(), teachingYears: 5 } }));
    expect(f).toEqual([expect.objectContaining({ rule: 'teaching_years', level: 'warn' })]);
    expect(hasBlocking(f)).toBe(false);
  });

  test('a second main leader of the department is blocked; with an exception it is a warning', () => {
    const form = { ...completeMember(), seat: 'main_leader' as const };
    expect(evaluateMember(ctx({ form, seatsHeldByOthers: 1 }))).toEqual([expect.objectContaining({ rule: 'seat_quota', level: 'block' })]);
    expect(evaluateMember(ctx({ form, seatsHeldByOthers: 1, quotaException: true })))
      .toEqual([expect.objectContaining({ rule: 'seat_quota', level: 'warn' })]);
  });

  test('submitted one second after the deadline is blocked by batch_window', () => {
    expect(rulesOf(evaluateMember(ctx({ at: new Date(DEADLINE.getTime() + 1000) })))).toEqual(['batch_window']);
  });

  test('an empty draft is blocked by completeness only', () => {
    const f = evaluateMember(ctx({ form: {}, files: { sealedScan: false, photo: false } }));
    expect(new Set(rulesOf(f))).toEqual(new Set(['completeness']));
  });
});

describe('hasBlocking', () => {
  test('no findings: not blocking', () => expect(hasBlocking([])).toBe(false));
  test('warn only: not blocking', () => expect(hasBlocking([{ rule: 'teaching_years', level: 'warn', message: '提示' }])).toBe(false));
  test('one block among warnings: blocking', () => {
    expect(hasBlocking([
      { rule: 'teaching_years', level: 'warn', message: '提示' },
      { rule: 'youth_age', level: 'block', message: '超龄' },
    ])).toBe(true);
  });
});
