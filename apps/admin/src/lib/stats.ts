import {
  ACTIONS, APPLICATION_KIND, DEPARTMENT_CATEGORY, SCHOOL_TYPE, STATES, TRANSITIONS, codesOf, type Actor,
  type ApplicationKind, type ApplicationState, type Role,
} from '@alliance/domain';
import type { StatsPayload } from '../data/dataProvider';

/** Chart rows for the dashboard, built from GET /api/stats. Labels are added by the caller. */

export interface KindRow {
  code: string;
  council: number;
  member: number;
  total: number;
}
export interface CountRow {
  code: string;
  count: number;
}

const KINDS = codesOf(APPLICATION_KIND);

/** Applications per state, split by kind, in the workflow's order (every state, zeros included). */
export function stateRows(byState: StatsPayload['byState'] | undefined): KindRow[] {
  return STATES.map((state) => {
    const row: KindRow = { code: state, council: 0, member: 0, total: 0 };
    for (const r of byState ?? []) {
      if (r.state !== state || !KINDS.includes(r.kind as ApplicationKind)) continue;
      row[r.kind as ApplicationKind] += Number(r.count) || 0;
      row.total += Number(r.count) || 0;
    }
    return row;
  });
}

/** Counts in the order of a code table, with zeros for codes not counted and unknown codes last. */
export function codeRows(rows: readonly Record<string, unknown>[] | undefined, key: string, order: readonly string[]): CountRow[] {
  const counts = new Map<string, number>();
  for (const r of rows ?? []) {
    const code = r[key] === null || r[key] === undefined || r[key] === '' ? '' : String(r[key]);
    counts.set(code, (counts.get(code) ?? 0) + (Number(r.count) || 0));
  }
  const known = order.map((code) => ({ code, count: counts.get(code) ?? 0 }));
  const unknown = [...counts.entries()].filter(([c]) => !order.includes(c)).map(([code, count]) => ({ code, count }));
  return [...known, ...unknown];
}

export const schoolTypeRows = (s: StatsPayload | undefined) => codeRows(s?.bySchoolType, 'schoolType', codesOf(SCHOOL_TYPE));
export const categoryRows = (s: StatsPayload | undefined) =>
  codeRows(s?.byDepartmentCategory, 'category', codesOf(DEPARTMENT_CATEGORY));

/** Provinces by count, largest first; the empty code ('' = not given) stays as a row of its own. */
export function provinceRows(s: StatsPayload | undefined, limit = 34): CountRow[] {
  return codeRows(s?.byProvince, 'province', [])
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code, 'zh-CN'))
    .slice(0, limit);
}

/**
 * '待我处理': api-details.md names the field without a shape. A number is a total; an object
 * of numbers (e.g. by kind) or an array of `{ kind?, state?, count }` is summed.
 */
export interface Waiting {
  total: number;
  byKind: Partial<Record<ApplicationKind, number>>;
}
export function normalizeWaiting(value: unknown): Waiting {
  const out: Waiting = { total: 0, byKind: {} };
  const add = (kind: unknown, n: unknown) => {
    const count = Number(n) || 0;
    out.total += count;
    if (typeof kind === 'string' && KINDS.includes(kind as ApplicationKind)) {
      out.byKind[kind as ApplicationKind] = (out.byKind[kind as ApplicationKind] ?? 0) + count;
    }
  };
  if (typeof value === 'number') out.total = value;
  else if (Array.isArray(value)) value.forEach((r) => add(r?.kind, r?.count));
  else if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (typeof obj.total === 'number' && Object.keys(obj).length === 1) out.total = obj.total;
    else Object.entries(obj).forEach(([k, v]) => (k === 'total' ? undefined : add(k, v)));
    if (typeof obj.total === 'number') out.total = obj.total;
  }
  return out;
}

/**
 * The states in which applications wait for one of these roles (taken from the workflow table:
 * the states from which the role may approve, admit, return or reject).
 */
export function waitingStatesFor(roles: readonly Role[] | undefined): ApplicationState[] {
  const actors = (roles ?? []).filter((r): r is Actor & Role => r === 'school_admin' || r === 'center_reviewer' || r === 'lead');
  return STATES.filter((state) =>
    ACTIONS.some((action) => {
      const edge = TRANSITIONS[action];
      return edge.from.includes(state) && edge.by(state).some((a) => (actors as readonly string[]).includes(a));
    }),
  );
}
