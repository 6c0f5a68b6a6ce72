import type { Response } from 'supertest';
import type { TestApi } from '../support/api';
import type { Factory, TestUser } from '../support/factories';

/** supertest parser that keeps the body as bytes (the CSV's BOM, the XLSX zip). */
export function binary(res: NodeJS.ReadableStream & { on: (...a: never[]) => unknown }, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  (res as NodeJS.ReadableStream).on('data', (c: Buffer) => chunks.push(c));
  (res as NodeJS.ReadableStream).on('end', () => done(null, Buffer.concat(chunks)));
}

/** RFC 4180: fields separated by commas, records by CRLF, quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i++; }
    else field += c;
  }
  if (field !== '' || record.length) { record.push(field); records.push(record); }
  return records;
}

/** The total of a list (Content-Range) for a filter, as the user sees it. */
export async function listTotal(api: TestApi, user: TestUser, resource: string, filter: object): Promise<number> {
  const res = await api.http.get(`/api/${resource}`).query({ filter: JSON.stringify(filter), range: '[0,0]' }).set(user.auth);
  if (res.status !== 200) throw new Error(`list ${resource}: ${res.status} ${JSON.stringify(res.body)}`);
  return Number(/\/(\d+)$/.exec(res.headers['content-range'])![1]);
}

export function exportRequest(api: TestApi, user: TestUser | null, resource: string, format: 'csv' | 'xlsx', filter: object = {}) {
  const req = api.http.get(`/api/${resource}/export`).query({ format, filter: JSON.stringify(filter) }).buffer(true).parse(binary as never);
  return user ? req.set(user.auth) : req;
}

export function csvOf(res: Response): { bom: boolean; rows: string[][] } {
  const body = res.body as Buffer;
  const bom = body.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
  return { bom, rows: parseCsv(body.subarray(bom ? 3 : 0).toString('utf8')) };
}

/** Takes an application through the whole workflow to `admitted`. */
export async function admit(f: Factory, kind: 'council' | 'member', id: number, users: { applicant: TestUser; admin: TestUser; center: TestUser; lead: TestUser }, until = 'admitted') {
  const resource = `${kind}-applications`;
  const steps: [TestUser, string, string][] = [
    [users.applicant, 'submit', 'submitted'], [users.admin, 'school_approve', 'school_approved'],
    [users.center, 'center_approve', 'center_reviewed'], [users.lead, 'admit', 'admitted'],
  ];
  for (const [user, action, state] of steps) {
    const res = await f.transition(user, resource, id, action);
    if (res.status !== 200) throw new Error(`${action} ${resource} ${id}: ${res.status} ${JSON.stringify(res.body)}`);
    if (state === until) return;
  }
}
