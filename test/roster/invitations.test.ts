import { createHash } from 'node:crypto';
import { CLOCK, type Clock } from '../../apps/api/src/common/clock';
import { unseal } from '../../apps/api/src/common/secrets';
import { startApi, TestApi } from '../support/api';
import { Factory, TestUser } from '../support/factories';

const TOKEN_SECRET = 'invitations-test-secret-0123456789-abcdefghij';
const DAY = 86_400_000;
const STRONG = 'Expert#Invite2024';

let api: TestApi;
let f: Factory;
let lead: TestUser;
let coordinator: TestUser;
let clock: Clock;
let offset = 0;

beforeAll(async () => {
  api = await startApi({ TOKEN_SECRET, INVITATION_TTL_DAYS: '14' });
  f = new Factory(api);
  [lead, coordinator] = await Promise.all([f.user(['lead']), f.user(['coordinator'])]);
  clock = api.app.get(CLOCK);
  const real = clock.now.bind(clock);
  jest.spyOn(clock, 'now').mockImplementation(() => new Date(real().getTime() + offset));
});
afterEach(() => {
  offset = 0;
});
afterAll(() => api.close());

let seq = 0;
const invite = async (overrides: Record<string, unknown> = {}) => {
  const body = { email: `expert${++seq}-${Date.now()}@inst.cn`, name: '赵教授', role: 'expert', duty: 'supervise', organization: '机械工业研究院', message: '诚邀您担任特邀专家。', ...overrides };
  const res = await api.http.post('/api/invitations').set(lead.auth).send(body);
  expect(res.status).toBe(201);
  return res.body as { id: number; email: string; state: string; expiresAt: string };
};

/** The token as the invitee receives it: the latest invitation mail's sealed link, opened with TOKEN_SECRET. */
const mailedToken = async (invitationId: number) => {
  const rows = await api.db.query(`SELECT template, to_email AS "toEmail", data FROM emails WHERE invitation_id = $1 ORDER BY id DESC`, [invitationId]);
  expect(rows.length).toBeGreaterThan(0);
  const link = unseal(rows[0].data.link, TOKEN_SECRET);
  const match = /^http:\/\/console\.test\/#\/accept-invitation\?token=([\w-]+)$/.exec(link);
  expect(match).not.toBeNull();
  return { token: match![1], mail: rows[0], mails: rows.length };
};
const byToken = (token: string) => api.http.get(`/api/invitations/by-token/${token}`);
const accept = (token: string, extra: Record<string, unknown> = {}) => api.http.post('/api/invitations/accept').send({ token, password: STRONG, ...extra });

describe('the whole lifecycle', () => {
  test('invite → mail in the outbox → preview → accept → account → roster; the token is stored only as a hash and works once', async () => {
    const inv = await invite({ email: 'Zhao.Prof@Inst.cn' });
    expect(inv).toMatchObject({ email: 'zhao.prof@inst.cn', state: 'pending', role: 'expert', duty: 'supervise', organization: '机械工业研究院' });
    expect(new Date(inv.expiresAt).getTime() - Date.now()).toBeGreaterThan(14 * DAY - 60_000);

    const { token, mail } = await mailedToken(inv.id);
    expect(mail).toMatchObject({ template: 'invitation', toEmail: 'zhao.prof@inst.cn' });
    expect(mail.data).toEqual({
      name: '赵教授', role: 'expert', roleLabel: '特邀专家', duty: 'supervise', dutyLabel: '督导', message: '诚邀您担任特邀专家。',
      inviterName: expect.any(String), expiresAt: inv.expiresAt, link: expect.any(String),
    });
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const [stored] = await api.db.query('SELECT token_hash FROM invitations WHERE id = $1', [inv.id]);
    expect(stored.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    const everywhere = await api.db.query(`SELECT count(*)::int AS n FROM invitations i, emails e WHERE i.id = $1 AND e.invitation_id = i.id
      AND (row_to_json(i)::text LIKE '%' || $2 || '%' OR e.data::text LIKE '%' || $2 || '%')`, [inv.id, token]);
    expect(everywhere[0].n).toBe(0);

    const preview = await byToken(token);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ email: 'zhao.prof@inst.cn', name: '赵教授', role: 'expert', roleLabel: '特邀专家', dutyLabel: '督导' });

    const accepted = await accept(token, { name: '赵明' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user).toMatchObject({ email: 'zhao.prof@inst.cn', name: '赵明', roles: ['expert'] });
    expect(accepted.body.invitation).toMatchObject({ state: 'accepted', userId: accepted.body.user.id });
    const [user] = await api.db.query('SELECT active, email_verified_at, school_id FROM users WHERE id = $1', [accepted.body.user.id]);
    expect(user).toMatchObject({ active: true, email_verified_at: expect.any(Date), school_id: null });
    expect(await f.login('zhao.prof@inst.cn', STRONG)).toEqual(expect.any(String));

    // used twice
    expect((await accept(token)).status).toBe(409);
    expect((await byToken(token)).status).toBe(409);
    expect((await byToken(token)).body.message).toBe('该邀请已被接受，请直接登录');

    // the lead sees it accepted; the roster lists the expert with organisation and duty
    const one = await api.http.get(`/api/invitations/${inv.id}`).set(lead.auth);
    expect(one.body).toMatchObject({ state: 'accepted', acceptedAt: expect.any(String) });
    const roster = await api.http.get(`/api/members/expert-${accepted.body.user.id}`).set(coordinator.auth);
    expect(roster.status).toBe(200);
    expect(roster.body).toMatchObject({ kind: 'expert', name: '赵明', organization: '机械工业研究院', duty: 'supervise', email: 'zhao.prof@inst.cn' });
    const experts = await api.http.get('/api/members').query({ filter: JSON.stringify({ kind: ['expert'], duty: ['supervise'] }) }).set(coordinator.auth);
    expect(experts.body.map((m: { id: string }) => m.id)).toContain(`expert-${accepted.body.user.id}`);

    const audit = await api.db.query(`SELECT action FROM audit_events WHERE entity = 'invitation' AND entity_id = $1 ORDER BY id`, [String(inv.id)]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['invite', 'accept']);
  });

  test('staff roles may be invited too; the account gets that role', async () => {
    const inv = await invite({ role: 'coordinator', duty: null, organization: null });
    const { token } = await mailedToken(inv.id);
    const res = await accept(token);
    expect(res.status).toBe(200);
    expect(res.body.user.roles).toEqual(['coordinator']);
  });
});

describe('tokens that do not work', () => {
  test('a wrong token, a malformed one: 404 on preview and accept; nothing is created', async () => {
    const before = await api.db.query('SELECT count(*)::int AS n FROM users');
    const wrong = Buffer.alloc(32, 7).toString('base64url');
    expect((await byToken(wrong)).status).toBe(404);
    expect((await accept(wrong)).status).toBe(404);
    expect((await byToken('short')).status).toBe(404);
    expect((await byToken('../../etc')).status).toBe(404);
    const malformed = await accept('bad token!');
    expect(malformed.status).toBe(400);
    expect(malformed.body.details).toEqual([expect.objectContaining({ path: 'token' })]);
    expect((await api.db.query('SELECT count(*)::int AS n FROM users'))[0].n).toBe(before[0].n);
  });

  test('two concurrent accepts of one token: exactly one account', async () => {
    const inv = await invite();
    const { token } = await mailedToken(inv.id);
    const results = await Promise.all([accept(token), accept(token), accept(token)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect((await api.db.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [inv.email]))[0].n).toBe(1);
  });

  test('a revoked invitation: its token is refused; revoke and resend again are 409', async () => {
    const inv = await invite();
    const { token } = await mailedToken(inv.id);
    const revoked = await api.http.post(`/api/invitations/${inv.id}/revoke`).set(lead.auth);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ state: 'revoked', revokedAt: expect.any(String) });
    expect((await byToken(token)).status).toBe(409);
    const res = await accept(token);
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('该邀请已被撤销');
    expect((await api.http.post(`/api/invitations/${inv.id}/revoke`).set(lead.auth)).status).toBe(409);
    expect((await api.http.post(`/api/invitations/${inv.id}/resend`).set(lead.auth)).status).toBe(409);
    expect((await api.db.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [inv.email]))[0].n).toBe(0);
    // the address may be invited again once the old invitation is revoked
    await invite({ email: inv.email });
  });

  test('after a resend the old token is dead and the new one works', async () => {
    const inv = await invite();
    const first = await mailedToken(inv.id);
    offset = 3 * DAY;
    const resent = await api.http.post(`/api/invitations/${inv.id}/resend`).set(lead.auth);
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ state: 'pending', sentCount: 2 });
    expect(new Date(resent.body.expiresAt).getTime()).toBeGreaterThan(new Date(inv.expiresAt).getTime() + 3 * DAY - 60_000);
    const second = await mailedToken(inv.id);
    expect(second.mails).toBe(2);
    expect(second.token).not.toBe(first.token);
    expect((await byToken(first.token)).status).toBe(404);
    expect((await accept(first.token)).status).toBe(404);
    expect((await byToken(second.token)).status).toBe(200);
    expect((await accept(second.token)).status).toBe(200);
    expect((await api.http.post(`/api/invitations/${inv.id}/resend`).set(lead.auth)).status).toBe(409);
    expect((await api.http.post(`/api/invitations/${inv.id}/revoke`).set(lead.auth)).status).toBe(409);
  });
});

describe('expiry, with the injectable clock', () => {
  test('valid until INVITATION_TTL_DAYS, then expired (computed), refused, listed as expired; a resend revives it', async () => {
    const inv = await invite();
    const { token } = await mailedToken(inv.id);
    offset = 14 * DAY - 60_000;
    expect((await byToken(token)).status).toBe(200);
    offset = 14 * DAY + 1000;
    const preview = await byToken(token);
    expect(preview.status).toBe(409);
    expect(preview.body).toMatchObject({ message: '邀请链接已过期，请联系联盟负责人重新发送', details: { state: 'expired' } });
    expect((await accept(token)).status).toBe(409);
    expect((await api.http.get(`/api/invitations/${inv.id}`).set(lead.auth)).body.state).toBe('expired');
    const [stored] = await api.db.query('SELECT state FROM invitations WHERE id = $1', [inv.id]);
    expect(stored.state).toBe('pending'); // expired is computed, never stored
    const expired = await api.http.get('/api/invitations').query({ filter: JSON.stringify({ state: ['expired'] }) }).set(lead.auth);
    expect(expired.body.map((i: { id: number }) => i.id)).toContain(inv.id);
    const pending = await api.http.get('/api/invitations').query({ filter: JSON.stringify({ state: 'pending' }) }).set(lead.auth);
    expect(pending.body.map((i: { id: number }) => i.id)).not.toContain(inv.id);

    // an expired invitation does not block a new one to the same address
    const again = await api.http.post('/api/invitations').set(lead.auth).send({ email: inv.email, name: '赵教授', role: 'expert', duty: 'organize' });
    expect(again.status).toBe(201);

    const resent = await api.http.post(`/api/invitations/${inv.id}/resend`).set(lead.auth);
    expect(resent.body.state).toBe('pending');
    const { token: fresh } = await mailedToken(inv.id);
    expect((await accept(fresh)).status).toBe(200);
    expect((await accept((await mailedToken(again.body.id)).token)).status).toBe(409); // the address has an account now
  });
});

describe('rules of inviting', () => {
  test('an address that already has an account → 409; a second live invitation → 409; nothing queued', async () => {
    const emails = async () => (await api.db.query(`SELECT count(*)::int AS n FROM emails WHERE template = 'invitation'`))[0].n;
    const before = await emails();
    const taken = await api.http.post('/api/invitations').set(lead.auth).send({ email: coordinator.email, name: '某人', role: 'expert', duty: 'organize' });
    expect(taken.status).toBe(409);
    const inv = await invite();
    const twice = await api.http.post('/api/invitations').set(lead.auth).send({ email: inv.email, name: '某人', role: 'expert', duty: 'organize' });
    expect(twice.status).toBe(409);
    expect(await emails()).toBe(before + 1);
  });

  test('an account created for the address after the invitation → accept is 409', async () => {
    const inv = await invite();
    const { token } = await mailedToken(inv.id);
    await f.user(['applicant'], await f.school(), inv.email);
    expect((await accept(token)).status).toBe(409);
  });

  test('validation: 400 with field paths', async () => {
    const res = await api.http.post('/api/invitations').set(lead.auth).send({ email: 'not-an-email', name: '', role: 'lead', duty: 'boss' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['duty', 'email', 'name', 'role']);
    const noDuty = await api.http.post('/api/invitations').set(lead.auth).send({ email: 'x@inst.cn', name: '某人', role: 'expert' });
    expect(noDuty.status).toBe(400);
    expect(noDuty.body.details).toEqual([expect.objectContaining({ path: 'duty' })]);
    const inv = await invite();
    const { token } = await mailedToken(inv.id);
    const weak = await accept(token, { password: '123' });
    expect(weak.status).toBe(400);
    expect(weak.body.details).toEqual([expect.objectContaining({ path: 'password' })]);
    expect((await byToken(token)).status).toBe(200); // a refused accept does not use the token up
  });

  test('only the lead manages invitations; the two token endpoints are public', async () => {
    const inv = await invite();
    for (const [method, path] of [['get', '/api/invitations'], ['get', `/api/invitations/${inv.id}`], ['post', '/api/invitations'],
      ['post', `/api/invitations/${inv.id}/resend`], ['post', `/api/invitations/${inv.id}/revoke`]] as const) {
      expect((await api.http[method](path).set(coordinator.auth).send({})).status).toBe(403);
      expect((await api.http[method](path).send({})).status).toBe(401);
    }
    expect((await api.http.get('/api/invitations/999999').set(lead.auth)).status).toBe(404);
    expect((await api.http.post('/api/invitations/999999/resend').set(lead.auth)).status).toBe(404);
  });

  test('the lead lists invitations with Content-Range, filters and sort', async () => {
    const res = await api.http.get('/api/invitations').query({ filter: JSON.stringify({ role: ['expert'], q: '赵' }), range: '[0,4]', sort: '["createdAt","DESC"]' }).set(lead.auth);
    expect(res.status).toBe(200);
    expect(res.headers['content-range']).toMatch(/^invitations 0-4\/\d+$/);
    expect(res.body[0]).toEqual(expect.objectContaining({ id: expect.any(Number), email: expect.any(String), state: expect.any(String), expiresAt: expect.any(String) }));
    expect(res.body[0]).not.toHaveProperty('tokenHash');
  });
});
