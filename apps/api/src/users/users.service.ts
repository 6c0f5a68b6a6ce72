import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { codesOf, ROLE, type Role } from '@alliance/domain';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { AuthUser } from '../auth/auth-user';
import { EmailSchema } from '../auth/auth.schemas';
import { hashPassword, PasswordSchema } from '../auth/passwords';
import { AuditRepository } from '../audit/audit.repository';
import { AppError, conflict, notFound } from '../common/errors';
import { anyOf, idFilter, ListQuery, textFilter } from '../common/list-query';
import { rethrowUniqueAsConflict } from '../common/records';
import { SchoolsRepository } from '../schools/schools.repository';
import { User } from './user.entity';
import { UserFilter, UsersRepository } from './users.repository';

const SCHOOL_BOUND: readonly Role[] = ['applicant', 'school_admin'];
const needsSchool = (roles: readonly Role[]) => roles.some((r) => SCHOOL_BOUND.includes(r));

const roles = z.array(z.enum(codesOf(ROLE))).min(1, '至少选择一个角色').max(6).transform((r) => [...new Set(r)]);

export const CreateUserSchema = z
  .strictObject({
    email: EmailSchema,
    name: z.string().trim().min(1).max(50),
    password: PasswordSchema,
    roles,
    schoolId: z.number().int().positive().nullish(),
  })
  .refine((u) => !needsSchool(u.roles) || !!u.schoolId, { message: '申报人和学校审核人必须属于一所学校', path: ['schoolId'] });

export const UpdateUserSchema = z.strictObject({
  name: z.string().trim().min(1).max(50).optional(),
  password: PasswordSchema.optional(),
  roles: roles.optional(),
  schoolId: z.number().int().positive().nullish(),
  active: z.boolean().optional(),
});

export const UserFilterSchema = z.strictObject({
  id: idFilter.optional(),
  role: anyOf(z.enum(codesOf(ROLE))).optional(),
  schoolId: idFilter.optional(),
  active: z.boolean().optional(),
  q: textFilter.optional(),
});

export type UserView = Omit<User, 'passwordHash' | 'verificationTokenHash' | 'verificationExpiresAt' | 'emailVerifiedAt'> & { emailVerified: boolean };
const view = (u: User): UserView => ({
  id: u.id, email: u.email, name: u.name, roles: u.roles, schoolId: u.schoolId, active: u.active,
  emailVerified: !!u.emailVerifiedAt, createdAt: u.createdAt,
});

/** Accounts the lead manages. Accounts the lead creates are active and verified at once. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly schools: SchoolsRepository,
    private readonly audit: AuditRepository,
  ) {}

  async list(q: ListQuery<UserFilter>): Promise<[UserView[], number]> {
    const [rows, total] = await this.users.list(q);
    return [rows.map(view), total];
  }

  async get(id: number): Promise<UserView> {
    const u = await this.users.findById(id);
    if (!u) throw notFound('用户');
    return view(u);
  }

  async create(input: z.output<typeof CreateUserSchema>, actor: AuthUser): Promise<UserView> {
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(async (m) => {
      if (input.schoolId && !(await this.schools.findById(input.schoolId, m))) {
        throw new AppError('validation', '提交的数据有误', [{ path: 'schoolId', message: '学校不存在' }]);
      }
      if (await this.users.findByEmail(input.email, m)) throw conflict('该邮箱已有账号');
      const u = await this.users.insert(m, {
        email: input.email, name: input.name, passwordHash, roles: input.roles, schoolId: input.schoolId ?? null,
        active: true, emailVerifiedAt: new Date(),
      });
      await this.audit.record(m, actor, { action: 'create', entity: 'user', entityId: u.id, data: { email: u.email, roles: u.roles, schoolId: u.schoolId } });
      return view(u);
    }).catch(rethrowUniqueAsConflict);
  }

  async update(id: number, input: z.output<typeof UpdateUserSchema>, actor: AuthUser): Promise<UserView> {
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    return this.db.transaction(async (m) => {
      const u = await this.users.findById(id, m);
      if (!u) throw notFound('用户');
      const next = { roles: input.roles ?? u.roles, schoolId: input.schoolId === undefined ? u.schoolId : input.schoolId };
      if (needsSchool(next.roles) && !next.schoolId) {
        throw new AppError('validation', '提交的数据有误', [{ path: 'schoolId', message: '申报人和学校审核人必须属于一所学校' }]);
      }
      if (id === actor.id && (input.active === false || (input.roles && !input.roles.includes('lead')))) {
        throw conflict('不能停用自己的账号或移除自己的负责人角色');
      }
      if (next.schoolId && !(await this.schools.findById(next.schoolId, m))) {
        throw new AppError('validation', '提交的数据有误', [{ path: 'schoolId', message: '学校不存在' }]);
      }
      await this.users.update(m, id, {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.active !== undefined && { active: input.active }),
        ...(passwordHash && { passwordHash }),
        roles: next.roles, schoolId: next.schoolId,
      });
      const { password: _omit, ...changes } = input;
      await this.audit.record(m, actor, { action: 'update', entity: 'user', entityId: id, data: { ...changes, passwordChanged: !!passwordHash } });
      return view((await this.users.findById(id, m))!);
    });
  }
}
