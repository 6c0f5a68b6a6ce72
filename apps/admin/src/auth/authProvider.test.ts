import { createAuthProvider, isExpired, tokenExpiry } from './authProvider';
import { getToken, getUser } from './session';

class MemoryStorage {
  private data = new Map<string, string>();
  getItem(k: string) {
    return this.data.has(k) ? this.data.get(k)! : null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
  clear() {
    this.data.clear();
  }
}

const jwt = (payload: object) =>
  ['e30', Buffer.from(JSON.stringify(payload)).toString('base64url'), 'sig'].join('.');
const user = { id: 7, email: 'a@b.cn', name: '张三', roles: ['applicant'], schoolId: 3 };
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

beforeEach(() => {
  (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
});

describe('authProvider', () => {
  it('logs in with email and password and keeps the token and the user', async () => {
    const fetchImpl = jest.fn(async () => json(200, { accessToken: 'tok', user }));
    const auth = createAuthProvider(fetchImpl as unknown as typeof fetch);
    await auth.login({ email: 'a@b.cn', password: 'secret123' });
    expect(fetchImpl).toHaveBeenCalledWith('/api/auth/login', expect.objectContaining({ method: 'POST', body: JSON.stringify({ email: 'a@b.cn', password: 'secret123' }) }));
    expect(getToken()).toBe('tok');
    expect(getUser()).toEqual(user);
    await expect(auth.checkAuth({})).resolves.toBeUndefined();
    await expect(auth.getPermissions!({})).resolves.toEqual(['applicant']);
    await expect(auth.getIdentity!()).resolves.toMatchObject({ id: 7, fullName: '张三' });
  });

  it('reports the server’s one generic message on wrong credentials and on throttling', async () => {
    const auth = createAuthProvider((async () => json(401, { statusCode: 401, message: '邮箱或密码错误' })) as unknown as typeof fetch);
    await expect(auth.login({ email: 'x', password: 'y' })).rejects.toThrow('邮箱或密码错误');
    const throttled = createAuthProvider((async () => json(429, { statusCode: 429, message: '请稍后再试' })) as unknown as typeof fetch);
    await expect(throttled.login({ email: 'x', password: 'y' })).rejects.toThrow('请稍后再试');
    expect(getToken()).toBeNull();
  });

  it('logs out on a 401 and clears the session, but not on a 403', async () => {
    const auth = createAuthProvider(jest.fn() as unknown as typeof fetch);
    localStorage.setItem('alliance.accessToken', 'tok');
    await expect(auth.checkError({ status: 403 })).resolves.toBeUndefined();
    expect(getToken()).toBe('tok');
    await expect(auth.checkError({ status: 401 })).rejects.toThrow();
    expect(getToken()).toBeNull();
    await expect(auth.checkAuth({})).rejects.toThrow();
  });

  it('treats an expired JWT as logged out', async () => {
    const past = jwt({ exp: Math.floor(Date.now() / 1000) - 60 });
    const future = jwt({ exp: Math.floor(Date.now() / 1000) + 3600 });
    expect(tokenExpiry(future)).toBeGreaterThan(0);
    expect(tokenExpiry('opaque-token')).toBeNull();
    expect(isExpired(past)).toBe(true);
    expect(isExpired(future)).toBe(false);
    expect(isExpired('opaque-token')).toBe(false);
    localStorage.setItem('alliance.accessToken', past);
    await expect(createAuthProvider().checkAuth({})).rejects.toThrow();
  });

  it('answers canAccess from the stored roles', async () => {
    localStorage.setItem('alliance.user', JSON.stringify({ ...user, roles: ['lead'] }));
    const auth = createAuthProvider();
    await expect(auth.canAccess!({ action: 'list', resource: 'audit-events' } as never)).resolves.toBe(true);
    localStorage.setItem('alliance.user', JSON.stringify(user));
    await expect(auth.canAccess!({ action: 'list', resource: 'audit-events' } as never)).resolves.toBe(false);
  });

  it('refreshes the user from /api/auth/me', async () => {
    localStorage.setItem('alliance.accessToken', 'tok');
    const fetchImpl = jest.fn(async () => json(200, { ...user, roles: ['applicant', 'coordinator'] }));
    const auth = createAuthProvider(fetchImpl as unknown as typeof fetch);
    await auth.refreshIdentity();
    expect(fetchImpl).toHaveBeenCalledWith('/api/auth/me', expect.objectContaining({ headers: expect.objectContaining({ Authorization: 'Bearer tok' }) }));
    expect(getUser()?.roles).toEqual(['applicant', 'coordinator']);
  });

  it('ignores a corrupt stored user', () => {
    localStorage.setItem('alliance.user', '{not json');
    expect(getUser()).toBeNull();
  });
});
