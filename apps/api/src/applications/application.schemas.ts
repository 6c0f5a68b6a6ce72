import {
  ACTIONS, codesOf, DEGREE, DEPARTMENT_CATEGORY, DEPARTMENT_HONOR, EDUCATION, GENDER, isFutureMonth, LIMITS,
  MOBILE_PATTERN, POLITICAL_STATUS, POSITION_KIND, PROVINCES, SCHOOL_HONOR, SCHOOL_TYPE, SEAT, STATES,
  YEAR_MONTH_PATTERN, DATE_PATTERN,
} from '@alliance/domain';
import { z } from 'zod';
import { anyOf, idFilter, textFilter } from '../common/list-query';

/**
 * The two forms as the API accepts them. A draft may be incomplete (completeness is a
 * finding checked at submit), but every value given must be well-formed.
 */
const short = (max = 100) => z.string().trim().max(max, `不能超过${max}个字符`);
const long = (max = 5000) => z.string().trim().max(max, `不能超过${max}个字符`);
const optionalShort = (max = 100) => short(max).nullish();
const optionalLong = (max = 5000) => long(max).nullish();

const email = z.string().trim().toLowerCase().max(200).pipe(z.email('邮箱格式不正确'));
const phone = z.string().trim().regex(/^[0-9+\-() ]{7,20}$/, '电话号码格式不正确');
const yearMonth = z.string().regex(YEAR_MONTH_PATTERN, '格式应为 YYYY-MM')
  .refine((v) => !isFutureMonth(v, new Date()), '不能晚于当前月份');
const date = z.string().regex(DATE_PATTERN, '格式应为 YYYY-MM-DD').refine((v) => !Number.isNaN(Date.parse(v)), '日期无效');
const pct = z.number().min(0, '不能小于0').max(100, '不能大于100')
  .refine((v) => Math.abs(Math.round(v * 10) - v * 10) < 1e-9, '最多保留一位小数');
const years = z.number().int('必须是整数').min(0).max(70);

const person = z.strictObject({
  name: optionalShort(50), position: optionalShort(50), phone: phone.nullish().or(z.literal('')), email: email.nullish().or(z.literal('')),
});

export const DepartmentInput = z.strictObject({
  id: z.number().int().positive().optional(),
  name: optionalShort(),
  category: z.enum(codesOf(DEPARTMENT_CATEGORY)).nullish(),
  establishedOn: yearMonth.nullish(),
  majorSharePct: pct.nullish(),
  avgEnrollment3y: z.number().int('必须是整数').min(0).max(1_000_000).nullish(),
  headName: optionalShort(50),
  headPosition: optionalShort(50),
  strongMajors: z.array(short(100).min(1, '专业名称不能为空')).max(LIMITS.strongMajors.max, `优势专业最多${LIMITS.strongMajors.max}个`).default([]),
});

const councilFields = {
  equipmentMajorShare5yPct: pct.nullish(),
  representative: person.nullish(),
  contact: person.nullish(),
  departments: z.array(DepartmentInput).max(LIMITS.departmentsPerApplication.max, `每份申报最多${LIMITS.departmentsPerApplication.max}个二级院系`).default([]),
  schoolOpinion: z.strictObject({ recommendedRepresentative: optionalShort(50), signer: optionalShort(50), date: date.nullish() }).nullish(),
  suggestions: optionalLong(),
};

export const CouncilCreateSchema = z.strictObject({ batchId: z.number().int().positive(), schoolId: z.number().int().positive().optional(), ...councilFields });
export const CouncilUpdateSchema = z.strictObject(councilFields);
export type CouncilCreateInput = z.output<typeof CouncilCreateSchema>;
export type CouncilUpdateInput = z.output<typeof CouncilUpdateSchema>;

const memberFields = {
  departmentId: z.number().int().positive().nullish(),
  seat: z.enum(codesOf(SEAT)).nullish(),
  targetGroup: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullish(),
  departmentHonors: z.array(z.strictObject({ kind: z.enum(codesOf(DEPARTMENT_HONOR)), text: optionalShort() })).max(6).default([]),
  name: optionalShort(50),
  gender: z.enum(codesOf(GENDER)).nullish(),
  birthMonth: yearMonth.refine((v) => Number(v.slice(0, 4)) >= 1930, '出生年份有误').nullish(),
  politicalStatus: z.enum(codesOf(POLITICAL_STATUS)).nullish(),
  education: z.enum(codesOf(EDUCATION)).nullish(),
  degree: z.enum(codesOf(DEGREE)).nullish(),
  almaMater: optionalShort(),
  studiedMajor: optionalShort(),
  teachingYears: years.nullish(),
  title: optionalShort(50),
  field: optionalShort(),
  position: z.strictObject({ kind: z.enum(codesOf(POSITION_KIND)), text: optionalShort() }).nullish(),
  mobile: z.string().trim().regex(MOBILE_PATTERN, '请填写11位手机号').nullish(),
  email: email.nullish(),
  address: optionalShort(200),
  achievements: optionalLong(),
  experience: optionalLong(),
  industryYears: years.nullish(),
  industryWork: optionalLong(1000),
  awards: optionalLong(),
  memberships: optionalLong(2000),
  commitment: z.strictObject({ accepted: z.boolean(), date: date.nullish() }).nullish(),
  schoolOpinion: z.strictObject({ signer: optionalShort(50), date: date.nullish() }).nullish(),
  suggestions: optionalLong(),
};

export const MemberCreateSchema = z.strictObject({ batchId: z.number().int().positive(), ...memberFields });
export const MemberUpdateSchema = z.strictObject(memberFields);
export type MemberCreateInput = z.output<typeof MemberCreateSchema>;
export type MemberUpdateInput = z.output<typeof MemberUpdateSchema>;

/** Fields of the representation that a client may send back on update and that are ignored. */
export const READ_ONLY_FIELDS = [
  'kind', 'batchId', 'schoolId', 'school', 'department', 'ownerId', 'state', 'findings', 'allowedActions', 'attachments',
  'quota', 'lastComment', 'submittedAt', 'owner',
];

const common = {
  id: idFilter.optional(),
  state: anyOf(z.enum(STATES as [string, ...string[]])).optional(),
  batchId: idFilter.optional(),
  schoolId: idFilter.optional(),
  ownerId: idFilter.optional(),
  schoolType: anyOf(z.enum(codesOf(SCHOOL_TYPE))).optional(),
  schoolHonors: anyOf(z.enum(codesOf(SCHOOL_HONOR))).optional(),
  departmentCategory: anyOf(z.enum(codesOf(DEPARTMENT_CATEGORY))).optional(),
  departmentId: idFilter.optional(),
  province: anyOf(z.enum(PROVINCES)).optional(),
  q: textFilter.optional(),
};
export const CouncilFilterSchema = z.strictObject(common);
export const MemberFilterSchema = z.strictObject({
  ...common,
  seat: anyOf(z.enum(codesOf(SEAT))).optional(),
  targetGroup: anyOf(z.coerce.number().int().min(1).max(3)).optional(),
});
export type CouncilFilter = z.output<typeof CouncilFilterSchema>;
export type MemberFilter = z.output<typeof MemberFilterSchema>;
export type ApplicationFilter = CouncilFilter & Partial<Pick<MemberFilter, 'seat' | 'targetGroup'>>;

export const TransitionSchema = z.strictObject({
  action: z.enum(ACTIONS as [string, ...string[]]),
  comment: z.string().trim().max(2000).nullish(),
});

export const QuotaExceptionSchema = z.strictObject({ reason: z.string().trim().min(2, '请填写理由').max(1000) });
