import type { Response } from 'express';
import { z } from 'zod';
import { AppError } from './errors';
import { jsonParam, parse } from './validation';

/** A react-admin list request (`ra-data-simple-rest`): filter, range and sort. */
export interface ListQuery<F> {
  filter: F;
  offset: number;
  limit: number;
  sort: { field: string; order: 'ASC' | 'DESC' };
}

export const MAX_PAGE = 500;

/** A filter value: one code or an array meaning "any of". Normalised to an array. */
export const anyOf = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item).max(1000)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);

export const idFilter = anyOf(z.coerce.number().int().positive());
export const textFilter = z.string().trim().max(100);

const RangeSchema = z.tuple([z.number().int().min(0), z.number().int().min(0)]).refine(([a, b]) => b >= a, 'range end before start');
const SortSchema = z.tuple([z.string().max(64), z.enum(['ASC', 'DESC', 'asc', 'desc'])]);

export function parseListQuery<S extends z.ZodType>(
  query: Record<string, unknown>,
  filterSchema: S,
  sortable: readonly string[],
  defaultSort: [string, 'ASC' | 'DESC'] = ['id', 'DESC'],
): ListQuery<z.output<S>> {
  const filter = prefixed('filter', () => parse(filterSchema, jsonParam('filter', query.filter) ?? {}));
  const range = query.range === undefined ? [0, 24] : wrap('range', () => parse(RangeSchema, jsonParam('range', query.range)));
  const [field, order] = query.sort === undefined ? defaultSort : wrap('sort', () => parse(SortSchema, jsonParam('sort', query.sort)));
  if (!sortable.includes(field)) {
    throw new AppError('validation', '查询参数有误', [{ path: 'sort', message: `不能按“${field}”排序；可用：${sortable.join(', ')}` }]);
  }
  const limit = Math.min(range[1] - range[0] + 1, MAX_PAGE);
  return { filter, offset: range[0], limit, sort: { field, order: order.toUpperCase() as 'ASC' | 'DESC' } };
}

/** Names the filter's bad keys as `filter.<key>`. */
function prefixed<T>(param: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AppError && e.code === 'validation' && Array.isArray(e.details)) {
      const details = (e.details as { path: string; message: string }[]).map((d) =>
        (d.path === param || d.path.startsWith(`${param}.`) ? d : { ...d, path: `${param}.${d.path}` }));
      throw new AppError('validation', '查询参数有误', details);
    }
    throw e;
  }
}

/** Re-labels a nested validation error with the query parameter's name. */
function wrap<T>(param: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AppError && e.code === 'validation') {
      throw new AppError('validation', '查询参数有误', [{ path: param, message: `${param} 格式有误` }]);
    }
    throw e;
  }
}

/** Sets the `Content-Range` header react-admin reads the total from. */
export function setContentRange(res: Response, resource: string, offset: number, count: number, total: number): void {
  const end = count === 0 ? offset : offset + count - 1;
  res.setHeader('Content-Range', `${resource} ${offset}-${end}/${total}`);
}
