import { createHmac } from 'node:crypto';
import { startApi, TestApi } from '../support/api';
import { Factory, PASSWORD } from '../support/factories';

let api: TestApi;
let f: Factory;
const SECRET = 'test-secret-for-tokens-0123456789abcdef';

beforeAll(async () => {
  api = await startApi({ TOKEN_SECRET: SECRET, LOGIN_MAX_FAILURES: '3' });
  f = new Factory(api);
});
afterAll(() => api.close());

const jwt = (header: object, payload: object, secret: string | null) => {
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${enc(header)}.${enc(payload)}`;
  return `${body}.${secret ? createHmac('sha256', secret).update(body).digest('base64url') : ''}`;
};

test('login returns a token and the user; passwords are stored as argon2id', async () => {
  const u = await f.user(['coordinator']);
  const res = await api.http.post('/api/auth/login').send({ email: u.email.toUpperCase(), password: PASSWORD });
  expect(res.status).toBe(200);
  expect(res.body.user).toEqual({ id: u.id, email: u.email, name: expect.any(String), roles: ['coordinator'], schoolId: null });
  const [{ password_hash }] = await api.db.query('SELECT password_hash FROM users WHERE id = $1', [u.id]);
  expect(password_hash).toMatch(/^\$argon2id\$/);
  expect((await api.http.get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`)).body.id).toBe(u.id);
});

test('a wrong password and an unknown email get the same answer', async () => {
  const u = await f.user(['lead']);
  const wrong = await api.http.post('/api/auth/login').send({ email: u.email, password: 'Wrong#password1' });
  const unknown = await api.http.post('/api/auth/login').send({ email: 'nobody@test.cn', password: 'Wrong#password1' });
  expect(wrong.status).toBe(401);
  expect(unknown.status).toBe(401);
  expect(wrong.body).toEqual(unknown.body);
});

test('repeated failures are throttled with 429, even with the right password', async () => {
  const u = await f.user(['lead']);
  for (let i = 0; i < 3; i++) expect((await api.http.post('/api/auth/login').send({ email: u.email, password: 'nope-nope-1' })).status).toBe(401);
  const res = await api.http.post('/api/auth/login').send({ email: u.email, password: PASSWORD });
  expect(res.status).toBe(429);
});

test('tokens with alg none, a wrong key, a past expiry or a forged subject are refused', async () => {
  const u = await f.user(['lead']);
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: String(u.id), iss: 'alliance', iat: now, exp: now + 600 };
  const bad = [
    jwt({ alg: 'none', typ: 'JWT' }, claims, null),
    jwt({ alg: 'HS256', typ: 'JWT' }, claims, 'another-secret-another-secret-12345'),
    jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, exp: now - 10 }, SECRET),
    jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, iss: 'someone-else' }, SECRET),
    'Bearer-less',
  ];
  for (const token of bad) expect((await api.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
  expect((await api.http.get('/api/auth/me').set('Authorization', `Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, claims, SECRET)}`)).status).toBe(200);
});

test('a deactivated account cannot use its token', async () => {
  const u = await f.user(['center_reviewer']);
  await api.db.query('UPDATE users SET active = false WHERE id = $1', [u.id]);
  expect((await api.http.get('/api/auth/me').set(u.auth)).status).toBe(401);
});

test('registration: weak passwords refused; same answer for a taken email; login only after verification', async () => {
  const schoolId = await f.school();
  const weak = await api.http.post('/api/auth/register').send({ email: 'new@test.cn', password: 'password1', name: '新用户', schoolId });
  expect(weak.status).toBe(400);
  expect(weak.body.details[0].path).toBe('password');
  const short = await api.http.post('/api/auth/register').send({ email: 'new@test.cn', password: 'Ab#1', name: '新用户', schoolId });
  expect(short.body.details[0].path).toBe('password');

  const ok = await api.http.post('/api/auth/register').send({ email: 'new@test.cn', password: 'Strong#pass2024', name: '新用户', schoolId });
  expect(ok.status).toBe(202);
  const again = await api.http.post('/api/auth/register').send({ email: 'new@test.cn', password: 'Other#pass2024', name: '别人', schoolId });
  expect(again.status).toBe(202);
  expect(again.body).toEqual(ok.body);
  expect((await api.db.query(`SELECT count(*)::int AS n FROM users WHERE email = 'new@test.cn'`))[0].n).toBe(1);

  expect((await api.http.post('/api/auth/login').send({ email: 'new@test.cn', password: 'Strong#pass2024' })).status).toBe(401);
  const [mail] = await api.db.query(`SELECT data FROM emails WHERE template = 'verify_email' AND to_email = 'new@test.cn'`);
  const { unseal } = await import('../../apps/api/src/common/secrets');
  const token = new URL(unseal(mail.data.link, SECRET).replace('/#/', '/')).searchParams.get('token')!;
  const [{ verification_token_hash }] = await api.db.query(`SELECT verification_token_hash FROM users WHERE email = 'new@test.cn'`);
  expect(verification_token_hash).not.toContain(token);
  expect((await api.http.post('/api/auth/verify-email').send({ token })).status).toBe(200);
  expect((await api.http.post('/api/auth/verify-email').send({ token })).status).toBe(404);
  expect((await api.http.post('/api/auth/login').send({ email: 'new@test.cn', password: 'Strong#pass2024' })).status).toBe(200);
});

test('registration with a new school creates it; the lead creates accounts that are active at once', async () => {
  const res = await api.http.post('/api/auth/register').send({
    email: 'school@test.cn', password: 'Strong#pass2024', name: '联系人',
    school: { name: '新建职业技术学院', type: 'secondary_vocational', ownership: 'private', honors: ['double_excellence'], province: '云南' },
  });
  expect(res.status).toBe(202);
  expect((await api.db.query(`SELECT type FROM schools WHERE name = '新建职业技术学院'`))[0].type).toBe('secondary_vocational');
  const lead = await f.user(['lead']);
  const created = await api.http.post('/api/users').set(lead.auth).send({ email: 'rev@test.cn', name: '审核员', password: 'Strong#pass2024', roles: ['center_reviewer'] });
  expect(created.status).toBe(201);
  expect((await api.http.post('/api/auth/login').send({ email: 'rev@test.cn', password: 'Strong#pass2024' })).status).toBe(200);
  // the answer is the user as updated (read in the update's own transaction)
  const renamed = await api.http.put(`/api/users/${created.body.id}`).set(lead.auth).send({ name: '中心审核员' });
  expect(renamed.status).toBe(200);
  expect(renamed.body.name).toBe('中心审核员');
  const noSchool = await api.http.post('/api/users').set(lead.auth).send({ email: 'adm@test.cn', name: '学校', password: 'Strong#pass2024', roles: ['school_admin'] });
  expect(noSchool.status).toBe(400);
  expect(noSchool.body.details[0].path).toBe('schoolId');
  const dup = await api.http.post('/api/users').set(lead.auth).send({ email: 'rev@test.cn', name: '审核员', password: 'Strong#pass2024', roles: ['coordinator'] });
  expect(dup.status).toBe(409);
});

test('the audit table refuses UPDATE and DELETE at the database level', async () => {
  await expect(api.db.query(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow(/append-only/);
  await expect(api.db.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
});

test('health answers with each part', async () => {
  const res = await api.http.get('/api/health');
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ status: 'ok', postgres: 'up', redis: 'up' });
  expect((await api.http.get('/api/docs-json')).body.openapi).toMatch(/^3\./);
});

test('the OpenAPI document describes the form bodies from their validation schemas', async () => {
  const doc = (await api.http.get('/api/docs-json')).body;
  const body = doc.paths['/api/council-applications'].post.requestBody.content['application/json'].schema;
  expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(['batchId', 'equipmentMajorShare5yPct', 'departments']));
  expect(doc.paths['/api/member-applications/{id}/transitions'].post.requestBody.content['application/json'].schema.properties.action.enum)
    .toContain('school_approve');
});
