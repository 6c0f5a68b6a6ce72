import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationKind, SEAT_HOLDING_STATES, Seat } from '@alliance/domain';
import { Brackets, DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AuthUser, isStaff } from '../auth/auth-user';
import { AppError } from '../common/errors';
import { ListQuery } from '../common/list-query';
import { escapeLike } from '../users/users.repository';
import { ApplicationFilter } from './application.schemas';
import { CouncilApplication, Department, MemberApplication, QuotaException, Transition } from './application.entities';

export type ApplicationRow = CouncilApplication | MemberApplication;
const ENTITY = { council: CouncilApplication, member: MemberApplication } as const;
const SEAT_STATES = [...SEAT_HOLDING_STATES];

const SORT_COLUMNS: Record<string, string> = {
  id: 'a.id', state: 'a.state', submittedAt: 'a.submitted_at', createdAt: 'a.created_at', updatedAt: 'a.updated_at',
  schoolName: 's.name', name: 'a.name',
};
export const SORTABLE = { council: ['id', 'state', 'submittedAt', 'createdAt', 'updatedAt', 'schoolName'], member: ['id', 'state', 'submittedAt', 'createdAt', 'updatedAt', 'schoolName', 'name'] };

/**
 * Which applications a user may see: staff all of them; a school admin the non-draft ones of
 * their school; everyone their own.
 */
export function applyScope<T extends object>(qb: SelectQueryBuilder<T>, user: AuthUser, alias = 'a'): SelectQueryBuilder<T> {
  if (isStaff(user)) return qb;
  return qb.andWhere(new Brackets((w) => {
    w.where(`${alias}.owner_id = :scopeUserId`, { scopeUserId: user.id });
    if (user.roles.includes('school_admin') && user.schoolId) {
      w.orWhere(`(${alias}.school_id = :scopeSchoolId AND ${alias}.state <> 'draft')`, { scopeSchoolId: user.schoolId });
    }
  }));
}

/** The only code that reads and writes applications, their departments, history and quota exceptions. */
@Injectable()
export class ApplicationsRepository {
  constructor(@InjectDataSource() readonly db: DataSource) {}

  private query(kind: ApplicationKind, m: EntityManager = this.db.manager): SelectQueryBuilder<ApplicationRow> {
    return (m.getRepository(ENTITY[kind]) as unknown as import('typeorm').Repository<ApplicationRow>)
      .createQueryBuilder('a').innerJoinAndSelect('a.school', 's');
  }

  /** Applies the list filters of API.md; shared by lists, counts and exports. */
  filtered(kind: ApplicationKind, user: AuthUser, f: ApplicationFilter, m?: EntityManager): SelectQueryBuilder<ApplicationRow> {
    const qb = applyScope(this.query(kind, m), user);
    if (f.id) qb.andWhere('a.id IN (:...ids)', { ids: f.id });
    if (f.state) qb.andWhere('a.state IN (:...states)', { states: f.state });
    if (f.batchId) qb.andWhere('a.batch_id IN (:...batchIds)', { batchIds: f.batchId });
    if (f.schoolId) qb.andWhere('a.school_id IN (:...schoolIds)', { schoolIds: f.schoolId });
    if (f.ownerId) qb.andWhere('a.owner_id IN (:...ownerIds)', { ownerIds: f.ownerId });
    if (f.schoolType) qb.andWhere('s.type IN (:...schoolTypes)', { schoolTypes: f.schoolType });
    if (f.schoolHonors) qb.andWhere('s.honors && :schoolHonors::text[]', { schoolHonors: f.schoolHonors });
    if (f.province) qb.andWhere('s.province IN (:...provinces)', { provinces: f.province });
    if (kind === 'council') {
      if (f.departmentCategory) {
        qb.andWhere('EXISTS (SELECT 1 FROM departments d WHERE d.council_application_id = a.id AND d.category IN (:...categories))', { categories: f.departmentCategory });
      }
      if (f.departmentId) qb.andWhere('EXISTS (SELECT 1 FROM departments d WHERE d.council_application_id = a.id AND d.id IN (:...departmentIds))', { departmentIds: f.departmentId });
      if (f.q) qb.andWhere('s.name ILIKE :q', { q: `%${escapeLike(f.q)}%` });
    } else {
      if (f.departmentCategory) qb.andWhere('EXISTS (SELECT 1 FROM departments d WHERE d.id = a.department_id AND d.category IN (:...categories))', { categories: f.departmentCategory });
      if (f.departmentId) qb.andWhere('a.department_id IN (:...departmentIds)', { departmentIds: f.departmentId });
      if (f.seat) qb.andWhere('a.seat IN (:...seats)', { seats: f.seat });
      if (f.targetGroup) qb.andWhere('a.target_group IN (:...targetGroups)', { targetGroups: f.targetGroup });
      if (f.q) qb.andWhere('(a.name ILIKE :q OR s.name ILIKE :q)', { q: `%${escapeLike(f.q)}%` });
    }
    return qb;
  }

  async list(kind: ApplicationKind, user: AuthUser, q: ListQuery<ApplicationFilter>): Promise<[ApplicationRow[], number]> {
    const qb = this.filtered(kind, user, q.filter);
    const [rows, total] = await Promise.all([
      qb.clone().orderBy(SORT_COLUMNS[q.sort.field], q.sort.order, 'NULLS LAST').addOrderBy('a.id', q.sort.order).offset(q.offset).limit(q.limit).getMany(),
      qb.clone().getCount(),
    ]);
    return [rows, total];
  }

  findVisible(kind: ApplicationKind, id: number, user: AuthUser, m?: EntityManager): Promise<ApplicationRow | null> {
    return applyScope(this.query(kind, m).where('a.id = :id', { id }), user).getOne();
  }

  /** Locks the application row for a state change; scope is checked by the caller. */
  lock(kind: ApplicationKind, id: number, m: EntityManager): Promise<ApplicationRow | null> {
    return this.query(kind, m).where('a.id = :id', { id }).setLock('pessimistic_write', undefined, ['a']).getOne();
  }

  async save(kind: ApplicationKind, m: EntityManager, row: Partial<ApplicationRow>): Promise<number> {
    const repo = m.getRepository(ENTITY[kind]);
    const saved = await repo.save(repo.create(row as never)) as unknown as ApplicationRow;
    return saved.id;
  }

  async update(kind: ApplicationKind, m: EntityManager, id: number, values: Partial<ApplicationRow>): Promise<void> {
    await m.getRepository(ENTITY[kind]).update({ id }, { ...values, updatedAt: new Date() } as never);
  }

  async remove(kind: ApplicationKind, m: EntityManager, id: number): Promise<void> {
    await m.getRepository(ENTITY[kind]).delete({ id });
  }

  /** An application of this kind by this owner (or school, for council) in the batch that is still alive. */
  async findActive(kind: ApplicationKind, by: { batchId: number; ownerId?: number; schoolId?: number }, m: EntityManager): Promise<ApplicationRow | null> {
    const qb = this.query(kind, m).where('a.batch_id = :batchId', { batchId: by.batchId })
      .andWhere(`a.state NOT IN ('withdrawn', 'rejected')`);
    if (by.ownerId) qb.andWhere('a.owner_id = :ownerId', { ownerId: by.ownerId });
    if (by.schoolId) qb.andWhere('a.school_id = :schoolId', { schoolId: by.schoolId });
    return qb.getOne();
  }

  // --- departments -------------------------------------------------------------------------

  departmentsOf(applicationIds: number[], m: EntityManager = this.db.manager): Promise<Department[]> {
    if (!applicationIds.length) return Promise.resolve([]);
    return m.getRepository(Department).createQueryBuilder('d').where('d.council_application_id IN (:...ids)', { ids: applicationIds })
      .orderBy('d.council_application_id').addOrderBy('d.position').getMany();
  }

  departmentsByIds(ids: number[], m: EntityManager = this.db.manager): Promise<Department[]> {
    if (!ids.length) return Promise.resolve([]);
    return m.getRepository(Department).createQueryBuilder('d').where('d.id IN (:...ids)', { ids }).getMany();
  }

  async departmentWithApplication(id: number, m: EntityManager): Promise<(Department & { batchId: number; applicationState: string }) | null> {
    const rows: { batch_id: number; state: string }[] = await m.query(
      'SELECT a.batch_id, a.state FROM departments d JOIN council_applications a ON a.id = d.council_application_id WHERE d.id = $1', [id]);
    const d = await m.getRepository(Department).findOneBy({ id });
    return d && rows[0] ? Object.assign(d, { batchId: rows[0].batch_id, applicationState: rows[0].state }) : null;
  }

  async replaceDepartments(m: EntityManager, app: CouncilApplication, departments: Partial<Department>[]): Promise<void> {
    const repo = m.getRepository(Department);
    const existing = await repo.findBy({ councilApplicationId: app.id });
    const existingIds = new Set(existing.map((d) => d.id));
    departments.forEach((d, i) => {
      if (d.id && !existingIds.has(d.id)) {
        throw new AppError('validation', '提交的数据有误', [{ path: `departments.${i}.id`, message: '该院系不属于本申报' }]);
      }
    });
    const keep = new Set(departments.filter((d) => d.id).map((d) => d.id));
    const removed = existing.filter((d) => !keep.has(d.id)).map((d) => d.id);
    if (removed.length) await repo.delete(removed);
    for (const [position, d] of departments.entries()) {
      await repo.save(repo.create({ ...d, councilApplicationId: app.id, schoolId: app.schoolId, position }));
    }
  }

  /** Takes the department's row lock: serialises seat counts of its member applications. */
  async lockDepartment(m: EntityManager, id: number): Promise<void> {
    await m.query('SELECT id FROM departments WHERE id = $1 FOR UPDATE', [id]);
  }

  // --- quota counts --------------------------------------------------------------------------

  /** Seat-holding member applications of these departments. */
  seatHolders(departmentIds: number[], m: EntityManager = this.db.manager): Promise<{ id: number; departmentId: number; seat: Seat }[]> {
    if (!departmentIds.length) return Promise.resolve([]);
    return m.query(
      `SELECT id, department_id AS "departmentId", seat FROM member_applications
       WHERE department_id = ANY($1) AND state = ANY($2) AND seat IS NOT NULL`, [departmentIds, SEAT_STATES]);
  }

  /** Seat-holding council applications of these schools, with their department counts per batch. */
  departmentHolders(schoolIds: number[], m: EntityManager = this.db.manager): Promise<{ id: number; schoolId: number; batchId: number; departments: number }[]> {
    if (!schoolIds.length) return Promise.resolve([]);
    return m.query(
      `SELECT a.id, a.school_id AS "schoolId", a.batch_id AS "batchId", count(d.id)::int AS departments
       FROM council_applications a LEFT JOIN departments d ON d.council_application_id = a.id
       WHERE a.school_id = ANY($1) AND a.state = ANY($2) GROUP BY a.id`, [schoolIds, SEAT_STATES]);
  }

  quotaExceptions(kind: ApplicationKind, ids: number[], m: EntityManager = this.db.manager): Promise<QuotaException[]> {
    if (!ids.length) return Promise.resolve([]);
    return m.getRepository(QuotaException).createQueryBuilder('q')
      .where('q.application_kind = :kind AND q.application_id IN (:...ids)', { kind, ids }).getMany();
  }

  async upsertQuotaException(m: EntityManager, kind: ApplicationKind, id: number, reason: string, grantedBy: number): Promise<void> {
    await m.query(
      `INSERT INTO quota_exceptions (application_kind, application_id, reason, granted_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (application_kind, application_id) DO UPDATE SET reason = EXCLUDED.reason, granted_by = EXCLUDED.granted_by, granted_at = now()`,
      [kind, id, reason, grantedBy]);
  }

  // --- history -------------------------------------------------------------------------------

  async addTransition(m: EntityManager, t: Omit<Transition, 'id' | 'at'>): Promise<void> {
    await m.getRepository(Transition).insert(t);
  }

  history(kind: ApplicationKind, id: number): Promise<Transition[]> {
    return this.db.getRepository(Transition).find({ where: { applicationKind: kind, applicationId: id }, order: { id: 'ASC' } });
  }
}
