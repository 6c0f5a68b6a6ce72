import { LIMITS, SEAT_HOLDING_STATES, type ApplicationState } from '@alliance/domain';
import { createHash, randomUUID } from 'node:crypto';
import {
  AWARDS, CATEGORY_WEIGHTS, CONTACT_POSITIONS, DEPARTMENT_NAMES, DISTRICTS, FIELDS, GIVEN_FEMALE, GIVEN_MALE, HEAD_POSITIONS,
  INDUSTRY_COMPANIES, LEADER_POSITIONS, MAJORS, ORGANIZATIONS, POLITICAL_WEIGHTS, PROVINCE_CITIES, ROADS, SCHOOL_FIELDS,
  SCHOOL_SUFFIXES, STUDIED_MAJORS, SUGGESTIONS, SURNAMES, TITLES, UNIVERSITIES,
} from './national-words';

/**
 * The national dataset, generated in memory as column arrays ready for `INSERT … SELECT FROM
 * unnest(…)`. Deterministic for a given seed and `now` (dates of the open batch are relative
 * to it). Invariants the API relies on hold: one council application per school and batch with
 * 3 departments, at most 1 main leader and 2 program leaders holding a seat per department,
 * history rows that walk the workflow to each application's state, attachments where a form
 * was submitted, young teachers (target group 3) not older than 35 at their batch deadline.
 */

export interface Counts {
  schools: number;
  departments: number;
  councilApplications: number;
  memberApplications: number;
}

export const FULL_COUNTS: Counts = { schools: 10_000, departments: 30_000, councilApplications: 10_000, memberApplications: 100_000 };

/** A table's rows, column by column: `type` is the element type of the unnest array, `cast` the column's type when it differs. */
export interface TableData {
  table: string;
  columns: { name: string; type: string; cast?: string }[];
  values: unknown[][];
  rows: number;
}

// --- random ------------------------------------------------------------------------------------

export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  /** mulberry32 */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** k distinct items. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < k && copy.length) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    return out;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(this.next() * 10);
    return s;
  }
}

/** Picks by weight in O(log n). */
class Weighted<T> {
  private readonly cumulative: number[] = [];
  private readonly items: T[] = [];
  private total = 0;
  constructor(pairs: Iterable<[T, number]>) {
    for (const [item, w] of pairs) {
      if (w <= 0) continue;
      this.total += w;
      this.items.push(item);
      this.cumulative.push(this.total);
    }
  }
  pick(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

const w = <T extends string>(r: Record<T, number>) => new Weighted(Object.entries(r) as [T, number][]);

// --- helpers ------------------------------------------------------------------------------------

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
/** `YYYY-MM-DD` in Asia/Shanghai. */
const shDate = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
/** A PostgreSQL array literal of text items. */
export const pgTextArray = (items: readonly string[]) => `{${items.map((s) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158', '159', '166', '170', '173', '175', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '193', '195', '198', '199'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

type State = ApplicationState;
const SEAT_HOLDING = new Set<string>(SEAT_HOLDING_STATES);

/** Final-state weights: the first batch is closed (mostly decided), the second is open now (mostly in progress). */
const STATE_WEIGHTS: Record<1 | 2, Record<State, number>> = {
  1: { draft: 3, submitted: 4, school_approved: 6, center_reviewed: 8, admitted: 52, returned: 3, rejected: 13, withdrawn: 11 },
  2: { draft: 30, submitted: 24, school_approved: 15, center_reviewed: 9, admitted: 2, returned: 8, rejected: 5, withdrawn: 7 },
};

const RETURN_COMMENTS = [
  '盖章扫描件不清晰，请重新上传。', '请补充近3年平均在校生数的佐证材料。', '代表性成果请按时间顺序列出并注明级别。',
  '学校意见缺少负责人签字，请补正。', '优势专业名称请与专业目录保持一致。', '请补充企业工作经历的起止时间。',
];
const REJECT_COMMENTS = [
  '不符合申报条件：近5年装备制造类专业数平均占比不足20%。', '该二级院系名额已满，未予通过。', '材料不完整且逾期未补正。',
  '申报院系不在本次征集范围内。', '经审核，不符合征集对象条件。',
];
const HONORS_OTHER = ['国家示范性高等职业院校', '国家骨干高职院校', '全国职业教育先进单位', '省级示范性职业院校', '国家级重点中等职业学校', '省级高水平专业群建设单位'];

export interface Staff {
  lead: number;
  reviewers: number[];
  coordinators: number[];
  experts: number[];
}

export interface NationalData {
  counts: Counts;
  tables: TableData[];
  /** Sequences to move past the explicit ids. */
  sequences: { table: string; column: string }[];
  staffEmails: { lead: string; reviewers: string[]; coordinators: string[] };
  users: number;
}

class Table {
  readonly values: unknown[][];
  rows = 0;
  constructor(readonly table: string, readonly columns: { name: string; type: string; cast?: string }[]) {
    this.values = columns.map(() => []);
  }
  add(row: unknown[]): void {
    if (row.length !== this.columns.length) throw new Error(`${this.table}: ${row.length} values for ${this.columns.length} columns`);
    for (let i = 0; i < row.length; i++) this.values[i].push(row[i]);
    this.rows++;
  }
  data(): TableData {
    return { table: this.table, columns: this.columns, values: this.values, rows: this.rows };
  }
}

const c = (name: string, type: string, cast?: string) => ({ name, type, cast });

/** Generates the dataset. `scale` shrinks it for quick runs (1 = 10,000 schools, 100,000 member applications). */
export function generateNationalData(opts: { seed: number; scale: number; now: Date; passwordHash: string }): NationalData {
  const rng = new Rng(opts.seed);
  const now = opts.now.getTime();
  const nSchools = Math.max(1, Math.round(FULL_COUNTS.schools * opts.scale));
  const nMembers = Math.max(1, Math.round(FULL_COUNTS.memberApplications * opts.scale));
  const hash = opts.passwordHash;

  const batches = {
    1: { id: 1, name: '首批（2024年）', opensAt: Date.parse('2024-03-20T00:00:00+08:00'), deadline: Date.parse('2024-04-15T23:59:59+08:00') },
    2: { id: 2, name: '第二批', opensAt: now - 25 * DAY, deadline: now + 45 * DAY },
  } as const;
  /** Latest instant something in the batch may have happened. */
  const until = (b: 1 | 2) => Math.min(batches[b].deadline, now - 60_000);
  const between = (a: number, b: number) => Math.floor(a + rng.next() * Math.max(0, b - a));

  // --- people ---------------------------------------------------------------------------------
  const surnames = new Weighted(SURNAMES.map(([zh, py, weight]) => [[zh, py] as const, weight]));
  const usedEmails = new Set<string>();
  const uniqueEmail = (local: string, domain: string) => {
    let e = `${local}@${domain}`;
    for (let i = 2; usedEmails.has(e); i++) e = `${local}${i}@${domain}`;
    usedEmails.add(e);
    return e;
  };
  const person = (gender?: 'male' | 'female') => {
    const g = gender ?? (rng.chance(0.62) ? 'male' : 'female');
    const pool = g === 'male' ? GIVEN_MALE : GIVEN_FEMALE;
    const [sz, sp] = surnames.pick(rng);
    const first = rng.pick(pool);
    const second = rng.chance(0.62) ? rng.pick(pool) : null;
    return { gender: g, name: sz + first[0] + (second?.[0] ?? ''), pinyin: sp + first[1] + (second?.[1] ?? '') };
  };
  const mobile = () => rng.pick(MOBILE_PREFIXES) + rng.digits(8);

  const users = new Table('users', [
    c('id', 'int'), c('email', 'text'), c('name', 'text'), c('password_hash', 'text'), c('roles', 'text', 'text[]'),
    c('school_id', 'int'), c('active', 'bool'), c('email_verified_at', 'timestamptz'), c('created_at', 'timestamptz'),
  ]);
  let userId = 0;
  const addUser = (email: string, name: string, roles: string[], schoolId: number | null, createdAt: number) => {
    userId++;
    users.add([userId, email, name, hash, pgTextArray(roles), schoolId, true, new Date(createdAt).toISOString(), new Date(createdAt).toISOString()]);
    return userId;
  };
  const staffCreated = Date.parse('2024-03-01T09:00:00+08:00');
  const staff: Staff = { lead: 0, reviewers: [], coordinators: [], experts: [] };
  const staffEmails = { lead: 'lead@alliance.local', reviewers: [] as string[], coordinators: [] as string[] };
  usedEmails.add(staffEmails.lead);
  staff.lead = addUser(staffEmails.lead, '联盟负责人', ['lead'], null, staffCreated);
  for (let i = 1; i <= 6; i++) {
    const email = `reviewer${i}@alliance.local`;
    usedEmails.add(email);
    staffEmails.reviewers.push(email);
    staff.reviewers.push(addUser(email, person().name, ['center_reviewer'], null, staffCreated));
  }
  for (let i = 1; i <= 3; i++) {
    const email = `coordinator${i}@alliance.local`;
    usedEmails.add(email);
    staffEmails.coordinators.push(email);
    staff.coordinators.push(addUser(email, person().name, ['coordinator'], null, staffCreated));
  }
  for (let i = 0; i < 24; i++) {
    const p = person();
    staff.experts.push(addUser(uniqueEmail(p.pinyin, 'expert.alliance.local'), p.name, ['expert'], null, staffCreated + i * DAY));
  }

  // --- schools --------------------------------------------------------------------------------
  const provinces = new Weighted(Object.entries(PROVINCE_CITIES).map(([p, v]) => [p, v.weight]));
  const schoolTypes = w({ vocational_undergraduate: 5, higher_vocational: 48, secondary_vocational: 38, other: 9 });
  const ownerships = w({ public: 82, private: 16, other: 2 });
  const honorOdds: Record<string, Record<string, number>> = {
    vocational_undergraduate: { national_double_high: 0.3, provincial_double_high: 0.35, industry_backbone: 0.25, other: 0.08 },
    higher_vocational: { national_double_high: 0.07, provincial_double_high: 0.2, industry_backbone: 0.14, other: 0.05 },
    secondary_vocational: { double_excellence: 0.1, industry_backbone: 0.06, other: 0.06 },
    other: { industry_backbone: 0.12, other: 0.1 },
  };
  const schools = new Table('schools', [
    c('id', 'int'), c('name', 'text'), c('type', 'text'), c('ownership', 'text'), c('honors', 'text', 'text[]'),
    c('honors_other', 'text'), c('province', 'text'), c('created_at', 'timestamptz'),
  ]);
  interface SchoolInfo { id: number; name: string; type: string; honors: string[]; province: string | null; city: string; area: string; domain: string; weight: number }
  const schoolInfo: SchoolInfo[] = [];
  const usedNames = new Set<string>();
  const usedDomains = new Set<string>();
  for (let id = 1; id <= nSchools; id++) {
    const type = schoolTypes.pick(rng);
    const provinceName = provinces.pick(rng);
    const [city, area] = rng.pick(PROVINCE_CITIES[provinceName].cities);
    let name = '';
    for (let attempt = 0; !name || usedNames.has(name); attempt++) {
      const place = attempt > 6 || rng.chance(0.7) ? city : provinceName;
      const field = rng.chance(type === 'secondary_vocational' ? 0.5 : 0.8) ? rng.pick(SCHOOL_FIELDS) : '';
      const suffix = rng.pick(SCHOOL_SUFFIXES[type]);
      name = attempt > 12 ? `${city}${rng.pick(DISTRICTS).replace(/区$/, '')}${field}${suffix}` : `${place}${field === '职业' && suffix.startsWith('职业') ? '' : field}${suffix}`;
      if (attempt > 30) name = `${city}第${attempt - 29}${suffix}`;
    }
    usedNames.add(name);
    const honors = Object.entries(honorOdds[type]).filter(([, p]) => rng.chance(p)).map(([h]) => h);
    const province = rng.chance(0.015) ? null : provinceName;
    let domain = '';
    while (!domain || usedDomains.has(domain)) {
      domain = `${Array.from({ length: rng.int(3, 6) }, () => rng.pick(LETTERS.split(''))).join('')}.${type === 'secondary_vocational' ? 'net' : 'edu'}.cn`;
    }
    usedDomains.add(domain);
    const weight = (type === 'vocational_undergraduate' ? 1.6 : type === 'higher_vocational' ? 1.2 : type === 'other' ? 0.6 : 0.7)
      * (honors.includes('national_double_high') ? 1.8 : honors.includes('provincial_double_high') ? 1.3 : 1);
    schoolInfo.push({ id, name, type, honors, province, city, area, domain, weight });
    schools.add([id, name, type, ownerships.pick(rng), pgTextArray(honors), honors.includes('other') ? rng.pick(HONORS_OTHER) : null, province,
      new Date(staffCreated + rng.int(0, 20) * DAY + rng.int(0, DAY)).toISOString()]);
  }

  // --- school accounts: the school's reviewer and the contact who fills in the school form ----
  const schoolAdmin: number[] = [];
  const contactOf: { id: number; name: string; email: string; pinyin: string }[] = [];
  for (const s of schoolInfo) {
    const admin = person();
    schoolAdmin[s.id] = addUser(uniqueEmail('jwc', s.domain), admin.name, ['school_admin'], s.id, staffCreated + rng.int(1, 20) * DAY);
    const contact = person();
    const email = uniqueEmail(contact.pinyin, s.domain);
    contactOf[s.id] = { id: addUser(email, contact.name, ['applicant'], s.id, staffCreated + rng.int(1, 20) * DAY), name: contact.name, email, pinyin: contact.pinyin };
  }

  // --- history, attachments --------------------------------------------------------------------
  const transitions = new Table('transitions', [
    c('application_kind', 'text'), c('application_id', 'int'), c('action', 'text'), c('from_state', 'text'), c('to_state', 'text'),
    c('actor_id', 'int'), c('actor_role', 'text'), c('comment', 'text'), c('at', 'timestamptz'),
  ]);
  const attachments = new Table('attachments', [
    c('id', 'uuid'), c('application_kind', 'text'), c('application_id', 'int'), c('kind', 'text'), c('file_name', 'text'),
    c('content_type', 'text'), c('size', 'int'), c('sha256', 'text'), c('storage_name', 'text'), c('uploaded_by', 'int'), c('created_at', 'timestamptz'),
  ]);
  const attach = (kind: 'council' | 'member', appId: number, fileKind: 'sealed_scan' | 'photo', owner: number, at: number) => {
    const id = randomUUID();
    const photo = fileKind === 'photo';
    attachments.add([id, kind, appId, fileKind, photo ? `${rng.chance(0.5) ? '证件照' : 'photo'}.jpg` : `${kind === 'council' ? '理事单位申报表' : '成员申报表'}（盖章）.pdf`,
      photo ? 'image/jpeg' : 'application/pdf', photo ? rng.int(40_000, 900_000) : rng.int(300_000, 6_000_000),
      createHash('sha256').update(id).digest('hex'), `${id}.bin`, owner, new Date(at).toISOString()]);
  };

  /**
   * Writes the history that leads to `state` and returns what the application row records:
   * when it was submitted, the last reviewer comment, when it last changed.
   */
  const walk = (kind: 'council' | 'member', appId: number, state: State, b: 1 | 2, owner: number, schoolId: number, createdAt: number) => {
    const end = until(b);
    let t = createdAt;
    let from: State = 'draft';
    let submittedAt: number | null = null;
    let lastComment: string | null = null;
    const step = (action: string, to: State, actor: number, role: string, comment: string | null = null) => {
      t = between(t + 3600_000, Math.max(t + 3600_000, Math.min(end, t + 12 * DAY)));
      if (t > end) t = end;
      transitions.add([kind, appId, action, from, to, actor, role, comment, new Date(t).toISOString()]);
      from = to;
      if (action === 'submit') submittedAt = t;
      if (comment) lastComment = comment;
    };
    const submit = () => step('submit', 'submitted', owner, 'applicant');
    const schoolOk = () => step('school_approve', 'school_approved', schoolAdmin[schoolId], 'school_admin');
    const centerOk = () => step('center_approve', 'center_reviewed', rng.pick(staff.reviewers), 'center_reviewer');
    switch (state) {
      case 'draft': break;
      case 'submitted': submit(); break;
      case 'school_approved': submit(); schoolOk(); break;
      case 'center_reviewed': submit(); schoolOk(); centerOk(); break;
      case 'admitted': submit(); schoolOk(); centerOk(); step('admit', 'admitted', staff.lead, 'lead'); break;
      case 'returned':
        submit();
        if (rng.chance(0.6)) step('return', 'returned', schoolAdmin[schoolId], 'school_admin', rng.pick(RETURN_COMMENTS));
        else { schoolOk(); step('return', 'returned', rng.pick(staff.reviewers), 'center_reviewer', rng.pick(RETURN_COMMENTS)); }
        break;
      case 'rejected': {
        submit();
        const r = rng.next();
        if (r < 0.4) step('reject', 'rejected', schoolAdmin[schoolId], 'school_admin', rng.pick(REJECT_COMMENTS));
        else if (r < 0.85) { schoolOk(); step('reject', 'rejected', rng.pick(staff.reviewers), 'center_reviewer', rng.pick(REJECT_COMMENTS)); }
        else { schoolOk(); centerOk(); step('reject', 'rejected', staff.lead, 'lead', rng.pick(REJECT_COMMENTS)); }
        break;
      }
      case 'withdrawn':
        if (rng.chance(0.5)) submit();
        step('withdraw', 'withdrawn', owner, 'applicant');
        break;
    }
    return { submittedAt, lastComment, updatedAt: t };
  };
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

  // --- council applications and departments ----------------------------------------------------
  const councils = new Table('council_applications', [
    c('id', 'int'), c('batch_id', 'int'), c('school_id', 'int'), c('owner_id', 'int'), c('state', 'text'),
    c('equipment_major_share_5y_pct', 'numeric'), c('representative', 'text', 'jsonb'), c('contact', 'text', 'jsonb'),
    c('school_opinion', 'text', 'jsonb'), c('suggestions', 'text'), c('last_comment', 'text'), c('submitted_at', 'timestamptz'),
    c('created_at', 'timestamptz'), c('updated_at', 'timestamptz'),
  ]);
  const departments = new Table('departments', [
    c('id', 'int'), c('council_application_id', 'int'), c('school_id', 'int'), c('position', 'smallint'), c('name', 'text'),
    c('category', 'text'), c('established_on', 'text'), c('major_share_pct', 'numeric'), c('avg_enrollment_3y', 'int'),
    c('head_name', 'text'), c('head_position', 'text'), c('strong_majors', 'text', 'text[]'),
  ]);
  const councilStates = { 1: w(STATE_WEIGHTS[1]), 2: w(STATE_WEIGHTS[2]) };
  const categories = w(CATEGORY_WEIGHTS);
  interface DeptInfo { id: number; school: SchoolInfo; batch: 1 | 2; category: string; majors: string[]; weight: number }
  const deptInfo: DeptInfo[] = [];
  for (const s of schoolInfo) {
    const b: 1 | 2 = rng.chance(0.62) ? 1 : 2;
    const state = councilStates[b].pick(rng);
    const contact = contactOf[s.id];
    const createdAt = between(batches[b].opensAt, Math.min(until(b) - 10 * DAY, batches[b].opensAt + 15 * DAY));
    const { submittedAt, lastComment, updatedAt } = walk('council', s.id, state, b, contact.id, s.id, createdAt);
    const rep = person();
    const lowShare = (state === 'draft' || state === 'rejected') && rng.chance(0.15);
    const share = lowShare ? rng.int(50, 195) / 10 : rng.int(200, 880) / 10;
    const opinionDate = shDate(submittedAt ?? createdAt + DAY);
    councils.add([
      s.id, batches[b].id, s.id, contact.id, state, share,
      JSON.stringify({ name: rep.name, position: rng.pick(LEADER_POSITIONS), phone: rng.chance(0.6) ? `${s.area}-${rng.int(2, 8)}${rng.digits(7)}` : mobile(), email: `${rep.pinyin}@${s.domain}` }),
      JSON.stringify({ name: contact.name, position: rng.pick(CONTACT_POSITIONS), phone: mobile(), email: contact.email }),
      JSON.stringify({ recommendedRepresentative: rep.name, signer: rng.chance(0.7) ? rep.name : person().name, date: opinionDate }),
      rng.pick(SUGGESTIONS) || null, lastComment, iso(submittedAt), iso(createdAt), iso(updatedAt),
    ]);
    if (state !== 'draft' || rng.chance(0.8)) attach('council', s.id, 'sealed_scan', contact.id, submittedAt ? submittedAt - 3600_000 : createdAt + DAY);
    const cats: string[] = [];
    while (cats.length < LIMITS.departmentsPerSchoolInBatch) {
      const cat = categories.pick(rng);
      if (!cats.includes(cat)) cats.push(cat);
    }
    const usedDeptNames = new Set<string>();
    cats.forEach((category, position) => {
      const id = (s.id - 1) * 3 + position + 1;
      // secondary schools organise by 专业部, colleges by 学院 and 系
      const secondary = s.type === 'secondary_vocational';
      const fitting = DEPARTMENT_NAMES[category].filter((n) => n.endsWith('部') === secondary);
      let name = fitting.length ? rng.pick(fitting) : rng.pick(DEPARTMENT_NAMES[category]).replace(/(学院|系)$/, secondary ? '专业部' : '$1');
      while (usedDeptNames.has(name)) name = `${name.replace(/(学院|系|部)$/, '')}工程系`;
      usedDeptNames.add(name);
      const majors = rng.sample(MAJORS[category], rng.int(2, Math.min(5, MAJORS[category].length)));
      departments.add([
        id, s.id, s.id, position, name, category, `${rng.int(1985, 2023)}-${pad(rng.int(1, 12))}`, rng.int(50, 600) / 10,
        secondary ? rng.int(150, 1500) : rng.int(400, 5200), person().name, rng.pick(HEAD_POSITIONS), pgTextArray(majors),
      ]);
      deptInfo.push({ id, school: s, batch: b, category, majors, weight: s.weight * (position === 0 ? 1.3 : 1) });
    });
  }

  // --- member applications ---------------------------------------------------------------------
  const deptPicker = new Weighted(deptInfo.map((d) => [d, d.weight] as [DeptInfo, number]));
  const members = new Table('member_applications', [
    c('id', 'int'), c('batch_id', 'int'), c('school_id', 'int'), c('department_id', 'int'), c('owner_id', 'int'), c('state', 'text'),
    c('seat', 'text'), c('target_group', 'smallint'), c('department_honors', 'text', 'jsonb'), c('name', 'text'), c('gender', 'text'),
    c('birth_month', 'text'), c('political_status', 'text'), c('education', 'text'), c('degree', 'text'), c('alma_mater', 'text'),
    c('studied_major', 'text'), c('teaching_years', 'int'), c('title', 'text'), c('field', 'text'), c('position', 'text', 'jsonb'),
    c('mobile', 'text'), c('email', 'text'), c('address', 'text'), c('achievements', 'text'), c('experience', 'text'),
    c('industry_years', 'int'), c('industry_work', 'text'), c('awards', 'text'), c('memberships', 'text'), c('commitment', 'text', 'jsonb'),
    c('school_opinion', 'text', 'jsonb'), c('suggestions', 'text'), c('last_comment', 'text'), c('submitted_at', 'timestamptz'),
    c('created_at', 'timestamptz'), c('updated_at', 'timestamptz'),
  ]);
  const memberStates = { 1: w(STATE_WEIGHTS[1]), 2: w(STATE_WEIGHTS[2]) };
  const political = w(POLITICAL_WEIGHTS);
  const titles = new Weighted(TITLES);
  const targetGroups = new Weighted<1 | 2 | 3>([[1, 58], [2, 26], [3, 16]]);
  const seatsTaken = new Map<number, { main_leader: number; program_leader: number }>();
  const educations = new Weighted<[string, string]>([[['doctoral', 'doctor'], 14], [['master', 'master'], 52], [['bachelor', 'bachelor'], 31], [['associate', 'none'], 2], [['other', 'none'], 1]]);

  for (let id = 1; id <= nMembers; id++) {
    const d = deptPicker.pick(rng);
    const s = d.school;
    const b = d.batch;
    const batch = batches[b];
    let state = memberStates[b].pick(rng);
    let seat: 'main_leader' | 'program_leader' = rng.chance(0.3) ? 'main_leader' : 'program_leader';
    const taken = seatsTaken.get(d.id) ?? { main_leader: 0, program_leader: 0 };
    seatsTaken.set(d.id, taken);
    if (SEAT_HOLDING.has(state)) {
      const other = seat === 'main_leader' ? 'program_leader' : 'main_leader';
      if (taken[seat] >= LIMITS.seatsPerDepartment[seat]) {
        if (taken[other] < LIMITS.seatsPerDepartment[other]) seat = other;
        else state = rng.pick(['draft', 'draft', 'rejected', 'withdrawn'] as State[]);
      }
      if (SEAT_HOLDING.has(state)) taken[seat]++;
    }
    const tg = seat === 'main_leader' ? (rng.chance(0.8) ? 1 : 2) : targetGroups.pick(rng);
    const p = person();
    const deadlineYear = new Date(batch.deadline).getUTCFullYear();
    const age = tg === 3 ? rng.int(27, 34) : seat === 'main_leader' ? rng.int(38, 58) : rng.int(32, 58);
    const birthMonth = `${deadlineYear - age - 1 + (rng.chance(0.5) ? 1 : 0)}-${pad(rng.int(1, 12))}`;
    const [education, degree] = educations.pick(rng);
    const gradYear = Number(birthMonth.slice(0, 4)) + (education === 'doctoral' ? 29 : education === 'master' ? 26 : 23);
    const maxTeaching = Math.max(1, deadlineYear - gradYear);
    const industryYears = rng.chance(0.55) ? rng.int(1, Math.min(12, Math.max(1, maxTeaching - 1))) : 0;
    const teachingYears = tg === 3 ? rng.int(1, Math.max(1, maxTeaching - industryYears)) : rng.chance(0.03) ? rng.int(3, 5) : Math.max(6, maxTeaching - industryYears);
    const major = rng.pick(d.majors);
    const field = rng.pick(FIELDS[d.category]);
    const university = rng.pick(UNIVERSITIES);
    const studied = rng.pick(STUDIED_MAJORS);
    const title = tg === 3 ? rng.pick(['讲师', '讲师', '工程师', '助教', '高级讲师']) : titles.pick(rng);
    const position = seat === 'main_leader'
      ? (rng.chance(0.7) ? { kind: 'dean', text: null } : { kind: 'vice_dean', text: `主管${rng.pick(['教学', '科研', '校企合作', '实训基地建设'])}工作` })
      : tg === 3 ? { kind: 'other', text: rng.pick(['专任教师', '教研室主任', '实训中心主任']) } : { kind: 'program_leader', text: `${major}专业（群）` };
    const honors = s.honors.includes('national_double_high') && rng.chance(0.75) ? [{ kind: 'national_double_high_group', text: `${major}专业群` }]
      : s.honors.includes('provincial_double_high') && rng.chance(0.7) ? [{ kind: 'provincial_double_high_group', text: `${major}专业群` }]
        : rng.chance(0.15) ? [{ kind: 'other', text: rng.pick(['省级品牌专业', '省级特色专业', '省级示范专业点', '国家级示范实训基地']) }] : [];
    const email = uniqueEmail(`${p.pinyin}${birthMonth.slice(2, 4)}`, s.domain);
    const createdAt = between(batch.opensAt, Math.min(until(b) - 5 * DAY, batch.opensAt + 18 * DAY));
    const ownerId = addUser(email, p.name, ['applicant'], s.id, createdAt - rng.int(1, 72) * 3600_000);
    const { submittedAt, lastComment, updatedAt } = walk('member', id, state, b, ownerId, s.id, createdAt);
    // a quarter of the drafts are still incomplete: no photo, no achievements or no commitment yet
    const gap = state === 'draft' && rng.chance(0.25) ? rng.pick(['photo', 'achievements', 'commitment', 'scan']) : null;
    const signedOn = shDate(submittedAt ?? Math.min(createdAt + 2 * DAY, now));
    const projects = rng.int(1, 6);
    const achievements = `主持${rng.pick(['国家级', '省级', '省级', '市级', '校级'])}${rng.pick(['教改项目', '科研课题', '横向技术服务项目'])}${projects}项，` +
      `发表论文${rng.int(3, 30)}篇（其中核心期刊${rng.int(0, 8)}篇），获授权${rng.pick(['发明', '实用新型'])}专利${rng.int(0, 12)}项；` +
      `${rng.chance(0.5) ? `主编${rng.pick(['“十四五”职业教育国家规划教材', '省级规划教材', '校企合作新形态教材'])}${rng.int(1, 4)}部；` : ''}` +
      `指导学生获${rng.pick(['全国职业院校技能大赛', '省职业院校技能大赛', '“挑战杯”竞赛'])}${rng.pick(['一等奖', '二等奖', '三等奖'])}。`;
    const experience = `${gradYear}年毕业于${university}${studied}专业，获${degree === 'none' ? '' : `${{ doctor: '博士', master: '硕士', bachelor: '学士' }[degree]}学位`}${degree === 'none' ? '专科学历' : ''}；` +
      (industryYears ? `曾在${rng.pick(INDUSTRY_COMPANIES)}从事${field}相关工作${industryYears}年；` : '') +
      `${deadlineYear - teachingYears}年起在${s.name}任教${seat === 'main_leader' ? `，现任${position.kind === 'dean' ? '院长' : '副院长'}` : ''}。`;
    members.add([
      id, batch.id, s.id, d.id, ownerId, state, seat, tg, JSON.stringify(honors), p.name, p.gender, birthMonth, political.pick(rng),
      education, degree, university, studied, teachingYears, title, field, JSON.stringify(position), mobile(), email,
      `${s.province ?? ''}${s.city}${s.city.length > 1 && !['北京', '天津', '上海', '重庆'].includes(s.city) ? '市' : ''}${rng.pick(DISTRICTS)}${rng.pick(ROADS)}${rng.int(1, 999)}号`,
      gap === 'achievements' ? null : achievements, experience, industryYears,
      industryYears ? `${field}${rng.pick(['工艺设计', '设备调试', '产品研发', '技术服务', '生产管理'])}` : null,
      rng.sample(AWARDS, rng.int(0, 3)).join('；') || null, rng.sample(ORGANIZATIONS, rng.int(0, 2)).join('；') || null,
      JSON.stringify(gap === 'commitment' ? { accepted: false, date: null } : { accepted: true, date: signedOn }),
      JSON.stringify({ signer: `${person().name}`, date: signedOn }), rng.pick(SUGGESTIONS) || null, lastComment,
      iso(submittedAt), iso(createdAt), iso(updatedAt),
    ]);
    const uploadAt = submittedAt ? submittedAt - 7200_000 : createdAt + 3600_000;
    if (gap !== 'scan') attach('member', id, 'sealed_scan', ownerId, uploadAt);
    if (gap !== 'photo') attach('member', id, 'photo', ownerId, uploadAt - 600_000);
  }

  const batchTable = new Table('batches', [c('id', 'int'), c('name', 'text'), c('opens_at', 'timestamptz'), c('deadline', 'timestamptz'), c('created_at', 'timestamptz')]);
  for (const b of [batches[1], batches[2]]) batchTable.add([b.id, b.name, iso(b.opensAt), iso(b.deadline), iso(b.opensAt - 5 * DAY)]);

  return {
    counts: { schools: nSchools, departments: departments.rows, councilApplications: councils.rows, memberApplications: members.rows },
    tables: [schools, users, batchTable, councils, departments, members, attachments, transitions].map((t) => t.data()),
    sequences: [
      { table: 'schools', column: 'id' }, { table: 'users', column: 'id' }, { table: 'batches', column: 'id' },
      { table: 'council_applications', column: 'id' }, { table: 'departments', column: 'id' }, { table: 'member_applications', column: 'id' },
      { table: 'transitions', column: 'id' },
    ],
    staffEmails,
    users: users.rows,
  };
}
