import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { CouncilFilterSchema, MemberFilterSchema } from '../applications/application.schemas';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { jsonParam, parse } from '../common/validation';
import { MemberRosterFilterSchema } from '../roster/roster.schemas';
import { ExportFormat, ExportResource, ExportsService } from './exports.service';

const FormatSchema = z.enum(['csv', 'xlsx'], '格式应为 csv 或 xlsx').default('csv');
const FILTERS = { 'council-applications': CouncilFilterSchema, 'member-applications': MemberFilterSchema, members: MemberRosterFilterSchema };

/**
 * `GET /api/<resource>/export`: every row matching the filter, as CSV or XLSX. This controller's
 * module is imported before the modules that own `GET /api/<resource>/:id`, so `export` wins.
 */
@ApiTags('exports')
@Roles('coordinator', 'lead')
@Controller()
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  private async run(resource: ExportResource, query: Record<string, unknown>, user: AuthUser, res: Response): Promise<void> {
    const format: ExportFormat = parse(z.strictObject({ format: FormatSchema }), { format: query.format ?? undefined }).format;
    const filter = parse(FILTERS[resource], jsonParam('filter', query.filter) ?? {}) as Record<string, unknown>;
    await this.exports.export({ resource, format, filter }, user, res);
  }

  @Get('council-applications/export')
  @ApiQuery({ name: 'format', enum: ['csv', 'xlsx'], required: false })
  @ApiQuery({ name: 'filter', required: false, description: 'JSON, as the list takes it' })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  council(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    return this.run('council-applications', query, user, res);
  }

  @Get('member-applications/export')
  @ApiQuery({ name: 'format', enum: ['csv', 'xlsx'], required: false })
  @ApiQuery({ name: 'filter', required: false, description: 'JSON, as the list takes it' })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  member(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    return this.run('member-applications', query, user, res);
  }

  @Get('members/export')
  @ApiQuery({ name: 'format', enum: ['csv', 'xlsx'], required: false })
  @ApiQuery({ name: 'filter', required: false, description: 'JSON, as the list takes it' })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  roster(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    return this.run('members', query, user, res);
  }
}
