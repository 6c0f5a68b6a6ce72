import {
  DATE_PATTERN, EMAIL_PATTERN, LIMITS, MOBILE_PATTERN, YEAR_MONTH_PATTERN, isFutureMonth,
} from '@alliance/domain';
import { isBlank } from './object';

/**
 * Form validators in react-admin's shape: `(value, allValues) => undefined | { message, args }`.
 * Patterns and limits come from @alliance/domain. Drafts may be partial, so an empty value is
 * never an error here: completeness is a finding that blocks the submit.
 */
export type ValidationResult = undefined | { message: string; args: Record<string, unknown> };
export type Validator = (value: unknown, allValues?: unknown) => ValidationResult;

const fail = (message: string, args: Record<string, unknown> = {}): ValidationResult => ({ message, args });

export const mobile: Validator = (v) => (isBlank(v) || MOBILE_PATTERN.test(String(v).trim()) ? undefined : fail('app.validation.mobile'));
export const emailAddress: Validator = (v) =>
  isBlank(v) || EMAIL_PATTERN.test(String(v).trim()) ? undefined : fail('app.validation.email');
export const yearMonth: Validator = (v) =>
  isBlank(v) || YEAR_MONTH_PATTERN.test(String(v)) ? undefined : fail('app.validation.year_month');
export const calendarDate: Validator = (v) => (isBlank(v) || DATE_PATTERN.test(String(v)) ? undefined : fail('app.validation.date'));

/** A `YYYY-MM` that is not after the current month (Shanghai time). */
export const pastMonth = (now: () => Date = () => new Date()): Validator => (v) => {
  if (isBlank(v)) return undefined;
  if (!YEAR_MONTH_PATTERN.test(String(v))) return fail('app.validation.year_month');
  return isFutureMonth(String(v), now()) ? fail('app.validation.future_month') : undefined;
};

/** A number between 0 and 100 with at most one decimal. */
export const percent: Validator = (v) => {
  if (isBlank(v)) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 100) return fail('app.validation.percent');
  return Math.abs(n * 10 - Math.round(n * 10)) > 1e-9 ? fail('app.validation.one_decimal') : undefined;
};

/** A whole number ≥ 0. */
export const count: Validator = (v) => {
  if (isBlank(v)) return undefined;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? undefined : fail('app.validation.count');
};

/** Between min and max items (an empty list is left to the completeness finding when min > 0). */
export const itemCount = (min: number, max: number): Validator => (v) => {
  const n = Array.isArray(v) ? v.filter((x) => !isBlank(x)).length : 0;
  if (n > max) return fail('app.validation.too_many', { max });
  if (n > 0 && n < min) return fail('app.validation.too_few', { min });
  return undefined;
};

export const departmentsCount = itemCount(LIMITS.departmentsPerApplication.min, LIMITS.departmentsPerApplication.max);
export const strongMajorsCount = itemCount(LIMITS.strongMajors.min, LIMITS.strongMajors.max);

/** Registration and invitation passwords: at least LIMITS.passwordMinLength characters. */
export const password: Validator = (v) =>
  isBlank(v) || String(v).length >= LIMITS.passwordMinLength
    ? undefined
    : fail('app.validation.password', { min: LIMITS.passwordMinLength });

/**
 * Required (for the forms that are not drafts: registration, batches, users, invitations).
 * `isRequired` makes react-admin mark the input with an asterisk, as it does for required().
 */
export const present: Validator & { isRequired: true } = Object.assign(
  (v: unknown) => (isBlank(v) ? fail('ra.validation.required') : undefined),
  { isRequired: true as const },
);

/** The confirmation field equals the field `other`. */
export const sameAs = (other: string): Validator => (v, all) =>
  v === (all as Record<string, unknown> | undefined)?.[other] ? undefined : fail('app.validation.password_mismatch');
