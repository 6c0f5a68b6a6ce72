import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository';
import { ENV, type Env } from '../config/env';
import { AppError, conflict } from '../common/errors';
import { hashToken, newToken, seal } from '../common/secrets';
import { Outbox } from '../notifications/outbox';
import { SchoolsRepository } from '../schools/schools.repository';
import { UsersRepository } from '../users/users.repository';
import type { AuthUser } from './auth-user';
import { decoyHash, hashPassword, verifyPassword } from './passwords';
import { TokenService } from './token.service';
import type { RegisterInput } from './auth.schemas';

const VERIFICATION_TTL_MS = 48 * 3600 * 1000;
const INVALID_LOGIN = '邮箱或密码错误';

@Injectable()
export class AuthService {
  constructor(
    @Inject(ENV) private readonly env: Env,
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly schools: SchoolsRepository,
    private readonly tokens: TokenService,
    private readonly outbox: Outbox,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * One answer for an unknown email, a wrong password, a deactivated or unverified account,
   * with the same work done, so nothing tells whether an address has an account.
   */
  async login(emailRaw: string, password: string, ip: string): Promise<{ accessToken: string; user: AuthUser }> {
    const email = emailRaw.trim().toLowerCase();
    const since = new Date(Date.now() - this.env.LOGIN_WINDOW_SECONDS * 1000);
    const [byEmail, byIp] = await Promise.all([
      this.users.countLoginFailures(since, { email }),
      this.users.countLoginFailures(since, { ip }),
    ]);
    if (byEmail >= this.env.LOGIN_MAX_FAILURES || byIp >= this.env.LOGIN_MAX_FAILURES * 10) {
      throw new AppError('throttled', '登录失败次数过多，请稍后再试');
    }
    const user = await this.users.findByEmailForLogin(email);
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (!user || !ok || !user.active || !user.emailVerifiedAt) {
      await this.users.recordLoginFailure(email, ip);
      throw new AppError('unauthenticated', INVALID_LOGIN);
    }
    await this.users.clearLoginFailures(email);
    const authUser: AuthUser = { id: user.id, email: user.email, name: user.name, roles: user.roles, schoolId: user.schoolId };
    return { accessToken: this.tokens.issue(user.id), user: authUser };
  }

  /**
   * Self-registration of an applicant. The answer is the same whether or not the address is
   * taken (no enumeration); a taken address gets no second account and no mail.
   */
  async register(input: RegisterInput): Promise<{ message: string }> {
    const email = input.email.toLowerCase();
    const passwordHash = await hashPassword(input.password);
    const token = newToken();
    await this.db.transaction(async (m) => {
      if (await this.users.findByEmail(email, m)) return;
      let schoolId: number;
      if ('school' in input && input.school) {
        if (await this.schools.findByName(input.school.name, m)) throw conflict('该学校已在名单中，请直接选择');
        const school = await this.schools.insert(m, input.school);
        await this.audit.record(m, null, { action: 'create', entity: 'school', entityId: school.id, data: { name: school.name, via: 'register' } });
        schoolId = school.id;
      } else {
        const school = await this.schools.findById(input.schoolId!, m);
        if (!school) throw new AppError('validation', '提交的数据有误', [{ path: 'schoolId', message: '学校不存在' }]);
        schoolId = school.id;
      }
      const user = await this.users.insert(m, {
        email, name: input.name, passwordHash, roles: ['applicant'], schoolId, active: true,
        emailVerifiedAt: null, verificationTokenHash: hashToken(token), verificationExpiresAt: new Date(Date.now() + VERIFICATION_TTL_MS),
      });
      await this.audit.record(m, { id: user.id, email }, { action: 'register', entity: 'user', entityId: user.id });
      await this.outbox.enqueue(m, [{
        template: 'verify_email', toEmail: email, toUserId: user.id,
        data: { name: input.name, link: seal(`${this.env.PUBLIC_URL}/#/verify-email?token=${token}`, this.env.TOKEN_SECRET) },
      }]);
    });
    return { message: '注册申请已受理，请查收验证邮件并点击其中的链接完成注册。' };
  }

  async verifyEmail(token: string): Promise<{ verified: true }> {
    return this.db.transaction(async (m) => {
      const user = await this.users.findByVerificationHash(hashToken(token), m);
      if (!user || !user.verificationExpiresAt || user.verificationExpiresAt.getTime() < Date.now()) {
        throw new AppError('not_found', '验证链接无效或已过期');
      }
      await this.users.update(m, user.id, { emailVerifiedAt: new Date(), verificationTokenHash: null, verificationExpiresAt: null });
      await this.audit.record(m, { id: user.id, email: user.email }, { action: 'verify_email', entity: 'user', entityId: user.id });
      return { verified: true as const };
    });
  }
}
