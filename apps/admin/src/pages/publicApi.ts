import { API_BASE, toHttpError } from '../data/http';

/** A JSON call to a public endpoint (no session needed). */
export async function publicJson<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const response = await fetch(`${API_BASE}/${path}`, {
    method: init.method ?? 'GET',
    headers: { Accept: 'application/json', ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    signal: init.signal,
  });
  if (!response.ok) throw await toHttpError(response);
  const text = await response.text();
  return (text ? JSON.parse(text) : {}) as T;
}

export interface RegisterBody {
  email: string;
  password: string;
  name: string;
  schoolId?: number;
  school?: { name: string; type: string; ownership: string; honors: string[]; honorsOther?: string | null; province?: string | null };
}

/** The body of POST /api/auth/register from the registration form: an existing school or a new one. */
export function registerBody(values: Record<string, unknown>): RegisterBody {
  const base = {
    email: String(values.email ?? '').trim(),
    password: String(values.password ?? ''),
    name: String(values.name ?? '').trim(),
  };
  if (values.schoolMode === 'new') {
    const s = (values.school ?? {}) as Record<string, unknown>;
    const honors = Array.isArray(s.honors) ? (s.honors as string[]) : [];
    return {
      ...base,
      school: {
        name: String(s.name ?? '').trim(),
        type: String(s.type ?? ''),
        ownership: String(s.ownership ?? ''),
        honors,
        honorsOther: honors.includes('other') ? String(s.honorsOther ?? '').trim() || null : null,
        province: s.province ? String(s.province) : null,
      },
    };
  }
  return { ...base, schoolId: Number(values.schoolId) };
}
