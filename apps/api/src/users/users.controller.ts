import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { parseListQuery, setContentRange } from '../common/list-query';
import { stripReadOnly } from '../common/records';
import { idParam, parse } from '../common/validation';
import { CreateUserSchema, UpdateUserSchema, UserFilterSchema, UsersService, UserView } from './users.service';

@ApiTags('users')
@Roles('lead')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  async list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response): Promise<UserView[]> {
    const q = parseListQuery(query, UserFilterSchema, ['id', 'email', 'name', 'createdAt']);
    const [rows, total] = await this.users.list(q);
    setContentRange(res, 'users', q.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  one(@Param('id') id: string): Promise<UserView> {
    return this.users.get(idParam(id));
  }

  @Post()
  create(@Body() body: unknown, @CurrentUser() actor: AuthUser): Promise<UserView> {
    return this.users.create(parse(CreateUserSchema, body), actor);
  }

  @Put(':id')
  update(@Param('id') id: string, @Body() body: unknown, @CurrentUser() actor: AuthUser): Promise<UserView> {
    return this.users.update(idParam(id), parse(UpdateUserSchema, stripReadOnly(body, ['email', 'emailVerified'])), actor);
  }

  /** Accounts are deactivated, never deleted: history and applications refer to them. */
  @Delete(':id')
  remove(@Param('id') id: string, @CurrentUser() actor: AuthUser): Promise<UserView> {
    return this.users.update(idParam(id), { active: false }, actor);
  }
}
