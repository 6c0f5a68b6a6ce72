import {
  ACTION, APPLICATION_KIND, ATTACHMENT_KIND, DEGREE, DEPARTMENT_CATEGORY, DEPARTMENT_HONOR, EDUCATION,
  EMAIL_STATUS, EMAIL_TEMPLATE, EXPERT_DUTY, FINDING_LEVEL, GENDER, INVITATION_STATE, OWNERSHIP,
  POLITICAL_STATUS, POSITION_KIND, PROVINCES, ROLE, ROSTER_KIND, RULE, SCHOOL_HONOR, SCHOOL_TYPE, SEAT,
  STATE, TARGET_GROUP, TARGET_GROUPS, type Label,
} from '@alliance/domain';

export type Lang = 'zh' | 'en';

/**
 * Every code table of @alliance/domain the console shows, by the name its translations live
 * under (`codes.<table>.<code>`). The labels themselves stay in the domain library.
 */
export const CODE_TABLES = {
  role: ROLE,
  school_type: SCHOOL_TYPE,
  ownership: OWNERSHIP,
  school_honor: SCHOOL_HONOR,
  department_category: DEPARTMENT_CATEGORY,
  department_honor: DEPARTMENT_HONOR,
  gender: GENDER,
  political_status: POLITICAL_STATUS,
  education: EDUCATION,
  degree: DEGREE,
  position_kind: POSITION_KIND,
  seat: SEAT,
  target_group: TARGET_GROUP,
  expert_duty: EXPERT_DUTY,
  invitation_state: INVITATION_STATE,
  application_kind: APPLICATION_KIND,
  roster_kind: ROSTER_KIND,
  attachment_kind: ATTACHMENT_KIND,
  email_status: EMAIL_STATUS,
  email_template: EMAIL_TEMPLATE,
  state: STATE,
  action: ACTION,
  rule: RULE,
  finding_level: FINDING_LEVEL,
} as const satisfies Record<string, Readonly<Record<string | number, Label>>>;

export type CodeTableName = keyof typeof CODE_TABLES;

/** The translation key of one code, e.g. `codes.state.submitted`. */
export const codeKey = (table: CodeTableName, code: string | number): string => `codes.${table}.${code}`;

/** `{ codes: { <table>: { <code>: label } } }` in one language. */
export function codeMessages(lang: Lang): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [name, table] of Object.entries(CODE_TABLES)) {
    out[name] = Object.fromEntries(
      Object.entries(table as Record<string, Label>).map(([code, label]) => [code, label[lang]]),
    );
  }
  return out;
}

export interface Choice {
  id: string | number;
  name: string;
}

/**
 * Choices for react-admin's select/radio/checkbox inputs, named by translation key (the inputs
 * translate choice names). Target groups are numbers in the API, so their ids are numbers.
 */
export function choicesOf(table: CodeTableName, only?: readonly (string | number)[]): Choice[] {
  const codes: (string | number)[] = table === 'target_group' ? [...TARGET_GROUPS] : Object.keys(CODE_TABLES[table]);
  return codes
    .filter((code) => !only || only.includes(code))
    .map((code) => ({ id: code, name: codeKey(table, code) }));
}

/** Provinces are written by their Chinese short names in every language (they are the codes). */
export const provinceChoices: Choice[] = PROVINCES.map((p) => ({ id: p, name: p }));

/** The label of a code in a language, or the code itself when the table does not know it. */
export function codeLabel(table: CodeTableName, code: string | number | null | undefined, lang: Lang): string {
  if (code === null || code === undefined || code === '') return '';
  const label = (CODE_TABLES[table] as Record<string, Label>)[String(code)];
  return label ? label[lang] : String(code);
}
