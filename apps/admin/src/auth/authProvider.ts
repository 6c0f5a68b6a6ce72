import type { AuthProvider, UserIdentity } from 'react-admin';
import { canAccessWith } from './access';
import { clearSession, getToken, getUser, saveSession, saveUser, type SessionUser } from './session';
import { API_BASE } from '../data/http';

/** Seconds since the epoch at which a JWT expires, or null when the token is not a readable JWT. */
export function tokenExpiry(token: string): number | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : null;
  } catch {
    return null;
  }
}

export const isExpired = (token: string, nowMs = Date.now()): boolean => {
  const exp = tokenExpiry(token);
  return exp !== null && exp * 1000 <= nowMs;
};

interface LoginAnswer {
  accessToken: string;
  user: SessionUser;
}

async function readError(response: Response, fallback: string): Promise<Error> {
  try {
    const body = (await response.json()) as { message?: string | string[] };
    const message = Array.isArray(body.message) ? body.message.join('；') : body.message;
    return new Error(message || fallback);
  } catch {
    return new Error(fallback);
  }
}

/**
 * Bearer-token auth against /api/auth. The token and the user live in localStorage; a 401 from
 * any call ends the session, a 403 only reports the refusal.
 */
export function createAuthProvider(fetchImpl: typeof fetch = (...args) => fetch(...args)): AuthProvider {
  return {
    async login({ email, password }: { email: string; password: string }) {
      const response = await fetchImpl(`${API_BASE}/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (!response.ok) throw await readError(response, 'ra.auth.sign_in_error');
      const { accessToken, user } = (await response.json()) as LoginAnswer;
      saveSession(accessToken, user);
    },
    async logout() {
      clearSession();
    },
    async checkAuth() {
      const token = getToken();
      if (!token || isExpired(token)) {
        clearSession();
        throw new Error('ra.auth.auth_check_error');
      }
    },
    async checkError(error: { status?: number }) {
      if (error?.status === 401) {
        clearSession();
        throw new Error('ra.notification.logged_out');
      }
    },
    async getIdentity(): Promise<UserIdentity> {
      const user = getUser();
      if (!user) throw new Error('ra.auth.auth_check_error');
      return { id: user.id, fullName: user.name || user.email, email: user.email, roles: user.roles, schoolId: user.schoolId };
    },
    async getPermissions() {
      return getUser()?.roles ?? [];
    },
    async canAccess({ action, resource, record }) {
      return canAccessWith(getUser()?.roles, { action, resource, record });
    },
    /** Re-reads the user from GET /api/auth/me (roles may have changed since the login). */
    async refreshIdentity() {
      const token = getToken();
      if (!token) return null;
      const response = await fetchImpl(`${API_BASE}/auth/me`, {
        headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
      });
      if (response.status === 401) {
        clearSession();
        return null;
      }
      if (!response.ok) return getUser();
      const user = (await response.json()) as SessionUser;
      saveUser(user);
      return user;
    },
  };
}

export const authProvider = createAuthProvider();
