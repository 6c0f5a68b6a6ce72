import type { Role } from '@alliance/domain';

/** The signed-in user as POST /api/auth/login and GET /api/auth/me return it. */
export interface SessionUser {
  id: number;
  email: string;
  name: string;
  roles: Role[];
  schoolId: number | null;
}

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const TOKEN_KEY = 'alliance.accessToken';
export const USER_KEY = 'alliance.user';

const defaultStore = (): KeyValueStore | null =>
  typeof globalThis.localStorage === 'undefined' ? null : globalThis.localStorage;

/** The bearer token and the user, kept in localStorage so that a reload stays signed in. */
export function saveSession(token: string, user: SessionUser, store = defaultStore()): void {
  store?.setItem(TOKEN_KEY, token);
  store?.setItem(USER_KEY, JSON.stringify(user));
}

export function saveUser(user: SessionUser, store = defaultStore()): void {
  store?.setItem(USER_KEY, JSON.stringify(user));
}

export function clearSession(store = defaultStore()): void {
  store?.removeItem(TOKEN_KEY);
  store?.removeItem(USER_KEY);
}

export function getToken(store = defaultStore()): string | null {
  return store?.getItem(TOKEN_KEY) || null;
}

export function getUser(store = defaultStore()): SessionUser | null {
  const raw = store?.getItem(USER_KEY);
  if (!raw) return null;
  try {
    const user = JSON.parse(raw) as SessionUser;
    return user && Array.isArray(user.roles) ? user : null;
  } catch {
    return null;
  }
}

/** The Authorization header of the current session, or none. */
export function authHeader(store = defaultStore()): Record<string, string> {
  const token = getToken(store);
  return token ? { Authorization: `Bearer ${token}` } : {};
}
