import { Label } from './codes';

export const RULE = {
  completeness: { zh: '必填项与附件', en: 'Required fields and files' },
  batch_window: { zh: '征集时间', en: 'Batch window' },
  equipment_share: { zh: '装备制造类专业占比', en: 'Equipment-manufacturing major share' },
  category_scope: { zh: '征集范围', en: 'Scope of the call' },
  department_quota: { zh: '院系名额', en: 'Departments per school' },
  seat_quota: { zh: '个人名额', en: 'Seats per department' },
  youth_age: { zh: '青年教师年龄', en: 'Young teacher age' },
  teaching_years: { zh: '从教年限', en: 'Teaching years' },
} as const satisfies Record<string, Label>;
export type RuleCode = keyof typeof RULE;

export const FINDING_LEVEL = {
  block: { zh: '阻止提交', en: 'Blocks submission' },
  warn: { zh: '提示', en: 'Warning' },
} as const satisfies Record<string, Label>;
export type FindingLevel = keyof typeof FINDING_LEVEL;

/** The outcome of one eligibility rule. `field` points at the form field, when there is one. */
export interface Finding {
  rule: RuleCode;
  level: FindingLevel;
  message: string;
  field?: string;
}

export const hasBlocking = (findings: readonly Finding[]): boolean => findings.some((f) => f.level === 'block');
