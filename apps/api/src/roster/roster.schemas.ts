import { codesOf, DEPARTMENT_CATEGORY, EXPERT_DUTY, PROVINCES, ROSTER_KIND, SCHOOL_HONOR, SCHOOL_TYPE, SEAT } from '@alliance/domain';
import { z } from 'zod';
import { anyOf, idFilter, textFilter } from '../common/list-query';

/** A roster id: `<kind>-<n>`, e.g. `council_unit-12`. */
export const ROSTER_ID = /^(council_unit|individual|expert)-([1-9]\d{0,8})$/;

export const MemberRosterFilterSchema = z.strictObject({
  id: anyOf(z.string().regex(ROSTER_ID, '编号格式应为 <类别>-<数字>')).optional(),
  kind: anyOf(z.enum(codesOf(ROSTER_KIND))).optional(),
  schoolId: idFilter.optional(),
  schoolType: anyOf(z.enum(codesOf(SCHOOL_TYPE))).optional(),
  schoolHonors: anyOf(z.enum(codesOf(SCHOOL_HONOR))).optional(),
  departmentCategory: anyOf(z.enum(codesOf(DEPARTMENT_CATEGORY))).optional(),
  province: anyOf(z.enum(PROVINCES)).optional(),
  batchId: idFilter.optional(),
  seat: anyOf(z.enum(codesOf(SEAT))).optional(),
  targetGroup: anyOf(z.coerce.number().int().min(1).max(3)).optional(),
  duty: anyOf(z.enum(codesOf(EXPERT_DUTY))).optional(),
  q: textFilter.optional(),
});
export type MemberRosterFilter = z.output<typeof MemberRosterFilterSchema>;

export const ROSTER_SORTABLE = ['id', 'kind', 'name', 'organization', 'province', 'schoolType', 'batchId', 'admittedAt'];
