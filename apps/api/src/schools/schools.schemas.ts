import { codesOf, OWNERSHIP, PROVINCES, SCHOOL_HONOR, SCHOOL_TYPE } from '@alliance/domain';
import { z } from 'zod';
import { anyOf, idFilter, textFilter } from '../common/list-query';

export const SchoolSchema = z.strictObject({
  name: z.string().trim().min(2, '请填写学校名称').max(100),
  type: z.enum(codesOf(SCHOOL_TYPE)),
  ownership: z.enum(codesOf(OWNERSHIP)),
  honors: z.array(z.enum(codesOf(SCHOOL_HONOR))).max(5).default([]).transform((h) => [...new Set(h)]),
  honorsOther: z.string().trim().max(200).nullish(),
  province: z.enum(PROVINCES).nullish(),
});
export type SchoolInput = z.output<typeof SchoolSchema>;

export const SchoolFilterSchema = z.strictObject({
  id: idFilter.optional(),
  type: anyOf(z.enum(codesOf(SCHOOL_TYPE))).optional(),
  honors: anyOf(z.enum(codesOf(SCHOOL_HONOR))).optional(),
  province: anyOf(z.enum(PROVINCES)).optional(),
  q: textFilter.optional(),
});
export type SchoolFilter = z.output<typeof SchoolFilterSchema>;
