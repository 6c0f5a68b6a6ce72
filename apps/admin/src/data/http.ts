import { fetchUtils, HttpError } from 'ra-core';
import { getToken } from '../auth/session';

/** Everything the API serves lives under /api (proxied by Vite in development). */
export const API_BASE = '/api';

/** fetchUtils.fetchJson with the bearer token of the session. */
export const httpClient = (url: string, options: fetchUtils.Options = {}) => {
  const token = getToken();
  return fetchUtils.fetchJson(url, token ? { ...options, user: { authenticated: true, token: `Bearer ${token}` } } : options);
};

/** The `{ statusCode, error, message, details? }` error body of the API. */
export interface ApiErrorBody {
  statusCode?: number;
  error?: string;
  message?: string | string[];
  details?: unknown;
  errors?: Record<string, string>;
}

/** A readable message for an error thrown by fetchJson, apiFetch or fetch itself. */
export function errorMessage(error: unknown, fallback = 'ra.notification.http_error'): string {
  if (error instanceof HttpError || (error && typeof error === 'object' && 'body' in error)) {
    const body = (error as { body?: ApiErrorBody }).body;
    if (body?.message) return Array.isArray(body.message) ? body.message.join('；') : body.message;
  }
  if (error instanceof Error && error.message) return error.message;
  return fallback;
}

/** The HTTP status of an error thrown by fetchJson or apiFetch, if any. */
export const errorStatus = (error: unknown): number | undefined =>
  error && typeof error === 'object' && 'status' in error ? Number((error as { status: unknown }).status) : undefined;

/**
 * A raw fetch under /api with the bearer header, for what fetchJson does not cover (files,
 * streams). Rejects with an HttpError carrying the API's error body on a non-2xx answer.
 */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const token = getToken();
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const response = await fetch(path.startsWith('/') ? path : `${API_BASE}/${path}`, { ...init, headers });
  if (!response.ok) throw await toHttpError(response);
  return response;
}

export async function toHttpError(response: Response): Promise<HttpError> {
  let body: ApiErrorBody | undefined;
  try {
    body = (await response.json()) as ApiErrorBody;
  } catch {
    body = undefined;
  }
  const message = body?.message ? (Array.isArray(body.message) ? body.message.join('；') : body.message) : response.statusText;
  return new HttpError(message || String(response.status), response.status, body);
}
