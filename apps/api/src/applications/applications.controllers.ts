import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiBodyFrom } from '../common/openapi';
import type { Action, ApplicationKind } from '@alliance/domain';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { parseListQuery, setContentRange } from '../common/list-query';
import { stripReadOnly } from '../common/records';
import { idParam, parse } from '../common/validation';
import { RESOURCE_OF } from './application-kinds';
import {
  CouncilCreateSchema, CouncilFilterSchema, CouncilUpdateSchema, MemberCreateSchema, MemberFilterSchema, MemberUpdateSchema,
  QuotaExceptionSchema, READ_ONLY_FIELDS, TransitionSchema,
} from './application.schemas';
import { ApplicationView } from './application.presenter';
import { SORTABLE } from './applications.repository';
import { ApplicationsService } from './applications.service';

/** The endpoints both forms share: lists, one, delete, the workflow, history and quota exceptions. */
abstract class ApplicationsController {
  protected abstract readonly kind: ApplicationKind;
  protected abstract readonly filterSchema: typeof CouncilFilterSchema | typeof MemberFilterSchema;

  constructor(protected readonly applications: ApplicationsService) {}

  @Get()
  async list(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<ApplicationView[]> {
    const q = parseListQuery(query, this.filterSchema, SORTABLE[this.kind]);
    const [rows, total] = await this.applications.list(this.kind, user, q);
    setContentRange(res, RESOURCE_OF[this.kind], q.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  one(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<ApplicationView> {
    return this.applications.get(this.kind, idParam(id), user);
  }

  @Delete(':id')
  remove(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<ApplicationView> {
    return this.applications.remove(this.kind, idParam(id), user);
  }

  @Post(':id/transitions')
  @ApiBodyFrom(TransitionSchema)
  @HttpCode(200)
  transition(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthUser): Promise<ApplicationView> {
    const input = parse(TransitionSchema, body);
    return this.applications.transition(this.kind, idParam(id), input.action as Action, input.comment ?? null, user);
  }

  @Get(':id/transitions')
  history(@Param('id') id: string, @CurrentUser() user: AuthUser) {
    return this.applications.history(this.kind, idParam(id), user);
  }

  @Roles('lead')
  @Post(':id/quota-exception')
  @ApiBodyFrom(QuotaExceptionSchema)
  @HttpCode(200)
  quotaException(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthUser): Promise<ApplicationView> {
    return this.applications.grantQuotaException(this.kind, idParam(id), parse(QuotaExceptionSchema, body).reason, user);
  }
}

@ApiTags('council-applications')
@Controller('council-applications')
export class CouncilApplicationsController extends ApplicationsController {
  protected readonly kind = 'council' as const;
  protected readonly filterSchema = CouncilFilterSchema;

  constructor(applications: ApplicationsService) {
    super(applications);
  }

  @Post()
  @ApiBodyFrom(CouncilCreateSchema, '附件1 理事单位（学校）申报表')
  create(@Body() body: unknown, @CurrentUser() user: AuthUser): Promise<ApplicationView> {
    return this.applications.createCouncil(parse(CouncilCreateSchema, body), user);
  }

  @Put(':id')
  @ApiBodyFrom(CouncilUpdateSchema)
  update(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthUser): Promise<ApplicationView> {
    return this.applications.updateCouncil(idParam(id), parse(CouncilUpdateSchema, stripReadOnly(body, READ_ONLY_FIELDS)), user);
  }
}

@ApiTags('member-applications')
@Controller('member-applications')
export class MemberApplicationsController extends ApplicationsController {
  protected readonly kind = 'member' as const;
  protected readonly filterSchema = MemberFilterSchema;

  constructor(applications: ApplicationsService) {
    super(applications);
  }

  @Post()
  @ApiBodyFrom(MemberCreateSchema, '附件2 成员（个人）申报表')
  create(@Body() body: unknown, @CurrentUser() user: AuthUser): Promise<ApplicationView> {
    return this.applications.createMember(parse(MemberCreateSchema, body), user);
  }

  @Put(':id')
  @ApiBodyFrom(MemberUpdateSchema)
  update(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthUser): Promise<ApplicationView> {
    return this.applications.updateMember(idParam(id), parse(MemberUpdateSchema, stripReadOnly(body, READ_ONLY_FIELDS)), user);
  }
}
