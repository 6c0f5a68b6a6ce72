import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Public, Roles } from '../auth/decorators';
import { AuditRepository } from '../audit/audit.repository';
import { conflict, notFound } from '../common/errors';
import { rethrowUniqueAsConflict, stripReadOnly } from '../common/records';
import { parseListQuery, setContentRange } from '../common/list-query';
import { idParam, parse } from '../common/validation';
import { School } from './school.entity';
import { SchoolFilterSchema, SchoolSchema } from './schools.schemas';
import { SchoolsRepository } from './schools.repository';

/** Schools are public (the registration form picks one); the lead maintains them. */
@ApiTags('schools')
@Controller('schools')
export class SchoolsController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly schools: SchoolsRepository,
    private readonly audit: AuditRepository,
  ) {}

  @Public()
  @Get()
  async list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response): Promise<School[]> {
    const q = parseListQuery(query, SchoolFilterSchema, ['id', 'name', 'type', 'province'], ['name', 'ASC']);
    const [rows, total] = await this.schools.list(q);
    setContentRange(res, 'schools', q.offset, rows.length, total);
    return rows;
  }

  @Public()
  @Get(':id')
  async one(@Param('id') id: string): Promise<School> {
    return (await this.schools.findById(idParam(id))) ?? Promise.reject(notFound('学校'));
  }

  @Roles('lead')
  @Post()
  create(@Body() body: unknown, @CurrentUser() user: AuthUser): Promise<School> {
    const input = parse(SchoolSchema, body);
    return this.db.transaction(async (m) => {
      if (await this.schools.findByName(input.name, m)) throw conflict('该学校名称已存在');
      const school = await this.schools.insert(m, input);
      await this.audit.record(m, user, { action: 'create', entity: 'school', entityId: school.id, data: { name: school.name } });
      return school;
    }).catch(rethrowUniqueAsConflict);
  }

  @Roles('lead')
  @Put(':id')
  update(@Param('id') rawId: string, @Body() body: unknown, @CurrentUser() user: AuthUser): Promise<School> {
    const id = idParam(rawId);
    const input = parse(SchoolSchema, stripReadOnly(body));
    return this.db.transaction(async (m) => {
      if (!(await this.schools.findById(id, m))) throw notFound('学校');
      await this.schools.update(m, id, input);
      await this.audit.record(m, user, { action: 'update', entity: 'school', entityId: id, data: { ...input } });
      return (await this.schools.findById(id, m))!;
    }).catch(rethrowUniqueAsConflict);
  }
}
