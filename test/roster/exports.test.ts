import * as ExcelJS from 'exceljs';
import * as http from 'node:http';
import { AppModule } from '../../apps/api/src/app.module';
import { ApplicationsModule } from '../../apps/api/src/applications/applications.module';
import { COUNCIL_COLUMNS, MEMBER_COLUMNS, ROSTER_COLUMNS } from '../../apps/api/src/exports/columns';
import { ExportsModule } from '../../apps/api/src/exports/exports.module';
import { RosterModule } from '../../apps/api/src/roster/roster.module';
import { startApi, TestApi } from '../support/api';
import { department, Factory, TestUser } from '../support/factories';
import { admit, csvOf, exportRequest, listTotal } from './helpers';

let api: TestApi;
let f: Factory;
let batchId: number;
let lead: TestUser;
let coordinator: TestUser;
let center: TestUser;
let applicant: TestUser;
let schoolAdmin: TestUser;

/** Member applications whose text fields start with each character that starts a formula. */
const INJECTIONS: { column: string; field: string; value: string; viaSql?: boolean }[] = [
  { column: '姓名', field: 'name', value: '=HYPERLINK("http://evil.example","点我")' },
  { column: '技术职称', field: 'title', value: '+1+1' },
  { column: '专业领域', field: 'field', value: '-2+3' },
  { column: '毕业院校', field: 'alma_mater', value: '@SUM(A1:A2)' },
  // the API trims leading whitespace, so these three are written straight into the table
  { column: '通讯地址', field: 'address', value: '\t=1+1', viaSql: true },
  { column: '代表性教研和科研成果', field: 'achievements', value: '\r=1+1', viaSql: true },
  { column: '主要受教育和工作经历', field: 'experience', value: '\n=1+1', viaSql: true },
];
const SQL_FIELDS = new Set(INJECTIONS.map((i) => i.field));
const injectedIds: number[] = [];

beforeAll(async () => {
  api = await startApi();
  f = new Factory(api);
  batchId = await f.batch();
  [lead, coordinator, center] = await Promise.all([f.user(['lead']), f.user(['coordinator']), f.user(['center_reviewer'])]);

  // school A (高职, 江苏, 国家级双高): council admitted, one member admitted, one submitted
  const a = await f.schoolWithCouncil(batchId, { type: 'higher_vocational', province: '江苏', honors: ['national_double_high'] });
  applicant = a.applicant;
  schoolAdmin = a.admin;
  const usersA = { applicant: a.applicant, admin: a.admin, center, lead };
  await admit(f, 'council', a.council.id, usersA);
  const m1 = await f.memberDraft(batchId, a.schoolId, a.council.departments[0].id);
  await admit(f, 'member', m1.id, { ...usersA, applicant: m1.applicant });
  const m2 = await f.memberDraft(batchId, a.schoolId, a.council.departments[1].id, { seat: 'main_leader', name: '王磊', targetGroup: 2 });
  await admit(f, 'member', m2.id, { ...usersA, applicant: m2.applicant }, 'submitted');

  // school B (中职, 浙江, 双优): council submitted with a formula in its text, members in draft
  const b = await f.schoolWithCouncil(batchId, { type: 'secondary_vocational', province: '浙江', honors: ['double_excellence'] });
  await api.http.put(`/api/council-applications/${b.council.id}`).set(b.applicant.auth).send(f.councilForm(batchId, {
    suggestions: '=cmd|"/c calc"!A1', representative: { name: '@王', position: '-校长', phone: '+86 571 8888 0000', email: 'rep@b.cn' },
    departments: [department('机电工程学院', 'mechatronic')],
  })).expect(200);
  const bCouncil = await api.http.get(`/api/council-applications/${b.council.id}`).set(b.applicant.auth);
  await admit(f, 'council', b.council.id, { applicant: b.applicant, admin: b.admin, center, lead }, 'submitted');
  for (const inj of INJECTIONS) {
    const column = inj.field.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
    const m = await f.memberDraft(batchId, b.schoolId, bCouncil.body.departments[0].id, inj.viaSql ? {} : { [column]: inj.value });
    if (inj.viaSql) {
      if (!SQL_FIELDS.has(inj.field)) throw new Error('unexpected field');
      await api.db.query(`UPDATE member_applications SET ${inj.field} = $1 WHERE id = $2`, [inj.value, m.id]);
    }
    injectedIds.push(m.id);
  }

  // school C (职教本科, 广东, 省级双高 + 其它): a council draft only
  const c = await f.school({ type: 'vocational_undergraduate', province: '广东', honors: ['provincial_double_high', 'other'] });
  const cApplicant = await f.user(['applicant'], c);
  await api.http.post('/api/council-applications').set(cApplicant.auth).send(f.councilForm(batchId, {
    departments: [department('汽车工程学院', 'automotive_transport'), department('智能制造学院', 'intelligent_manufacturing')],
  })).expect(201);
});
afterAll(() => api.close());

const lastExportAudit = async () => {
  const [row] = await api.db.query(`SELECT id, actor_id AS "actorId", entity, data FROM audit_events WHERE action = 'export' ORDER BY id DESC LIMIT 1`);
  return row as { id: string; actorId: number; entity: string; data: { resource: string; format: string; filter: object; rows: number; completed: boolean } } | undefined;
};

const CASES: () => [string, object[]][] = () => [
  ['council-applications', [
    {}, { state: ['admitted'] }, { state: ['submitted', 'draft'] }, { schoolType: ['secondary_vocational'] },
    { departmentCategory: ['intelligent_manufacturing'] }, { province: ['江苏', '广东'] }, { schoolHonors: ['other'] },
    { q: '测试' }, { batchId: [batchId] }, { state: ['rejected'] },
  ]],
  ['member-applications', [
    {}, { state: ['draft'] }, { state: ['admitted', 'submitted'] }, { schoolType: ['higher_vocational'] }, { province: ['浙江'] },
    { schoolHonors: ['national_double_high'] }, { departmentCategory: ['mechatronic'] }, { seat: ['main_leader'] },
    { targetGroup: [2] }, { q: '王' }, { batchId: [batchId] },
  ]],
  ['members', [
    {}, { kind: ['council_unit'] }, { kind: ['individual'] }, { schoolType: ['higher_vocational'] },
    { departmentCategory: ['mechatronic'] }, { province: ['浙江'] }, { q: '陈静' }, { kind: ['expert'] },
  ]],
];

describe('routing', () => {
  test('ExportsModule is imported before ApplicationsModule and RosterModule (the import order decides the route order)', () => {
    const imports: unknown[] = Reflect.getMetadata('imports', AppModule);
    const at = (m: unknown) => imports.indexOf(m);
    expect(at(ExportsModule)).toBeGreaterThan(-1);
    expect(at(ExportsModule)).toBeLessThan(at(ApplicationsModule));
    expect(at(ExportsModule)).toBeLessThan(at(RosterModule));
  });

  test.each(['council-applications', 'member-applications', 'members'])('GET /api/%s/export is the export, not /:id', async (resource) => {
    const res = await exportRequest(api, coordinator, resource, 'csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  });

  test('the :id routes still answer beside it', async () => {
    expect((await api.http.get('/api/council-applications/999999').set(coordinator.auth)).status).toBe(404);
    expect((await api.http.get('/api/member-applications/999999').set(coordinator.auth)).status).toBe(404);
    expect((await api.http.get('/api/members/council_unit-999999').set(coordinator.auth)).status).toBe(404);
  });
});

describe('export rows equal list totals', () => {
  test.each(['council-applications', 'member-applications', 'members'])('%s, CSV, for each filter; each export leaves an audit event with the row count', async (resource) => {
    const [, filters] = CASES().find(([r]) => r === resource)!;
    for (const filter of filters) {
      const total = await listTotal(api, coordinator, resource, filter);
      const res = await exportRequest(api, coordinator, resource, 'csv', filter);
      expect(res.status).toBe(200);
      const { bom, rows } = csvOf(res);
      expect(bom).toBe(true);
      expect({ filter, rows: rows.length - 1 }).toEqual({ filter, rows: total });
      const audit = await lastExportAudit();
      expect(audit).toMatchObject({ actorId: coordinator.id, data: { resource, format: 'csv', filter, rows: total, completed: true } });
    }
  });

  test('the data sets are not trivial: the filters above select different row counts', async () => {
    const counts = await Promise.all(CASES()[1][1].map((filter) => listTotal(api, coordinator, 'member-applications', filter)));
    expect(new Set(counts).size).toBeGreaterThan(3);
    expect(await listTotal(api, coordinator, 'members', {})).toBe(2); // school A's council unit and its admitted member
  });
});

describe('CSV', () => {
  test('starts with the BOM, has the documented Chinese headers, a Chinese file name with the date (RFC 6266)', async () => {
    const res = await exportRequest(api, lead, 'member-applications', 'csv');
    expect((res.body as Buffer).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const { rows } = csvOf(res);
    expect(rows[0]).toEqual(MEMBER_COLUMNS.map((c) => c.header));
    const disposition = res.headers['content-disposition'];
    expect(disposition).toMatch(/^attachment; filename="member-applications_\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''/);
    const name = decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1]);
    expect(name).toMatch(/^成员申报表_\d{4}-\d{2}-\d{2}\.csv$/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  test('every formula-starting cell (=, +, -, @, tab, CR, LF) is neutralised with a leading quote; quoting follows RFC 4180', async () => {
    const res = await exportRequest(api, coordinator, 'member-applications', 'csv', { id: injectedIds });
    const { rows } = csvOf(res);
    const [header, ...records] = rows;
    expect(records).toHaveLength(INJECTIONS.length);
    for (const inj of INJECTIONS) {
      const col = header.indexOf(inj.column);
      expect(col).toBeGreaterThan(-1);
      const cells = records.map((r) => r[col]);
      expect(cells).toContain(`'${inj.value}`);
      // no cell of any record starts a formula
      for (const r of records) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r\n]/);
    }
    const raw = (res.body as Buffer).toString('utf8');
    expect(raw).toContain('"\'=HYPERLINK(""http://evil.example"",""点我"")"'); // quotes doubled inside a quoted field
    expect(raw).toContain('"\'\n=1+1"'); // a line break inside a quoted field
    expect(raw.split('\r\n').length).toBeGreaterThan(INJECTIONS.length); // records end with CRLF
  });

  test('council export: code values as Chinese labels, phones stay text, neutralised contact fields', async () => {
    const res = await exportRequest(api, coordinator, 'council-applications', 'csv', { schoolType: ['secondary_vocational'] });
    const { rows: [header, row] } = csvOf(res);
    expect(header).toEqual(COUNCIL_COLUMNS.map((c) => c.header));
    const cell = (h: string) => row[header.indexOf(h)];
    expect(cell('学校类型')).toBe('中职学校');
    expect(cell('办学性质')).toBe('公办');
    expect(cell('主要荣誉')).toBe('“双优计划”中职校');
    expect(cell('状态')).toBe('已提交');
    expect(cell('院系类别（1）')).toBe('机电工程');
    expect(cell('二级院系名称（2）')).toBe('');
    expect(cell('代表人姓名')).toBe("'@王");
    expect(cell('代表人职务')).toBe("'-校长");
    expect(cell('代表人电话')).toBe("'+86 571 8888 0000");
    expect(cell('联系人电话')).toBe('13912345678');
    expect(cell('对联盟工作的意见建议')).toBe('\'=cmd|"/c calc"!A1');
    expect(cell('盖章扫描件')).toBe('已上传');
  });

  test('an empty result is the BOM and the header line', async () => {
    const res = await exportRequest(api, coordinator, 'council-applications', 'csv', { state: ['withdrawn'] });
    const { bom, rows } = csvOf(res);
    expect(bom).toBe(true);
    expect(rows).toEqual([COUNCIL_COLUMNS.map((c) => c.header)]);
  });
});

describe('XLSX', () => {
  const load = async (buffer: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as never);
    return wb.worksheets[0];
  };

  test.each([
    ['council-applications', COUNCIL_COLUMNS.map((c) => c.header), '理事单位申报表'],
    ['member-applications', MEMBER_COLUMNS.map((c) => c.header), '成员申报表'],
    ['members', ROSTER_COLUMNS.map((c) => c.header), '成员名录'],
  ])('%s: Chinese headers, row count, frozen header row, autofilter, column widths', async (resource, headers, title) => {
    const total = await listTotal(api, lead, resource, {});
    const res = await exportRequest(api, lead, resource, 'xlsx');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(res.headers['content-disposition'])![1])).toMatch(new RegExp(`^${title}_\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
    const ws = await load(res.body);
    expect(ws.name).toBe(title);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
    expect(ws.rowCount).toBe(total + 1);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getRow(1).font?.bold).toBe(true);
    for (const column of ws.columns) expect(column.width).toBeGreaterThanOrEqual(6);
    expect((await lastExportAudit())).toMatchObject({ actorId: lead.id, data: { resource, format: 'xlsx', rows: total, completed: true } });
  });

  test('phone numbers and ids are strings, numbers are numbers, codes are labels', async () => {
    const res = await exportRequest(api, coordinator, 'member-applications', 'xlsx', { state: ['admitted'] });
    const ws = await load(res.body);
    const header = (ws.getRow(1).values as string[]);
    const row = ws.getRow(2);
    const cell = (h: string) => row.getCell(header.indexOf(h));
    expect(cell('手机').type).toBe(ExcelJS.ValueType.String);
    expect(cell('手机').value).toBe('13800000000');
    expect(cell('编号').type).toBe(ExcelJS.ValueType.String);
    expect(cell('从教年限').value).toBe(12);
    expect(cell('性别').value).toBe('女');
    expect(cell('政治面貌').value).toBe('中共党员');
    expect(cell('征集对象').value).toBe('院系负责人及优势专业带头人');
    expect(cell('状态').value).toBe('已入盟');
  });
});

describe('who may export', () => {
  test.each(['council-applications', 'member-applications', 'members'])('%s: applicant, school_admin, center_reviewer → 403; no token → 401; nothing is audited', async (resource) => {
    const before = await api.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'export'`);
    for (const user of [applicant, schoolAdmin, center]) {
      const res = await exportRequest(api, user, resource, 'csv');
      expect({ role: user.roles[0], status: res.status }).toEqual({ role: user.roles[0], status: 403 });
    }
    expect((await exportRequest(api, null, resource, 'csv')).status).toBe(401);
    expect((await exportRequest(api, null, resource, 'xlsx')).status).toBe(401);
    const after = await api.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'export'`);
    expect(after[0].n).toBe(before[0].n);
  });

  test('a bad format or filter is a 400 naming the parameter, before anything is streamed', async () => {
    const format = await api.http.get('/api/member-applications/export?format=pdf').set(coordinator.auth);
    expect(format.status).toBe(400);
    expect(format.body.details).toEqual([expect.objectContaining({ path: 'format' })]);
    const filter = await exportRequest(api, coordinator, 'member-applications', 'csv', { state: ['nope'] });
    expect(filter.status).toBe(400);
    expect(filter.headers['content-disposition']).toBeUndefined();
    const malformed = await api.http.get('/api/members/export?filter={oops').set(coordinator.auth);
    expect(malformed.status).toBe(400);
    expect(malformed.body.details).toEqual([expect.objectContaining({ path: 'filter' })]);
  });
});

describe('a client that goes away mid-stream', () => {
  test.each(['csv', 'xlsx'] as const)('%s: the cursor is closed, its pooled client released, and the partial export is still audited', async (format) => {
    const [dep] = await api.db.query(`SELECT id, school_id FROM departments ORDER BY id LIMIT 1`);
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM member_applications`);
    if (n < 20000) {
      await api.db.query(`INSERT INTO member_applications (batch_id, school_id, department_id, owner_id, name, mobile, achievements)
        SELECT $1, $2, $3, $4, '批量' || g, '139' || lpad(g::text, 8, '0'), repeat('成果', 200) FROM generate_series(1, 20000) g`,
      [batchId, dep.school_id, dep.id, applicant.id]);
    }
    const pool = (api.db.driver as unknown as { master: { totalCount: number; idleCount: number } }).master;
    const before = await lastExportAudit();
    const url = new URL(`/api/member-applications/export?format=${format}`, api.url);
    const received = await new Promise<number>((resolve, reject) => {
      const req = http.get(url, { headers: coordinator.auth }, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > 64 * 1024) {
            req.destroy();
            resolve(bytes);
          }
        });
        res.on('end', () => reject(new Error('the export ended before the client went away')));
      });
      req.on('error', () => undefined);
    });
    expect(received).toBeGreaterThan(64 * 1024);
    let audit = await lastExportAudit();
    for (let i = 0; i < 100 && audit?.id === before?.id; i++) {
      await new Promise((r) => setTimeout(r, 50));
      audit = await lastExportAudit();
    }
    expect(audit).toMatchObject({ actorId: coordinator.id, data: { resource: 'member-applications', format, completed: false } });
    expect(audit!.data.rows).toBeGreaterThan(0);
    expect(audit!.data.rows).toBeLessThan(20000);
    expect(pool.totalCount - pool.idleCount).toBe(0); // no client is left checked out
    // and the API carries on
    expect((await exportRequest(api, coordinator, 'members', 'csv')).status).toBe(200);
  });
});
