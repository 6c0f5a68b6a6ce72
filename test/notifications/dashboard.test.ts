import { startApi, TestApi } from '../support/api';
import { Factory, TestUser } from '../support/factories';

/** bull-board at /api/queues, behind the lead's login. */
let api: TestApi;
let lead: TestUser;
let coordinator: TestUser;

beforeAll(async () => {
  api = await startApi();
  const f = new Factory(api);
  [lead, coordinator] = await Promise.all([f.user(['lead']), f.user(['coordinator'])]);
}, 60_000);
afterAll(() => api?.close());

const cookieOf = (res: { headers: Record<string, unknown> }) => {
  const raw = ([] as string[]).concat((res.headers['set-cookie'] as string[] | undefined) ?? []);
  return raw.find((c) => c.startsWith('alliance_queues='));
};

test('no login: 401; another role: 403; the lead with a bearer token: the board and its API', async () => {
  expect((await api.http.get('/api/queues')).status).toBe(401);
  expect((await api.http.get('/api/queues/api/queues')).status).toBe(401);
  expect((await api.http.get('/api/queues').set(coordinator.auth)).status).toBe(403);
  expect((await api.http.get('/api/queues').set('Authorization', 'Bearer not.a.token')).status).toBe(401);
  const page = await api.http.get('/api/queues').set(lead.auth);
  expect(page.status).toBe(200);
  expect(page.text).toContain('<base href="/api/queues/"');
  const queues = await api.http.get('/api/queues/api/queues').set(lead.auth);
  expect(queues.status).toBe(200);
  expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['mail', 'reminders']);
});

test('page navigation: POST /api/queues/session gives a single-use ticket and a cookie scoped to the board', async () => {
  expect((await api.http.post('/api/queues/session').set(coordinator.auth)).status).toBe(403);
  const session = await api.http.post('/api/queues/session').set(lead.auth);
  expect(session.status).toBe(200);
  expect(session.body.url).toMatch(/^\/api\/queues\?ticket=/);
  const cookie = cookieOf(session)!;
  expect(cookie).toMatch(/Path=\/api\/queues/);
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Lax/);

  // the ticket opens the board once, sets the cookie and drops itself from the address
  const opened = await api.http.get(session.body.url);
  expect(opened.status).toBe(303);
  expect(opened.headers.location).toBe('/api/queues');
  const boardCookie = cookieOf(opened)!.split(';')[0];
  expect((await api.http.get(session.body.url)).status).toBe(401);
  const page = await api.http.get('/api/queues').set('Cookie', boardCookie);
  expect(page.status).toBe(200);
  expect((await api.http.get('/api/queues/api/queues').set('Cookie', boardCookie)).status).toBe(200);
  const script = /src="(static\/js\/main[^"]+\.js)"/.exec(page.text)![1];
  const asset = await api.http.get(`/api/queues/${script}`).set('Cookie', boardCookie);
  expect(asset.status).toBe(200);
  expect(asset.headers['content-type']).toMatch(/javascript/);
  expect(page.headers['content-security-policy']).toContain("script-src 'self'");

  // the board's cookie is not an API token, and a forged or stale cookie is refused
  const value = boardCookie.split('=')[1];
  expect((await api.http.get('/api/emails').set('Authorization', `Bearer ${value}`)).status).toBe(401);
  expect((await api.http.get('/api/queues').set('Cookie', `alliance_queues=${value.slice(0, -2)}xx`)).status).toBe(401);

  // a lead who loses the role loses the board at once
  await api.db.query(`UPDATE users SET roles = '{coordinator}' WHERE id = $1`, [lead.id]);
  expect((await api.http.get('/api/queues').set('Cookie', boardCookie)).status).toBe(403);
  await api.db.query(`UPDATE users SET roles = '{lead}' WHERE id = $1`, [lead.id]);
});
