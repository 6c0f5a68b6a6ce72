import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Public, Roles } from '../auth/decorators';
import { parseListQuery, setContentRange } from '../common/list-query';
import { ApiBodyFrom } from '../common/openapi';
import { stripReadOnly } from '../common/records';
import { idParam, parse } from '../common/validation';
import { School } from './school.entity';
import { SchoolFilterSchema, SchoolSchema } from './schools.schemas';
import { SchoolsService } from './schools.service';

@ApiTags('schools')
@Controller('schools')
export class SchoolsController {
  constructor(private readonly schools: SchoolsService) {}

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
  one(@Param('id') id: string): Promise<School> {
    return this.schools.get(idParam(id));
  }

  @Roles('lead')
  @Post()
  @ApiBodyFrom(SchoolSchema)
  create(@Body() body: unknown, @CurrentUser() user: AuthUser): Promise<School> {
    return this.schools.create(parse(SchoolSchema, body), user);
  }

  @Roles('lead')
  @Put(':id')
  @ApiBodyFrom(SchoolSchema)
  update(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthUser): Promise<School> {
    return this.schools.update(idParam(id), parse(SchoolSchema, stripReadOnly(body)), user);
  }
}
