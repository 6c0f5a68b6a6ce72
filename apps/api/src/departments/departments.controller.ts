import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { codesOf, DEPARTMENT_CATEGORY } from '@alliance/domain';
import type { Response } from 'express';
import { z } from 'zod';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { notFound } from '../common/errors';
import { anyOf, idFilter, parseListQuery, setContentRange, textFilter } from '../common/list-query';
import { idParam } from '../common/validation';
import { DepartmentsRepository, DepartmentView } from './departments.repository';

const FilterSchema = z.strictObject({
  id: idFilter.optional(),
  schoolId: idFilter.optional(),
  batchId: idFilter.optional(),
  category: anyOf(z.enum(codesOf(DEPARTMENT_CATEGORY))).optional(),
  q: textFilter.optional(),
});

/** Departments entered on council applications (read-only): the member form picks its department here. */
@ApiTags('departments')
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsRepository) {}

  @Get()
  async list(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<DepartmentView[]> {
    const q = parseListQuery(query, FilterSchema, ['id', 'name'], ['id', 'ASC']);
    const [rows, total] = await this.departments.list(user, q);
    setContentRange(res, 'departments', q.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  async one(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<DepartmentView> {
    return (await this.departments.findVisible(user, idParam(id))) ?? Promise.reject(notFound('二级院系'));
  }
}
