import {
  DEGREE, DEPARTMENT_CATEGORY, DEPARTMENT_HONOR, EDUCATION, EXPERT_DUTY, FIELD_LABEL, GENDER, OWNERSHIP, POLITICAL_STATUS,
  POSITION_KIND, ROSTER_KIND, SCHOOL_HONOR, SCHOOL_TYPE, SEAT, STATE, TARGET_GROUP, shanghaiDate, type Label,
} from '@alliance/domain';
import type { RosterRow } from '../roster/roster.repository';

/** A cell: text stays text (phones, ids), numbers only for measured quantities. */
export type Cell = string | number | null;

export interface ExportColumn<R> {
  header: string;
  /** Column width in characters (XLSX). */
  width: number;
  value: (row: R) => Cell;
}

type Person = Record<string, string | null | undefined> | null;
const L = FIELD_LABEL;

const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined || v === '' || Number.isNaN(Number(v)) ? null : Number(v));
const label = (table: Readonly<Record<string | number, Label>>, code: unknown): string | null =>
  code === null || code === undefined ? null : (Object.hasOwn(table, String(code)) ? table[String(code)].zh : String(code));
const labels = (table: Readonly<Record<string, Label>>, codes: readonly string[] | null | undefined, sep = '、'): string | null =>
  codes?.length ? codes.map((c) => label(table, c)).join(sep) : null;
const join = (values: readonly (string | null | undefined)[] | null | undefined, sep = '、'): string | null =>
  values?.filter(Boolean).length ? values.filter(Boolean).join(sep) : null;
const pad = (n: number) => String(n).padStart(2, '0');
/** `YYYY-MM-DD HH:mm` in Asia/Shanghai. */
export const dateTime = (v: Date | string | null | undefined): string | null => {
  if (!v) return null;
  const d = new Date(v);
  const shifted = new Date(d.getTime() + 8 * 3600_000);
  return `${shanghaiDate(d)} ${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
};
const yesNo = (v: unknown, yes = '已上传', no = '未上传') => (v ? yes : no);

const honors = (codes: string[] | null, other: string | null): string | null => {
  if (!codes?.length) return null;
  return codes.map((c) => (c === 'other' && other ? `${label(SCHOOL_HONOR, c)}（${other}）` : label(SCHOOL_HONOR, c))).join('、');
};
function person<R>(which: 'representative' | 'contact', pick: (r: R) => Person): ExportColumn<R>[] {
  return [
    col<R>(L[`${which}.name`].zh, 10, (r) => text(pick(r)?.name)),
    col<R>(L[`${which}.position`].zh, 12, (r) => text(pick(r)?.position)),
    col<R>(L[`${which}.phone`].zh, 15, (r) => text(pick(r)?.phone)),
    col<R>(L[`${which}.email`].zh, 24, (r) => text(pick(r)?.email)),
  ];
}
function col<R>(header: string, width: number, value: (row: R) => Cell): ExportColumn<R> {
  return { header, width, value };
}

// --- 附件1 理事单位申报表 -------------------------------------------------------------------------

export interface CouncilExportRow {
  id: number; batchName: string; state: string; schoolName: string; schoolType: string; ownership: string;
  schoolHonors: string[]; schoolHonorsOther: string | null; province: string | null; equipmentMajorShare5yPct: string | null;
  representative: Person; contact: Person; schoolOpinion: Person; suggestions: string | null; lastComment: string | null;
  submittedAt: string | null; updatedAt: string; hasSealedScan: boolean;
  departments: { name: string | null; category: string | null; establishedOn: string | null; majorSharePct: number | null;
    avgEnrollment3y: number | null; headName: string | null; headPosition: string | null; strongMajors: string[] | null }[];
}

const departmentColumns = (i: number): ExportColumn<CouncilExportRow>[] => {
  const d = (r: CouncilExportRow) => r.departments[i - 1];
  const h = (key: keyof typeof L) => `${L[key].zh}（${i}）`;
  return [
    col(h('departments.name'), 20, (r) => text(d(r)?.name)),
    col(h('departments.category'), 14, (r) => label(DEPARTMENT_CATEGORY, d(r)?.category)),
    col(h('departments.establishedOn'), 12, (r) => text(d(r)?.establishedOn)),
    col(h('departments.majorSharePct'), 14, (r) => num(d(r)?.majorSharePct)),
    col(h('departments.avgEnrollment3y'), 12, (r) => num(d(r)?.avgEnrollment3y)),
    col(h('departments.headName'), 10, (r) => text(d(r)?.headName)),
    col(h('departments.headPosition'), 12, (r) => text(d(r)?.headPosition)),
    col(h('departments.strongMajors'), 30, (r) => join(d(r)?.strongMajors)),
  ];
};

export const COUNCIL_COLUMNS: ExportColumn<CouncilExportRow>[] = [
  col(L.id.zh, 8, (r) => text(r.id)),
  col(L.batchId.zh, 16, (r) => text(r.batchName)),
  col(L.state.zh, 10, (r) => label(STATE, r.state)),
  col(L['school.name'].zh, 28, (r) => text(r.schoolName)),
  col(L['school.type'].zh, 10, (r) => label(SCHOOL_TYPE, r.schoolType)),
  col(L['school.ownership'].zh, 8, (r) => label(OWNERSHIP, r.ownership)),
  col(L['school.honors'].zh, 28, (r) => honors(r.schoolHonors, r.schoolHonorsOther)),
  col(L['school.province'].zh, 8, (r) => text(r.province)),
  col(L.equipmentMajorShare5yPct.zh, 16, (r) => num(r.equipmentMajorShare5yPct)),
  ...person('representative', (r: CouncilExportRow) => r.representative),
  ...person('contact', (r: CouncilExportRow) => r.contact),
  ...departmentColumns(1), ...departmentColumns(2), ...departmentColumns(3),
  col(L['schoolOpinion.recommendedRepresentative'].zh, 12, (r) => text(r.schoolOpinion?.recommendedRepresentative)),
  col(`${L.schoolOpinion.zh}：${L['schoolOpinion.signer'].zh}`, 14, (r) => text(r.schoolOpinion?.signer)),
  col(L['schoolOpinion.date'].zh, 12, (r) => text(r.schoolOpinion?.date)),
  col(L.suggestions.zh, 40, (r) => text(r.suggestions)),
  col(L.sealedScan.zh, 10, (r) => yesNo(r.hasSealedScan)),
  col(L.lastComment.zh, 30, (r) => text(r.lastComment)),
  col(L.submittedAt.zh, 17, (r) => text(r.submittedAt)),
  col(L.updatedAt.zh, 17, (r) => text(r.updatedAt)),
];

// --- 附件2 成员个人申报表 -------------------------------------------------------------------------

export interface MemberExportRow {
  id: number; batchName: string; state: string; schoolName: string; schoolType: string; province: string | null;
  departmentName: string | null; departmentCategory: string | null; seat: string | null; targetGroup: number | null;
  departmentHonors: { kind: string; text?: string | null }[] | null; name: string | null; gender: string | null;
  birthMonth: string | null; politicalStatus: string | null; education: string | null; degree: string | null;
  almaMater: string | null; studiedMajor: string | null; teachingYears: number | null; title: string | null; field: string | null;
  position: { kind: string; text?: string | null } | null; mobile: string | null; email: string | null; address: string | null;
  achievements: string | null; experience: string | null; industryYears: number | null; industryWork: string | null;
  awards: string | null; memberships: string | null; commitment: { accepted?: boolean; date?: string | null } | null;
  schoolOpinion: Person; suggestions: string | null; lastComment: string | null; submittedAt: string | null; updatedAt: string;
  hasSealedScan: boolean; hasPhoto: boolean;
}

export const MEMBER_COLUMNS: ExportColumn<MemberExportRow>[] = [
  col(L.id.zh, 8, (r) => text(r.id)),
  col(L.batchId.zh, 16, (r) => text(r.batchName)),
  col(L.state.zh, 10, (r) => label(STATE, r.state)),
  col(L['school.name'].zh, 28, (r) => text(r.schoolName)),
  col(L['school.type'].zh, 10, (r) => label(SCHOOL_TYPE, r.schoolType)),
  col(L['school.province'].zh, 8, (r) => text(r.province)),
  col(L.departmentId.zh, 20, (r) => text(r.departmentName)),
  col(L['department.category'].zh, 14, (r) => label(DEPARTMENT_CATEGORY, r.departmentCategory)),
  col(L.seat.zh, 16, (r) => label(SEAT, r.seat)),
  col(L.targetGroup.zh, 26, (r) => label(TARGET_GROUP, r.targetGroup)),
  col(L.departmentHonors.zh, 30, (r) => join((r.departmentHonors ?? []).map((h) => (h.text ? `${label(DEPARTMENT_HONOR, h.kind)}：${h.text}` : label(DEPARTMENT_HONOR, h.kind))))),
  col(L.name.zh, 10, (r) => text(r.name)),
  col(L.gender.zh, 6, (r) => label(GENDER, r.gender)),
  col(L.birthMonth.zh, 10, (r) => text(r.birthMonth)),
  col(L.politicalStatus.zh, 12, (r) => label(POLITICAL_STATUS, r.politicalStatus)),
  col(L.education.zh, 10, (r) => label(EDUCATION, r.education)),
  col(L.degree.zh, 8, (r) => label(DEGREE, r.degree)),
  col(L.almaMater.zh, 20, (r) => text(r.almaMater)),
  col(L.studiedMajor.zh, 16, (r) => text(r.studiedMajor)),
  col(L.teachingYears.zh, 8, (r) => num(r.teachingYears)),
  col(L.title.zh, 12, (r) => text(r.title)),
  col(L.field.zh, 16, (r) => text(r.field)),
  col(L['position.kind'].zh, 16, (r) => label(POSITION_KIND, r.position?.kind)),
  col(L['position.text'].zh, 20, (r) => text(r.position?.text)),
  col(L.mobile.zh, 14, (r) => text(r.mobile)),
  col(L.email.zh, 24, (r) => text(r.email)),
  col(L.address.zh, 30, (r) => text(r.address)),
  col(L.achievements.zh, 40, (r) => text(r.achievements)),
  col(L.experience.zh, 40, (r) => text(r.experience)),
  col(L.industryYears.zh, 12, (r) => num(r.industryYears)),
  col(L.industryWork.zh, 30, (r) => text(r.industryWork)),
  col(L.awards.zh, 30, (r) => text(r.awards)),
  col(L.memberships.zh, 30, (r) => text(r.memberships)),
  col(L['commitment.accepted'].zh, 8, (r) => (r.commitment?.accepted ? '已承诺' : '未承诺')),
  col(L['commitment.date'].zh, 12, (r) => text(r.commitment?.date)),
  col(`${L.schoolOpinion.zh}：${L['schoolOpinion.signer'].zh}`, 14, (r) => text(r.schoolOpinion?.signer)),
  col(L['schoolOpinion.date'].zh, 12, (r) => text(r.schoolOpinion?.date)),
  col(L.suggestions.zh, 30, (r) => text(r.suggestions)),
  col(L.sealedScan.zh, 10, (r) => yesNo(r.hasSealedScan)),
  col(L.photo.zh, 10, (r) => yesNo(r.hasPhoto)),
  col(L.lastComment.zh, 30, (r) => text(r.lastComment)),
  col(L.submittedAt.zh, 17, (r) => text(r.submittedAt)),
  col(L.updatedAt.zh, 17, (r) => text(r.updatedAt)),
];

// --- 成员名录 -----------------------------------------------------------------------------------

export const ROSTER_COLUMNS: ExportColumn<RosterRow>[] = [
  col(L.id.zh, 16, (r) => text(r.id)),
  col(L.kind.zh, 10, (r) => label(ROSTER_KIND, r.kind)),
  col(`${L.name.zh}/${L['school.name'].zh}`, 24, (r) => text(r.name)),
  col(L.organization.zh, 28, (r) => text(r.organization)),
  col(L['school.type'].zh, 10, (r) => label(SCHOOL_TYPE, r.schoolType)),
  col(L['school.ownership'].zh, 8, (r) => label(OWNERSHIP, r.ownership)),
  col(L['school.honors'].zh, 28, (r) => honors(r.schoolHonors, r.schoolHonorsOther)),
  col(L['school.province'].zh, 8, (r) => text(r.province)),
  col(L['departments.name'].zh, 30, (r) => join(r.departmentNames)),
  col(L['department.category'].zh, 20, (r) => labels(DEPARTMENT_CATEGORY, r.departmentCategories)),
  col(L.seat.zh, 16, (r) => label(SEAT, r.seat)),
  col(L.targetGroup.zh, 26, (r) => label(TARGET_GROUP, r.targetGroup)),
  col(L.gender.zh, 6, (r) => label(GENDER, r.gender)),
  col(L.title.zh, 12, (r) => text(r.title)),
  col(L.position.zh, 20, (r) => (r.position ? [label(POSITION_KIND, r.position.kind), r.position.text].filter(Boolean).join('：') : null)),
  col(L.duty.zh, 8, (r) => label(EXPERT_DUTY, r.duty)),
  col(L.mobile.zh, 15, (r) => text(r.mobile)),
  col(L.email.zh, 24, (r) => text(r.email)),
  ...person('representative', (r: RosterRow) => r.representative),
  ...person('contact', (r: RosterRow) => r.contact),
  col(L.batchId.zh, 16, (r) => text(r.batchName)),
  col(L.admittedAt.zh, 17, (r) => dateTime(r.admittedAt)),
];
