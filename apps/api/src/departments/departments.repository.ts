import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isStaff, type AuthUser } from '../auth/auth-user';
import { ListQuery } from '../common/list-query';
import { escapeLike } from '../common/sql';

export interface DepartmentView {
  id: number; name: string | null; category: string | null; schoolId: number; schoolName: string; councilApplicationId: number; batchId: number;
}

export interface DepartmentFilter {
  id?: number[];
  schoolId?: number[];
  batchId?: number[];
  category?: string[];
  q?: string;
}

/**
 * Departments entered on live council applications. Staff see all; others their own school's.
 */
@Injectable()
export class DepartmentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private visible(user: AuthUser) {
    const qb = this.db.createQueryBuilder()
      .select(['d.id AS id', 'd.name AS name', 'd.category AS category', 'd.school_id AS "schoolId"', 's.name AS "schoolName"',
        'd.council_application_id AS "councilApplicationId"', 'a.batch_id AS "batchId"'])
      .from('departments', 'd').innerJoin('council_applications', 'a', 'a.id = d.council_application_id')
      .innerJoin('schools', 's', 's.id = d.school_id')
      .where(`a.state NOT IN ('withdrawn', 'rejected')`);
    if (!isStaff(user)) qb.andWhere('d.school_id = :ownSchool', { ownSchool: user.schoolId ?? -1 });
    return qb;
  }

  async list(user: AuthUser, q: ListQuery<DepartmentFilter>): Promise<[DepartmentView[], number]> {
    const qb = this.visible(user);
    const f = q.filter;
    if (f.id) qb.andWhere('d.id IN (:...ids)', { ids: f.id });
    if (f.schoolId) qb.andWhere('d.school_id IN (:...schoolIds)', { schoolIds: f.schoolId });
    if (f.batchId) qb.andWhere('a.batch_id IN (:...batchIds)', { batchIds: f.batchId });
    if (f.category) qb.andWhere('d.category IN (:...categories)', { categories: f.category });
    if (f.q) qb.andWhere('(d.name ILIKE :q OR s.name ILIKE :q)', { q: `%${escapeLike(f.q)}%` });
    const total = await qb.clone().getCount();
    const rows = await qb.orderBy(q.sort.field === 'name' ? 'd.name' : 'd.id', q.sort.order).offset(q.offset).limit(q.limit).getRawMany<DepartmentView>();
    return [rows, total];
  }

  findVisible(user: AuthUser, id: number): Promise<DepartmentView | undefined> {
    return this.visible(user).andWhere('d.id = :id', { id }).getRawOne<DepartmentView>();
  }
}
