import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiTags } from '@nestjs/swagger';
import { codesOf, DEPARTMENT_CATEGORY } from '@alliance/domain';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { isStaff, type AuthUser } from '../auth/auth-user';
import { notFound } from '../common/errors';
import { anyOf, idFilter, parseListQuery, setContentRange, textFilter } from '../common/list-query';
import { idParam } from '../common/validation';
import { escapeLike } from '../users/users.repository';
import { CurrentUser } from '../auth/decorators';

const FilterSchema = z.strictObject({
  id: idFilter.optional(),
  schoolId: idFilter.optional(),
  batchId: idFilter.optional(),
  category: anyOf(z.enum(codesOf(DEPARTMENT_CATEGORY))).optional(),
  q: textFilter.optional(),
});

export interface DepartmentView {
  id: number; name: string | null; category: string | null; schoolId: number; schoolName: string; councilApplicationId: number; batchId: number;
}

/**
 * Departments entered on council applications (read-only): the member form picks its
 * department here. Staff see all; others see their own school's, from live applications.
 */
@ApiTags('departments')
@Controller('departments')
export class DepartmentsController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private query(user: AuthUser) {
    const qb = this.db.createQueryBuilder()
      .select(['d.id AS id', 'd.name AS name', 'd.category AS category', 'd.school_id AS "schoolId"', 's.name AS "schoolName"',
        'd.council_application_id AS "councilApplicationId"', 'a.batch_id AS "batchId"'])
      .from('departments', 'd').innerJoin('council_applications', 'a', 'a.id = d.council_application_id')
      .innerJoin('schools', 's', 's.id = d.school_id')
      .where(`a.state NOT IN ('withdrawn', 'rejected')`);
    if (!isStaff(user)) qb.andWhere('d.school_id = :ownSchool', { ownSchool: user.schoolId ?? -1 });
    return qb;
  }

  @Get()
  async list(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<DepartmentView[]> {
    const q = parseListQuery(query, FilterSchema, ['id', 'name'], ['id', 'ASC']);
    const qb = this.query(user);
    const f = q.filter;
    if (f.id) qb.andWhere('d.id IN (:...ids)', { ids: f.id });
    if (f.schoolId) qb.andWhere('d.school_id IN (:...schoolIds)', { schoolIds: f.schoolId });
    if (f.batchId) qb.andWhere('a.batch_id IN (:...batchIds)', { batchIds: f.batchId });
    if (f.category) qb.andWhere('d.category IN (:...categories)', { categories: f.category });
    if (f.q) qb.andWhere('(d.name ILIKE :q OR s.name ILIKE :q)', { q: `%${escapeLike(f.q)}%` });
    const total = await qb.clone().getCount();
    const rows = await qb.orderBy(q.sort.field === 'name' ? 'd.name' : 'd.id', q.sort.order).offset(q.offset).limit(q.limit).getRawMany<DepartmentView>();
    setContentRange(res, 'departments', q.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  async one(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<DepartmentView> {
    const row = await this.query(user).andWhere('d.id = :id', { id: idParam(id) }).getRawOne<DepartmentView>();
    if (!row) throw notFound('二级院系');
    return row;
  }
}
