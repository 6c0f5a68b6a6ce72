import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationKind, ApplicationState, SEAT_HOLDING_STATES, Seat } from '@alliance/domain';
import { Brackets, DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AuthUser, isStaff } from '../auth/auth-user';
import { AppError } from '../common/errors';
import { ListQuery } from '../common/list-query';
import { escapeLike } from '../common/sql';
import { School } from '../schools/school.entity';
import { ApplicationFilter } from './application.schemas';
import { CouncilApplication, Department, MemberApplication, QuotaException, Transition } from './application.entities';

export type ApplicationRow = CouncilApplication | MemberApplication;

/** What a workflow step changes on the application's row. */
export interface StepChanges {
  state: ApplicationState;
  updatedAt: Date;
  submittedAt?: Date;
  lastComment?: string | null;
}
export type StepHistory = Pick<Transition, 'action' | 'from' | 'to' | 'actorId' | 'actorRole' | 'comment'>;

interface RawBatch { id: number; opensAt: number; deadline: number }
interface RawFile { id: string; applicationId: number; kind: string; fileName: string; contentType: string; size: number; sha256: string }
interface RawException { applicationId: number; reason: string; grantedBy: number; grantedAt: number }

/** ApplicationsRepository.pageContext(): for member applications `departments` are `{ id, name, category }` and
 * `holders` the seat holders; for council applications full departments and the schools' department holders. */
export interface PageContext {
  batches: { id: number; opensAt: Date; deadline: Date }[];
  files: RawFile[];
  exceptions: { applicationId: number; reason: string; grantedBy: number; grantedAt: Date }[];
  departments: (Pick<Department, 'id' | 'name' | 'category'> & Partial<Department>)[];
  holders: ({ id: number; departmentId: number; seat: Seat } | { id: number; schoolId: number; batchId: number; departments: number })[];
}
const ENTITY = { council: CouncilApplication, member: MemberApplication } as const;
const SEAT_STATES = [...SEAT_HOLDING_STATES];
/** Up to this many matches, a page ordered by id sorts the matches instead of walking the id index (see list()). */
const FEW_MATCHES = 2000;

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

/** applyScope's rule for a row already read (e.g. just locked), without another query. */
export function inScope(row: Pick<ApplicationRow, 'ownerId' | 'schoolId' | 'state'>, user: AuthUser): boolean {
  if (isStaff(user) || row.ownerId === user.id) return true;
  return user.roles.includes('school_admin') && !!user.schoolId && row.schoolId === user.schoolId && row.state !== 'draft';
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
    // The count first: COUNT(*) rather than getCount()'s COUNT(DISTINCT a.id), as the joins are
    // many-to-one and no row repeats. It decides whether the page query is needed at all, and how
    // it should find the page (below).
    const counted = await qb.clone().select('COUNT(*)', 'count').getRawOne<{ count: string }>();
    const total = Number(counted?.count ?? 0);
    if (total === 0 || q.offset >= total) return [[], total];
    const column = SORT_COLUMNS[q.sort.field];
    const page = (b: SelectQueryBuilder<ApplicationRow>, by: string) =>
      b.orderBy(by, q.sort.order, 'NULLS LAST').addOrderBy('a.id', q.sort.order).offset(q.offset).limit(q.limit);
    if (total > FEW_MATCHES) return [this.hydrate(kind, await page(qb.clone(), column).getRawMany()), total];
    // Few matches: find the page's ids first, then read those rows. Ordered by id, PostgreSQL
    // would otherwise walk the primary key from one end, reading each wide row and checking it
    // against the filters until the page is full: quick when many rows match, but with few (and
    // an estimate that takes school type and honors as independent) it reads the whole table.
    // `a.id + 0` is not indexed: the matches are selected through the narrow filter indexes and
    // sorted. A sort on another column reads only the matching rows.
    // One statement: the page's ids in a subquery (LIMIT keeps it from being pulled up, so it is
    // planned on its own as before), the rows read by primary key.
    const ids = page(qb.clone().select('a.id', 'id'), column === 'a.id' ? 'a.id + 0' : column);
    const raws = await this.query(kind).where(`a.id IN (${ids.getQuery()})`).setParameters(ids.getParameters())
      .orderBy(column, q.sort.order, 'NULLS LAST').addOrderBy('a.id', q.sort.order).getRawMany();
    return [this.hydrate(kind, raws), total];
  }

  private hydrators?: Record<ApplicationKind, (raw: Record<string, unknown>) => ApplicationRow>;

  /**
   * The list's rows from the raw results of query() (aliases `a_<column>`, `s_<column>`): the same
   * entities as getMany() builds (same prototype, properties in metadata order, value transformers
   * applied, the school set after the columns), without TypeORM's generic grouping and hydration,
   * which was ~9 % of the API's CPU under list load. The joins are many-to-one: one raw row per entity.
   */
  private hydrate(kind: ApplicationKind, raws: Record<string, unknown>[]): ApplicationRow[] {
    this.hydrators ??= { council: this.hydrator(CouncilApplication), member: this.hydrator(MemberApplication) };
    return raws.map(this.hydrators[kind]);
  }

  private hydrator(target: typeof CouncilApplication | typeof MemberApplication): (raw: Record<string, unknown>) => ApplicationRow {
    const columnsOf = (t: Function, alias: string) => {
      const meta = this.db.getMetadata(t);
      if (meta.childEntityMetadatas.length || meta.columns.some((c) => c.embeddedMetadata || c.isVirtual)) {
        throw new Error(`hydrator: ${meta.name} has columns it does not handle`);
      }
      const columns = meta.columns.map((c) => {
        const transformer = c.transformer;
        if (Array.isArray(transformer)) throw new Error(`hydrator: ${meta.name}.${c.propertyName} has several transformers`);
        const from = transformer ? (v: unknown) => transformer.from(v) : undefined;
        return { key: `${alias}_${c.databaseName}`, property: c.propertyName, from };
      });
      return { proto: (t as { prototype: object }).prototype, columns };
    };
    const app = columnsOf(target, 'a');
    const school = columnsOf(School, 's');
    const build = (raw: Record<string, unknown>, m: typeof app) => {
      const entity = Object.create(m.proto) as Record<string, unknown>;
      for (const c of m.columns) {
        const value = raw[c.key];
        if (value === undefined) continue;
        entity[c.property] = c.from ? c.from(value) : value;
      }
      return entity;
    };
    return (raw) => {
      const entity = build(raw, app);
      entity.school = build(raw, school);
      return entity as unknown as ApplicationRow;
    };
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
    await m.getRepository(ENTITY[kind]).update({ id }, { updatedAt: new Date(), ...values } as never);
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

  /**
   * What the presenter needs besides the rows, in one statement (one round trip instead of five
   * TypeORM queries): the rows' batches, attachments and quota exceptions; for member applications
   * their departments and the seats held in them; for council applications their departments and
   * the departments held by their schools' seat-holding applications.
   */
  async pageContext(kind: ApplicationKind, rows: ApplicationRow[], m: EntityManager = this.db.manager): Promise<PageContext> {
    const ids = rows.map((r) => r.id);
    const batchIds = [...new Set(rows.map((r) => r.batchId))];
    const ms = (col: string) => `(extract(epoch FROM ${col}) * 1000)::float8`;
    const common = `
      (SELECT coalesce(json_agg(json_build_object('id', b.id, 'opensAt', ${ms('b.opens_at')}, 'deadline', ${ms('b.deadline')})), '[]')
         FROM batches b WHERE b.id = ANY($2::int[])) AS batches,
      (SELECT coalesce(json_agg(json_build_object('id', f.id, 'applicationId', f.application_id, 'kind', f.kind, 'fileName', f.file_name,
           'contentType', f.content_type, 'size', f.size, 'sha256', f.sha256) ORDER BY f.created_at, f.id), '[]')
         FROM attachments f WHERE f.application_kind = $1 AND f.application_id = ANY($3::int[])) AS files,
      (SELECT coalesce(json_agg(json_build_object('applicationId', q.application_id, 'reason', q.reason, 'grantedBy', q.granted_by,
           'grantedAt', ${ms('q.granted_at')})), '[]')
         FROM quota_exceptions q WHERE q.application_kind = $1 AND q.application_id = ANY($3::int[])) AS exceptions`;
    let raw: { batches: RawBatch[]; files: RawFile[]; exceptions: RawException[]; departments: unknown[]; holders: unknown[] }[];
    if (kind === 'member') {
      const departmentIds = [...new Set((rows as MemberApplication[]).map((r) => r.departmentId).filter((d): d is number => d !== null))];
      raw = await m.query(`SELECT ${common},
        (SELECT coalesce(json_agg(json_build_object('id', d.id, 'name', d.name, 'category', d.category)), '[]')
           FROM departments d WHERE d.id = ANY($4::int[])) AS departments,
        (SELECT coalesce(json_agg(json_build_object('id', h.id, 'departmentId', h.department_id, 'seat', h.seat)), '[]')
           FROM member_applications h WHERE h.department_id = ANY($4::int[]) AND h.state = ANY($5::text[]) AND h.seat IS NOT NULL) AS holders`,
      [kind, batchIds, ids, departmentIds, SEAT_STATES]);
    } else {
      const schoolIds = [...new Set(rows.map((r) => r.schoolId))];
      raw = await m.query(`SELECT ${common},
        (SELECT coalesce(json_agg(json_build_object('id', d.id, 'councilApplicationId', d.council_application_id, 'name', d.name,
             'category', d.category, 'establishedOn', d.established_on, 'majorSharePct', d.major_share_pct,
             'avgEnrollment3y', d.avg_enrollment_3y, 'headName', d.head_name, 'headPosition', d.head_position,
             'strongMajors', d.strong_majors) ORDER BY d.council_application_id, d.position), '[]')
           FROM departments d WHERE d.council_application_id = ANY($3::int[])) AS departments,
        (SELECT coalesce(json_agg(x), '[]') FROM (
           SELECT a.id, a.school_id AS "schoolId", a.batch_id AS "batchId", count(d.id)::int AS departments
           FROM council_applications a LEFT JOIN departments d ON d.council_application_id = a.id
           WHERE a.school_id = ANY($4::int[]) AND a.state = ANY($5::text[]) GROUP BY a.id) x) AS holders`,
      [kind, batchIds, ids, schoolIds, SEAT_STATES]);
    }
    const [c] = raw;
    return {
      batches: c.batches.map((b) => ({ id: b.id, opensAt: new Date(b.opensAt), deadline: new Date(b.deadline) })),
      files: c.files,
      exceptions: c.exceptions.map((e) => ({ applicationId: e.applicationId, reason: e.reason, grantedBy: e.grantedBy, grantedAt: new Date(e.grantedAt) })),
      departments: c.departments as PageContext['departments'],
      holders: c.holders as PageContext['holders'],
    };
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

  /** A workflow step: the application's new state and its history row, in one statement (one round trip). */
  async recordStep(m: EntityManager, kind: ApplicationKind, id: number, changes: StepChanges, t: StepHistory): Promise<void> {
    const params: unknown[] = [changes.state, changes.updatedAt];
    const set = ['state = $1', 'updated_at = $2'];
    if (changes.submittedAt !== undefined) set.push(`submitted_at = $${params.push(changes.submittedAt)}`);
    if (changes.lastComment !== undefined) set.push(`last_comment = $${params.push(changes.lastComment)}`);
    const p = (value: unknown) => `$${params.push(value)}`;
    await m.query(
      `WITH changed AS (UPDATE ${this.db.getMetadata(ENTITY[kind]).tableName} SET ${set.join(', ')} WHERE id = ${p(id)} RETURNING id)
       INSERT INTO transitions (application_kind, application_id, action, from_state, to_state, actor_id, actor_role, comment)
       SELECT ${p(kind)}, changed.id, ${p(t.action)}, ${p(t.from)}, ${p(t.to)}, ${p(t.actorId)}, ${p(t.actorRole)}, ${p(t.comment)} FROM changed`,
      params,
    );
  }

  history(kind: ApplicationKind, id: number): Promise<Transition[]> {
    return this.db.getRepository(Transition).find({ where: { applicationKind: kind, applicationId: id }, order: { id: 'ASC' } });
  }
}
