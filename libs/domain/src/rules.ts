import { codesOf, DEPARTMENT_CATEGORY, Seat, SEAT, TargetGroup } from './codes';
import { fieldLabel } from './fields';
import { Finding } from './findings';
import { CouncilForm, LIMITS, MemberForm } from './forms';
import { ageAt } from './time';

/**
 * The eligibility rules of DOMAIN.md as pure functions. Each returns the findings it raises
 * (none when the rule holds). Missing values are left to `completeness`.
 */

const SCOPE = new Set<string>(codesOf(DEPARTMENT_CATEGORY));
const blank = (v: unknown): boolean =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** 四(一)3: the school's equipment-manufacturing majors average at least 20% over 5 years. */
export function equipmentShare(pct: number | null | undefined): Finding[] {
  if (pct === null || pct === undefined || pct >= LIMITS.minEquipmentMajorSharePct) return [];
  return [{
    rule: 'equipment_share', level: 'block', field: 'equipmentMajorShare5yPct',
    message: `学校近5年装备制造类专业数平均占比为${pct}%，低于申报条件要求的${LIMITS.minEquipmentMajorSharePct}%。`,
  }];
}

/** 三(一): every department lies in the scope of the call. */
export function categoryScope(categories: readonly (string | null | undefined)[]): Finding[] {
  return categories.flatMap((c, i) => (blank(c) || SCOPE.has(c as string) ? [] : [{
    rule: 'category_scope' as const, level: 'block' as const, field: `departments.${i}.category`,
    message: `第${i + 1}个二级院系的类别“${c}”不在本次征集范围内。`,
  }]));
}

/** 三(二)3: a young teacher is at most 35 at the batch deadline. */
export function youthAge(targetGroup: TargetGroup | null | undefined, birthMonth: string | null | undefined, deadline: Date): Finding[] {
  if (targetGroup !== 3 || !birthMonth) return [];
  const age = ageAt(birthMonth, deadline);
  if (age === null || age <= LIMITS.maxYouthAge) return [];
  return [{
    rule: 'youth_age', level: 'block', field: 'birthMonth',
    message: `按本批次截止时间计算年龄为${age}岁，超过优秀青年教师“不超过${LIMITS.maxYouthAge}岁”的要求。`,
  }];
}

/** 四(二)4 "原则上": six years of teaching; not applied to young teachers. */
export function teachingYears(targetGroup: TargetGroup | null | undefined, years: number | null | undefined): Finding[] {
  if (targetGroup === 3 || years === null || years === undefined || years >= LIMITS.minTeachingYears) return [];
  return [{
    rule: 'teaching_years', level: 'warn', field: 'teachingYears',
    message: `从教年限为${years}年，原则上应具有${LIMITS.minTeachingYears}年以上教育教学经验。`,
  }];
}

/** 五(三): a submission falls inside the batch's window (deadline inclusive). */
export function batchWindow(at: Date, batch: { opensAt: Date; deadline: Date }): Finding[] {
  if (at.getTime() < batch.opensAt.getTime()) {
    return [{ rule: 'batch_window', level: 'block', message: '本批次征集尚未开始。' }];
  }
  if (at.getTime() > batch.deadline.getTime()) {
    return [{ rule: 'batch_window', level: 'block', message: '已超过本批次填报截止时间。' }];
  }
  return [];
}

/**
 * 五(一) "原则上": a school enters at most 3 departments in a batch, counted over the applications
 * holding a seat. `heldByOthers` counts the departments of the school's other seat-holding
 * applications. A quota exception by the lead turns the block into a warning.
 */
export function departmentQuota(heldByOthers: number, inThisApplication: number, exceptionGranted: boolean): Finding[] {
  const total = heldByOthers + inThisApplication;
  if (total <= LIMITS.departmentsPerSchoolInBatch) return [];
  return [{
    rule: 'department_quota', level: exceptionGranted ? 'warn' : 'block',
    message: `本校本批次申报的二级院系将达到${total}个，原则上一所院校限报${LIMITS.departmentsPerSchoolInBatch}个` +
      (exceptionGranted ? '（联盟负责人已批准例外）。' : '。'),
  }];
}

/** 五(一) "原则上": 1 main leader and 2 program leaders per department. */
export function seatQuota(seat: Seat | null | undefined, heldByOthers: number, exceptionGranted: boolean): Finding[] {
  if (!seat) return [];
  const limit = LIMITS.seatsPerDepartment[seat];
  if (heldByOthers + 1 <= limit) return [];
  return [{
    rule: 'seat_quota', level: exceptionGranted ? 'warn' : 'block', field: 'seat',
    message: `该二级院系的“${SEAT[seat].zh}”名额（${limit}名）已满` + (exceptionGranted ? '（联盟负责人已批准例外）。' : '。'),
  }];
}

const missing = (field: string): Finding => ({
  rule: 'completeness', level: 'block', field,
  message: `请填写“${fieldLabel(field).zh}”。`,
});

/** 五(二): the council form's required fields and its sealed scan. */
export function councilCompleteness(form: CouncilForm, files: { sealedScan: boolean }): Finding[] {
  const out: string[] = [];
  if (form.equipmentMajorShare5yPct === null || form.equipmentMajorShare5yPct === undefined) out.push('equipmentMajorShare5yPct');
  for (const who of ['representative', 'contact'] as const) {
    for (const k of ['name', 'position', 'phone', 'email'] as const) if (blank(form[who]?.[k])) out.push(`${who}.${k}`);
  }
  const departments = form.departments ?? [];
  if (departments.length === 0) out.push('departments');
  departments.forEach((d, i) => {
    for (const k of ['name', 'category', 'establishedOn', 'majorSharePct', 'avgEnrollment3y', 'headName', 'headPosition', 'strongMajors'] as const) {
      if (blank(d[k])) out.push(`departments.${i}.${k}`);
    }
  });
  for (const k of ['recommendedRepresentative', 'signer', 'date'] as const) if (blank(form.schoolOpinion?.[k])) out.push(`schoolOpinion.${k}`);
  if (!files.sealedScan) out.push('sealedScan');
  return out.map(missing);
}

const MEMBER_REQUIRED = [
  'departmentId', 'seat', 'targetGroup', 'name', 'gender', 'birthMonth', 'politicalStatus', 'education', 'degree',
  'almaMater', 'studiedMajor', 'teachingYears', 'title', 'field', 'mobile', 'email', 'address', 'achievements', 'experience',
] as const;

/** 五(二): the member form's required fields, photo, commitment and sealed scan. */
export function memberCompleteness(form: MemberForm, files: { sealedScan: boolean; photo: boolean }): Finding[] {
  const out: string[] = MEMBER_REQUIRED.filter((k) => blank(form[k]));
  if (blank(form.position?.kind)) out.push('position.kind');
  if (form.commitment?.accepted !== true) out.push('commitment.accepted');
  if (blank(form.commitment?.date)) out.push('commitment.date');
  if (blank(form.schoolOpinion?.signer)) out.push('schoolOpinion.signer');
  if (blank(form.schoolOpinion?.date)) out.push('schoolOpinion.date');
  if (!files.photo) out.push('photo');
  if (!files.sealedScan) out.push('sealedScan');
  return out.map(missing);
}

export interface CouncilContext {
  form: CouncilForm;
  batch: { opensAt: Date; deadline: Date };
  /** When it was submitted, or now for an application not yet submitted. */
  at: Date;
  departmentsHeldByOthers: number;
  quotaException: boolean;
  files: { sealedScan: boolean };
}

/** All findings for a council application (附件1). */
export function evaluateCouncil(c: CouncilContext): Finding[] {
  const departments = c.form.departments ?? [];
  return [
    ...councilCompleteness(c.form, c.files),
    ...batchWindow(c.at, c.batch),
    ...equipmentShare(c.form.equipmentMajorShare5yPct),
    ...categoryScope(departments.map((d) => d.category)),
    ...departmentQuota(c.departmentsHeldByOthers, departments.length, c.quotaException),
  ];
}

export interface MemberContext {
  form: MemberForm;
  batch: { opensAt: Date; deadline: Date };
  at: Date;
  /** Seat-holding applications of the department for the same seat, this one excluded. */
  seatsHeldByOthers: number;
  quotaException: boolean;
  files: { sealedScan: boolean; photo: boolean };
}

/** All findings for an individual member application (附件2). */
export function evaluateMember(c: MemberContext): Finding[] {
  return [
    ...memberCompleteness(c.form, c.files),
    ...batchWindow(c.at, c.batch),
    ...youthAge(c.form.targetGroup, c.form.birthMonth, c.batch.deadline),
    ...teachingYears(c.form.targetGroup, c.form.teachingYears),
    ...seatQuota(c.form.seat, c.seatsHeldByOthers, c.quotaException),
  ];
}
