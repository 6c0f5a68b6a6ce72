import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Public, Roles } from '../auth/decorators';
import { AppError } from '../common/errors';
import { parseListQuery, setContentRange } from '../common/list-query';
import { idParam, parse } from '../common/validation';
import { AcceptSchema, INVITATION_SORTABLE, InvitationFilterSchema, InviteSchema, TOKEN_PATTERN } from './invitation.schemas';
import { InvitationPreview, InvitationsService, InvitationView } from './invitations.service';

@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Roles('lead')
  @Get()
  async list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response): Promise<InvitationView[]> {
    const q = parseListQuery(query, InvitationFilterSchema, INVITATION_SORTABLE);
    const [rows, total] = await this.invitations.list(q);
    setContentRange(res, 'invitations', q.offset, rows.length, total);
    return rows;
  }

  // declared before ':id' so that the fixed path wins
  @Public()
  @Get('by-token/:token')
  byToken(@Param('token') token: string): Promise<InvitationPreview> {
    if (!TOKEN_PATTERN.test(token)) throw new AppError('not_found', '邀请链接无效或已失效');
    return this.invitations.preview(token);
  }

  @Public()
  @Post('accept')
  @HttpCode(200)
  accept(@Body() body: unknown) {
    return this.invitations.accept(parse(AcceptSchema, body));
  }

  @Roles('lead')
  @Get(':id')
  one(@Param('id') id: string): Promise<InvitationView> {
    return this.invitations.get(idParam(id));
  }

  @Roles('lead')
  @Post()
  create(@Body() body: unknown, @CurrentUser() user: AuthUser): Promise<InvitationView> {
    return this.invitations.invite(parse(InviteSchema, body), user);
  }

  @Roles('lead')
  @Post(':id/resend')
  @HttpCode(200)
  resend(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<InvitationView> {
    return this.invitations.resend(idParam(id), user);
  }

  @Roles('lead')
  @Post(':id/revoke')
  @HttpCode(200)
  revoke(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<InvitationView> {
    return this.invitations.revoke(idParam(id), user);
  }
}
