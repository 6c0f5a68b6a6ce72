import ExcelJS from 'exceljs';
import { startApi, TestApi } from '../support/api';
import { Factory, TestUser } from '../support/factories';
import { admit, csvOf, exportRequest } from '../roster/helpers';

/**
 * Formula injection in every exported text column: every free-text column of the tables the
 * exports read is overwritten with a formula, and no cell of any export may start one.
 */
const FORMULA = /^[=+\-@\t\r\n]/;
const PAYLOADS = ['=HYPERLINK("http://x","y")', '+1+1', '-1+2', '@SUM(A1)', '\t=1', '\r=1', '\n=1'];

let api: TestApi;
let coordinator: TestUser;

beforeAll(async () => {
  api = await startApi();
  const f = new Factory(api);
  const batchId = await f.batch();
  const [center, lead] = await Promise.all([f.user(['center_reviewer']), f.user(['lead'])]);
  coordinator = await f.user(['coordinator']);
  const a = await f.schoolWithCouncil(batchId);
  await admit(f, 'council', a.council.id, { applicant: a.applicant, admin: a.admin, center, lead });
  const m = await f.memberDraft(batchId, a.schoolId, a.council.departments[0].id);
  await admit(f, 'member', m.id, { applicant: m.applicant, admin: a.admin, center, lead });

  // every text column without a CHECK constraint (codes have one), and every string inside the JSON columns
  const columns: { table_name: string; column_name: string; data_type: string }[] = await api.db.query(`
    SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
    WHERE c.table_schema = 'public' AND c.table_name IN ('schools', 'council_applications', 'departments', 'member_applications', 'users')
      AND c.data_type IN ('text', 'jsonb', 'ARRAY')
      AND c.column_name NOT IN ('password_hash', 'verification_token_hash', 'email', 'roles', 'honors', 'state', 'seat', 'type', 'ownership')
      AND NOT EXISTS (SELECT 1 FROM information_schema.constraint_column_usage u JOIN information_schema.check_constraints k USING (constraint_name)
                      WHERE u.table_name = c.table_name AND u.column_name = c.column_name)`);
  let i = 0;
  for (const c of columns) {
    const payload = PAYLOADS[i++ % PAYLOADS.length];
    const set = c.data_type === 'text' ? '$1'
      : c.data_type === 'ARRAY' ? 'ARRAY[$1]::text[]'
        : `(SELECT jsonb_object_agg(k, CASE WHEN jsonb_typeof(v) = 'string' THEN to_jsonb($1::text) ELSE v END) FROM jsonb_each(COALESCE(NULLIF(${c.column_name}, 'null'::jsonb), '{}'::jsonb)) AS e(k, v))`;
    if (c.column_name === 'department_honors') continue; // an array of objects, covered by its text below
    await api.db.query(`UPDATE ${c.table_name} SET ${c.column_name} = ${set}`, [payload]);
  }
  await api.db.query(`UPDATE member_applications SET department_honors = jsonb_build_array(jsonb_build_object('kind', 'other', 'text', $1::text))`, ['=1+1']);
}, 60_000);
afterAll(() => api.close());

test.each(['council-applications', 'member-applications', 'members'])('%s as CSV: no cell starts a formula', async (resource) => {
  const res = await exportRequest(api, coordinator, resource, 'csv');
  expect(res.status).toBe(200);
  const { rows: [, ...records] } = csvOf(res);
  expect(records.length).toBeGreaterThan(0);
  const quoted = records.flat().filter((cell) => cell.startsWith("'"));
  expect(quoted.length).toBeGreaterThan(5); // the payloads reached the file, neutralised
  for (const cell of records.flat()) expect(cell).not.toMatch(FORMULA);
});

test.each(['council-applications', 'member-applications', 'members'])('%s as XLSX: every payload is a text cell, never a formula', async (resource) => {
  const res = await exportRequest(api, coordinator, resource, 'xlsx');
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.body as Buffer);
  const sheet = book.worksheets[0];
  let cells = 0;
  let injected = 0;
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    row.eachCell((cell) => {
      cells++;
      // in XLSX a text cell is never evaluated: the defence is the cell type, and the text stays as entered
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      if (typeof cell.value === 'string' && FORMULA.test(cell.value)) {
        injected++;
        expect(cell.type).toBe(ExcelJS.ValueType.String);
      }
    });
  });
  expect(cells).toBeGreaterThan(10);
  expect(injected).toBeGreaterThan(5);
});
