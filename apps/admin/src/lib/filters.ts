import type { Role } from '@alliance/domain';
import { API_BASE } from '../data/http';
import { listModeFor } from '../auth/access';

/**
 * Filters of the lists. They live in the URL (react-admin's `?filter=`), are sent to the API as
 * the JSON `filter` parameter, and the export buttons send the same filter.
 */

/** The filter keys each list accepts (API.md and api-details.md). */
export const FILTER_KEYS: Readonly<Record<string, readonly string[]>> = {
  'council-applications': [
    'q', 'state', 'batchId', 'schoolId', 'schoolType', 'schoolHonors', 'departmentCategory', 'departmentId', 'province',
  ],
  'member-applications': [
    'q', 'state', 'batchId', 'schoolId', 'schoolType', 'schoolHonors', 'departmentCategory', 'departmentId', 'province',
    'seat', 'targetGroup',
  ],
  members: ['q', 'kind', 'schoolId', 'schoolType', 'schoolHonors', 'departmentCategory', 'province', 'batchId', 'seat', 'targetGroup', 'duty'],
  emails: ['q', 'status', 'template', 'applicationKind', 'applicationId', 'invitationId'],
  invitations: ['q', 'state', 'role', 'duty'],
  users: ['q', 'role', 'schoolId', 'active'],
  'audit-events': ['action', 'entity', 'entityId', 'actorId'],
  batches: ['q'],
};

const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** The filter without empty values (react-admin keeps cleared inputs as '' or []). */
export function cleanFilter(filter: Record<string, unknown> | undefined | null): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(filter ?? {})
      .filter(([, v]) => !isEmpty(v))
      .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]),
  );
}

/** The cleaned filter restricted to the keys a resource accepts (unknown keys are dropped). */
export function filterFor(resource: string, filter: Record<string, unknown> | undefined | null): Record<string, unknown> {
  const keys = FILTER_KEYS[resource];
  const clean = cleanFilter(filter);
  return keys ? Object.fromEntries(Object.entries(clean).filter(([k]) => keys.includes(k))) : clean;
}

export type ExportFormat = 'csv' | 'xlsx';
export const EXPORTABLE = ['council-applications', 'member-applications', 'members'] as const;

/** GET /api/<resource>/export?format=…&filter=<json> for the current filter. */
export function exportUrl(resource: string, format: ExportFormat, filter: Record<string, unknown> | undefined | null): string {
  const params = new URLSearchParams({ format, filter: JSON.stringify(filterFor(resource, filter)) });
  return `${API_BASE}/${resource}/export?${params.toString()}`;
}

/** A react-admin list location with a filter, e.g. for the dashboard's links. */
export function listLink(resource: string, filter: Record<string, unknown>): string {
  const params = new URLSearchParams({ filter: JSON.stringify(cleanFilter(filter)) });
  return `/${resource}?${params.toString()}`;
}

/** Where a list opens: a school's reviewers start on the submitted applications of their queue. */
export function defaultFilterFor(roles: readonly Role[] | undefined): Record<string, unknown> {
  return listModeFor(roles) === 'school_queue' ? { state: 'submitted' } : {};
}

const asArray = (v: unknown): unknown[] => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]);

/**
 * Sidebar filters are "any of": clicking a code adds it to the key's array (the API reads an
 * array as any-of) or takes it out; the key disappears with its last code.
 */
export function toggleAnyOf(filters: Record<string, unknown>, key: string, code: unknown): Record<string, unknown> {
  const current = asArray(filters[key]);
  const next = current.some((c) => String(c) === String(code))
    ? current.filter((c) => String(c) !== String(code))
    : [...current, code];
  const rest = Object.fromEntries(Object.entries(filters).filter(([k]) => k !== key));
  return next.length > 0 ? { ...rest, [key]: next } : rest;
}

export const anyOfSelected = (filters: Record<string, unknown>, key: string, code: unknown): boolean =>
  asArray(filters[key]).some((c) => String(c) === String(code));
