import { blockingFindings, createDataProvider } from './dataProvider';
import { apiFetch, errorMessage, httpClient } from './http';

class MemoryStorage {
  private data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

type Call = { url: string; init: RequestInit };
let calls: Call[];
let answer: (url: string, init: RequestInit) => Response;

beforeEach(() => {
  calls = [];
  answer = () => new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } });
  (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
  localStorage.setItem('alliance.accessToken', 'tok-1');
  globalThis.fetch = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    return answer(String(url), init ?? {});
  }) as typeof fetch;
});

const header = (c: Call, name: string) => new Headers(c.init.headers).get(name);

describe('the data provider', () => {
  it('lists with ra-data-simple-rest’s query and the bearer header', async () => {
    answer = () =>
      new Response(JSON.stringify([{ id: 1 }]), { status: 200, headers: { 'Content-Range': 'council-applications 0-24/1' } });
    const dp = createDataProvider();
    const result = await dp.getList('council-applications', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'id', order: 'DESC' },
      filter: { state: ['submitted'], q: '智能' },
    });
    expect(result).toEqual({ data: [{ id: 1 }], total: 1, pageInfo: undefined });
    const url = new URL(calls[0].url, 'http://x');
    expect(url.pathname).toBe('/api/council-applications');
    expect(JSON.parse(url.searchParams.get('filter')!)).toEqual({ state: ['submitted'], q: '智能' });
    expect(url.searchParams.get('range')).toBe('[0,24]');
    expect(url.searchParams.get('sort')).toBe('["id","DESC"]');
    expect(header(calls[0], 'Authorization')).toBe('Bearer tok-1');
  });

  it('sends no Authorization header without a session', async () => {
    localStorage.removeItem('alliance.accessToken');
    await httpClient('/api/schools/1');
    expect(header(calls[0], 'Authorization')).toBeNull();
  });

  it('PUTs only writable fields, and POSTs the create fields', async () => {
    answer = (_u, init) => new Response(init.body as string, { status: 200 });
    const dp = createDataProvider();
    await dp.update('batches', { id: 2, data: { id: 2, name: 'B', opensAt: 'o', deadline: 'd', extra: 1 }, previousData: { id: 2 } });
    expect(calls[0].init.method).toBe('PUT');
    expect(JSON.parse(calls[0].init.body as string)).toEqual({ name: 'B', opensAt: 'o', deadline: 'd' });
    await dp.update('users', { id: 2, data: { id: 2, email: 'a@b.cn', name: 'A', roles: ['lead'], active: true }, previousData: { id: 2 } });
    expect(JSON.parse(calls[1].init.body as string)).toEqual({ name: 'A', roles: ['lead'], active: true, schoolId: null });
    await dp.create('users', { data: { email: 'a@b.cn', name: 'A', password: 'secret123', roles: ['lead'], active: true } });
    expect(calls[2].init.method).toBe('POST');
    expect(JSON.parse(calls[2].init.body as string)).toEqual({ email: 'a@b.cn', name: 'A', password: 'secret123', roles: ['lead'], schoolId: null });
  });

  it('posts transitions with an action and a trimmed comment', async () => {
    const dp = createDataProvider();
    await dp.transition('member-applications', 9, 'return', '  请补充材料 ');
    await dp.transition('member-applications', 9, 'submit');
    expect(calls[0].url).toBe('/api/member-applications/9/transitions');
    expect(calls[0].init.method).toBe('POST');
    expect(JSON.parse(calls[0].init.body as string)).toEqual({ action: 'return', comment: '请补充材料' });
    expect(JSON.parse(calls[1].init.body as string)).toEqual({ action: 'submit' });
    expect(header(calls[0], 'Content-Type')).toBe('application/json');
  });

  it('applies a bulk action one application at a time and reports failures', async () => {
    answer = (url) =>
      url.includes('/2/')
        ? new Response(JSON.stringify({ statusCode: 409, message: '当前状态不允许此操作' }), { status: 409 })
        : new Response('{}', { status: 200 });
    const dp = createDataProvider();
    const result = await dp.transitionMany('council-applications', [1, 2, 3], 'center_approve');
    expect(result.succeeded).toEqual([1, 3]);
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0].id).toBe(2);
    expect(errorMessage(result.failed[0].error)).toBe('当前状态不允许此操作');
    expect(calls.map((c) => c.url)).toEqual([
      '/api/council-applications/1/transitions',
      '/api/council-applications/2/transitions',
      '/api/council-applications/3/transitions',
    ]);
  });

  it('gives the findings of a 422', async () => {
    const findings = [{ rule: 'completeness', level: 'block', message: '缺少盖章扫描件' }];
    answer = () => new Response(JSON.stringify({ statusCode: 422, message: '不符合申报条件', details: findings }), { status: 422 });
    const dp = createDataProvider();
    const error = await dp.transition('council-applications', 1, 'submit').catch((e) => e);
    expect(blockingFindings(error)).toEqual(findings);
    expect(blockingFindings(new Error('x'))).toEqual([]);
  });

  it('uploads a file as multipart field "file" with the kind in the query', async () => {
    answer = () => new Response(JSON.stringify({ id: 4, kind: 'photo' }), { status: 201 });
    const dp = createDataProvider();
    const file = new File([new Uint8Array([0xff, 0xd8, 0xff])], '照片.jpg', { type: 'image/jpeg' });
    const { data } = await dp.uploadAttachment('member-applications', 3, 'photo', file);
    expect(data).toEqual({ id: 4, kind: 'photo' });
    expect(calls[0].url).toBe('/api/member-applications/3/attachments?kind=photo');
    const body = calls[0].init.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect((body.get('file') as File).name).toBe('照片.jpg');
    expect(header(calls[0], 'Content-Type')).toBeNull(); // the browser sets the multipart boundary
    expect(header(calls[0], 'Authorization')).toBe('Bearer tok-1');
  });

  it('reaches the other endpoints of the API', async () => {
    const dp = createDataProvider();
    answer = () => new Response('[]', { status: 200 });
    await dp.getTransitions('council-applications', 5);
    await dp.quotaException('council-applications', 5, '特批');
    await dp.invitationAction(8, 'revoke');
    await dp.resendEmail(6);
    await dp.emailPreview(6);
    await dp.getStats();
    expect(calls.map((c) => `${c.init.method ?? 'GET'} ${c.url}`)).toEqual([
      'GET /api/council-applications/5/transitions',
      'POST /api/council-applications/5/quota-exception',
      'POST /api/invitations/8/revoke',
      'POST /api/emails/6/resend',
      'GET /api/emails/6/preview',
      'GET /api/stats',
    ]);
    expect(JSON.parse(calls[1].init.body as string)).toEqual({ reason: '特批' });
  });

  it('apiFetch adds the bearer header and turns an error answer into an HttpError', async () => {
    answer = () => new Response(JSON.stringify({ statusCode: 403, message: '无权访问' }), { status: 403 });
    const error = await apiFetch('attachments/1').catch((e) => e);
    expect(calls[0].url).toBe('/api/attachments/1');
    expect(header(calls[0], 'Authorization')).toBe('Bearer tok-1');
    expect(error.status).toBe(403);
    expect(errorMessage(error)).toBe('无权访问');
  });
});
