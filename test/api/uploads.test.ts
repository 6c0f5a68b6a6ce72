import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startApi, TestApi } from '../support/api';
import { Factory, FILES, TestUser } from '../support/factories';

let api: TestApi;
let f: Factory;
let applicant: TestUser;
let stranger: TestUser;
let id: number;
let schoolId: number;

beforeAll(async () => {
  api = await startApi();
  f = new Factory(api);
  const batchId = await f.batch();
  schoolId = await f.school();
  applicant = await f.user(['applicant'], schoolId);
  stranger = await f.user(['applicant'], await f.school());
  id = (await api.http.post('/api/council-applications').set(applicant.auth).send(f.councilForm(batchId))).body.id;
});
afterAll(() => api.close());

const upload = (user: TestUser, kind: string, file: Buffer, name: string, resource = 'council-applications') =>
  api.http.post(`/api/${resource}/${id}/attachments?kind=${kind}`).set(user.auth).attach('file', file, name);
const stored = () => readdirSync(join(api.env.UPLOAD_DIR));

test('a PDF scan is stored under a generated name with its SHA-256, and replaces the previous one', async () => {
  const first = await upload(applicant, 'sealed_scan', FILES.pdf, '盖章扫描件.pdf');
  expect(first.status).toBe(201);
  expect(first.body).toMatchObject({ kind: 'sealed_scan', fileName: '盖章扫描件.pdf', contentType: 'application/pdf', size: FILES.pdf.length,
    sha256: createHash('sha256').update(FILES.pdf).digest('hex') });
  const second = await upload(applicant, 'sealed_scan', FILES.png, 'scan.png');
  expect(second.status).toBe(201);
  const view = await api.http.get(`/api/council-applications/${id}`).set(applicant.auth);
  expect(view.body.attachments.map((a: { id: string }) => a.id)).toEqual([second.body.id]);
  expect(stored()).toHaveLength(1);
  expect(stored()[0]).not.toContain('scan');
});

test('wrong content behind a right name is refused by its bytes (415)', async () => {
  const before = stored();
  const res = await upload(applicant, 'sealed_scan', Buffer.from('<html><script>alert(1)</script></html>'), 'scan.pdf');
  expect(res.status).toBe(415);
  const exe = await upload(applicant, 'sealed_scan', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]), 'scan.jpg');
  expect(exe.status).toBe(415);
  expect(stored()).toEqual(before);
});

test('an oversize file is cut off while streaming (413) and leaves no file behind', async () => {
  const before = stored();
  const big = Buffer.concat([FILES.pdf, Buffer.alloc(10 * 1024 * 1024)]);
  const res = await upload(applicant, 'sealed_scan', big, 'big.pdf');
  expect(res.status).toBe(413);
  expect(stored()).toEqual(before);
});

test('a hostile file name is reduced to a harmless display name', async () => {
  const res = await upload(applicant, 'sealed_scan', FILES.pdf, '..\\..\\evil<script>.pdf');
  expect(res.status).toBe(201);
  expect(res.body.fileName).toBe('evilscript.pdf');
  const nul = await upload(applicant, 'sealed_scan', FILES.pdf, 'a\u0000b.pdf');
  expect([201, 400]).toContain(nul.status);
  if (nul.status === 201) expect(nul.body.fileName).not.toContain('\u0000');
  expect(stored().every((n) => /^[0-9a-f-]{36}\.bin$/.test(n))).toBe(true);
});

test('a download goes only to users who see the application, as an attachment with nosniff', async () => {
  const { body } = await upload(applicant, 'sealed_scan', FILES.pdf, 'scan.pdf');
  const mine = await api.http.get(`/api/attachments/${body.id}`).set(applicant.auth).buffer(true);
  expect(mine.status).toBe(200);
  expect(mine.headers['x-content-type-options']).toBe('nosniff');
  expect(mine.headers['content-disposition']).toMatch(/^attachment;/);
  expect(Buffer.from(mine.body).equals(FILES.pdf)).toBe(true);
  expect((await api.http.get(`/api/attachments/${body.id}`).set(stranger.auth)).status).toBe(404);
  expect((await api.http.get(`/api/attachments/${body.id}`)).status).toBe(401);
  expect((await api.http.get('/api/attachments/00000000-0000-0000-0000-000000000000').set(applicant.auth)).status).toBe(404);
});

test('others cannot upload; a bad kind, a photo on a council form and a missing file are 400', async () => {
  expect((await upload(stranger, 'sealed_scan', FILES.pdf, 'x.pdf')).status).toBe(404);
  expect((await upload(applicant, 'passport', FILES.pdf, 'x.pdf')).status).toBe(400);
  expect((await upload(applicant, 'photo', FILES.png, 'x.png')).status).toBe(400);
  const none = await api.http.post(`/api/council-applications/${id}/attachments?kind=sealed_scan`).set(applicant.auth);
  expect(none.status).toBe(400);
});

test('no upload after submit (409)', async () => {
  await upload(applicant, 'sealed_scan', FILES.pdf, 'scan.pdf');
  expect((await f.transition(applicant, 'council-applications', id, 'submit')).status).toBe(200);
  expect((await upload(applicant, 'sealed_scan', FILES.pdf, 'scan.pdf')).status).toBe(409);
});
