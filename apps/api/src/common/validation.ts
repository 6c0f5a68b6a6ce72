import { z } from 'zod';
import { AppError, FieldError } from './errors';

/** Validates input against a schema; a failure is a 400 that names each bad field by its path. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError('validation', '提交的数据有误', toFieldErrors(result.error));
}

export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...issue.path, key].join('.'), message: '不允许的字段' }));
    }
    return [{ path: issue.path.join('.') || '(body)', message: issue.message }];
  });
}

/** Parses a JSON query parameter such as `filter` or `sort`; malformed JSON is a 400 on that parameter. */
export function jsonParam(name: string, raw: unknown): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw new AppError('validation', '查询参数有误', [{ path: name, message: '必须是 JSON 字符串' }]);
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError('validation', '查询参数有误', [{ path: name, message: '不是有效的 JSON' }]);
  }
}

/** A positive integer id from a route parameter; anything else is "not found". */
export function idParam(raw: string): number {
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError('not_found', '记录不存在或无权查看');
  return id;
}
