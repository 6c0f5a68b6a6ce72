import { FIELD_LABEL, fieldLabel } from './fields';
import { CouncilForm, MemberForm } from './forms';

const CJK = /[\u4e00-\u9fff]/;

describe('FIELD_LABEL', () => {
  test.each(Object.entries(FIELD_LABEL))('%s has a non-blank Chinese and English label', (_path, label) => {
    expect(label.zh.trim()).not.toBe('');
    expect(label.zh).toMatch(CJK);
    expect(label.en.trim()).not.toBe('');
  });

  test('paths carry no array indexes', () => {
    for (const path of Object.keys(FIELD_LABEL)) expect(path.split('.').some((p) => /^\d+$/.test(p))).toBe(false);
  });

  // Compile-time lists of every top-level key of the two form shapes: adding a form field without a label fails here.
  const COUNCIL_KEYS: Record<keyof CouncilForm, true> = {
    equipmentMajorShare5yPct: true, representative: true, contact: true, departments: true, schoolOpinion: true, suggestions: true,
  };
  const MEMBER_KEYS: Record<keyof MemberForm, true> = {
    departmentId: true, seat: true, targetGroup: true, departmentHonors: true, name: true, gender: true, birthMonth: true,
    politicalStatus: true, education: true, degree: true, almaMater: true, studiedMajor: true, teachingYears: true, title: true,
    field: true, position: true, mobile: true, email: true, address: true, achievements: true, experience: true,
    industryYears: true, industryWork: true, awards: true, memberships: true, commitment: true, schoolOpinion: true, suggestions: true,
  };

  test.each(Object.keys(COUNCIL_KEYS))('council form field %s has a label', (key) => {
    expect(FIELD_LABEL).toHaveProperty([key]);
  });

  test.each(Object.keys(MEMBER_KEYS))('member form field %s has a label', (key) => {
    expect(FIELD_LABEL).toHaveProperty([key]);
  });

  test.each([
    ['school.name', '学校名称'], ['school.type', '学校类型'], ['school.ownership', '办学性质'], ['school.honors', '主要荣誉'],
    ['school.province', '省份'], ['representative', '理事单位代表人'], ['contact', '理事单位联系人'],
    ['departments', '本校拟参加联盟的二级院系信息'], ['departments.name', '二级院系名称'], ['departments.establishedOn', '设立时间'],
    ['departments.avgEnrollment3y', '近3年平均在校生数'], ['departments.strongMajors', '二级院系优势专业'],
    ['schoolOpinion', '学校意见'], ['sealedScan', '盖章扫描件'], ['departmentHonors', '二级院系主要荣誉'],
    ['name', '姓名'], ['gender', '性别'], ['photo', '免冠近照'], ['birthMonth', '出生年月'], ['politicalStatus', '政治面貌'],
    ['education', '最高学历'], ['degree', '最高学位'], ['almaMater', '毕业院校'], ['studiedMajor', '所学专业'],
    ['teachingYears', '从教年限'], ['title', '技术职称'], ['field', '专业领域'], ['position', '现任职务'], ['mobile', '手机'],
    ['email', '电子邮箱'], ['address', '通讯地址'], ['achievements', '代表性教研和科研成果'], ['experience', '主要受教育和工作经历'],
    ['awards', '获奖情况'], ['commitment', '个人承诺'], ['targetGroup', '征集对象'],
  ])('%s is labelled %s as in DOMAIN.md', (path, zh) => {
    expect(fieldLabel(path).zh).toBe(zh);
  });
});

describe('fieldLabel()', () => {
  test('ignores array indexes: departments.1.name is the department name', () => {
    expect(fieldLabel('departments.1.name')).toEqual(FIELD_LABEL['departments.name']);
    expect(fieldLabel('departments.0.category')).toEqual(FIELD_LABEL['departments.category']);
    expect(fieldLabel('departmentHonors.2.text')).toEqual(FIELD_LABEL['departmentHonors.text']);
  });

  test('a top-level field', () => {
    expect(fieldLabel('birthMonth')).toEqual({ zh: '出生年月', en: 'Birth month' });
  });

  test('an unknown path falls back to the path itself', () => {
    expect(fieldLabel('no.such.field')).toEqual({ zh: 'no.such.field', en: 'no.such.field' });
  });

  test('a prototype property name is not a label', () => {
    expect(fieldLabel('toString')).toEqual({ zh: 'toString', en: 'toString' });
    expect(fieldLabel('constructor')).toEqual({ zh: 'constructor', en: 'constructor' });
  });
});
