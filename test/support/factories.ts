import type { Role } from '@alliance/domain';
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../apps/api/src/auth/passwords';
import type { TestApi } from './api';

export const PASSWORD = 'Campaign#2024';
let passwordHash: Promise<string> | undefined;
const unique = () => randomBytes(4).toString('hex');

export interface TestUser {
  id: number;
  email: string;
  roles: Role[];
  schoolId: number | null;
  token: string;
  auth: { Authorization: string };
}

/** Minimal valid files, recognised by their leading bytes. */
export const FILES = {
  pdf: Buffer.concat([Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n'), Buffer.alloc(64, 0x20), Buffer.from('%%EOF\n')]),
  png: Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d3f1c70000000049454e44ae426082', 'hex'),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 1), Buffer.from([0xff, 0xd9])]),
};

/**
 * Test data through the database (fixtures) and through the API (the real paths): the API in
 * process (TestApi), or any API process given its database and a supertest agent.
 */
export class Factory {
  constructor(private readonly api: Pick<TestApi, 'db' | 'http'>) {}

  async school(overrides: Partial<{ name: string; type: string; ownership: string; honors: string[]; province: string | null }> = {}): Promise<number> {
    const s = { name: `测试职业技术学院${unique()}`, type: 'higher_vocational', ownership: 'public', honors: ['national_double_high'], province: '江苏', ...overrides };
    const [{ id }] = await this.api.db.query(
      'INSERT INTO schools (name, type, ownership, honors, province) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [s.name, s.type, s.ownership, s.honors, s.province]);
    return id;
  }

  /** An active, verified user, logged in. */
  async user(roles: Role[], schoolId: number | null = null, email = `${roles[0]}-${unique()}@test.cn`): Promise<TestUser> {
    passwordHash ??= hashPassword(PASSWORD);
    const [{ id }] = await this.api.db.query(
      `INSERT INTO users (email, name, password_hash, roles, school_id, active, email_verified_at)
       VALUES ($1, $2, $3, $4, $5, true, now()) RETURNING id`, [email, `用户${unique()}`, await passwordHash, roles, schoolId]);
    const token = await this.login(email, PASSWORD);
    return { id, email, roles, schoolId, token, auth: { Authorization: `Bearer ${token}` } };
  }

  async login(email: string, password: string): Promise<string> {
    const res = await this.api.http.post('/api/auth/login').send({ email, password });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken;
  }

  /** A batch open now, closing in 30 days unless told otherwise. */
  async batch(window: { opensAt?: Date; deadline?: Date } = {}): Promise<number> {
    const opensAt = window.opensAt ?? new Date(Date.now() - 86400_000);
    const deadline = window.deadline ?? new Date(Date.now() + 30 * 86400_000);
    const [{ id }] = await this.api.db.query('INSERT INTO batches (name, opens_at, deadline) VALUES ($1, $2, $3) RETURNING id',
      [`批次${unique()}`, opensAt, deadline]);
    return id;
  }

  councilForm(batchId: number, overrides: Record<string, unknown> = {}) {
    return {
      batchId,
      equipmentMajorShare5yPct: 42.5,
      representative: { name: '王建国', position: '校长', phone: '025-84561234', email: 'rep@school.cn' },
      contact: { name: '李明', position: '办公室主任', phone: '13912345678', email: 'contact@school.cn' },
      departments: [department('智能制造学院', 'intelligent_manufacturing'), department('机电工程学院', 'mechatronic')],
      schoolOpinion: { recommendedRepresentative: '王建国', signer: '张校长', date: '2024-04-01' },
      suggestions: '建议定期组织交流。',
      ...overrides,
    };
  }

  memberForm(batchId: number, departmentId: number, overrides: Record<string, unknown> = {}) {
    return {
      batchId, departmentId, seat: 'program_leader', targetGroup: 1,
      departmentHonors: [{ kind: 'national_double_high_group', text: '智能制造专业群' }],
      name: '陈静', gender: 'female', birthMonth: '1985-06', politicalStatus: 'cpc_member', education: 'master', degree: 'master',
      almaMater: '华中科技大学', studiedMajor: '机械工程', teachingYears: 12, title: '副教授', field: '工业机器人',
      position: { kind: 'program_leader', text: '工业机器人技术专业群' }, mobile: '13800000000', email: 'chenjing@school.cn',
      address: '江苏省南京市江宁区', achievements: '主持省级教改项目2项。', experience: '2012年至今任教。', industryYears: 3,
      industryWork: '工业机器人集成', awards: '省教学成果二等奖', memberships: '中国机械工程学会会员',
      commitment: { accepted: true, date: '2024-04-01' }, schoolOpinion: { signer: '张校长', date: '2024-04-02' }, suggestions: '',
      ...overrides,
    };
  }

  async upload(user: TestUser, resource: string, id: number, kind: 'sealed_scan' | 'photo', file = kind === 'photo' ? FILES.png : FILES.pdf, name = kind === 'photo' ? 'photo.png' : 'scan.pdf') {
    const res = await this.api.http.post(`/api/${resource}/${id}/attachments?kind=${kind}`).set(user.auth).attach('file', file, name);
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async transition(user: TestUser, resource: string, id: number, action: string, comment?: string) {
    return this.api.http.post(`/api/${resource}/${id}/transitions`).set(user.auth).send({ action, ...(comment && { comment }) });
  }

  /** A school with its admin and applicant, and a council application submitted with its scan. */
  async schoolWithCouncil(batchId: number, schoolOverrides = {}) {
    const schoolId = await this.school(schoolOverrides);
    const admin = await this.user(['school_admin'], schoolId);
    const applicant = await this.user(['applicant'], schoolId);
    const created = await this.api.http.post('/api/council-applications').set(applicant.auth).send(this.councilForm(batchId));
    if (created.status !== 201) throw new Error(`council: ${created.status} ${JSON.stringify(created.body)}`);
    await this.upload(applicant, 'council-applications', created.body.id, 'sealed_scan');
    return { schoolId, admin, applicant, council: created.body as { id: number; departments: { id: number }[] } };
  }

  /** A member application by a new applicant of the school, complete with its files, in draft. */
  async memberDraft(batchId: number, schoolId: number, departmentId: number, overrides: Record<string, unknown> = {}) {
    const applicant = await this.user(['applicant'], schoolId);
    const created = await this.api.http.post('/api/member-applications').set(applicant.auth).send(this.memberForm(batchId, departmentId, overrides));
    if (created.status !== 201) throw new Error(`member: ${created.status} ${JSON.stringify(created.body)}`);
    await this.upload(applicant, 'member-applications', created.body.id, 'sealed_scan');
    await this.upload(applicant, 'member-applications', created.body.id, 'photo');
    return { applicant, id: created.body.id as number };
  }
}

export function department(name: string, category: string) {
  return {
    name, category, establishedOn: '2015-09', majorSharePct: 28.5, avgEnrollment3y: 2400,
    headName: '刘强', headPosition: '院长', strongMajors: ['工业机器人技术', '智能制造装备技术'],
  };
}
