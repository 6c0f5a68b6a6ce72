import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@alliance/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { ListQuery } from '../common/list-query';
import { escapeLike } from '../common/sql';
import { LoginFailure, User } from './user.entity';

export interface UserFilter {
  id?: number[];
  role?: Role[];
  schoolId?: number[];
  active?: boolean;
  q?: string;
}

const toAuthUser = (u: User): AuthUser => ({ id: u.id, email: u.email, name: u.name, roles: u.roles, schoolId: u.schoolId });

const FIND_ACTIVE_SQL = `SELECT id, email, name, roles, school_id AS "schoolId" FROM users
  WHERE id = $1 AND active = true AND email_verified_at IS NOT NULL LIMIT 1`;

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findActive(id: number): Promise<AuthUser | null> {
    // Runs on every authenticated request: a prebuilt statement instead of findOneBy (query
    // building and entity hydration), with the same checks (active, e-mail verified).
    const rows: AuthUser[] = await this.db.query(FIND_ACTIVE_SQL, [id]);
    return rows.length ? toAuthUser(rows[0] as User) : null;
  }

  /** Inside a transaction, pass its manager: a second pool connection per transaction can exhaust the pool. */
  findById(id: number, m: EntityManager = this.db.manager): Promise<User | null> {
    return m.getRepository(User).findOneBy({ id });
  }

  /** With the password hash, for login. */
  findByEmailForLogin(email: string): Promise<User | null> {
    return this.db.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash').where('u.email = :email', { email }).getOne();
  }

  findByEmail(email: string, m: EntityManager = this.db.manager): Promise<User | null> {
    return m.getRepository(User).findOneBy({ email });
  }

  findByVerificationHash(hash: string, m: EntityManager): Promise<User | null> {
    return m.getRepository(User).createQueryBuilder('u').setLock('pessimistic_write')
      .where('u.verification_token_hash = :hash', { hash }).getOne();
  }

  insert(m: EntityManager, values: Partial<User>): Promise<User> {
    return m.getRepository(User).save(m.getRepository(User).create(values));
  }

  async update(m: EntityManager, id: number, values: Partial<User>): Promise<void> {
    await m.getRepository(User).update({ id }, values);
  }

  async list(q: ListQuery<UserFilter>): Promise<[User[], number]> {
    const qb = this.db.getRepository(User).createQueryBuilder('u');
    const f = q.filter;
    if (f.id) qb.andWhere('u.id IN (:...ids)', { ids: f.id });
    if (f.role) qb.andWhere('u.roles && :roles::text[]', { roles: f.role });
    if (f.schoolId) qb.andWhere('u.school_id IN (:...schoolIds)', { schoolIds: f.schoolId });
    if (f.active !== undefined) qb.andWhere('u.active = :active', { active: f.active });
    if (f.q) qb.andWhere('(u.name ILIKE :q OR u.email ILIKE :q)', { q: `%${escapeLike(f.q)}%` });
    const column = { id: 'u.id', email: 'u.email', name: 'u.name', createdAt: 'u.created_at' }[q.sort.field] ?? 'u.id';
    return qb.orderBy(column, q.sort.order).offset(q.offset).limit(q.limit).getManyAndCount();
  }

  /** Active recipients holding a role, optionally in one school. */
  recipients(m: EntityManager, role: Role, schoolId?: number): Promise<Pick<User, 'id' | 'email' | 'name'>[]> {
    // `roles @> ARRAY[role]` can use the GIN index on roles; `role = ANY(roles)` reads every user
    const qb = m.getRepository(User).createQueryBuilder('u').select(['u.id', 'u.email', 'u.name'])
      .where('u.roles @> ARRAY[:role]::text[]', { role }).andWhere('u.active');
    if (schoolId !== undefined) qb.andWhere('u.school_id = :schoolId', { schoolId });
    return qb.orderBy('u.id').getMany();
  }

  async recordLoginFailure(email: string, ip: string): Promise<void> {
    await this.db.getRepository(LoginFailure).insert({ email, ip });
  }

  async clearLoginFailures(email: string): Promise<void> {
    await this.db.getRepository(LoginFailure).delete({ email });
  }

  async countLoginFailures(since: Date, by: { email?: string; ip?: string }): Promise<number> {
    const qb = this.db.getRepository(LoginFailure).createQueryBuilder('f').where('f.at > :since', { since });
    if (by.email) qb.andWhere('f.email = :email', { email: by.email });
    if (by.ip) qb.andWhere('f.ip = :ip', { ip: by.ip });
    return qb.getCount();
  }
}

