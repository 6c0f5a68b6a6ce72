import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { endOfShanghaiDay, shanghaiDate, type Action, type ApplicationKind, type Role } from '@alliance/domain';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { ApplicationsService } from '../applications/applications.service';
import { AttachmentsService } from '../attachments/attachments.service';
import type { AuthUser } from '../auth/auth-user';
import { hashPassword } from '../auth/passwords';
import { loadEnv, type Env } from '../config/env';
import { migrate } from './migrate';

/** Password of every demo account except the lead (README, "Demo accounts"). */
export const DEMO_PASSWORD = 'Demo#2024pass';

const SCHOOLS = [
  { name: '江苏机电职业技术大学', type: 'vocational_undergraduate', ownership: 'public', honors: ['national_double_high', 'industry_backbone'], province: '江苏' },
  { name: '浙江机械高等职业技术学院', type: 'higher_vocational', ownership: 'public', honors: ['national_double_high'], province: '浙江' },
  { name: '四川装备制造职业学院', type: 'higher_vocational', ownership: 'public', honors: ['provincial_double_high'], province: '四川' },
  { name: '广东智能制造技师学院', type: 'secondary_vocational', ownership: 'public', honors: ['double_excellence'], province: '广东' },
  { name: '山东汽车工程职业学院', type: 'higher_vocational', ownership: 'private', honors: ['industry_backbone'], province: '山东' },
  { name: '北京工业技术培训中心', type: 'other', ownership: 'other', honors: ['other'], honorsOther: '市级示范培训基地', province: '北京' },
  { name: '湖北农机职业技术学院', type: 'higher_vocational', ownership: 'public', honors: [], province: '湖北' },
  { name: '陕西材料工程职业学院', type: 'higher_vocational', ownership: 'public', honors: ['provincial_double_high'], province: '陕西' },
  { name: '河南工业职业技术学院', type: 'higher_vocational', ownership: 'public', honors: ['national_double_high'], province: '河南' },
] as const;

/** The state each school's council application ends in: every state, once or more. */
const COUNCIL_STATES = ['admitted', 'admitted', 'center_reviewed', 'school_approved', 'returned', 'draft', 'rejected', 'withdrawn', 'submitted'];

const DEPARTMENTS = [
  ['智能制造学院', 'intelligent_manufacturing', ['工业机器人技术', '智能制造装备技术']],
  ['机电工程学院', 'mechatronic', ['机电一体化技术', '电气自动化技术']],
  ['汽车工程学院', 'automotive_transport', ['新能源汽车技术']],
] as const;

const PEOPLE = ['陈静', '王磊', '刘洋', '张伟', '李娜', '赵敏', '孙浩', '周婷', '吴刚', '郑丽', '冯涛', '褚红'];

/** The path of actions that leaves an application in each state. */
const PATHS: Record<string, Action[]> = {
  draft: [],
  submitted: ['submit'],
  school_approved: ['submit', 'school_approve'],
  center_reviewed: ['submit', 'school_approve', 'center_approve'],
  admitted: ['submit', 'school_approve', 'center_approve', 'admit'],
  returned: ['submit', 'return'],
  rejected: ['submit', 'school_approve', 'reject'],
  withdrawn: ['submit', 'withdraw'],
};

/**
 * Demo data: the lead from ADMIN_EMAIL / ADMIN_PASSWORD, two batches, schools of every type and
 * honor, users of every role and applications of both kinds in every state, made through the
 * product's own use cases (so history, audit and mail are real).
 */
export async function seed(env: Env, log: (s: string) => void = console.log): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  try {
    const db = app.get(DataSource);
    const applications = app.get(ApplicationsService);
    const attachments = app.get(AttachmentsService);
    const leadHash = await hashPassword(env.ADMIN_PASSWORD);
    const demoHash = await hashPassword(DEMO_PASSWORD);

    const upsertUser = async (email: string, name: string, roles: Role[], schoolId: number | null, hash = demoHash): Promise<AuthUser> => {
      const [row] = await db.query(
        `INSERT INTO users (email, name, password_hash, roles, school_id, active, email_verified_at) VALUES ($1, $2, $3, $4, $5, true, now())
         ON CONFLICT (email) DO UPDATE SET roles = EXCLUDED.roles RETURNING id`, [email, name, hash, roles, schoolId]);
      return { id: row.id, email, name, roles, schoolId };
    };

    const lead = await upsertUser(env.ADMIN_EMAIL.toLowerCase(), '联盟负责人', ['lead'], null, leadHash);
    const [{ count }] = await db.query('SELECT count(*)::int AS count FROM schools');
    if (count > 0) {
      log(`lead account ${lead.email} is ready; demo data already present`);
      return;
    }
    const center = await upsertUser('reviewer@demo.alliance.cn', '中心审核员', ['center_reviewer'], null);
    await upsertUser('coordinator@demo.alliance.cn', '秘书处联络员', ['coordinator'], null);

    const now = new Date();
    await db.query(`INSERT INTO batches (name, opens_at, deadline) VALUES ($1, $2, $3)`,
      ['首批成员征集', new Date('2024-03-01T00:00:00+08:00'), endOfShanghaiDay('2024-04-15')]);
    const [{ id: batchId }] = await db.query(`INSERT INTO batches (name, opens_at, deadline) VALUES ($1, $2, $3) RETURNING id`,
      ['第二批成员征集', new Date(now.getTime() - 7 * 86400_000), endOfShanghaiDay(shanghaiDate(new Date(now.getTime() + 45 * 86400_000)))]);

    const files = demoFiles(env.UPLOAD_DIR);
    const upload = async (kind: ApplicationKind, id: number, user: AuthUser, attachment: 'sealed_scan' | 'photo') => {
      const f = files[attachment === 'photo' ? 'png' : 'pdf']();
      await attachments.upload(kind, id, attachment, f as never, user);
    };
    const drive = async (kind: ApplicationKind, id: number, path: Action[], actors: Record<string, AuthUser>) => {
      for (const action of path) {
        const by = action === 'submit' || action === 'withdraw' ? actors.owner
          : action === 'school_approve' || (action === 'return' && path.length === 2) ? actors.admin
            : action === 'admit' || action === 'reject' ? lead : center;
        await applications.transition(kind, id, action, action === 'return' || action === 'reject' ? demoComment(action) : null, by);
      }
    };

    const states = Object.keys(PATHS);
    let person = 0;
    for (const [i, s] of SCHOOLS.entries()) {
      const [{ id: schoolId }] = await db.query(
        `INSERT INTO schools (name, type, ownership, honors, honors_other, province) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [s.name, s.type, s.ownership, s.honors, 'honorsOther' in s ? s.honorsOther : null, s.province]);
      const admin = await upsertUser(`school${i + 1}@demo.alliance.cn`, `${s.name}审核人`, ['school_admin'], schoolId);
      const contact = await upsertUser(`contact${i + 1}@demo.alliance.cn`, `${s.name}联系人`, ['applicant'], schoolId);
      const council = await applications.createCouncil({
        batchId, equipmentMajorShare5yPct: 25 + i * 5,
        representative: { name: '王建国', position: '校长', phone: '010-63512022', email: `rep${i + 1}@demo.alliance.cn` },
        contact: { name: '李明', position: '办公室主任', phone: '13811917487', email: contact.email },
        departments: DEPARTMENTS.slice(0, i < 2 ? 3 : 1 + (i % 3)).map(([name, category, majors]) => ({
          name, category, establishedOn: '2012-09', majorSharePct: 22.5, avgEnrollment3y: 1800 + i * 100,
          headName: PEOPLE[(i + 3) % PEOPLE.length], headPosition: '院长', strongMajors: [...majors],
        })),
        schoolOpinion: { recommendedRepresentative: '王建国', signer: '张校长', date: shanghaiDate(now) },
        suggestions: '希望联盟定期组织产教融合交流活动。',
      } as never, contact);
      await upload('council', council.id, contact, 'sealed_scan');
      const councilState = COUNCIL_STATES[i];
      await drive('council', council.id, PATHS[councilState], { owner: contact, admin });
      if (councilState === 'rejected' || councilState === 'withdrawn') continue; // its departments take no members

      const departments = council.departments as { id: number }[];
      for (const [j, state] of states.entries()) {
        if (i > 1 && (i + j) % 3 !== 0) continue; // every state on the first two schools, a sample elsewhere
        const name = PEOPLE[person++ % PEOPLE.length];
        const teacher = await upsertUser(`teacher${person}@demo.alliance.cn`, name, ['applicant'], schoolId);
        const member = await applications.createMember({
          batchId, departmentId: departments[j % departments.length].id, seat: j < departments.length ? 'main_leader' : 'program_leader',
          targetGroup: j % 5 === 4 ? 3 : ((j % 2) + 1) as 1 | 2, departmentHonors: [{ kind: 'national_double_high_group', text: '智能制造专业群' }],
          name, gender: j % 2 ? 'male' : 'female', birthMonth: j % 5 === 4 ? '1994-03' : `19${78 + (j % 8)}-0${1 + (j % 9)}`,
          politicalStatus: j % 3 ? 'cpc_member' : 'masses', education: 'master', degree: 'master', almaMater: '华中科技大学',
          studiedMajor: '机械工程', teachingYears: 5 + j, title: j % 2 ? '副教授' : '高级工程师', field: '智能制造',
          position: { kind: 'program_leader', text: '工业机器人技术专业群' }, mobile: `1380000${String(1000 + person).padStart(4, '0')}`,
          email: teacher.email, address: `${s.province}省某市职教园区`, achievements: '主持省级教改项目2项，发表论文10篇。',
          experience: '2010年起从事职业教育。', industryYears: 3, industryWork: '工业机器人系统集成', awards: '省级教学成果二等奖',
          memberships: '中国机械工程学会会员', commitment: { accepted: true, date: shanghaiDate(now) },
          schoolOpinion: { signer: '张校长', date: shanghaiDate(now) }, suggestions: '',
        } as never, teacher);
        await upload('member', member.id, teacher, 'sealed_scan');
        await upload('member', member.id, teacher, 'photo');
        try {
          await drive('member', member.id, PATHS[state], { owner: teacher, admin });
        } catch (e) {
          log(`member application ${member.id} stays before ${state}: ${(e as Error).message}`);
        }
      }
    }
    log(`demo data loaded: ${SCHOOLS.length} schools, lead ${lead.email}, other accounts use the password ${DEMO_PASSWORD}`);
  } finally {
    await app.close();
  }
}

function demoComment(action: Action): string {
  return action === 'return' ? '请补充近三年获奖证明材料，并核对出生年月。' : '不符合本批次申报条件。';
}

/** Writes small valid PDF and PNG files into the upload folder, as an upload would. */
function demoFiles(dir: string) {
  mkdirSync(dir, { recursive: true });
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d3f1c70000000049454e44ae426082', 'hex');
  const make = (bytes: Buffer, ext: string, mimetype: string, originalname: string) => () => {
    const filename = `${randomUUID()}.bin`;
    const path = join(dir, filename);
    writeFileSync(path, bytes, { mode: 0o600 });
    return { path, filename, size: bytes.length, mimetype, ext, originalname, sha256: createHash('sha256').update(bytes).digest('hex') };
  };
  return { pdf: make(pdf, 'pdf', 'application/pdf', '盖章扫描件.pdf'), png: make(png, 'png', 'image/png', '免冠照片.png') };
}

if (require.main === module) {
  const env = loadEnv();
  migrate(env.DATABASE_URL)
    .then(() => seed(env))
    .then(() => process.exit(0))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
