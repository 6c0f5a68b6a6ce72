import { conflict } from './errors';

/** react-admin sends the whole record back on update: drop the fields nobody may write. */
export function stripReadOnly(body: unknown, extra: string[] = []): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const copy = { ...(body as Record<string, unknown>) };
  for (const k of ['id', 'createdAt', 'updatedAt', ...extra]) delete copy[k];
  return copy;
}

/** A unique-index race the pre-check missed is still a 409, not a 500. */
export function rethrowUniqueAsConflict(e: unknown): never {
  if ((e as { code?: string })?.code === '23505') throw conflict('记录已存在');
  throw e;
}
