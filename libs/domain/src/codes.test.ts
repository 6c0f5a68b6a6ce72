import * as domain from './index';
import {
  APPLICATION_KIND, ATTACHMENT_KIND, CodeTable, codesOf, DEGREE, DEPARTMENT_CATEGORY, DEPARTMENT_HONOR, EDUCATION,
  EMAIL_STATUS, EMAIL_TEMPLATE, EXPERT_DUTY, GENDER, INVITATION_STATE, OWNERSHIP, POLITICAL_STATUS, POSITION_KIND,
  PROVINCE_REGION, PROVINCES, ROLE, ROSTER_KIND, SCHOOL_HONOR, SCHOOL_TYPE, SEAT, STAFF_ROLES, TARGET_GROUP,
  TARGET_GROUPS, TITLE_SUGGESTIONS,
} from './codes';
import { FINDING_LEVEL, RULE } from './findings';
import { ACTION, STATE } from './workflow';

/** Every code table with its name, so each table is a named case. */
const TABLES: Record<string, CodeTable> = {
  ROLE, SCHOOL_TYPE, OWNERSHIP, SCHOOL_HONOR, DEPARTMENT_CATEGORY, DEPARTMENT_HONOR, GENDER, POLITICAL_STATUS,
  EDUCATION, DEGREE, POSITION_KIND, SEAT, TARGET_GROUP, EXPERT_DUTY, INVITATION_STATE, APPLICATION_KIND,
  ROSTER_KIND, ATTACHMENT_KIND, EMAIL_STATUS, EMAIL_TEMPLATE, STATE, ACTION, RULE, FINDING_LEVEL,
};
const TABLE_CASES = Object.entries(TABLES);

const isLabel = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && typeof (v as { zh?: unknown }).zh === 'string' && typeof (v as { en?: unknown }).en === 'string';
const isLabelTable = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0 && Object.values(v).every(isLabel);

const CJK = /[\u4e00-\u9fff]/;

describe('every code table', () => {
  test('the list above includes every label table the library exports (except FIELD_LABEL, tested in fields.test.ts)', () => {
    const exported = Object.entries(domain).filter(([name, v]) => name !== 'FIELD_LABEL' && isLabelTable(v)).map(([name]) => name);
    expect(exported.sort()).toEqual(Object.keys(TABLES).sort());
  });

  test.each(TABLE_CASES)('%s is not empty', (_name, table) => {
    expect(Object.keys(table).length).toBeGreaterThan(0);
  });

  test.each(TABLE_CASES)('%s: every code has a non-blank Chinese and English label', (_name, table) => {
    for (const [code, label] of Object.entries(table)) {
      expect({ code, zh: typeof label.zh, en: typeof label.en }).toEqual({ code, zh: 'string', en: 'string' });
      expect({ code, zh: label.zh.trim().length > 0 }).toEqual({ code, zh: true });
      expect({ code, en: label.en.trim().length > 0 }).toEqual({ code, en: true });
      expect({ code, zhIsChinese: CJK.test(label.zh) }).toEqual({ code, zhIsChinese: true });
      expect({ code, zhTrimmed: label.zh === label.zh.trim(), enTrimmed: label.en === label.en.trim() })
        .toEqual({ code, zhTrimmed: true, enTrimmed: true });
    }
  });

  test.each(TABLE_CASES)('%s: codes are unique and snake_case (or the numbers of TARGET_GROUP)', (name, table) => {
    const codes = Object.keys(table);
    expect(new Set(codes).size).toBe(codes.length);
    const pattern = name === 'TARGET_GROUP' ? /^[1-9]$/ : /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
    for (const code of codes) expect(code).toMatch(pattern);
  });

  test.each(TABLE_CASES)('%s: Chinese labels are unique, so a choice is never ambiguous', (_name, table) => {
    const zh = Object.values(table).map((l) => l.zh);
    expect(new Set(zh).size).toBe(zh.length);
  });

  test.each(TABLE_CASES)('%s: English labels are unique', (_name, table) => {
    const en = Object.values(table).map((l) => l.en);
    expect(new Set(en).size).toBe(en.length);
  });

  test('codesOf() lists the codes in their defined order', () => {
    expect(codesOf(SEAT)).toEqual(['main_leader', 'program_leader']);
    expect(codesOf(GENDER)).toEqual(['male', 'female']);
  });
});

describe('codes and labels as DOMAIN.md defines them', () => {
  const zhOf = (t: CodeTable) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.zh]));

  test('roles', () => {
    expect(codesOf(ROLE)).toEqual(['applicant', 'school_admin', 'center_reviewer', 'coordinator', 'lead', 'expert']);
    expect(ROLE.applicant.zh).toBe('申报人');
    expect(ROLE.expert.zh).toBe('特邀专家');
  });

  test('staff roles (who see every school) are center_reviewer, coordinator and lead', () => {
    expect([...STAFF_ROLES].sort()).toEqual(['center_reviewer', 'coordinator', 'lead']);
  });

  test('school types', () => {
    expect(zhOf(SCHOOL_TYPE)).toEqual({
      vocational_undergraduate: '职教本科', higher_vocational: '高职专科', secondary_vocational: '中职学校', other: '其它',
    });
  });

  test('ownership', () => {
    expect(zhOf(OWNERSHIP)).toEqual({ public: '公办', private: '民办', other: '其它' });
  });

  test('school honors', () => {
    expect(zhOf(SCHOOL_HONOR)).toEqual({
      national_double_high: '国家级“双高”院校', provincial_double_high: '省部级“双高”院校',
      double_excellence: '“双优计划”中职校', industry_backbone: '行业骨干校', other: '其它',
    });
  });

  test('department categories: the ten of the call\'s scope (三(一))', () => {
    expect(zhOf(DEPARTMENT_CATEGORY)).toEqual({
      mechanical: '机械工程', mechatronic: '机电工程', automation: '自动化', electrical: '电气工程',
      intelligent_manufacturing: '智能制造', materials: '材料工程', automotive_transport: '汽车与载运',
      agricultural_machinery: '农机装备', industrial_internet: '工业互联网（应用）', industrial_engineering: '工业工程（管理）',
    });
  });

  test('department honors', () => {
    expect(zhOf(DEPARTMENT_HONOR)).toEqual({
      national_double_high_group: '国家级“双高”专业群', provincial_double_high_group: '省级“双高”专业群', other: '其它',
    });
  });

  test('gender', () => {
    expect(zhOf(GENDER)).toEqual({ male: '男', female: '女' });
  });

  test('political status: GB/T 4762 — CPC member, probationary member, CYL member, 8 democratic parties, non-party, masses', () => {
    const zh = Object.values(POLITICAL_STATUS).map((l) => l.zh);
    expect(zh).toHaveLength(13);
    expect(zh).toEqual(expect.arrayContaining([
      '中共党员', '中共预备党员', '共青团员',
      '民革党员', '民盟盟员', '民建会员', '民进会员', '农工党党员', '致公党党员', '九三学社社员', '台盟盟员',
      '无党派人士', '群众',
    ]));
  });

  test('education and degree', () => {
    expect(Object.values(EDUCATION).map((l) => l.zh)).toEqual(['博士研究生', '硕士研究生', '大学本科', '大学专科', '其它']);
    expect(Object.values(DEGREE).map((l) => l.zh)).toEqual(['博士', '硕士', '学士', '无']);
  });

  test('position kinds', () => {
    expect(zhOf(POSITION_KIND)).toEqual({
      dean: '院长/系主任/部长', vice_dean: '副院长/副主任/副部长', program_leader: '专业（群）带头人', other: '其它',
    });
  });

  test('title suggestions include the titles DOMAIN.md lists', () => {
    expect(TITLE_SUGGESTIONS).toEqual(expect.arrayContaining(['教授', '副教授', '讲师', '正高级讲师', '高级讲师', '正高级工程师', '高级工程师', '工程师']));
    expect(new Set(TITLE_SUGGESTIONS).size).toBe(TITLE_SUGGESTIONS.length);
  });

  test('seats (五(一))', () => {
    expect(zhOf(SEAT)).toEqual({ main_leader: '主要负责人', program_leader: '专业（群）带头人' });
  });

  test('target groups (三(二)) are the numbers 1, 2, 3', () => {
    expect(TARGET_GROUPS).toEqual([1, 2, 3]);
    expect(Object.keys(TARGET_GROUP)).toEqual(['1', '2', '3']);
    expect(TARGET_GROUP[1].zh).toBe('院系负责人及优势专业带头人');
    expect(TARGET_GROUP[2].zh).toBe('教学名师/创新团队负责人/“双高”专业群带头人');
    expect(TARGET_GROUP[3].zh).toBe('优秀青年教师（≤35岁）');
  });

  test('expert duties (五(四))', () => {
    expect(zhOf(EXPERT_DUTY)).toEqual({ organize: '组织', coordinate: '协调', supervise: '督导' });
  });

  test('states', () => {
    expect(zhOf(STATE)).toEqual({
      draft: '草稿', submitted: '已提交', school_approved: '学校已审核', center_reviewed: '中心已审核',
      admitted: '已入盟', returned: '退回修改', rejected: '未通过', withdrawn: '已撤回',
    });
  });

  test('finding levels are block and warn', () => {
    expect(codesOf(FINDING_LEVEL)).toEqual(['block', 'warn']);
  });

  test('rules: one code per rule of the DOMAIN.md rules table', () => {
    expect(codesOf(RULE).sort()).toEqual([
      'batch_window', 'category_scope', 'completeness', 'department_quota', 'equipment_share', 'seat_quota', 'teaching_years', 'youth_age',
    ]);
  });

  test('invitation states cover pending, accepted, expired and revoked', () => {
    expect(codesOf(INVITATION_STATE).sort()).toEqual(['accepted', 'expired', 'pending', 'revoked']);
  });

  test('roster kinds: council units, individual members, experts', () => {
    expect(codesOf(ROSTER_KIND).sort()).toEqual(['council_unit', 'expert', 'individual']);
  });

  test('email templates cover every notification event of DOMAIN.md', () => {
    expect(codesOf(EMAIL_TEMPLATE)).toEqual(expect.arrayContaining([
      'submitted_receipt', 'submitted_school', 'school_approved_applicant', 'school_approved_center', 'center_reviewed_lead',
      'admitted', 'returned', 'rejected', 'invitation', 'deadline_reminder',
    ]));
  });
});

describe('provinces', () => {
  const THE_34 = [
    '北京', '天津', '上海', '重庆',
    '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南',
    '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾',
    '内蒙古', '广西', '西藏', '宁夏', '新疆',
    '香港', '澳门',
  ];

  test('there are 34 provincial-level divisions', () => {
    expect(PROVINCES).toHaveLength(34);
    expect(THE_34).toHaveLength(34);
  });

  test('they are exactly the 4 municipalities, 23 provinces, 5 autonomous regions and 2 SARs', () => {
    expect([...PROVINCES].sort()).toEqual([...THE_34].sort());
  });

  test('province names are unique', () => {
    expect(new Set(PROVINCES).size).toBe(PROVINCES.length);
  });

  test('every province belongs to one of the seven mainland regions or 港澳台', () => {
    const regions = new Set(Object.values(PROVINCE_REGION));
    expect([...regions].sort()).toEqual(['东北', '华东', '华中', '华北', '华南', '港澳台', '西北', '西南'].sort());
    for (const p of PROVINCES) expect(regions.has(PROVINCE_REGION[p])).toBe(true);
  });

  test.each([
    ['北京', '华北'], ['辽宁', '东北'], ['上海', '华东'], ['湖北', '华中'], ['广东', '华南'], ['四川', '西南'], ['陕西', '西北'], ['香港', '港澳台'],
  ] as const)('%s is in %s', (province, region) => {
    expect(PROVINCE_REGION[province]).toBe(region);
  });
});
