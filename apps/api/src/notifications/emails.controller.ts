import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { APPLICATION_KIND, codesOf, EMAIL_STATUS, EMAIL_TEMPLATE } from '@alliance/domain';
import type { Response } from 'express';
import { z } from 'zod';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { anyOf, idFilter, parseListQuery, setContentRange, textFilter } from '../common/list-query';
import { idParam } from '../common/validation';
import { EMAIL_SORTABLE } from './emails.repository';
import { EmailsService, EmailView } from './emails.service';
import type { RenderedEmail } from './templates';

const FilterSchema = z.strictObject({
  id: idFilter.optional(),
  status: anyOf(z.enum(codesOf(EMAIL_STATUS))).optional(),
  template: anyOf(z.enum(codesOf(EMAIL_TEMPLATE))).optional(),
  applicationKind: anyOf(z.enum(codesOf(APPLICATION_KIND))).optional(),
  applicationId: idFilter.optional(),
  invitationId: idFilter.optional(),
  q: textFilter.optional(),
});

/** The notification log (`emails`): read by lead, center reviewers and coordinators; resent by lead and center reviewers. */
@ApiTags('emails')
@Roles('lead', 'center_reviewer', 'coordinator')
@Controller('emails')
export class EmailsController {
  constructor(private readonly emails: EmailsService) {}

  @Get()
  async list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response): Promise<EmailView[]> {
    const q = parseListQuery(query, FilterSchema, EMAIL_SORTABLE);
    const [rows, total] = await this.emails.list(q);
    setContentRange(res, 'emails', q.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  one(@Param('id') id: string): Promise<EmailView> {
    return this.emails.get(idParam(id));
  }

  @Get(':id/preview')
  preview(@Param('id') id: string): Promise<RenderedEmail> {
    return this.emails.preview(idParam(id));
  }

  @Roles('lead', 'center_reviewer')
  @Post(':id/resend')
  @HttpCode(200)
  resend(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<EmailView> {
    return this.emails.resend(idParam(id), user);
  }
}
